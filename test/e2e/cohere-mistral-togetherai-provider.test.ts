/**
 * The `cohere`, `mistral` and `togetherai` providers end to end: the official OpenAI client
 * (through /v1) and our SDK (through the MLflow routes) against the gateway, which calls fake
 * vendor upstreams on 127.0.0.1 serving the fixtures of test/fixtures/<vendor>/.
 */
import OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream } from '../support/fake-upstream';
import { parseSse } from '../support/gateway';
import { serveCohereFixtures, serveMistralFixtures, serveTogetherAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const KEYS = { cohere: 'co-TESTKEY-never-shown', mistral: 'mi-TESTKEY-never-shown', togetherai: 'tg-TESTKEY-never-shown' };
type Vendor = keyof typeof KEYS;

const servers = { cohere: serveCohereFixtures, mistral: serveMistralFixtures, togetherai: serveTogetherAIFixtures };
const models = {
  cohere: { chat: 'command-r-plus', completions: 'command', embeddings: 'embed-english-v3.0' },
  mistral: { chat: 'mistral-large-latest', completions: 'mistral-small-latest', embeddings: 'mistral-embed' },
  togetherai: { chat: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', completions: 'mistralai/Mixtral-8x7B-v0.1', embeddings: 'togethercomputer/m2-bert-80M-8k-retrieval' },
};

function endpointsFor(vendor: Vendor, upstreamUrl: string): string {
  const types = { chat: 'llm/v1/chat', completions: 'llm/v1/completions', embeddings: 'llm/v1/embeddings' } as const;
  return (Object.keys(types) as (keyof typeof types)[])
    .map(
      (kind) => `
  - name: ${vendor}-${kind}
    endpoint_type: ${types[kind]}
    model:
      provider: ${vendor}
      name: ${models[vendor][kind]}
      config:
        ${vendor}_api_key: $${vendor.toUpperCase()}_KEY
        ${vendor}_api_base: ${upstreamUrl}/v1`,
    )
    .join('');
}

const setup = useGatewayWithUpstreams({
  upstreams: servers,
  config: (urls) => `endpoints:${(Object.keys(urls) as Vendor[]).map((vendor) => endpointsFor(vendor, urls[vendor])).join('')}\n`,
  env: { COHERE_KEY: KEYS.cohere, MISTRAL_KEY: KEYS.mistral, TOGETHERAI_KEY: KEYS.togetherai },
});
const { upstreams } = setup;
const sdk = () => createGatewayClient({ baseUrl: setup.gateway.url });

const lastRequest = (vendor: Vendor) => upstreams[vendor].requests[upstreams[vendor].requests.length - 1];

async function streamedText(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
  let text = '';
  let finish: string | null = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  return { text, finish };
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${setup.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('cohere', () => {
  test('openai client chat: system → preamble, temperature × 2.5, bearer key, /v1/chat', async () => {
    const completion = await setup.openai.chat.completions.create({
      model: 'cohere-chat',
      messages: [
        { role: 'system', content: 'You are a friendly barista.' },
        { role: 'user', content: 'Salut' },
      ],
      temperature: 0.2,
    });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 73, completion_tokens: 14, total_tokens: 87 });
    const sent = lastRequest('cohere');
    expect(sent.url).toBe('/v1/chat');
    expect(sent.headers.authorization).toBe(`Bearer ${KEYS.cohere}`);
    expect(sent.body).toEqual({ model: 'command-r-plus', message: 'Salut', preamble: 'You are a friendly barista.', temperature: 0.5 });
  });

  test("response_format: OpenAI's json_schema is Cohere v1's json_object with a schema; json_object and text go as they are", async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'] };
    await setup.openai.chat.completions.create({
      model: 'cohere-chat',
      messages: [{ role: 'user', content: 'A person as JSON' }],
      response_format: { type: 'json_schema', json_schema: { name: 'person', strict: true, schema } },
    });
    // https://docs.cohere.com/v1/docs/structured-outputs: the v1 Chat API's types are text and json_object.
    expect(lastRequest('cohere').body).toEqual({ model: 'command-r-plus', message: 'A person as JSON', response_format: { type: 'json_object', schema } });
    await setup.openai.chat.completions.create({ model: 'cohere-chat', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } });
    expect(lastRequest('cohere').body).toEqual({ model: 'command-r-plus', message: 'x', response_format: { type: 'json_object' } });
    await setup.openai.chat.completions.create({ model: 'cohere-chat', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'text' } });
    expect(lastRequest('cohere').body).toEqual({ model: 'command-r-plus', message: 'x', response_format: { type: 'text' } });
  });

  test("openai client chat with stop: Cohere v1 chat's stop_sequences (MLflow answers 422)", async () => {
    await setup.openai.chat.completions.create({ model: 'cohere-chat', messages: [{ role: 'user', content: 'Count to ten' }], stop: ['5', 'five'] });
    expect(lastRequest('cohere').body).toEqual({ model: 'command-r-plus', message: 'Count to ten', stop_sequences: ['5', 'five'] });
  });

  test('response_format json_schema without a schema object is a 400 naming it, and nothing is sent', async () => {
    const answer = await post('/v1/chat/completions', { model: 'cohere-chat', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema', json_schema: { name: 'p' } } });
    expect([answer.status, JSON.parse(answer.text).error.param]).toEqual([400, 'response_format.json_schema.schema']);
    expect(upstreams.cohere.requests).toHaveLength(0);
  });

  test('openai client chat stream over an NDJSON upstream', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'cohere-chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(await streamedText(stream)).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finish: 'stop' });
    expect(lastRequest('cohere').body).toEqual({ model: 'command-r-plus', message: 'x', stream: true });
  });

  test('SDK: completions (stop → stop_sequences), completions stream, embeddings; openai embeddings in base64', async () => {
    const completion = await sdk().completions('cohere-completions', { prompt: 'Say this is a test', stop: ['\n\n'], max_tokens: 10 });
    expect(completion.choices).toEqual([{ index: 0, text: '\nThis is indeed a test of the café menu', finish_reason: 'length' }]);
    expect(lastRequest('cohere')).toMatchObject({ url: '/v1/generate', body: { model: 'command', prompt: 'Say this is a test', stop_sequences: ['\n\n'], max_tokens: 10 } });

    let text = '';
    for await (const chunk of sdk().streamCompletions('cohere-completions', { prompt: 'p' })) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('\nVoilà un café 🙂');

    const embeddings = await sdk().embeddings('cohere-embeddings', { input: ['hello world', 'goodbye'], input_type: 'search_document' });
    expect(embeddings.data.map((item) => item.embedding)).toEqual([
      [-0.039520264, -0.04574585, -0.08807373, -0.084106445],
      [0.016067505, -0.02822876, 0.036224365, 0.037994385],
    ]);
    expect(lastRequest('cohere')).toMatchObject({ url: '/v1/embed', body: { model: 'embed-english-v3.0', texts: ['hello world', 'goodbye'], input_type: 'search_document' } });

    const viaOpenAI = await setup.openai.embeddings.create({ model: 'cohere-embeddings', input: 'hello world' });
    expect(viaOpenAI.data[0].embedding.map((value) => Math.fround(value))).toEqual([-0.039520264, -0.04574585, -0.08807373, -0.084106445].map(Math.fround));
    // Cohere requires input_type for v3+ models and OpenAI clients never send one.
    expect(lastRequest('cohere').body).toEqual({ model: 'embed-english-v3.0', texts: ['hello world'], input_type: 'search_document' });
  });

  test("completions stream with stream_options.include_usage (the OpenAI clients' way to ask for usage): served, with stream-end's usage on the last chunk", async () => {
    const lines = readFixture('cohere', 'completions.stream.ndjson').trimEnd().split('\n');
    const end = JSON.parse(lines.pop()!);
    end.response.meta = { api_version: { version: '1' }, billed_units: { input_tokens: 4, output_tokens: 6 } };
    upstreams.cohere.setHandler((_request, response) => sendStream(response, [...lines, JSON.stringify(end)].join('\n') + '\n', 'application/stream+json'));
    const stream = await setup.openai.completions.create({ model: 'cohere-completions', prompt: 'p', stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.text ?? '').join('')).toBe('\nVoilà un café 🙂');
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } });
    expect(lastRequest('cohere').body).not.toHaveProperty('stream_options');
  });

  test('embeddings of more than 96 texts (OpenAI takes 2,048) go as calls of 96, answered in input order with usage summed', async () => {
    // Cohere's limit: https://docs.cohere.com/v1/reference/embed ("texts": at most 96 per call)
    upstreams.cohere.setHandler((request, response) => {
      const texts = (request.body as { texts: string[] }).texts;
      if (texts.length > 96) return sendJson(response, 400, { message: `invalid request: total number of texts must be at most 96 - received ${texts.length}` });
      sendJson(response, 200, { id: 'e', texts, embeddings: texts.map((text) => [Number(text), 0.5]), meta: { billed_units: { input_tokens: texts.length } } });
    });
    const input = Array.from({ length: 200 }, (_, index) => String(index));
    const embeddings = await setup.openai.embeddings.create({ model: 'cohere-embeddings', input, encoding_format: 'float' });
    expect(upstreams.cohere.requests.map((request) => (request.body as { texts: string[] }).texts.length)).toEqual([96, 96, 8]);
    expect(embeddings.data.map((item) => [item.index, item.embedding[0]])).toEqual(input.map((_, index) => [index, index]));
    expect(embeddings.usage).toEqual({ prompt_tokens: 200, total_tokens: 200 });
  });

  test('reference checks: chat n ≠ 1 is a 422 with its message; completions native names 400', async () => {
    const chat = await post('/endpoints/cohere-chat/invocations', { messages: [{ role: 'user', content: 'x' }], n: 2 });
    expect(chat.status).toBe(422);
    expect(JSON.parse(chat.text).detail).toBe('Parameter n must be 1 for Cohere chat, got 2.');
    const completions = await post('/endpoints/cohere-completions/invocations', { prompt: 'x', stop_sequences: ['y'] });
    expect(completions.status).toBe(400);
    expect(JSON.parse(completions.text).detail).toBe('Invalid parameter stop_sequences. Use stop instead.');
  });
});

