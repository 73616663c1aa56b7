/**
 * The `openai` provider end to end: the official OpenAI client (through /v1) and our SDK (through
 * the MLflow routes) against the gateway, which calls a fake OpenAI / Azure upstream on 127.0.0.1.
 */
import OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';

const KEY = 'sk-proj-TESTKEY-never-shown';

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

const config = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: $OPENAI_KEY
        openai_api_base: ${upstreamUrl}/v1
        openai_organization: org-test
        temperature: 0.3
  - name: completions
    endpoint_type: llm/v1/completions
    model:
      provider: openai
      name: gpt-3.5-turbo-instruct
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
  - name: azure-chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o
      config:
        openai_api_type: azure
        openai_api_key: azure-secret-key
        openai_api_base: ${upstreamUrl}
        openai_deployment_name: prod-gpt4o
        openai_api_version: "2024-10-21"
  - name: azuread-embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      config:
        openai_api_type: AzureAD
        openai_api_key: entra-token
        openai_api_base: ${upstreamUrl}
        openai_deployment_name: embed
        openai_api_version: "2024-10-21"
  - name: unreachable
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "http://127.0.0.1:9/v1" }
`;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  gateway = await startGateway(config(upstream.url), { env: { OPENAI_KEY: KEY } });
  openai = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.setHandler(serveOpenAIFixtures);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const lastRequest = () => upstream.requests[upstream.requests.length - 1];

describe('openai client through /v1', () => {
  test('chat: answer, upstream request with the gateway key, configured model and default temperature', async () => {
    const completion = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Salut' }] });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(completion.usage).toEqual({ prompt_tokens: 21, completion_tokens: 14, total_tokens: 35, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } });
    const sent = lastRequest();
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.headers['openai-organization']).toBe('org-test');
    // Exactly what the client sent, plus the configured model and the endpoint default; no invented n.
    expect(sent.body).toEqual({ messages: [{ role: 'user', content: 'Salut' }], model: 'gpt-4o-mini', temperature: 0.3 });
  });

  test('chat: a client temperature wins over the endpoint default', async () => {
    await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }], temperature: 1.2 });
    expect((lastRequest().body as { temperature: number }).temperature).toBe(1.2);
  });

  test('chat with tools: full JSON Schema forwarded, tool calls returned', async () => {
    const parameters = {
      type: 'object',
      properties: { location: { type: 'string', minLength: 2 }, units: { anyOf: [{ const: 'c' }, { const: 'f' }] } },
      required: ['location'],
      $defs: { unused: { type: 'string', format: 'date' } },
    };
    const completion = await openai.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather now', parameters } }],
      tool_choice: 'auto',
    });
    expect((lastRequest().body as { tools: { function: { parameters: unknown } }[] }).tools[0].function.parameters).toEqual(parameters);
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    const calls = completion.choices[0].message.tool_calls ?? [];
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.type === 'function' && typeof call.id === 'string' && JSON.parse(call.function.arguments))).toBe(true);
  });

  test('nulls inside a JSON Schema (Pydantic\'s "default": null for an optional field, "const": null) are kept; null request fields still count as absent', async () => {
    // As Pydantic v2's model_json_schema() writes `unit: Optional[str] = None` and `reserved: None`.
    const parameters = {
      type: 'object',
      properties: { city: { type: 'string', title: 'City' }, unit: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Unit' }, reserved: { const: null, title: 'Reserved' } },
      required: ['city', 'reserved'],
      title: 'GetWeather',
    };
    await openai.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters } }],
      response_format: { type: 'json_schema', json_schema: { name: 'weather', schema: parameters } },
      max_tokens: null,
    });
    const sent = lastRequest().body as { tools: { function: { parameters: unknown } }[]; response_format: { json_schema: { schema: unknown } } };
    expect(sent.tools[0].function.parameters).toEqual(parameters);
    expect(sent.response_format.json_schema.schema).toEqual(parameters);
    expect(sent).not.toHaveProperty('max_tokens');
  });

  test('a compatible server sending tool-call arguments as an object (llama.cpp): the client gets the JSON text', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat-tool-calls-object-arguments.response.json')));
    const completion = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    const [call] = completion.choices[0].message.tool_calls ?? [];
    expect(call).toEqual({ id: 'Wq3sVd8KpLx2mB7nRt5yHc1zFj4gNa0e', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' } });
  });

  test('streamed chat: text reassembled exactly, including multi-byte characters', async () => {
    const expected = readFixture('openai', 'chat.stream.sse')
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? '')
      .join('');
    const stream = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(expected);
    expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(finish).toBe('stop');
    expect((lastRequest().body as { stream: boolean }).stream).toBe(true);
  });

  test('streamed tool calls: the client assembles name and arguments; usage arrives', async () => {
    const stream = openai.chat.completions.stream({
      model: 'chat',
      messages: [{ role: 'user', content: 'Weather in São Paulo?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    const calls = (final.choices[0].message.tool_calls ?? []).map((call) => (call.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : null));
    expect(calls).toEqual([
      ['get_weather', { location: 'Paris, France' }],
      ['get_weather', { location: expect.stringContaining('São Paulo') }],
    ]);
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
  });

  test('streamed tool calls from a compatible server that sends no index (Gemini): the client assembles each call on its own', async () => {
    upstream.setHandler((_request, response) => sendStream(response, readFixture('openai', 'chat-tool-calls-no-index.stream.sse')));
    const stream = openai.chat.completions.stream({ model: 'chat', messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }] });
    const final = await stream.finalChatCompletion();
    const calls = (final.choices[0].message.tool_calls ?? []).map((call) => (call.type === 'function' ? [call.id, JSON.parse(call.function.arguments)] : null));
    expect(calls).toEqual([
      ['function-call-1571374652147935761', { location: 'Paris, France' }],
      ['function-call-9027458612295327140', { location: 'São Paulo, Brazil' }],
    ]);
    expect(final.choices[0].finish_reason).toBe('tool_calls');
  });

  test("a vLLM or Ollama server's thinking text (`reasoning`) reaches the client as reasoning_content, in answers and streams", async () => {
    type WithReasoning = { reasoning_content?: string };
    upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat-vllm-reasoning.response.json')));
    const completion = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: '9.11 or 9.8?' }] });
    expect(completion.choices[0].message).toMatchObject({ content: '9.8 is greater than 9.11.', reasoning_content: 'Compare the decimals: 9.8 is 9.80, and 0.80 > 0.11 → 9.8 is larger.' });

    upstream.setHandler((_request, response) => sendStream(response, readFixture('openai', 'chat-vllm-reasoning.stream.sse')));
    const stream = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: '9.11 or 9.8?' }], stream: true });
    let reasoning = '';
    let content = '';
    for await (const chunk of stream) {
      reasoning += (chunk.choices[0]?.delta as WithReasoning | undefined)?.reasoning_content ?? '';
      content += chunk.choices[0]?.delta.content ?? '';
    }
    expect({ reasoning, content }).toEqual({ reasoning: 'Compare the decimals: 9.8 is 9.80, and 0.80 > 0.11 → 9.8 is larger.', content: '9.8 is greater than 9.11.' });
  });

  test('a compatible server that ends a finished stream without [DONE] (ik_llama.cpp, older llama.cpp and TGI): the client gets the whole answer, no error', async () => {
    const withoutDone = readFixture('openai', 'chat.stream.sse').replace('data: [DONE]\n\n', '');
    upstream.setHandler((_request, response) => sendStream(response, withoutDone));
    const stream = openai.chat.completions.stream({ model: 'chat', messages: [{ role: 'user', content: 'x' }] });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]).toMatchObject({ message: { content: 'Un café ? Bien sûr 🙂 Bonne journée.' }, finish_reason: 'stop' });
  });

  test('a streamed refusal reaches the client as delta.refusal; the assembled message carries it', async () => {
    upstream.setHandler((_request, response) => sendStream(response, readFixture('openai', 'chat-refusal.stream.sse')));
    const stream = openai.chat.completions.stream({ model: 'chat', messages: [{ role: 'user', content: 'x' }] });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].message.refusal).toBe('I’m sorry, I can’t assist with that request.');
    expect(final.choices[0].message.content).toBeNull();
  });

  test('completions and embeddings', async () => {
    const completion = await openai.completions.create({ model: 'completions', prompt: 'Say hi' });
    expect(completion.choices[0].text).toBe(readJsonFixture<{ choices: { text: string }[] }>('openai', 'completions.response.json').choices[0].text);
    expect(lastRequest().body).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' });

    const streamed = await openai.completions.create({ model: 'completions', prompt: 'Say hi', stream: true });
    let text = '';
    for await (const chunk of streamed) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('\n\nVoilà un café 🙂');

    const embeddings = await openai.embeddings.create({ model: 'embeddings', input: ['a', 'b'], encoding_format: 'float' });
    expect(embeddings.data.map((item) => item.embedding)).toEqual(readJsonFixture<{ data: { embedding: number[] }[] }>('openai', 'embeddings.response.json').data.map((item) => item.embedding));
    expect(lastRequest().body).toEqual({ model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' });
  });
});

describe('embeddings answered as the upstream wrote them', () => {
  // Numbers written as JSON.stringify never would (trailing zeros, exponents, 20 digits) show
  // whether the answer was passed on or serialised again.
  const upstreamText = `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.10,-2.50E-3,0.12345678901234567890]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}`;

  test('an answer already in the unified shape goes out byte for byte, on both route families', async () => {
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(upstreamText);
    });
    for (const [path, body] of [
      ['/v1/embeddings', { model: 'embeddings', input: 'hi' }],
      ['/endpoints/embeddings/invocations', { input: 'hi' }],
    ] as const) {
      const answer = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await answer.text()).toBe(upstreamText);
    }
    const embeddings = await openai.embeddings.create({ model: 'embeddings', input: 'hi', encoding_format: 'float' });
    expect(embeddings.data[0].embedding).toEqual([0.1, -0.0025, 0.12345678901234568]);
    expect(embeddings.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  test("a server that ignores the openai client's default base64 has its floats encoded, not decoded into wrong vectors", async () => {
    // LM Studio, infinity, older LocalAI and SGLang answer floats whatever `encoding_format` says.
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(upstreamText);
    });
    const embeddings = await openai.embeddings.create({ model: 'embeddings', input: 'hi' });
    expect((lastRequest().body as { encoding_format?: string }).encoding_format).toBe('base64');
    expect(embeddings.data[0].embedding).toEqual(Array.from(new Float32Array([0.1, -0.0025, 0.12345678901234568])));
    // Asked for floats, the same answer is passed on as it is.
    const floats = await openai.embeddings.create({ model: 'embeddings', input: 'hi', encoding_format: 'float' });
    expect(floats.data[0].embedding).toEqual([0.1, -0.0025, 0.12345678901234568]);
  });

  test('an answer with more than the unified fields is rebuilt without them', async () => {
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(upstreamText.replace('"model"', '"system_fingerprint":"fp_1","model"'));
    });
    const answer = await fetch(`${gateway.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'embeddings', input: 'hi' }) });
    expect(await answer.json()).toEqual({
      object: 'list',
      data: [{ object: 'embedding', embedding: [0.1, -0.0025, 0.12345678901234568], index: 0 }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 2, total_tokens: 2 },
    });
  });
});

