/**
 * A number beyond a 64-bit float (`1e999`, which JSON.parse reads as Infinity and JSON.stringify writes
 * as null) anywhere in a request body, in a field the schema lists or not (`top_k`, `seed`, a tool's
 * schema, a key a plugin reads): a 400 (422 on MLflow routes) naming its place, and the provider is
 * not called. Over the fast path and the Express routes, for plain bodies and those body-parser reads.
 */
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { startPluginGateway } from '../support/plugin-gateway';
import type { ServerResponse } from 'node:http';

const RULE = 'must be a finite number (got a number beyond the range of a 64-bit float, such as 1e999)';
const MESSAGES = '"messages":[{"role":"user","content":"1e999 is text here"}]';

const answer = (request: RecordedRequest, response: ServerResponse) =>
  sendJson(response, 200, readJsonFixture('openai', request.url.endsWith('/embeddings') ? 'embeddings.response.json' : 'chat.response.json'));

/** POSTs `text` as it is, with `headers`; resolves with the status and the parsed JSON answer. */
async function post(url: string, text: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
  return { status: response.status, body: await response.json() };
}

/** POSTs `text` chunked (no Content-Length), which body-parser reads rather than the gateway's own reader. */
function postChunked(url: string, text: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
    });
    request.on('error', reject);
    request.write(text.slice(0, 20));
    request.end(text.slice(20));
  });
}

describe.each([
  ['the fast path', false],
  ['the Express routes', true],
])('on %s', (_path, validateResponses) => {
  const setup = useGatewayWithUpstreams({
    upstreams: { openai: answer },
    validateResponses,
    config: (urls) => `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } } }
  - { name: embeddings, endpoint_type: llm/v1/embeddings, model: { provider: openai, name: text-embedding-3-small, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } } }
`,
  });

  test.each([
    ['top_k', `{"model":"chat",${MESSAGES},"top_k":1e999}`],
    ['seed', `{"model":"chat",${MESSAGES},"seed":-1E+400}`],
    ['max_tokens', `{"model":"chat",${MESSAGES},"max_tokens":1${'0'.repeat(400)}}`],
    ['metadata.limits[1]', `{"model":"chat",${MESSAGES},"metadata":{"limits":[1,1e999]}}`],
    ['tools[0].function.parameters.properties.n.maximum', `{"model":"chat",${MESSAGES},"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"n":{"type":"number","maximum":1e999}}}}}]}`],
  ])('/v1/chat/completions with %s beyond a float: a 400 naming it; OpenAI is not called', async (param, text) => {
    const { status, body } = await post(`${setup.gateway.url}/v1/chat/completions`, text);
    expect({ status, error: body.error }).toEqual({ status: 400, error: { message: `${param}: ${RULE}`, type: 'invalid_request_error', param, code: 'invalid_body' } });
    expect(setup.upstreams.openai.requests).toEqual([]);
  });

  test('an MLflow route: a 422 with the message and the issue located under body', async () => {
    const { status, body } = await post(`${setup.gateway.url}/endpoints/chat/invocations`, `{${MESSAGES},"top_k":1e999}`);
    expect({ status, message: body.message, detail: body.detail }).toEqual({
      status: 422,
      message: `top_k: ${RULE}`,
      detail: [{ type: 'finite_number', loc: ['body', 'top_k'], msg: 'Input should be a finite number' }],
    });
    const embeddings = await post(`${setup.gateway.url}/endpoints/embeddings/invocations`, '{"input":[[1,2e308]]}');
    expect({ status: embeddings.status, message: embeddings.body.message }).toEqual({ status: 422, message: `input[0][1]: ${RULE}` });
    expect(setup.upstreams.openai.requests).toEqual([]);
  });

  test('bodies body-parser reads (chunked, gzip) are refused alike', async () => {
    const chunked = await postChunked(`${setup.gateway.url}/v1/chat/completions`, `{"model":"chat",${MESSAGES},"top_k":1e999}`);
    expect({ status: chunked.status, param: chunked.body.error.param }).toEqual({ status: 400, param: 'top_k' });
    const gzipped = await post(`${setup.gateway.url}/endpoints/chat/invocations`, gzipSync(`{${MESSAGES},"seed":-1e999}`), { 'content-encoding': 'gzip' });
    expect({ status: gzipped.status, message: gzipped.body.message }).toEqual({ status: 422, message: `seed: ${RULE}` });
    expect(setup.upstreams.openai.requests).toEqual([]);
  });

  test('large finite numbers, and 1e999 in a string, reach OpenAI as sent', async () => {
    const text = `{"model":"chat",${MESSAGES},"top_k":1.5e308,"seed":${'9'.repeat(300)}}`;
    const { status } = await post(`${setup.gateway.url}/v1/chat/completions`, text);
    expect(status).toBe(200);
    expect(setup.upstreams.openai.requests.map((request) => request.body)).toEqual([
      expect.objectContaining({ top_k: 1.5e308, seed: Number('9'.repeat(300)), messages: [{ role: 'user', content: '1e999 is text here' }] }),
    ]);
  });
});

// Keys the schema does not list reach a plugin as they are: a number beyond a float is refused before.
const RECORDING_PLUGIN = `'use strict';
module.exports = {
  displayName: 'Recorder',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      async chat(request) {
        return { id: 'c', object: 'chat.completion', created: 1, model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(request.options) }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
      },
    };
  },
};
`;

describe('a plugin provider', () => {
  let gateway: Awaited<ReturnType<typeof startPluginGateway>>;
  beforeAll(async () => {
    gateway = await startPluginGateway(RECORDING_PLUGIN, '  - { name: recorder, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }\n');
  });
  afterAll(() => gateway.close());

  test('a key for the plugin holding 1e999 is refused on both route families; a finite one reaches it', async () => {
    const openai = await post(`${gateway.url}/v1/chat/completions`, `{"model":"recorder",${MESSAGES},"options":{"penalty":[0.5,1e999]}}`);
    expect({ status: openai.status, message: openai.body.error.message, param: openai.body.error.param }).toEqual({
      status: 400,
      message: `options.penalty[1]: ${RULE}`,
      param: 'options.penalty[1]',
    });
    const mlflow = await post(`${gateway.url}/endpoints/recorder/invocations`, `{${MESSAGES},"options":{"penalty":-1e999}}`);
    expect({ status: mlflow.status, message: mlflow.body.message }).toEqual({ status: 422, message: `options.penalty: ${RULE}` });
    const served = await post(`${gateway.url}/v1/chat/completions`, `{"model":"recorder",${MESSAGES},"options":{"penalty":[0.5,1e300]}}`);
    expect({ status: served.status, content: served.body.choices[0].message.content }).toEqual({ status: 200, content: '{"penalty":[0.5,1e+300]}' });
  });
});