describe('mistral', () => {
  test('openai client chat: temperature halved, seed → random_seed, /v1/chat/completions', async () => {
    const completion = await setup.openai.chat.completions.create({ model: 'mistral-chat', messages: [{ role: 'user', content: 'Salut' }], temperature: 0.8, seed: 7 });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    const sent = lastRequest('mistral');
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEYS.mistral}`);
    expect(sent.body).toEqual({ messages: [{ role: 'user', content: 'Salut' }], temperature: 0.4, random_seed: 7, model: 'mistral-large-latest' });
  });

  test('openai client chat stream', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'mistral-chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(await streamedText(stream)).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finish: 'stop' });
  });

  test('tools: full JSON Schema forwarded; tool calls returned; streamed tool calls assembled by the OpenAI client', async () => {
    const parameters = { type: 'object', properties: { location: { type: 'string', minLength: 2 } }, required: ['location'], additionalProperties: false };
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters } }];
    const completion = await setup.openai.chat.completions.create({ model: 'mistral-chat', messages: [{ role: 'user', content: 'Weather?' }], tools, tool_choice: 'auto' });
    expect((lastRequest('mistral').body as { tools: unknown }).tools).toEqual(tools);
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    expect(completion.choices[0].message.tool_calls?.map((call) => (call.type === 'function' ? call.function.name : null))).toEqual(['retrieve_payment_status', 'retrieve_payment_date']);

    const final = await setup.openai.chat.completions.stream({ model: 'mistral-chat', messages: [{ role: 'user', content: 'Weather?' }], tools, stream_options: { include_usage: true } }).finalChatCompletion();
    expect(final.choices[0].message.tool_calls?.map((call) => (call.type === 'function' ? [call.id, JSON.parse(call.function.arguments)] : null))).toEqual([
      ['D681PevKs', { location: 'Paris, France' }],
      ['Kq2x9ZcVb', { location: 'São Paulo, Brazil' }],
    ]);
    expect(final.usage?.total_tokens).toBe(146);
    expect(lastRequest('mistral').body).not.toHaveProperty('stream_options');
  });

  test('SDK: completions through the chat endpoint, completions stream, embeddings; openai embeddings in base64', async () => {
    const completion = await sdk().completions('mistral-completions', { prompt: 'Say café', stop: ['\n'], n: 1 });
    expect(completion.choices[0].text).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(lastRequest('mistral')).toMatchObject({ url: '/v1/chat/completions', body: { messages: [{ role: 'user', content: 'Say café' }], stop: ['\n'], n: 1, model: 'mistral-small-latest' } });

    let text = '';
    for await (const chunk of sdk().streamCompletions('mistral-completions', { prompt: 'p' })) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');

    expect((await sdk().embeddings('mistral-embeddings', { input: ['a', 'b'] })).usage).toEqual({ prompt_tokens: 15, total_tokens: 15 });
  });

  test("openai embeddings in base64 (the client's default): Mistral, which answers floats even when asked for base64, is asked for floats and the gateway encodes them", async () => {
    // Mistral's float lists reaching the openai client as they came were decoded into all-zero vectors
    // a quarter of the length (test/fixtures/mistral/README.md).
    const viaOpenAI = await setup.openai.embeddings.create({ model: 'mistral-embeddings', input: ['a', 'b'] });
    expect(lastRequest('mistral').body).toEqual({ model: 'mistral-embed', input: ['a', 'b'] });
    expect(viaOpenAI.data.map((item) => item.embedding.map(Math.fround))).toEqual(
      [
        [-0.0165863037109375, 0.07012939453125, 0.031494140625, 0.013092041015625],
        [-0.0230560302734375, 0.039337158203125, 0.0521240234375, -0.0184783935546875],
      ].map((vector) => vector.map(Math.fround)),
    );
    const refused = await post('/v1/embeddings', { model: 'mistral-embeddings', input: 'a', encoding_format: 'binary' });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).error.param).toBe('encoding_format');
  });
});

describe('togetherai', () => {
  test('openai client chat: the configured model, temperature unchanged, stop as a list', async () => {
    const completion = await setup.openai.chat.completions.create({ model: 'togetherai-chat', messages: [{ role: 'user', content: 'Salut' }], temperature: 0.7, stop: '<|eot_id|>' });
    expect(completion.choices[0]).toMatchObject({ message: { content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.' }, finish_reason: 'stop' });
    const sent = lastRequest('togetherai');
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEYS.togetherai}`);
    expect(sent.body).toEqual({ messages: [{ role: 'user', content: 'Salut' }], temperature: 0.7, stop: ['<|eot_id|>'], model: models.togetherai.chat });
  });

  test('openai client chat stream', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'togetherai-chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(await streamedText(stream)).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finish: 'stop' });
  });

  test('SDK: completions (max_tokens required), completions stream, embeddings with the model sent', async () => {
    const missing = await post('/endpoints/togetherai-completions/invocations', { prompt: 'p' });
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.text).detail).toBe('max_tokens is not present in payload.It is a required parameter for TogetherAI completions.');

    const completion = await sdk().completions('togetherai-completions', { prompt: 'Say this is a test', max_tokens: 10 });
    expect(completion.choices).toEqual([{ index: 0, text: '\nThis is indeed a test of the café menu', finish_reason: 'length' }]);
    expect(lastRequest('togetherai')).toMatchObject({ url: '/v1/completions', body: { prompt: 'Say this is a test', max_tokens: 10, model: models.togetherai.completions } });

    const streamed = await setup.openai.completions.create({ model: 'togetherai-completions', prompt: 'p', max_tokens: 8, stream: true });
    let text = '';
    for await (const chunk of streamed) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('\nVoilà un café 🙂');

    const viaOpenAI = await setup.openai.embeddings.create({ model: 'togetherai-embeddings', input: 'x' });
    expect(lastRequest('togetherai')).toMatchObject({ url: '/v1/embeddings', body: { model: models.togetherai.embeddings, input: 'x' } });
    expect(viaOpenAI.data[0].embedding.map(Math.fround)).toEqual([0.2633975, 0.13856208, 0.14047277, -0.2110263].map(Math.fround));
  });

  test('embeddings with `dimensions`, which Together AI has no field for (full-size vectors would come back), are a 400 before any call', async () => {
    await expect(setup.openai.embeddings.create({ model: 'togetherai-embeddings', input: 'x', dimensions: 256 })).rejects.toMatchObject({ status: 400, param: 'dimensions' });
    expect(upstreams.togetherai.requests).toHaveLength(0);
  });

  test('the MLflow routes refuse a client `model` for TogetherAI too (the reference lets it override)', async () => {
    const answer = await post('/endpoints/togetherai-chat/invocations', { model: 'other/model', messages: [{ role: 'user', content: 'x' }] });
    expect(answer.status).toBe(422);
    expect(upstreams.togetherai.requests).toHaveLength(0);
  });
});

