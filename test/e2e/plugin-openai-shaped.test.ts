/**
 * A plugin in front of an OpenAI-shaped vendor that passes the vendor's answers and chunks on as
 * they arrive, as README advises: OpenAI leaves out the empty fields (`tool_calls`, `refusal`, a
 * delta's `role` after the first chunk, a tool-call delta's `id`, `type` and `name` after the call's
 * first) that the unified schema has as null. They reach the official openai client as an answer
 * and a stream, not a 502. With tools, the plugin relays its vendor's tool calls, streamed chunk by
 * chunk: OpenAI's (test/fixtures/openai/chat-tool-calls.*) or, for model `mistral-large-latest`,
 * Mistral's, which have no `type` and come all together on the chunk that finishes
 * (test/fixtures/mistral/chat-tool-calls.*).
 */
import OpenAI from 'openai';
import { join } from 'node:path';
import { startPluginGateway } from '../support/plugin-gateway';

const FIXTURES = join(__dirname, '..', 'fixtures');

// What OpenAI's API sends, field for field (chat.completion and chat.completion.chunk).
const PLUGIN = `'use strict';
const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-x', system_fingerprint: 'fp_1' };
module.exports = {
  displayName: 'Relay',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint(settings) {
    const vendor = settings.modelName === 'mistral-large-latest' ? 'mistral' : 'openai';
    const fixture = (name) => require('node:fs').readFileSync(require('node:path').join(${JSON.stringify(FIXTURES)}, vendor, name), 'utf8');
    return {
      async chat(request) {
        if (request.tools) return JSON.parse(fixture('chat-tool-calls.response.json'));
        return { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-x',
          choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
      },
      async *chatStream(request) {
        if (request.tools) {
          const events = fixture('chat-tool-calls.stream.sse').split('\\n').filter((line) => line.startsWith('data: {'));
          for (const line of events) yield JSON.parse(line.slice(6));
          return;
        }
        yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] };
        yield { ...base, choices: [{ index: 0, delta: { content: 'Hel' }, logprobs: null, finish_reason: null }] };
        yield { ...base, choices: [{ index: 0, delta: { content: 'lo' } }] };
        yield { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] };
      },
    };
  },
};
`;

describe("a plugin passing an OpenAI-shaped vendor's answers on as they arrive", () => {
  let gateway: Awaited<ReturnType<typeof startPluginGateway>>;
  let openai: OpenAI;

  beforeAll(async () => {
    gateway = await startPluginGateway(
      PLUGIN,
      '  - { name: relay, endpoint_type: llm/v1/chat, model: { provider: fake, name: gpt-x } }\n  - { name: relay-mistral, endpoint_type: llm/v1/chat, model: { provider: fake, name: mistral-large-latest } }\n',
    );
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });

  afterAll(async () => {
    await gateway.close();
  });

  test('an answer without tool_calls and refusal is served, with them null', async () => {
    const completion = await openai.chat.completions.create({ model: 'relay', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0].message).toEqual({ role: 'assistant', content: 'Hello', tool_calls: null, refusal: null });
  });

  test('a stream whose deltas leave out role and tool_calls is served whole', async () => {
    const stream = await openai.chat.completions.create({ model: 'relay', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const deltas: { role?: string | null; content?: string | null }[] = [];
    const finishes: (string | null)[] = [];
    for await (const chunk of stream) {
      deltas.push(chunk.choices[0].delta);
      finishes.push(chunk.choices[0].finish_reason);
    }
    expect({ role: deltas[0].role, text: deltas.map((delta) => delta.content ?? '').join(''), finishes }).toEqual({
      role: 'assistant',
      text: 'Hello',
      finishes: [null, null, 'stop'],
    });
  });

  test("OpenAI's streamed tool calls, whose deltas after a call's first have only its index and an arguments piece, reach the stream helper whole", async () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
    const stream = openai.chat.completions.stream({ model: 'relay', messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }], tools, stream_options: { include_usage: true } });
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    expect(completion.choices[0].message.tool_calls).toEqual([
      { id: 'call_Xk3rP0qLm7Vz2Tn8Bw4Yc1Hd', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
      { id: 'call_Qa9sE6fJ2uRo5Gi1Kv7Np3Ml', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } },
    ]);
    expect(completion.usage?.total_tokens).toBe(123);
  });

  test("Mistral's tool calls, which have no type, reach the client as function calls, answered and streamed", async () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
    const request = { model: 'relay-mistral', messages: [{ role: 'user' as const, content: 'Weather in Paris and São Paulo?' }], tools };
    const answered = await openai.chat.completions.create(request);
    const streamed = await openai.chat.completions.stream(request).finalChatCompletion();
    expect(answered.choices[0].message.tool_calls?.map((call) => [call.id, call.type])).toEqual([
      ['D681PevKs', 'function'],
      ['Kq2x9ZcVb', 'function'],
    ]);
    expect(streamed.choices[0].message.tool_calls?.map((call) => (call.type === 'function' ? [call.id, call.type, call.function.arguments] : call.type))).toEqual([
      ['D681PevKs', 'function', '{"location": "Paris, France"}'],
      ['Kq2x9ZcVb', 'function', '{"location": "São Paulo, Brazil"}'],
    ]);
  });

  test("Mistral's tool calls, all on the chunk that finishes, each get the stream helper's arguments.done event, as from the built-in mistral provider", async () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
    const stream = openai.chat.completions.stream({ model: 'relay-mistral', messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }], tools });
    const done: { index: number; arguments: string }[] = [];
    stream.on('tool_calls.function.arguments.done', (event) => done.push({ index: event.index, arguments: event.arguments }));
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    expect(done).toEqual([
      { index: 0, arguments: '{"location": "Paris, France"}' },
      { index: 1, arguments: '{"location": "São Paulo, Brazil"}' },
    ]);
  });
});
