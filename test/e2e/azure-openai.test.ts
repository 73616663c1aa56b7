/**
 * Azure OpenAI behind the gateway, end to end against a fake Azure upstream on 127.0.0.1: the v1 API
 * (`/openai/v1`, model in the body, no api-version) through the azure type, as a proxy on a host of
 * its own would be; an `openai` endpoint on such a path (Groq's base shape) that is not Azure; and
 * Azure's content filter results, passed on in answers and streams (test/fixtures/openai/README.md names the sources).
 */
import OpenAI from 'openai';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { historyWithToolCalls, SIGNED_GEMINI_TOOL_CALL_ID, toolCallIdDigest } from '../support/tool-call-ids';

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

const config = (upstreamUrl: string) => `
endpoints:
  - name: azure-v1
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-prod                     # the deployment's name
      config:
        openai_api_type: azure
        openai_api_key: azure-v1-key
        openai_api_base: ${upstreamUrl}/openai/v1/
  - name: groq
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: openai/gpt-oss-120b
      config:
        openai_api_key: groq-key
        openai_api_base: ${upstreamUrl}/openai/v1   # as https://api.groq.com/openai/v1
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
  - name: azure-instruct
    endpoint_type: llm/v1/completions
    model:
      provider: openai
      name: gpt-35-turbo-instruct
      config:
        openai_api_type: azure
        openai_api_key: azure-secret-key
        openai_api_base: ${upstreamUrl}
        openai_deployment_name: prod-instruct
        openai_api_version: "2024-10-21"
`;

const answer = readJsonFixture('openai', 'chat.response.json');

/** A tool-calling turn answered by Gemini (its long signed id) with reasoning_content, as a client sends it back. */
function conversationFromGemini(): OpenAI.Chat.Completions.ChatCompletionMessageParam[] {
  const history = historyWithToolCalls([SIGNED_GEMINI_TOOL_CALL_ID]);
  const assistant = { ...history.messages[1], content: null, reasoning_content: 'Two lookups.' };
  return [history.messages[0], assistant, history.messages[2]] as OpenAI.Chat.Completions.ChatCompletionMessageParam[];
}

beforeAll(async () => {
  upstream = await startFakeUpstream((_request, response) => sendJson(response, 200, answer));
  gateway = await startGateway(config(upstream.url));
  openai = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.setHandler((_request, response) => sendJson(response, 200, answer));
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

describe('the Azure OpenAI v1 API through the azure type (a /openai/v1 base on any host)', () => {
  test('the deployment goes as model to /openai/v1/chat/completions without api-version, the key in api-key', async () => {
    const completion = await openai.chat.completions.create({ model: 'azure-v1', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0].message.content).toContain('Bonjour');
    const sent = upstream.requests[0];
    expect(sent.url).toBe('/openai/v1/chat/completions');
    expect(sent.headers['api-key']).toBe('azure-v1-key');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({ messages: [{ role: 'user', content: 'hi' }], model: 'gpt-4o-prod' });
  });

  test("a conversation from another endpoint reaches it as Azure takes it: no reasoning_content, tool-call ids of at most 40 characters", async () => {
    await openai.chat.completions.create({ model: 'azure-v1', messages: conversationFromGemini() });
    const sent = (upstream.requests[0].body as { messages: Record<string, unknown>[] }).messages;
    expect(sent[1]).not.toHaveProperty('reasoning_content');
    expect(sent[1].tool_calls).toEqual([expect.objectContaining({ id: toolCallIdDigest(SIGNED_GEMINI_TOOL_CALL_ID) })]);
    expect(sent[2].tool_call_id).toBe(toolCallIdDigest(SIGNED_GEMINI_TOOL_CALL_ID));
  });
});

describe("a reasoning model on Azure AI Foundry (DeepSeek-R1's reasoning_content, as a DeepSeek-style server sends it)", () => {
  const answerFixture = readJsonFixture('openai', 'chat-deepseek-thinking-tool-call.response.json') as { choices: { message: { reasoning_content: string } }[] };
  const reasoning = answerFixture.choices[0].message.reasoning_content;

  test.each(['azure-v1', 'azure-chat'])('%s: the answer and the stream deltas carry it to the client; it is not sent back', async (model) => {
    upstream.setHandler((request, response) => {
      if ((request.body as { stream?: boolean }).stream) return sendStream(response, readFixture('openai', 'chat-deepseek-thinking-tool-call.stream.sse'));
      sendJson(response, 200, answerFixture);
    });
    const completion = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] });
    expect((completion.choices[0].message as { reasoning_content?: string }).reasoning_content).toBe(reasoning);
    const stream = await openai.chat.completions.create({ model, stream: true, messages: [{ role: 'user', content: 'x' }] });
    let streamed = '';
    for await (const chunk of stream) streamed += (chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)?.reasoning_content ?? '';
    expect(streamed).toBe(reasoning);
    upstream.requests.length = 0;
    await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }, completion.choices[0].message, { role: 'user', content: 'y' }] });
    expect((upstream.requests[0].body as { messages: Record<string, unknown>[] }).messages[1]).not.toHaveProperty('reasoning_content');
  });
});