describe.each([['cohere'], ['mistral'], ['togetherai']] as const)('%s: the output limit under OpenAI\'s newer name', (vendor) => {
  test('max_completion_tokens (what LangChain\'s ChatOpenAI sends for max_tokens) is sent as max_tokens; both is a 400', async () => {
    await setup.openai.chat.completions.create({ model: `${vendor}-chat`, messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 64 });
    expect(lastRequest(vendor).body).toMatchObject({ max_tokens: 64 });
    expect(lastRequest(vendor).body).not.toHaveProperty('max_completion_tokens');
    const both = await post('/v1/chat/completions', { model: `${vendor}-chat`, messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 64, max_tokens: 32 });
    expect([both.status, JSON.parse(both.text).error]).toEqual([400, expect.objectContaining({ message: "Send 'max_tokens' or 'max_completion_tokens', not both.", param: 'max_completion_tokens' })]);
    expect(lastRequest(vendor).body).toMatchObject({ max_tokens: 64 });
  });
});

test('Cohere completions (/generate) take max_completion_tokens as their max_tokens (Cohere refuses fields it does not know)', async () => {
  const answer = await post('/v1/completions', { model: 'cohere-completions', prompt: 'x', max_completion_tokens: 16 });
  expect(answer.status).toBe(200);
  expect(lastRequest('cohere').body).toMatchObject({ max_tokens: 16 });
  expect(lastRequest('cohere').body).not.toHaveProperty('max_completion_tokens');
});

