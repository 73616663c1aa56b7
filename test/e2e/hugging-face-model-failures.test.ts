/**
 * Hugging Face TGI and Text Embeddings Inference (TEI, behind an `openai` endpoint's
 * `openai_api_base`) answer 424 when their model fails: TGI "Request failed during generation"
 * (a CUDA out-of-memory), TEI "Inference failed". That is the server's failure, not the client's
 * request: README ("Upstream errors keep a meaningful status") says it is a 502 naming the endpoint
 * and the status, not retried, with `x-should-retry: false`, as for Bedrock's ModelErrorException
 * and a TGI stream's generation error event. The MLflow routes keep the 424, as MLflow does: MLflow's
 * Python client retries a 502 seven times over about four minutes, but not a 4xx.
 */
import OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { TGI } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const serve = {
  tei: (_request: unknown, response: Parameters<typeof sendJson>[0]) => sendJson(response, 424, readJsonFixture('openai', 'error-424-tei.json')),
  tgi: (_request: unknown, response: Parameters<typeof sendJson>[0]) => sendJson(response, 424, readJsonFixture(TGI, 'error-424.json')),
};

const setup = useGatewayWithUpstreams({
  upstreams: serve,
  config: (urls) => `
defaults:
  retries: { max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: tei-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: openai, name: BAAI/bge-large-en-v1.5, config: { openai_api_key: unused, openai_api_base: "${urls.tei}/v1" } }
  - name: tgi-completions
    endpoint_type: llm/v1/completions
    model: { provider: huggingface-text-generation-inference, name: mistral-7b, config: { hf_server_url: "${urls.tgi}" } }
`,
});

async function post(path: string, body: unknown) {
  const response = await fetch(`${setup.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, shouldRetry: response.headers.get('x-should-retry'), body: (await response.json()) as Record<string, unknown> };
}

describe('a 424 (the model failed) is a 502 naming the endpoint on /v1 and stays a 424 on the MLflow routes, sent once', () => {
  test('TEI embeddings on /v1 and the MLflow route', async () => {
    const message = "Upstream error from endpoint 'tei-embeddings' (status 424): Inference failed";
    expect(await post('/v1/embeddings', { model: 'tei-embeddings', input: ['Un café ?'], encoding_format: 'base64' })).toEqual({
      status: 502,
      shouldRetry: 'false',
      body: { error: { message, type: 'upstream_error', param: null, code: 'upstream_error' } },
    });
    // Not a 502, which MLflow's Python client (MlflowDeploymentClient.predict) would send seven times more.
    expect(await post('/endpoints/tei-embeddings/invocations', { input: 'Un café ?' })).toEqual({ status: 424, shouldRetry: null, body: { detail: message } });
    expect(setup.upstreams.tei.requests.map((request) => request.url)).toEqual(['/v1/embeddings', '/v1/embeddings']);
  });

  test('the official openai client, which retries a 502 twice by default, raises it after one call', async () => {
    const client = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${setup.gateway.url}/v1`, maxRetries: 2 });
    await expect(client.embeddings.create({ model: 'tei-embeddings', input: 'Un café ?' })).rejects.toMatchObject({ status: 502, code: 'upstream_error' });
    expect(setup.upstreams.tei.requests).toHaveLength(1);
  });

  test('TGI completions without a stream, on /v1 and the MLflow route', async () => {
    const message = "Upstream error from endpoint 'tgi-completions' (status 424): Request failed during generation: Server error: CUDA out of memory. Tried to allocate 2.00 GiB";
    expect(await post('/v1/completions', { model: 'tgi-completions', prompt: 'Order a coffee in French:' })).toMatchObject({
      status: 502,
      shouldRetry: 'false',
      body: { error: { message, code: 'upstream_error' } },
    });
    expect(await post('/endpoints/tgi-completions/invocations', { prompt: 'Order a coffee in French:' })).toEqual({ status: 424, shouldRetry: null, body: { detail: message } });
    expect(setup.upstreams.tgi.requests).toHaveLength(2);
  });
});