describe("an openai endpoint whose base ends in /openai/v1 on a host that is not Azure's (Groq's base shape)", () => {
  test('gets reasoning_content and tool-call ids as the client sent them, the key as a bearer token', async () => {
    await openai.chat.completions.create({ model: 'groq', messages: conversationFromGemini() });
    const sent = upstream.requests[0];
    expect(sent.url).toBe('/openai/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer groq-key');
    const messages = (sent.body as { messages: Record<string, unknown>[] }).messages;
    expect(messages[1]).toMatchObject({ reasoning_content: 'Two lookups.', tool_calls: [expect.objectContaining({ id: SIGNED_GEMINI_TOOL_CALL_ID })] });
    expect(messages[2].tool_call_id).toBe(SIGNED_GEMINI_TOOL_CALL_ID);
  });
});

describe("Azure's content filter in streams (asynchronous filter mode)", () => {
  type Chunk = { id: string; model: string; created: number; choices: { finish_reason: string | null; delta: { content: string | null } }[] };
  const streamOf = async (fixture: string): Promise<Chunk[]> => {
    upstream.setHandler((_request, response) => sendStream(response, readFixture('openai', fixture)));
    const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'azure-chat', stream: true, messages: [{ role: 'user', content: 'x' }] }) });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events[events.length - 1].data).toBe('[DONE]');
    return events.slice(0, -1).map((event) => JSON.parse(event.data) as Chunk);
  };
  const textOf = (chunks: Chunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

  test('annotation chunks (no delta, no finish) are left out: every chunk is the answer’s, and the finish chunk is the last', async () => {
    const chunks = await streamOf('chat-azure-async-filter.stream.sse');
    expect(textOf(chunks)).toBe('La couleur est une perception.');
    expect(chunks.map((chunk) => [chunk.id, chunk.model, chunk.created])).toEqual(chunks.map(() => ['chatcmpl-AzAsyncFilter0001', 'gpt-4o-2024-11-20', 1733140800]));
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
  });

  test('a stream the filter stops ends with finish_reason content_filter on a chunk of the answer', async () => {
    const chunks = await streamOf('chat-azure-async-filter-blocked.stream.sse');
    expect(textOf(chunks)).toBe("Hey Jude, don't");
    const last = chunks[chunks.length - 1];
    expect([last.id, last.model, last.choices[0].finish_reason]).toEqual(['chatcmpl-AzAsyncFilter0001', 'gpt-4o-2024-11-20', 'content_filter']);
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0].finish_reason === null && chunk.id === last.id)).toBe(true);
  });

  test("a stream request whose prompt the filter refuses is Azure's 400 with code content_filter, before any chunk", async () => {
    upstream.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400-azure-content-filter.json')));
    const stream = openai.chat.completions.create({ model: 'azure-chat', stream: true, messages: [{ role: 'user', content: 'x' }] });
    await expect(stream).rejects.toMatchObject({ status: 400, code: 'content_filter', param: 'prompt' });
  });

  test('an answer the filter cut (finish_reason content_filter, no content) reaches the client as such', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat-azure-content-filtered.response.json')));
    const completion = await openai.chat.completions.create({ model: 'azure-chat', messages: [{ role: 'user', content: 'x' }] });
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { role: 'assistant', content: null } });
  });
});