test('Together AI completions take max_completion_tokens as the max_tokens they require', async () => {
  const answer = await post('/v1/completions', { model: 'togetherai-completions', prompt: 'x', max_completion_tokens: 16 });
  expect(answer.status).toBe(200);
  expect(lastRequest('togetherai').body).toMatchObject({ max_tokens: 16 });
  expect(lastRequest('togetherai').body).not.toHaveProperty('max_completion_tokens');
});

describe("a refused request keeps the vendor's own code and param on /v1", () => {
  const messages = [{ role: 'user' as const, content: 'x' }];

  test("mistral: OpenAI's error object, and Mistral's own top-level one (whose types are not OpenAI's)", async () => {
    const contextLength = { object: 'error', message: 'Prompt contains 40960 tokens, too large for model with 32768 maximum context length', type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' };
    upstreams.mistral.setHandler((_request, response) => sendJson(response, 400, { error: contextLength }));
    await expect(setup.openai.chat.completions.create({ model: 'mistral-chat', messages })).rejects.toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'messages' });
    upstreams.mistral.setHandler((_request, response) => sendJson(response, 400, { ...contextLength, code: '3051' }));
    await expect(setup.openai.chat.completions.create({ model: 'mistral-chat', messages })).rejects.toMatchObject({ status: 400, code: '3051', param: 'messages', type: 'invalid_request_error' });
    upstreams.mistral.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('mistral', 'error-400.json')));
    await expect(setup.openai.chat.completions.create({ model: 'mistral-chat', messages })).rejects.toMatchObject({ status: 400, code: 'upstream_rejected', param: null, type: 'invalid_request_error' });
  });

  test('togetherai: the param of its OpenAI-shaped error (no code given: the gateway\'s)', async () => {
    upstreams.togetherai.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('togetherai', 'error-400.json')));
    await expect(setup.openai.chat.completions.create({ model: 'togetherai-chat', messages })).rejects.toMatchObject({ status: 400, code: 'upstream_rejected', param: 'max_tokens' });
  });
});

