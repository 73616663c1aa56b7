/**
 * TGI, AI21 Labs, MosaicML, PaLM and MLflow model serving end to end: real HTTP through the gateway
 * (the official OpenAI client on /v1, our SDK and plain fetch on the MLflow routes) to one fake
 * upstream per vendor on 127.0.0.1, serving the fixtures of test/fixtures/<provider>/.
 */
import { createGatewayClient } from '../../src/client';
import { compilePlan } from '../../src/config/compile';
import { ConfigError } from '../../src/config/config-error';
import { parseConfigText } from '../../src/config/load';
import { readFixtureBytes, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream } from '../support/fake-upstream';
import { FIXED_NOW, parseSse } from '../support/gateway';
import { SERVING, TGI, serveAi21Fixtures, serveMlflowServingFixtures, serveMosaicmlFixtures, servePalmFixtures, serveTgiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const KEYS = { ai21: 'ai21-SECRET-never-shown', mosaic: 'mosaic-SECRET-never-shown', palm: 'palm-SECRET-never-shown' };

const serve = {
  tgi: serveTgiFixtures,
  ai21: serveAi21Fixtures,
  mosaic: serveMosaicmlFixtures,
  palm: servePalmFixtures,
  serving: serveMlflowServingFixtures,
};

type Vendor = keyof typeof serve;
const config = (urls: Record<Vendor, string>) => `
endpoints:
  - name: tgi-completions
    endpoint_type: llm/v1/completions
    model: { provider: huggingface-text-generation-inference, name: mistral-7b, config: { hf_server_url: "${urls.tgi}" } }
  - name: tgi-chat
    endpoint_type: llm/v1/chat
    model: { provider: huggingface-text-generation-inference, config: { hf_server_url: "${urls.tgi}" } }
  - name: ai21
    endpoint_type: llm/v1/completions
    model: { provider: ai21labs, name: j2-ultra, config: { ai21labs_api_key: $AI21_KEY, ai21labs_api_base: "${urls.ai21}/studio/v1" } }
  - name: mosaic-completions
    endpoint_type: llm/v1/completions
    model: { provider: mosaicml, name: mpt-7b-instruct, config: { mosaicml_api_key: $MOSAIC_KEY, mosaicml_api_base: "${urls.mosaic}" } }
  - name: mosaic-chat
    endpoint_type: llm/v1/chat
    model: { provider: mosaicml, name: llama2-70b-chat, config: { mosaicml_api_key: $MOSAIC_KEY, mosaicml_api_base: "${urls.mosaic}" } }
  - name: mosaic-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mosaicml, name: instructor-large, config: { mosaicml_api_key: $MOSAIC_KEY, mosaicml_api_base: "${urls.mosaic}" } }
  - name: palm-completions
    endpoint_type: llm/v1/completions
    model: { provider: palm, name: text-bison-001, config: { palm_api_key: $PALM_KEY, palm_api_base: "${urls.palm}/v1beta3" } }
  - name: palm-chat
    endpoint_type: llm/v1/chat
    model: { provider: palm, name: chat-bison-001, config: { palm_api_key: $PALM_KEY, palm_api_base: "${urls.palm}/v1beta3" } }
  - name: palm-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: palm, name: embedding-gecko-001, config: { palm_api_key: $PALM_KEY, palm_api_base: "${urls.palm}/v1beta3" } }
  - name: served-completions
    endpoint_type: llm/v1/completions
    model: { provider: mlflow-model-serving, name: my-llm, config: { model_server_url: "${urls.serving}/llm" } }
  - name: served-chat
    endpoint_type: llm/v1/chat
    model: { provider: mlflow-model-serving, name: my-llm, config: { model_server_url: "${urls.serving}/llm" } }
  - name: served-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mlflow-model-serving, name: my-embedder, config: { model_server_url: "${urls.serving}/embed" } }
`;

const setup = useGatewayWithUpstreams({ upstreams: serve, config, env: { AI21_KEY: KEYS.ai21, MOSAIC_KEY: KEYS.mosaic, PALM_KEY: KEYS.palm } });
const { upstreams } = setup;

const sdk = () => createGatewayClient({ baseUrl: setup.gateway.url });
const lastRequest = (vendor: Vendor) => upstreams[vendor].requests[upstreams[vendor].requests.length - 1];

async function post(path: string, body: unknown) {
  const response = await fetch(`${setup.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const invoke = (endpoint: string, body: unknown) => post(`/endpoints/${endpoint}/invocations`, body);
const chatBody = { messages: [{ role: 'user', content: 'Salut !' }] };

/** Every vendor: a 401/403 is a 502 naming the endpoint without any key; a 429 keeps Retry-After. */
describe.each([
  ['tgi', 'tgi-completions', { prompt: 'p' }, { error: 'Unauthorized', error_type: 'authentication' }, readJsonFixture(TGI, 'error-429.json'), 'Model is overloaded'],
  ['ai21', 'ai21', { prompt: 'p' }, readJsonFixture('ai21labs', 'error-401.json'), readJsonFixture('ai21labs', 'error-429.json'), 'Too many requests'],
  ['mosaic', 'mosaic-chat', chatBody, readJsonFixture('mosaicml', 'error-401.json'), readJsonFixture('mosaicml', 'error-429.json'), 'Too many requests, please try again later'],
  ['palm', 'palm-embeddings', { input: 'x' }, readJsonFixture('palm', 'error-403.json'), readJsonFixture('palm', 'error-429.json'), 'Resource has been exhausted (e.g. check quota).'],
  ['serving', 'served-completions', { prompt: 'p' }, { error_code: 'PERMISSION_DENIED', message: 'denied' }, readJsonFixture(SERVING, 'error-429.json'), 'The model server is busy; try again later.'],
] as const)('%s upstream errors', (vendor, endpoint, body, authError, rateError, rateMessage) => {
  test("401/403 keep MLflow's status on its routes, naming the endpoint, never the key", async () => {
    for (const status of [401, 403]) {
      upstreams[vendor].setHandler((_request, response) => sendJson(response, status, authError));
      const answer = await invoke(endpoint, body);
      expect(answer.status).toBe(status);
      expect(answer.json().detail).toContain(`endpoint '${endpoint}'`);
      for (const key of Object.values(KEYS)) expect(answer.text).not.toContain(key);
      expect(answer.text).not.toContain('SECRET');
    }
  });

  test('429 stays 429 with Retry-After and the vendor message', async () => {
    upstreams[vendor].setHandler((_request, response) => sendJson(response, 429, rateError, { 'retry-after': '12' }));
    const answer = await invoke(endpoint, body);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('12');
    expect(answer.json().detail).toBe(rateMessage);
  });
});

describe('Hugging Face TGI', () => {
  test('completions through /v1: /generate body with the scaled temperature; answer with usage', async () => {
    const completion = await setup.openai.completions.create({ model: 'tgi-completions', prompt: 'Order a coffee in French:', temperature: 0.4, max_tokens: 24 });
    expect(lastRequest('tgi').url).toBe('/generate');
    expect(lastRequest('tgi').body).toEqual({
      inputs: 'Order a coffee in French:',
      parameters: { temperature: 20, max_new_tokens: 24, details: true, decoder_input_details: true },
    });
    expect(completion.choices).toEqual([{ index: 0, text: " Un café crème, s'il vous plaît ☕", finish_reason: 'stop' }]);
    expect(completion.usage).toEqual({ prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 });
    expect(completion.model).toBe('mistral-7b');
  });

  test('completions stream through our SDK: /generate_stream, text reassembled, ends with [DONE]', async () => {
    let text = '';
    for await (const chunk of sdk().streamCompletions('tgi-completions', { prompt: 'p' })) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe(" Un café crème, s'il vous plaît ☕");
    expect(lastRequest('tgi')).toMatchObject({ url: '/generate_stream', body: { inputs: 'p', parameters: { details: true } } });
    const raw = await invoke('tgi-completions', { prompt: 'p', stream: true });
    expect(raw.text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  test('chat through /v1 (Messages API), plain and streamed', async () => {
    const completion = await setup.openai.chat.completions.create({ model: 'tgi-chat', messages: [{ role: 'user', content: 'Un café ?' }], temperature: 0.7 });
    expect(lastRequest('tgi')).toMatchObject({ url: '/v1/chat/completions', body: { messages: [{ role: 'user', content: 'Un café ?' }], temperature: 0.7, model: 'tgi' } });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
    const stream = await setup.openai.chat.completions.create({ model: 'tgi-chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
    expect(finish).toBe('stop');
  });

  test('an audio part is a 400 naming it, streamed or not, before any upstream call (TGI takes text and image parts only)', async () => {
    const content = [{ type: 'text' as const, text: 'Que dit-il ?' }, { type: 'input_audio' as const, input_audio: { data: 'UklGRiQAAABXQVZF', format: 'wav' as const } }];
    for (const stream of [false, true]) {
      await expect(setup.openai.chat.completions.create({ model: 'tgi-chat', messages: [{ role: 'user', content }], stream })).rejects.toMatchObject({ status: 400, param: 'messages[0].content[1]' });
    }
    expect(upstreams.tgi.requests).toHaveLength(0);
  });

  test('an unsupported parameter is a 400 naming it and the provider, before any upstream call', async () => {
    const answer = await invoke('tgi-completions', { prompt: 'p', presence_penalty: 0.5 });
    expect(answer.status).toBe(400);
    expect(answer.json().detail).toBe("The parameter 'presence_penalty' is not supported by Hugging Face Text Generation Inference.");
    await expect(setup.openai.completions.create({ model: 'tgi-completions', prompt: 'p', n: 2 })).rejects.toMatchObject({ status: 400, param: 'n' });
    expect(upstreams.tgi.requests).toHaveLength(0);
  });

  test('a TGI error event mid-stream becomes an SSE error event', async () => {
    const first = readFixtureBytes(TGI, 'generate.stream.sse').toString('utf8').split('\n\n')[0];
    upstreams.tgi.setHandler((_request, response) => sendStream(response, `${first}\n\ndata:${JSON.stringify(readJsonFixture(TGI, 'error-424.json'))}\n\n`));
    const raw = await invoke('tgi-completions', { prompt: 'p', stream: true });
    expect(raw.status).toBe(200);
    const events = parseSse(raw.text);
    expect(JSON.parse(events[0].data).choices[0].text).toBe(' Un');
    expect(events[events.length - 1].event).toBe('error');
    expect(JSON.parse(events[events.length - 1].data).error.message).toMatch(/^Request failed during generation/);
  });
});

describe('AI21 Labs', () => {
  test('completions: path, bearer key, mapped names; unified answer', async () => {
    const answer = await sdk().completions('ai21', { prompt: 'Un café', max_tokens: 3, n: 2, stop: ['##'], temperature: 0.7 });
    const sent = lastRequest('ai21');
    expect(sent.url).toBe('/studio/v1/j2-ultra/complete');
    expect(sent.headers.authorization).toBe(`Bearer ${KEYS.ai21}`);
    expect(sent.body).toEqual({ prompt: 'Un café', maxTokens: 3, numResults: 2, stopSequences: ['##'], temperature: 0.7 });
    expect(answer).toEqual({
      id: '7921a78e-d905-c9df-27e3-88e4831e3c3b',
      object: 'text_completion',
      created: FIXED_NOW,
      model: 'j2-ultra',
      choices: [
        { index: 0, text: ' plaît ☕', finish_reason: 'stop' },
        { index: 1, text: ' plaît, avec', finish_reason: 'length' },
      ],
      usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 },
    });
  });

  test('native names are 422, OpenAI-only parameters 400, streams 501', async () => {
    const native = await invoke('ai21', { prompt: 'p', maxTokens: 5 });
    expect([native.status, native.json().detail]).toEqual([422, 'Invalid parameter maxTokens. Use max_tokens instead.']);
    const unsupported = await invoke('ai21', { prompt: 'p', seed: 1 });
    expect([unsupported.status, unsupported.json().detail]).toEqual([400, "The parameter 'seed' is not supported by AI21Labs."]);
    const stream = await invoke('ai21', { prompt: 'p', stream: true });
    expect([stream.status, stream.json().detail]).toEqual([501, 'The completions streaming route is not implemented for AI21Labs models.']);
    expect(upstreams.ai21.requests).toHaveLength(0);
  });

  test('a vendor validation error keeps its status and a readable message', async () => {
    upstreams.ai21.setHandler((_request, response) => sendJson(response, 422, readJsonFixture('ai21labs', 'error-422.json')));
    const answer = await invoke('ai21', { prompt: 'p', max_tokens: 9000 });
    expect([answer.status, answer.json().detail]).toEqual([422, 'maxTokens: ensure this value is less than or equal to 8191']);
  });
});

describe('MosaicML', () => {
  test('chat through /v1: the Llama-2 prompt, the bare key; answer', async () => {
    const completion = await setup.openai.chat.completions.create({
      model: 'mosaic-chat',
      messages: [
        { role: 'system', content: "You're funny" },
        { role: 'user', content: 'Tell me a joke' },
      ],
      max_tokens: 100,
    });
    const sent = lastRequest('mosaic');
    expect(sent.url).toBe('/llama2-70b-chat/v1/predict');
    expect(sent.headers.authorization).toBe(KEYS.mosaic);
    expect(sent.body).toEqual({ inputs: ["<s>[INST] <<SYS>> You're funny <</SYS>> Tell me a joke [/INST]"], parameters: { max_new_tokens: 100 } });
    expect(completion.choices[0].message).toMatchObject({ role: 'assistant', content: expect.stringContaining('🤿') });
  });

  test('completions and embeddings (the OpenAI client asks for base64 and decodes it)', async () => {
    expect((await sdk().completions('mosaic-completions', { prompt: 'p' })).choices[0].text).toBe("Un café crème, s'il vous plaît ☕");
    const embeddings = await setup.openai.embeddings.create({ model: 'mosaic-embeddings', input: ['a', 'b'] });
    expect(lastRequest('mosaic').body).toEqual({ inputs: ['a', 'b'] });
    expect(embeddings.data.map((item) => item.embedding.map((value) => Number(value.toFixed(4))))).toEqual([
      [0.0123, -0.0456, 0.0789, -0.0111],
      [-0.0222, 0.0333, -0.0444, 0.0555],
    ]);
  });

  test('a token-limit 500 is a 422; tools are a 400', async () => {
    upstreams.mosaic.setHandler((_request, response) => sendJson(response, 500, readJsonFixture('mosaicml', 'error-500-token-limit.json')));
    const limited = await invoke('mosaic-completions', { prompt: 'p', max_tokens: 8000 });
    expect([limited.status, limited.json().detail]).toEqual([422, 'Error: max output tokens is limited to 4096 but 8000 were requested']);
    const tools = await invoke('mosaic-chat', { ...chatBody, tools: [{ type: 'function', function: { name: 'f' } }] });
    expect([tools.status, tools.json().detail]).toEqual([400, "The parameter 'tools' is not supported by MosaicML."]);
  });
});

describe('PaLM', () => {
  test('completions: temperature halved, names mapped, x-goog-api-key; answer', async () => {
    const answer = await sdk().completions('palm-completions', { prompt: 'Write a story', temperature: 1, max_tokens: 64, n: 2 });
    const sent = lastRequest('palm');
    expect(sent.url).toBe('/v1beta3/models/text-bison-001:generateText');
    expect(sent.headers['x-goog-api-key']).toBe(KEYS.palm);
    expect(sent.body).toEqual({ prompt: { text: 'Write a story' }, temperature: 0.5, maxOutputTokens: 64, candidateCount: 2 });
    expect(answer.choices.map((choice) => choice.text)).toEqual(['Once upon a time, a café in Montréal served a magic croissant. 🥐', 'Il était une fois un sac à dos magique.']);
  });

  test('chat and embeddings', async () => {
    const chat = await sdk().chat('palm-chat', { messages: [{ role: 'user', content: 'Salut !' }], temperature: 0.4 });
    expect(lastRequest('palm').body).toEqual({ temperature: 0.2, prompt: { messages: [{ author: 'user', content: 'Salut !' }] } });
    expect(chat.choices[0].message.content).toBe("Bonjour ! Comment puis-je vous aider aujourd'hui ? ☀️");
    const embeddings = await sdk().embeddings('palm-embeddings', { input: ['x', 'y'] });
    expect(lastRequest('palm')).toMatchObject({ url: '/v1beta3/models/embedding-gecko-001:batchEmbedText', body: { texts: ['x', 'y'] } });
    expect(embeddings.data).toHaveLength(2);
  });

  test('an embeddings key batchEmbedText has no field for is a 400 naming it, before any call (it was dropped)', async () => {
    const request = { model: 'palm-embeddings', input: 'x', task_type: 'RETRIEVAL_DOCUMENT' } as Parameters<typeof setup.openai.embeddings.create>[0];
    await expect(setup.openai.embeddings.create(request)).rejects.toMatchObject({ status: 400, param: 'task_type', message: expect.stringContaining("The parameter 'task_type' is not supported by PaLM.") });
    expect(upstreams.palm.requests).toHaveLength(0);
  });

  test('max_tokens on chat is a 400 naming it; a vendor 400 keeps its message', async () => {
    const maxTokens = await post('/v1/chat/completions', { model: 'palm-chat', ...chatBody, max_tokens: 10 });
    expect(maxTokens.status).toBe(400);
    expect(maxTokens.json().error).toMatchObject({ message: "The parameter 'max_tokens' is not supported by PaLM chat.", param: 'max_tokens' });
    upstreams.palm.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('palm', 'error-400.json')));
    const vendor = await invoke('palm-completions', { prompt: 'p', top_z: 1 });
    expect([vendor.status, vendor.json().detail]).toEqual([400, 'Invalid JSON payload received. Unknown name "top_z": Cannot find field.']);
  });
});

describe('MLflow model serving', () => {
  test('completions, chat and embeddings: /invocations with inputs and params; unified answers', async () => {
    const completion = await sdk().completions('served-completions', { prompt: 'Un café', temperature: 0.2 });
    expect(lastRequest('serving')).toMatchObject({ url: '/llm/invocations', body: { inputs: ['Un café'], params: { temperature: 0.2 } } });
    expect(completion).toEqual({
      id: null,
      object: 'text_completion',
      created: FIXED_NOW,
      model: 'my-llm',
      choices: [
        { index: 0, text: 'Bonjour ! ☀️', finish_reason: null },
        { index: 1, text: 'Salut !', finish_reason: null },
      ],
      usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
    });
    const chat = await setup.openai.chat.completions.create({ model: 'served-chat', messages: [{ role: 'user', content: 'Salut' }] });
    expect(lastRequest('serving').body).toEqual({ inputs: ['Salut'] });
    expect(chat.choices[0].message).toEqual({ role: 'assistant', content: 'Bonjour ! ☀️', tool_calls: null, refusal: null });
    const embeddings = await sdk().embeddings('served-embeddings', { input: ['x', 'y'] });
    expect(lastRequest('serving')).toMatchObject({ url: '/embed/invocations', body: { inputs: ['x', 'y'] } });
    expect(embeddings.data[1].embedding).toEqual([-0.0222, 0.0333, -0.0444, 0.0555]);
  });

  test.each([
    ['served-completions', { prompt: 'p' }, { predictions: [{ generated_text: 'x' }] }],
    ['served-completions', { prompt: 'p' }, { outputs: ['x'] }],
    ['served-chat', chatBody, { predictions: { a: ['x'], b: ['y'] } }],
    ['served-chat', chatBody, { predictions: [] }],
    ['served-embeddings', { input: 'x' }, { predictions: ['not', 'numbers'] }],
    ['served-embeddings', { input: 'x' }, { predictions: [[]] }],
  ])('%s answering %j is a 502 naming the endpoint', async (endpoint, body, wrong) => {
    upstreams.serving.setHandler((_request, response) => sendJson(response, 200, wrong));
    const answer = await invoke(endpoint, body);
    expect(answer.status).toBe(502);
    expect(answer.json().detail).toContain(`The MLflow model server for endpoint '${endpoint}' answered with an unexpected shape`);
  });

  test('a wrong shape through /v1 keeps its 502 in the OpenAI error shape', async () => {
    upstreams.serving.setHandler((_request, response) => sendJson(response, 200, { predictions: 'just text' }));
    await expect(setup.openai.completions.create({ model: 'served-completions', prompt: 'p' })).rejects.toMatchObject({
      status: 502,
      message: expect.stringContaining("endpoint 'served-completions'"),
    });
  });

  test('more than one chat message is a 422 with the reference message; a scoring error keeps its message', async () => {
    const many = await invoke('served-chat', { messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }] });
    expect([many.status, many.json().detail]).toEqual([
      422,
      'MLflow chat models are only capable of processing a single query at a time. The request submitted consists of 2 queries.',
    ]);
    upstreams.serving.setHandler((_request, response) => sendJson(response, 400, readJsonFixture(SERVING, 'error-400.json')));
    const scoring = await invoke('served-completions', { prompt: 'p' });
    expect(scoring.status).toBe(400);
    expect(scoring.json().detail).toMatch(/^Encountered an unexpected error while evaluating the model/);
  });
});

describe("MLflow model serving: a refused request keeps the scoring server's error_code on /v1", () => {
  // MLflow's MlflowException JSON: `error_code` names a databricks_pb2 ErrorCode, whose HTTP status the server answers with.
  test.each([
    [400, 'BAD_REQUEST', readJsonFixture(SERVING, 'error-400.json')],
    [400, 'INVALID_PARAMETER_VALUE', { error_code: 'INVALID_PARAMETER_VALUE', message: "Invalid value for param 'temperature': must be a float" }],
    [404, 'RESOURCE_DOES_NOT_EXIST', { error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Model 'my-llm' version 3 does not exist" }],
    [429, 'RESOURCE_EXHAUSTED', readJsonFixture(SERVING, 'error-429.json')],
  ])('%i %s', async (status, code, body) => {
    upstreams.serving.setHandler((_request, response) => sendJson(response, status, body));
    await expect(setup.openai.completions.create({ model: 'served-completions', prompt: 'p' }, { maxRetries: 0 })).rejects.toMatchObject({
      status,
      code,
      param: null,
      error: { message: (body as { message: string }).message },
    });
    // The MLflow routes keep MLflow's `{"detail": "<message>"}`.
    const mlflow = await invoke('served-completions', { prompt: 'p' });
    expect([mlflow.status, mlflow.json()]).toEqual([status, { detail: (body as { message: string }).message }]);
  });

  test("the gateway's key refused (401/403) never shows the server's code", async () => {
    upstreams.serving.setHandler((_request, response) => sendJson(response, 403, { error_code: 'PERMISSION_DENIED', message: 'denied' }));
    await expect(setup.openai.completions.create({ model: 'served-completions', prompt: 'p' }, { maxRetries: 0 })).rejects.toMatchObject({ status: 502, code: 'upstream_auth_failed' });
  });
});

describe('endpoint types a provider does not serve are refused at config load', () => {
  const load = (provider: string, type: string, modelConfig: string, name = 'm') => () =>
    compilePlan(
      parseConfigText(`endpoints:\n  - {name: e, endpoint_type: ${type}, model: {provider: ${provider}, name: ${name}, config: ${modelConfig}}}\n`, '/virtual/c.yaml', { env: {} }),
      '/virtual/c.yaml',
    );

  test.each([
    ['huggingface-text-generation-inference', 'llm/v1/embeddings', '{hf_server_url: "http://127.0.0.1:1"}', 'm'],
    ['ai21labs', 'llm/v1/embeddings', '{ai21labs_api_key: k}', 'j2-ultra'],
  ])('%s %s', (provider, type, modelConfig, name) => {
    expect(load(provider, type, modelConfig, name)).toThrow(ConfigError);
    expect(load(provider, type, modelConfig, name)).toThrow(`endpoint 'e': provider '${provider}' does not support ${type}`);
  });

  test('ai21labs serves chat on Jamba models only (Jurassic-2 has no chat API)', () => {
    expect(load('ai21labs', 'llm/v1/chat', '{ai21labs_api_key: k}', 'jamba-large')).not.toThrow();
    expect(load('ai21labs', 'llm/v1/chat', '{ai21labs_api_key: k}', 'j2-ultra')).toThrow("An unsupported AI21Labs model has been specified for the chat route: 'j2-ultra'");
  });

  test.each([
    ['mosaicml', '{mosaicml_api_key: k}', 'llama2-70b-chat'],
    ['palm', '{palm_api_key: k}', 'chat-bison-001'],
    ['mlflow-model-serving', '{model_server_url: "http://127.0.0.1:1"}', 'm'],
  ])('%s serves all three types', (provider, modelConfig, chatModel) => {
    for (const type of ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings']) {
      expect(load(provider, type, modelConfig, type === 'llm/v1/chat' ? chatModel : 'm')).not.toThrow();
    }
  });
});