describe("Azure's content filter results reach the client (prompt_filter_results, each choice's content_filter_results)", () => {
  type Filtered = { prompt_filter_results?: unknown; choices: { content_filter_results?: unknown }[] };
  const filtered = readJsonFixture('openai', 'chat-azure-content-filtered.response.json') as Filtered;

  test('in a chat answer, on /v1 and on the MLflow route', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 200, filtered));
    const completion = (await openai.chat.completions.create({ model: 'azure-chat', messages: [{ role: 'user', content: 'x' }] })) as unknown as Filtered;
    expect(completion.prompt_filter_results).toEqual(filtered.prompt_filter_results);
    expect(completion.choices[0].content_filter_results).toEqual(filtered.choices[0].content_filter_results);
    const response = await fetch(`${gateway.url}/gateway/azure-chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }) });
    expect(((await response.json()) as Filtered).prompt_filter_results).toEqual(filtered.prompt_filter_results);
  });

  test('in a completions answer', async () => {
    const answer = readJsonFixture('openai', 'completions-azure.response.json') as Filtered;
    upstream.setHandler((_request, response) => sendJson(response, 200, answer));
    const completion = (await openai.completions.create({ model: 'azure-instruct', prompt: 'Le café est' })) as unknown as Filtered;
    expect(completion.prompt_filter_results).toEqual(answer.prompt_filter_results);
    expect(completion.choices[0].content_filter_results).toEqual(answer.choices[0].content_filter_results);
  });

  test("in a stream: the prompt's results on the first chunk (their own chunk is not passed on), each chunk's results on its choice", async () => {
    const sse = readFixture('openai', 'chat-azure.stream.sse');
    const wire = parseSse(sse).filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data) as Filtered);
    upstream.setHandler((_request, response) => sendStream(response, sse));
    const stream = await openai.chat.completions.create({ model: 'azure-chat', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const chunks: (Filtered & { choices: { delta: { content?: string | null } }[] })[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as (typeof chunks)[number]);
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('Le café est une boisson préparée à partir de grains torréfiés.');
    expect(chunks[0].prompt_filter_results).toEqual(wire[0].prompt_filter_results);
    expect(chunks.slice(1).some((chunk) => 'prompt_filter_results' in chunk)).toBe(false);
    expect(chunks.map((chunk) => chunk.choices[0].content_filter_results)).toEqual(wire.slice(1).map((chunk) => chunk.choices[0].content_filter_results));
  });

  type StreamedChoice = { content_filter_results?: unknown; finish_reason: string | null };
  /** Each chunk's prompt results (or null), and per choice its results and finish reason. */
  const filterLayout = (chunks: { prompt_filter_results?: unknown; choices: StreamedChoice[] }[]) =>
    chunks.map((chunk) => ({ prompt: chunk.prompt_filter_results ?? null, choices: chunk.choices.map((choice) => [choice.content_filter_results, choice.finish_reason]) }));

  test('in a whole answer to a stream request (turned into a stream): as an Azure stream has them', async () => {
    const answer = readJsonFixture('openai', 'completions-azure.response.json') as Filtered;
    upstream.setHandler((_request, response) => sendJson(response, 200, answer));
    const stream = await openai.completions.create({ model: 'azure-instruct', prompt: 'Le café est', stream: true });
    const chunks: { prompt_filter_results?: unknown; choices: StreamedChoice[] }[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as (typeof chunks)[number]);
    // The prompt's results on the first chunk, the choice's on its text, Azure's empty object on its finish.
    expect(filterLayout(chunks)).toEqual([
      { prompt: answer.prompt_filter_results, choices: [[answer.choices[0].content_filter_results, null]] },
      { prompt: null, choices: [[{}, 'stop']] },
    ]);
  });

  test('in a whole answer the filter cut, to a stream request: the choice results come with the content_filter finish', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 200, filtered));
    const stream = await openai.chat.completions.create({ model: 'azure-chat', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const chunks: { prompt_filter_results?: unknown; choices: StreamedChoice[] }[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as (typeof chunks)[number]);
    expect(filterLayout(chunks)).toEqual([
      { prompt: filtered.prompt_filter_results, choices: [[{}, null]] },
      { prompt: null, choices: [[filtered.choices[0].content_filter_results, 'content_filter']] },
    ]);
  });
});