describe.each([
  ['cohere', /^You are using a Trial key/, { logprobs: true }, 'logprobs', 'Cohere'],
  ['mistral', /^Requests rate limit exceeded$/, { logit_bias: { '1': 5 } }, 'logit_bias', 'Mistral'],
  ['togetherai', /^You have been rate limited/, { user: 'u-1' }, 'user', 'TogetherAI'],
] as const)('%s errors', (vendor, rateLimitMessage, unsupported, param, displayName) => {
  const chatBody = { messages: [{ role: 'user', content: 'x' }] };

  test('401 from the vendor is a 502 naming the endpoint, without any key', async () => {
    upstreams[vendor].setHandler((_request, response) => sendJson(response, 401, readJsonFixture(vendor, 'error-401.json')));
    const answer = await post('/v1/chat/completions', { model: `${vendor}-chat`, ...chatBody });
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).error.message).toContain(`endpoint '${vendor}-chat'`);
    expect(answer.text).not.toContain(KEYS[vendor]);
    expect(answer.text).not.toContain('TESTKEY');
  });

  test('429 stays 429 with Retry-After and the vendor message', async () => {
    upstreams[vendor].setHandler((_request, response) => sendJson(response, 429, readJsonFixture(vendor, 'error-429.json'), { 'retry-after': '11' }));
    const answer = await post(`/gateway/${vendor}-chat/invocations`, chatBody);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('11');
    expect(JSON.parse(answer.text).detail).toMatch(rateLimitMessage);
  });

  test('an unsupported parameter is a 400 naming it and the provider, and nothing is sent', async () => {
    const answer = await post('/v1/chat/completions', { model: `${vendor}-chat`, ...chatBody, ...unsupported });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error).toMatchObject({ message: `The parameter '${param}' is not supported by ${displayName}.`, param });
    expect(upstreams[vendor].requests).toHaveLength(0);
  });

  test('a vendor error status before the stream starts is a real HTTP error', async () => {
    upstreams[vendor].setHandler((_request, response) => sendJson(response, 500, { message: 'internal boom', error: { message: 'internal boom' } }));
    const answer = await post(`/endpoints/${vendor}-chat/invocations`, { ...chatBody, stream: true });
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).detail).toContain('internal boom');
  });

  test('a vendor error mid-stream becomes an SSE error event, which the OpenAI client raises', async () => {
    upstreams[vendor].setHandler((_request, response) => {
      const wire = vendor === 'cohere' ? readFixture('cohere', 'chat.stream.ndjson').split('\n').slice(0, 2).join('\n') : readFixture(vendor, 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n');
      const failure =
        vendor === 'cohere'
          ? '\n{"is_finished":true,"event_type":"stream-error","finish_reason":"ERROR","err":"generation failed upstream"}\n'
          : '\n\ndata: {"error":{"message":"generation failed upstream","type":"server_error"}}\n\n';
      sendStream(response, wire + failure, vendor === 'cohere' ? 'application/stream+json' : 'text/event-stream');
    });
    const raw = await post(`/endpoints/${vendor}-chat/invocations`, { ...chatBody, stream: true });
    expect(raw.status).toBe(200);
    const events = parseSse(raw.text);
    expect(events.length).toBeGreaterThan(1);
    expect(events[events.length - 1].event).toBe('error');
    expect(JSON.parse(events[events.length - 1].data).error.message).toContain('generation failed upstream');

    const stream = await setup.openai.chat.completions.create({ model: `${vendor}-chat`, messages: [{ role: 'user', content: 'x' }], stream: true });
    await expect(streamedText(stream)).rejects.toThrow('generation failed upstream');
  });
});
