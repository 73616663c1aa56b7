/**
 * The `anthropic` provider end to end: the official OpenAI client (through /v1) and our SDK (through
 * the MLflow routes) against the gateway, which calls a fake Anthropic Messages API on 127.0.0.1
 * serving the fixtures of test/fixtures/anthropic.
 */
import OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { FIXED_NOW, parseSse } from '../support/gateway';
import { serveAnthropicFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const KEY = 'sk-ant-api03-TESTKEY-never-shown';
const CHAT_MODEL = 'claude-sonnet-4-5';
const COMPLETIONS_MODEL = 'claude-haiku-4-5';

const config = (upstreamUrl: string) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: ${CHAT_MODEL}
      config:
        anthropic_api_key: $ANTHROPIC_KEY
        anthropic_api_base: ${upstreamUrl}/v1
  - name: claude-completions
    endpoint_type: llm/v1/completions
    model:
      provider: anthropic
      name: ${COMPLETIONS_MODEL}
      config:
        anthropic_api_key: $ANTHROPIC_KEY
        anthropic_api_base: ${upstreamUrl}/v1
        anthropic_version: "2023-06-01"
        max_tokens: 256
`;

const setup = useGatewayWithUpstreams({ upstreams: { anthropic: serveAnthropicFixtures(COMPLETIONS_MODEL) }, config: (urls) => config(urls.anthropic), env: { ANTHROPIC_KEY: KEY } });
const { upstreams } = setup;

const lastRequest = () => upstreams.anthropic.requests[upstreams.anthropic.requests.length - 1];

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string', minLength: 2 }, unit: { anyOf: [{ const: 'celsius' }, { const: 'fahrenheit' }] } },
      required: ['location'],
      $defs: { unused: { type: 'string', format: 'date' } },
    },
  },
};

/** The calls of the tool-use fixtures, as a client sees them once assembled. */
const expectedCalls = [
  { id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', name: 'get_weather', arguments: { location: 'Paris, France', unit: 'celsius' } },
  { id: 'toolu_01K8s2Hn4xPq9RmTvWbL3cZe', name: 'get_weather', arguments: { location: 'São Paulo, Brazil', unit: 'celsius' } },
];

function callsOf(message: OpenAI.Chat.Completions.ChatCompletionMessage) {
  return (message.tool_calls ?? []).map((call) => (call.type === 'function' ? { id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments) } : call));
}

describe('openai client through /v1', () => {
  test('chat: answer and usage; upstream got x-api-key, anthropic-version, lifted system, stop_sequences, halved temperature', async () => {
    const completion = await setup.openai.chat.completions.create({
      model: 'claude',
      messages: [
        { role: 'system', content: 'You are a French barista.' },
        { role: 'user', content: 'Salut' },
      ],
      stop: ['\n\nHuman:'],
      temperature: 0.8,
      max_tokens: 500,
    });
    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 2069, completion_tokens: 18, total_tokens: 2087, prompt_tokens_details: { cached_tokens: 2048, cache_creation_tokens: 0 } });
    const sent = lastRequest();
    expect(sent.url).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe(KEY);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      model: CHAT_MODEL,
      system: 'You are a French barista.',
      messages: [{ role: 'user', content: 'Salut' }],
      stop_sequences: ['\n\nHuman:'],
      temperature: 0.4,
      max_tokens: 500,
    });
  });

  test("max_completion_tokens (what LangChain's ChatOpenAI sends for max_tokens) is Anthropic's max_tokens; both is a 400", async () => {
    await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 300 });
    expect(lastRequest().body).toEqual({ model: CHAT_MODEL, max_tokens: 300, messages: [{ role: 'user', content: 'x' }] });
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 300, max_tokens: 200 })).rejects.toMatchObject({
      status: 400,
      param: 'max_completion_tokens',
    });
  });

  test("prompt caching as LiteLLM-style clients send it: cache_control on a system part, a user part and a tool reaches Anthropic", async () => {
    const ephemeral = { type: 'ephemeral' };
    // The openai client's types know no cache_control; it sends the JSON as given, as LiteLLM users do.
    const request = {
      model: 'claude',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a French barista.', cache_control: ephemeral }] },
        { role: 'user', content: [{ type: 'text', text: 'Salut', cache_control: ephemeral }] },
      ],
      tools: [{ ...weatherTool, cache_control: ephemeral }],
    } as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
    await setup.openai.chat.completions.create(request);
    expect(lastRequest().body).toMatchObject({
      system: [{ type: 'text', text: 'You are a French barista.', cache_control: ephemeral }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Salut', cache_control: ephemeral }] }],
      tools: [{ name: 'get_weather', cache_control: ephemeral }],
    });
  });

  test("cache_control on string-content messages (LiteLLM's message-level convention) reaches Anthropic on their text blocks", async () => {
    const ephemeral = { type: 'ephemeral' };
    const request = {
      model: 'claude',
      messages: [
        { role: 'system', content: 'You are a French barista.', cache_control: ephemeral },
        { role: 'user', content: 'Salut', cache_control: ephemeral },
      ],
    } as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
    await setup.openai.chat.completions.create(request);
    expect(lastRequest().body).toMatchObject({
      system: [{ type: 'text', text: 'You are a French barista.', cache_control: ephemeral }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Salut', cache_control: ephemeral }] }],
    });
  });

  test("a PDF as OpenAI's file part reaches Anthropic as a document block; an OpenAI file id is a 400 naming it", async () => {
    const pdf = 'JVBERi0xLjQK';
    await setup.openai.chat.completions.create({
      model: 'claude',
      messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: `data:application/pdf;base64,${pdf}`, filename: 'menu.pdf' } }, { type: 'text', text: 'Prix du café ?' }] }],
    });
    expect(lastRequest().body).toMatchObject({
      messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf }, title: 'menu.pdf' }, { type: 'text', text: 'Prix du café ?' }] }],
    });
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }] })).rejects.toMatchObject({
      status: 400,
      param: 'messages[0].content[0].file.file_id',
    });
  });

  test('chat without max_tokens: the documented default 8192 is sent, nothing else is invented', async () => {
    await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] });
    expect(lastRequest().body).toEqual({ model: CHAT_MODEL, max_tokens: 8192, messages: [{ role: 'user', content: 'x' }] });
  });

  test('tool calls (not streamed): full JSON Schema sent as input_schema; calls and finish_reason tool_calls returned', async () => {
    const completion = await setup.openai.chat.completions.create({
      model: 'claude',
      messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }],
      tools: [weatherTool],
      tool_choice: 'required',
    });
    const sent = lastRequest().body as { tools: unknown[]; tool_choice: unknown };
    expect(sent.tools).toEqual([{ name: 'get_weather', description: 'Current weather for a city', input_schema: weatherTool.function.parameters }]);
    expect(sent.tool_choice).toEqual({ type: 'any' });
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    expect(completion.choices[0].message.content).toBe('Je vais vérifier la météo dans les deux villes.');
    expect(callsOf(completion.choices[0].message)).toEqual(expectedCalls);
  });

  test('tool calls streamed: the client assembles exactly the expected calls, text, finish reason and usage', async () => {
    const stream = setup.openai.chat.completions.stream({
      model: 'claude',
      messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }],
      tools: [weatherTool],
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    expect(callsOf(final.choices[0].message)).toEqual(expectedCalls);
    expect(final.choices[0].message.content).toBe('Je vérifie la météo.');
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(final.usage).toEqual({ prompt_tokens: 472, completion_tokens: 89, total_tokens: 561, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } });
    expect(lastRequest().body).toMatchObject({ stream: true });
    expect(lastRequest().body).not.toHaveProperty('stream_options');
  });

  test('a tool-call round trip: assistant tool_calls and consecutive tool results reach Anthropic as tool_use / one tool_result turn', async () => {
    await setup.openai.chat.completions.create({
      model: 'claude',
      messages: [
        { role: 'user', content: 'Weather in Paris and São Paulo?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: expectedCalls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: JSON.stringify(call.arguments) } })),
        },
        { role: 'tool', tool_call_id: expectedCalls[0].id, content: '18°C' },
        { role: 'tool', tool_call_id: expectedCalls[1].id, content: '27°C' },
      ],
    });
    expect((lastRequest().body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: 'Weather in Paris and São Paulo?' },
      { role: 'assistant', content: expectedCalls.map((call) => ({ type: 'tool_use', id: call.id, name: call.name, input: call.arguments })) },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: expectedCalls[0].id, content: '18°C' },
          { type: 'tool_result', tool_use_id: expectedCalls[1].id, content: '27°C' },
        ],
      },
    ]);
  });

  test('streamed chat: text reassembled exactly, including multi-byte characters', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(finish).toBe('stop');
  });

  test('completions, plain and streamed, through the Messages API with the endpoint default max_tokens', async () => {
    const completion = await setup.openai.completions.create({ model: 'claude-completions', prompt: 'Say café' });
    expect(completion.choices[0]).toMatchObject({ text: 'Voilà un café 🙂 et un croissant, le petit-déjeuner', finish_reason: 'length' });
    expect(lastRequest().body).toEqual({ model: COMPLETIONS_MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'Say café' }] });

    const streamed = await setup.openai.completions.create({ model: 'claude-completions', prompt: 'Say café', stream: true });
    let text = '';
    for await (const chunk of streamed) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('Voilà un café 🙂');
  });

  test("a completions stream's text is always a string on /v1, as OpenAI sends it (the finishing chunk's is \"\")", async () => {
    // openai-node and openai-python type choices[].text as a string: `text += chunk.choices[0].text`.
    const streamed = await setup.openai.completions.create({ model: 'claude-completions', prompt: 'Say café', stream: true });
    const chunks = [];
    for await (const chunk of streamed) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0].text).join('')).toBe('Voilà un café 🙂');
    expect(chunks.at(-1)?.choices).toEqual([{ index: 0, text: '', finish_reason: 'stop' }]);
  });

  describe("structured outputs: response_format json_schema is Anthropic's output_config.format", () => {
    const contactSchema = {
      type: 'object',
      properties: { name: { type: 'string' }, email: { type: 'string' }, plan_interest: { type: 'string' }, demo_requested: { type: 'boolean' } },
      required: ['name', 'email', 'plan_interest', 'demo_requested'],
      additionalProperties: false,
    };
    const responseFormat = { type: 'json_schema' as const, json_schema: { name: 'contact', strict: true, schema: contactSchema } };
    const expectedContact = { name: 'Zoë Martin', email: 'zoe@example.com', plan_interest: 'Enterprise', demo_requested: true };
    const messages = [{ role: 'user' as const, content: 'Extract: Zoë Martin (zoe@example.com) wants Enterprise and a demo.' }];

    test("the client's parse() gets the JSON answer parsed; a schema in Claude's subset reaches Anthropic as sent", async () => {
      const completion = await setup.openai.chat.completions.parse({ model: 'claude', messages, response_format: responseFormat });
      expect(completion.choices[0].message.parsed).toEqual(expectedContact);
      expect(completion.choices[0].finish_reason).toBe('stop');
      expect(lastRequest().body).toEqual({ model: CHAT_MODEL, max_tokens: 8192, messages, output_config: { format: { type: 'json_schema', schema: contactSchema } } });
    });

    test("streamed with the client's stream helper: the same JSON (the helper parses only zod formats, so the content is read)", async () => {
      const stream = setup.openai.chat.completions.stream({ model: 'claude', messages, response_format: responseFormat });
      const final = await stream.finalChatCompletion();
      expect(JSON.parse(final.choices[0].message.content ?? '')).toEqual(expectedContact);
      expect(final.choices[0].finish_reason).toBe('stop');
      expect(lastRequest().body).toMatchObject({ stream: true, output_config: { format: { type: 'json_schema', schema: contactSchema } } });
    });

    test('json_object (no schema, which Anthropic needs) is a 400 naming response_format.type, before any upstream call', async () => {
      await expect(setup.openai.chat.completions.create({ model: 'claude', messages, response_format: { type: 'json_object' } })).rejects.toMatchObject({
        status: 400,
        param: 'response_format.type',
      });
      expect(upstreams.anthropic.requests).toHaveLength(0);
    });
  });

  test('n other than 1 is a 400 naming the parameter and the provider, before any upstream call', async () => {
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], n: 2 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("The parameter 'n' must be 1 for Anthropic"),
    });
    expect(upstreams.anthropic.requests).toHaveLength(0);
  });
});

describe('our SDK through the MLflow routes', () => {
  const sdk = () => createGatewayClient({ baseUrl: setup.gateway.url });

  test('chat, streamed chat, completions, streamed completions', async () => {
    expect(await sdk().chat('claude', { messages: [{ role: 'user', content: 'Salut' }] })).toEqual({
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      object: 'chat.completion',
      created: FIXED_NOW,
      model: 'claude-sonnet-4-5-20250929',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2069, completion_tokens: 18, total_tokens: 2087, prompt_tokens_details: { cached_tokens: 2048, cache_creation_tokens: 0 } },
    });
    const chunks = [];
    for await (const chunk of sdk().streamChat('claude', { messages: [{ role: 'user', content: 'x' }] })) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(chunks[chunks.length - 1]).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 } });

    expect(await sdk().completions('claude-completions', { prompt: 'p' })).toMatchObject({ object: 'text_completion', choices: [{ finish_reason: 'length' }] });
    let text = '';
    for await (const chunk of sdk().streamCompletions('claude-completions', { prompt: 'p' })) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('Voilà un café 🙂');
  });
  test('a PDF file part on the MLflow chat route reaches Anthropic as a document block', async () => {
    const pdf = 'JVBERi0xLjQK';
    await sdk().chat('claude', { messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: `data:application/pdf;base64,${pdf}` } }] }] });
    expect(lastRequest().body).toMatchObject({ messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf } }] }] });
  });
});

describe('upstream errors keep a meaningful status and never leak the key', () => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${setup.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const chatBody = { messages: [{ role: 'user', content: 'x' }] };

  test('400 keeps status and the vendor message', async () => {
    upstreams.anthropic.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('anthropic', 'error-400.json')));
    const answer = await post('/endpoints/claude/invocations', chatBody);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).detail).toMatch(/^max_tokens: 100000 > 64000/);
  });

  test("a refused request has Anthropic's error type as its code on /v1 (and as its type where OpenAI has it)", async () => {
    upstreams.anthropic.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('anthropic', 'error-400.json')));
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_request_error',
      type: 'invalid_request_error',
      param: null,
    });
    const tooLarge = { type: 'error', error: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' } };
    upstreams.anthropic.setHandler((_request, response) => sendJson(response, 413, tooLarge));
    const answer = await post('/v1/chat/completions', { model: 'claude', ...chatBody });
    expect([answer.status, JSON.parse(answer.text)]).toEqual([
      413,
      { error: { message: 'Request exceeds the maximum allowed number of bytes.', type: 'invalid_request_error', param: null, code: 'request_too_large' } },
    ]);
    const mlflow = await post('/endpoints/claude/invocations', chatBody);
    expect([mlflow.status, JSON.parse(mlflow.text)]).toEqual([413, { detail: 'Request exceeds the maximum allowed number of bytes.' }]);
  });

  test("401 from Anthropic is a 502 naming the endpoint on /v1 (MLflow's 401 on its routes), without the key", async () => {
    upstreams.anthropic.setHandler((_request, response) => sendJson(response, 401, readJsonFixture('anthropic', 'error-401.json')));
    const v1 = await post('/v1/chat/completions', { model: 'claude', ...chatBody });
    expect(v1.status).toBe(502);
    expect(JSON.parse(v1.text).error.message).toContain("endpoint 'claude'");
    const mlflow = await post('/gateway/claude/invocations', { ...chatBody, stream: true });
    expect(mlflow.status).toBe(401);
    expect(mlflow.headers.get('content-type')).toContain('application/json');
    for (const text of [v1.text, mlflow.text]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('sk-ant');
    }
  });

  test('429 stays 429 with Retry-After', async () => {
    upstreams.anthropic.setHandler((_request, response) => sendJson(response, 429, readJsonFixture('anthropic', 'error-429.json'), { 'retry-after': '30' }));
    const answer = await post('/endpoints/claude/invocations', chatBody);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(JSON.parse(answer.text).detail).toMatch(/^This request would exceed the rate limit/);
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 429 });
  });

  test('529 overloaded is a 502 with the vendor message', async () => {
    upstreams.anthropic.setHandler((_request, response) => sendJson(response, 529, readJsonFixture('anthropic', 'error-529.json')));
    const answer = await post('/v1/chat/completions', { model: 'claude', ...chatBody });
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).error.message).toBe("Upstream error from endpoint 'claude' (status 529): Overloaded");
  });

  test('an error event mid-stream becomes an SSE error event, which the OpenAI client raises', async () => {
    upstreams.anthropic.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      response.end(readFixture('anthropic', 'chat-error.stream.sse'));
    });
    const raw = await post('/endpoints/claude/invocations', { ...chatBody, stream: true });
    expect(raw.status).toBe(200);
    const events = parseSse(raw.text);
    const text = events
      .filter((event) => event.event === undefined)
      .map((event) => JSON.parse(event.data).choices[0].delta.content ?? '')
      .join('');
    expect(text).toBe('Un café');
    const last = events[events.length - 1];
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error).toMatchObject({ message: "Upstream error from endpoint 'claude' (status 529): Overloaded", status: 502 });
    expect(raw.text).not.toContain('[DONE]');

    const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], stream: true });
    const consume = async () => {
      for await (const _chunk of stream) {
        // reading until the error
      }
    };
    await expect(consume()).rejects.toThrow('Overloaded');
  });
});
