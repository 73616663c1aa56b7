/**
 * A `/v1/responses` stream asks the chat path for the stream's usage (`stream_options.include_usage`):
 * end to end with the official openai client, what each vendor without OpenAI's own API is sent, and
 * where the Response's usage comes from. Together AI's API has no such field and reports usage on
 * every stream's last chunk: it is not sent. TGI's Messages API streams a usage chunk only when asked
 * (TGI ≥ 2.4; earlier servers ignore the key, as any key their ChatRequest does not know): it is sent,
 * also under a token limit. A plugin is sent only the client's own `stream_options`, as its contract
 * has it send its usage unasked. Fixtures and their sources: test/fixtures/togetherai/README.md,
 * test/fixtures/huggingface-text-generation-inference/README.md.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixtureBytes } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { startPluginGateway } from '../support/plugin-gateway';

const TGI = 'huggingface-text-generation-inference';

const asksForUsage = (request: RecordedRequest) => (request.body as { stream_options?: { include_usage?: unknown } }).stream_options?.include_usage === true;

/** TGI 2.4's Messages API: the usage chunk only when `stream_options.include_usage` asks; other keys it does not know are ignored. */
const tgi = (request: RecordedRequest, response: ServerResponse) => sendStream(response, readFixtureBytes(TGI, asksForUsage(request) ? 'chat-usage.stream.sse' : 'chat.stream.sse'));
/** TGI before 2.4: no `stream_options`, which it ignores; never a usage chunk. */
const olderTgi = (_request: RecordedRequest, response: ServerResponse) => sendStream(response, readFixtureBytes(TGI, 'chat.stream.sse'));
/** Together AI: usage on the last chunk of every stream, whatever the request asks. */
const together = (_request: RecordedRequest, response: ServerResponse) => sendStream(response, readFixtureBytes('togetherai', 'chat.stream.sse'));

const setup = useGatewayWithUpstreams({
  upstreams: { together, tgi, olderTgi },
  config: (urls) => `
endpoints:
  - name: together
    endpoint_type: llm/v1/chat
    model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: tk-test, togetherai_api_base: "${urls.together}/v1" } }
  - name: tgi
    endpoint_type: llm/v1/chat
    model: { provider: ${TGI}, config: { hf_server_url: "${urls.tgi}" } }
  - name: tgi-limited
    endpoint_type: llm/v1/chat
    model: { provider: ${TGI}, config: { hf_server_url: "${urls.tgi}" } }
    limit: { renewal_period: minute, tokens: 100000 }
  - name: tgi-2-3
    endpoint_type: llm/v1/chat
    model: { provider: ${TGI}, config: { hf_server_url: "${urls.olderTgi}" } }
`,
});

/** The completed Response of a streamed `/v1/responses` request. */
async function completedResponse(model: string): Promise<OpenAI.Responses.Response> {
  const stream = await setup.openai.responses.create({ model, input: 'Un café ?', stream: true });
  let completed: OpenAI.Responses.Response | undefined;
  for await (const event of stream) if (event.type === 'response.completed') completed = event.response;
  if (completed === undefined) throw new Error('the stream ended without response.completed');
  return completed;
}

/** The text of a Response's messages (the events' Responses carry no `output_text`, which the client adds to a whole one). */
const textOf = (response: OpenAI.Responses.Response): string =>
  response.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')) : [])).join('');

test("Together AI: no stream_options is sent; the Response's usage is the one on its stream's last chunk", async () => {
  const response = await completedResponse('together');
  expect(setup.upstreams.together.requests[0].body).toMatchObject({ stream: true });
  expect(setup.upstreams.together.requests[0].body).not.toHaveProperty('stream_options');
  expect(textOf(response)).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(response.usage).toMatchObject({ input_tokens: 42, output_tokens: 9, total_tokens: 51 });
});

test("Together AI: a chat client's own include_usage is not sent either, and its usage still arrives", async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'together', messages: [{ role: 'user', content: 'Un café ?' }], stream: true, stream_options: { include_usage: true } });
  const usages: unknown[] = [];
  for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage);
  expect(setup.upstreams.together.requests[0].body).not.toHaveProperty('stream_options');
  expect(usages).toEqual([{ prompt_tokens: 42, completion_tokens: 9, total_tokens: 51 }]);
});

test("TGI: include_usage is sent; the Response's usage is TGI's usage chunk", async () => {
  const response = await completedResponse('tgi');
  expect(setup.upstreams.tgi.requests[0].body).toMatchObject({ model: 'tgi', stream: true, stream_options: { include_usage: true } });
  expect(textOf(response)).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
  expect(response.usage).toMatchObject({ input_tokens: 23, output_tokens: 12, total_tokens: 35 });
});

test('TGI before 2.4 (ignores stream_options, never sends usage): the stream is served, its usage null', async () => {
  const response = await completedResponse('tgi-2-3');
  expect(setup.upstreams.olderTgi.requests[0].body).toMatchObject({ stream_options: { include_usage: true } });
  expect(textOf(response)).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
  expect(response.usage).toBeNull();
});

test('TGI under a token limit: a chat stream is sent include_usage, and the client that did not ask gets no usage chunk', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'tgi-limited', messages: [{ role: 'user', content: 'Un café ?' }], stream: true });
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(setup.upstreams.tgi.requests[0].body).toMatchObject({ stream_options: { include_usage: true } });
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.every((chunk) => chunk.choices.length > 0 && !chunk.usage)).toBe(true);
});

describe('a plugin', () => {
  // Says which stream_options it was given, and sends its usage unasked, as the plugin contract has it.
  const PLUGIN = `'use strict';
module.exports = {
  displayName: 'Options',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    const base = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'options' };
    return {
      async *chatStream(request) {
        const content = JSON.stringify(request.stream_options ?? null);
        yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content, tool_calls: null }, finish_reason: 'stop' }] };
        yield { ...base, choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } };
      },
    };
  },
};
`;
  let gateway: Awaited<ReturnType<typeof startPluginGateway>>;
  beforeAll(async () => {
    gateway = await startPluginGateway(PLUGIN, '  - { name: options, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }\n');
  });
  afterAll(() => gateway.close());

  /** The events of a streamed `/v1/responses` or chat request to the plugin's endpoint, as JSON. */
  async function streamed(path: string, body: object): Promise<Record<string, unknown>[]> {
    const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'options', stream: true, ...body }) });
    const text = await response.text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
      .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
  }

  test("/v1/responses sends it no stream_options; the Response's usage is the one it sent", async () => {
    const events = await streamed('/v1/responses', { input: 'hi' });
    const completed = events.find((event) => event.type === 'response.completed')?.response as OpenAI.Responses.Response;
    expect(textOf(completed)).toBe('null');
    expect(completed.usage).toMatchObject({ input_tokens: 7, output_tokens: 3, total_tokens: 10 });
  });

  test("a chat client's own stream_options reaches it as sent", async () => {
    const chunks = await streamed('/v1/chat/completions', { messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } });
    expect((chunks[0].choices as { delta: { content: string } }[])[0].delta.content).toBe('{"include_usage":true}');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 10 } });
  });
});