describe('our SDK through the MLflow routes', () => {
  const sdk = () => createGatewayClient({ baseUrl: gateway.url });

  test('chat, streamed chat, completions, embeddings', async () => {
    const chat = await sdk().chat('chat', { messages: [{ role: 'user', content: 'Salut' }] });
    expect(chat).toEqual({
      id: 'chatcmpl-BZq3kR8vN2yTf6XwL0aPc7dE1sGhU',
      object: 'chat.completion',
      created: 1748251200,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 14, total_tokens: 35, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } },
    });
    let text = '';
    for await (const chunk of sdk().streamChat('chat', { messages: [{ role: 'user', content: 'x' }] })) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect((await sdk().completions('completions', { prompt: 'p' })).object).toBe('text_completion');
    let completionText = '';
    for await (const chunk of sdk().streamCompletions('completions', { prompt: 'p' })) completionText += chunk.choices[0]?.text ?? '';
    expect(completionText).toBe('\n\nVoilà un café 🙂');
    expect((await sdk().embeddings('embeddings', { input: ['x', 'y'] })).data).toHaveLength(2);
  });
});

describe('Azure OpenAI', () => {
  test('azure: deployment URL with api-version, api-key header, no model in the body', async () => {
    const chat = await sdk().chat('azure-chat', { messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.choices[0].message.content).toContain('Bonjour');
    const sent = lastRequest();
    expect(sent.url).toBe('/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21');
    expect(sent.headers['api-key']).toBe('azure-secret-key');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({ messages: [{ role: 'user', content: 'hi' }] });
  });

  test('azuread: bearer token', async () => {
    await openai.embeddings.create({ model: 'azuread-embeddings', input: 'x', encoding_format: 'float' });
    const sent = lastRequest();
    expect(sent.url).toBe('/openai/deployments/embed/embeddings?api-version=2024-10-21');
    expect(sent.headers.authorization).toBe('Bearer entra-token');
  });

  function sdk() {
    return createGatewayClient({ baseUrl: gateway.url });
  }
});

describe('upstream errors keep a meaningful status and never leak the key', () => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const chatBody = { messages: [{ role: 'user', content: 'x' }] };

  test('400 keeps status and vendor message on both route families', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400.json')));
    const mlflow = await post('/endpoints/chat/invocations', chatBody);
    expect(mlflow.status).toBe(400);
    expect(JSON.parse(mlflow.text).detail).toMatch(/^Invalid type for 'messages\[0\]\.content'/);
    await expect(openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("Invalid type for 'messages[0].content'"),
    });
  });

  test("a Python server's FastAPI `detail` (vLLM's 404 for a base without /v1, pydantic's 422 issues, Mistral's nested ones) is the message, not the raw body", async () => {
    const answers: [number, unknown, string][] = [
      [404, { detail: 'Not Found' }, 'Not Found'],
      [422, { detail: [{ loc: ['body', 'messages', 0, 'role'], msg: 'Field required', type: 'missing' }] }, 'messages.0.role: Field required'],
      [422, { object: 'error', message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'seed'], msg: 'Extra inputs are not permitted', input: 1 }] }, type: 'invalid_request_error' }, 'seed: Extra inputs are not permitted'],
    ];
    for (const [status, body, message] of answers) {
      upstream.setHandler((_request, response) => sendJson(response, status, body));
      const mlflow = await post('/endpoints/chat/invocations', chatBody);
      expect({ status: mlflow.status, detail: JSON.parse(mlflow.text).detail }).toEqual({ status, detail: message });
      await expect(openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status, error: { message } });
    }
  });

  test("a refused request keeps the vendor's code, param and type on /v1 (the OpenAI client's APIError), MLflow's shape elsewhere", async () => {
    const contextLength = readJsonFixture('openai', 'error-400-context-length.json') as { error: { message: string } };
    upstream.setHandler((_request, response) => sendJson(response, 400, contextLength));
    const refused = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect(refused).toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'messages', type: 'invalid_request_error' });
    const raw = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(JSON.parse(raw.text)).toEqual({ error: { message: contextLength.error.message, type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } });
    for (const path of ['/endpoints/chat/invocations', '/gateway/chat/invocations']) {
      const mlflow = await post(path, chatBody);
      expect([mlflow.status, JSON.parse(mlflow.text)]).toEqual([400, { detail: contextLength.error.message }]);
    }
  });

  test("Azure's content filter keeps code content_filter and param prompt; its null type is the gateway's", async () => {
    upstream.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400-azure-content-filter.json')));
    await expect(openai.chat.completions.create({ model: 'azure-chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      code: 'content_filter',
      param: 'prompt',
      type: 'invalid_request_error',
      message: expect.stringContaining("triggering Azure OpenAI's content management policy"),
    });
  });

  test("a vendor 429 keeps OpenAI's code and type; a refused key never shows the vendor's code", async () => {
    upstream.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429.json')));
    await expect(openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      type: 'tokens',
    });
    upstream.setHandler((_request, response) => sendJson(response, 401, readJsonFixture('openai', 'error-401.json')));
    // `invalid_api_key` would tell the client its own key is wrong: it is the gateway's.
    await expect(openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 502,
      code: 'upstream_auth_failed',
      param: null,
    });
  });

  test('401 from the vendor is a 502 naming the endpoint, without any key', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 401, readJsonFixture('openai', 'error-401.json')));
    const answer = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).error.message).toContain("endpoint 'chat'");
    expect(answer.text).not.toContain(KEY);
    expect(answer.text).not.toContain('sk-proj');
  });

  test("401 from the vendor keeps its status on MLflow's routes, as in MLflow, whose client retries a 502 for minutes", async () => {
    upstream.setHandler((_request, response) => sendJson(response, 401, readJsonFixture('openai', 'error-401.json')));
    const answer = await post('/endpoints/chat/invocations', chatBody);
    expect([answer.status, answer.headers.get('x-should-retry')]).toEqual([401, null]);
    expect(JSON.parse(answer.text)).toEqual({
      detail: "The provider rejected the gateway's credentials for endpoint 'chat' (upstream status 401). Ask the gateway operator to check the endpoint's API key.",
    });
    expect(answer.text).not.toContain(KEY);
  });

  test("a used-up quota (OpenAI's insufficient_quota 429) is sent once, not retried, and the client is told not to retry it", async () => {
    upstream.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429-quota.json')));
    const before = upstream.requests.length;
    const answer = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(upstream.requests.length - before).toBe(1);
    expect([answer.status, answer.headers.get('x-should-retry')]).toEqual([429, 'false']);
    expect(JSON.parse(answer.text).error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota', message: expect.stringMatching(/^You exceeded your current quota/) });
    // A rate limit is still retried (max_attempts 3 here) and may be retried by the client.
    upstream.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429.json')));
    const limited = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-should-retry')).toBeNull();
    expect(upstream.requests.length - before).toBeGreaterThan(2);
  });

  test('429 stays 429 with Retry-After', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429.json'), { 'retry-after': '12' }));
    // Longer than max_retry_after: the gateway answers at once instead of waiting to retry.
    const answer = await post('/gateway/chat/invocations', chatBody);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('12');
    expect(JSON.parse(answer.text).detail).toMatch(/^Rate limit reached/);
  });

  test("a vendor's Retry-After reaches the client in whole seconds, and Azure's retry-after-ms alone as Retry-After", async () => {
    // urllib3 (MLflow's Python client retries through it) raises on a fractional Retry-After.
    const retryAfterFor = async (headers: Record<string, string>) => {
      upstream.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429.json'), headers));
      const answer = await post('/gateway/chat/invocations', chatBody);
      expect(answer.status).toBe(429);
      return answer.headers.get('retry-after');
    };
    // Longer than max_retry_after, so that the gateway does not wait and retry first.
    expect(await retryAfterFor({ 'retry-after': '12.2' })).toBe('13');
    expect(await retryAfterFor({ 'retry-after-ms': '12500' })).toBe('13');
    expect(await retryAfterFor({ 'retry-after': '12', 'retry-after-ms': '11500' })).toBe('12');
    // A wait past a minute is said on /v1 only: MLflow's Python client sleeps out any Retry-After, before each of its 7 retries.
    expect(await retryAfterFor({ 'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT' })).toBeNull();
    const onV1 = await post('/v1/chat/completions', { ...chatBody, model: 'chat' });
    expect([onV1.status, onV1.headers.get('retry-after')]).toEqual([429, 'Wed, 21 Oct 2099 07:28:00 GMT']);
    expect(await retryAfterFor({ 'retry-after': 'soon' })).toBeNull();
  });

  test('5xx and HTML error pages become 502 with a clear message', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 503, { error: { message: 'overloaded' } }));
    const overloaded = await post('/endpoints/chat/invocations', chatBody);
    expect(overloaded.status).toBe(502);
    expect(JSON.parse(overloaded.text).detail).toContain('overloaded');
    upstream.setHandler((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad gateway</body></html>');
    });
    const html = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(html.status).toBe(502);
    expect(JSON.parse(html.text).error.message).toContain('HTML');
  });

  test('an unreachable provider is a 502', async () => {
    const answer = await post('/endpoints/unreachable/invocations', chatBody);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).detail).toContain("endpoint 'unreachable'");
  });

  test('a failure another attempt would meet again says x-should-retry: false, so the OpenAI clients do not repeat (and pay for) it', async () => {
    // The official clients retry every 5xx twice by default, unless the answer says x-should-retry: false.
    const retryingClient = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 2 });
    const chat = () => retryingClient.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] });
    const untranslatable = { ...readJsonFixture<Record<string, unknown>>('openai', 'chat.response.json'), choices: [{ index: 0, message: { role: 'assistant', content: 42 }, finish_reason: 'stop' }] };
    upstream.setHandler((_request, response) => sendJson(response, 200, untranslatable));
    await expect(chat()).rejects.toMatchObject({ status: 502, code: 'upstream_unreadable' });
    expect(upstream.requests).toHaveLength(1);

    upstream.requests.length = 0;
    upstream.setHandler((_request, response) => sendJson(response, 401, readJsonFixture('openai', 'error-401.json')));
    const refused = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect([refused.status, refused.headers.get('x-should-retry')]).toEqual([502, 'false']);
    await expect(chat()).rejects.toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect(upstream.requests).toHaveLength(2);

    // A transient failure (the vendor's 5xx, after the gateway's own retries) is left to the client's retry logic.
    upstream.setHandler((_request, response) => sendJson(response, 503, { error: { message: 'overloaded' } }));
    const transient = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect([transient.status, transient.headers.get('x-should-retry')]).toEqual([502, null]);
  });

  test('a stream that fails before its first byte is a real HTTP error, not a 200', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 500, { error: { message: 'boom' } }));
    const answer = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(answer.text).detail).toContain('boom');
  });

  test('a vendor error mid-stream becomes an SSE error event, which the OpenAI client raises', async () => {
    // The role-only chunk (held by the gateway) and the first word: the client has a chunk before the error.
    const first = readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n');
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`${first}\n\ndata: {"error":{"message":"The server had an error while processing your request."}}\n\n`);
    });
    const raw = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(raw.status).toBe(200);
    const events = parseSse(raw.text);
    expect(events[events.length - 1].event).toBe('error');
    expect(JSON.parse(events[events.length - 1].data).error.message).toBe('The server had an error while processing your request.');
    expect(raw.text).not.toContain('[DONE]');

    const stream = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }], stream: true });
    const consume = async () => {
      for await (const _chunk of stream) {
        // reading until the error
      }
    };
    await expect(consume()).rejects.toThrow('The server had an error while processing your request.');
  });
});

describe('streaming is forwarded as it arrives, and a client that leaves stops the upstream call', () => {
  const chunk = (content: string) =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

  test('a chunk reaches the client before the upstream sends the next one', async () => {
    let releaseSecond!: () => void;
    const secondMayGo = new Promise<void>((resolve) => (releaseSecond = resolve));
    upstream.setHandler(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk('first'));
      await secondMayGo;
      response.end(`${chunk('second')}data: [DONE]\n\n`);
    });
    const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('first')) received += decoder.decode((await reader.read()).value, { stream: true });
    expect(received).not.toContain('second');
    releaseSecond();
    for (let next = await reader.read(); !next.done; next = await reader.read()) received += decoder.decode(next.value, { stream: true });
    expect(received).toContain('second');
    expect(received.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  test('client disconnect aborts the upstream request', async () => {
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk('only'));
      // never ends on its own
    });
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }], stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const upstreamClosed = upstream.closed[upstream.closed.length - 1];
    controller.abort();
    await expect(upstreamClosed).resolves.toBeUndefined();
  });
});
