/**
 * What Anthropic's web searches cost, in the gateway's own records: the audit line's
 * `web_search_requests` and `gateway_web_search_requests_total` carry the count Anthropic reported
 * (`usage.server_tool_use.web_search_requests`), answered or streamed, added up over a turn the
 * gateway continued (`pause_turn`), whose continuation gets only the searches the endpoint's
 * `max_uses` has left. Over real HTTP: the official OpenAI client, the gateway, a fake Anthropic
 * Messages API on 127.0.0.1 serving test/fixtures/anthropic.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { sample } from '../support/metrics';

type MessagesBody = { stream?: boolean; messages: { role: string; content: unknown }[]; tools?: { type?: string; max_uses?: number }[] };

/** The continuation of the paused turn, as if it had searched twice more (the fixture's own count is 0). */
const searchedTwice = (text: string) => text.replace('"web_search_requests":0', '"web_search_requests":2');

/** The fixture a Messages request gets: a paused turn for a question on Paris, its continuation, a search answer, or plain text without the tool. */
function answer(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as MessagesBody;
  const last = body.messages[body.messages.length - 1];
  const searching = body.tools?.some((tool) => tool.type === 'web_search_20250305') ?? false;
  let name = 'chat';
  if (last.role === 'assistant') name = 'chat-web-search-continued';
  else if (searching) name = JSON.stringify(last.content).includes('Paris') ? 'chat-web-search-pause-turn' : 'chat-web-search';
  if (body.stream === true) sendStream(response, searchedTwice(readFixture('anthropic', `${name}.stream.sse`)), 'text/event-stream; charset=utf-8');
  else sendJson(response, 200, JSON.parse(searchedTwice(JSON.stringify(readJsonFixture('anthropic', `${name}.response.json`)))));
}

let anthropic: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog();

beforeAll(async () => {
  anthropic = await startFakeUpstream(answer);
  const config = (name: string, extra = '') =>
    `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic.url}/v1"${extra} } } }`;
  gateway = await startGateway(['endpoints:', config('claude'), config('capped', ', web_search: { max_uses: 5 }'), ''].join('\n'), { logger });
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await gateway.close();
  await anthropic.close();
});

const SHANNON: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'When was Claude Shannon born?' }];
const PARIS: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Quels cafés ont ouvert à Paris cette semaine ?' }];
const sentBodies = () => anthropic.requests.map((request) => request.body as MessagesBody);

/** Runs one request and returns its audit line, once written. */
async function lineOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const from = lines.length;
  await run();
  return waitForLogLine(lines, (line) => line.msg === 'request', { from });
}

async function streamed(model: string, messages: OpenAI.ChatCompletionMessageParam[]): Promise<OpenAI.CompletionUsage | null | undefined> {
  const stream = await client.chat.completions.create({ model, messages, web_search_options: {}, stream: true, stream_options: { include_usage: true } });
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) usage = chunk.usage ?? usage;
  return usage;
}

describe('the audit line', () => {
  test("of an answer that searched: web_search_requests after the token counts, as the answer's usage reports it", async () => {
    let usage: unknown;
    const line = await lineOf(async () => {
      usage = (await client.chat.completions.create({ model: 'claude', messages: SHANNON, web_search_options: {} })).usage;
    });
    expect(usage).toMatchObject({ total_tokens: 6970, server_tool_use: { web_search_requests: 1 } });
    expect(line).toMatchObject({ endpoint: 'claude', total_tokens: 6970, web_search_requests: 1 });
    const keys = Object.keys(line);
    expect(keys.indexOf('web_search_requests')).toBeGreaterThan(keys.indexOf('total_tokens'));
  });

  test('of a stream that searched: the count of its usage chunk', async () => {
    let usage: unknown;
    const line = await lineOf(async () => {
      usage = await streamed('claude', SHANNON);
    });
    expect(usage).toMatchObject({ server_tool_use: { web_search_requests: 1 } });
    expect(line).toMatchObject({ stream: true, web_search_requests: 1 });
  });

  test('of a paused turn the gateway continued: the searches of both calls added up; the continuation gets the max_uses left', async () => {
    anthropic.requests.length = 0;
    const answered = await lineOf(() => client.chat.completions.create({ model: 'capped', messages: PARIS, web_search_options: {} }));
    expect(answered).toMatchObject({ web_search_requests: 3, prompt_tokens: 9000 });
    const lineStreamed = await lineOf(() => streamed('capped', PARIS));
    expect(lineStreamed).toMatchObject({ stream: true, web_search_requests: 3 });
    // Each turn: the first call may run 5 searches; it ran 1, so its continuation may run 4.
    expect(sentBodies().map((body) => body.tools?.at(-1)?.max_uses)).toEqual([5, 4, 5, 4]);
  });

  test('of an answer without search: no web_search_requests field', async () => {
    const line = await lineOf(() => client.chat.completions.create({ model: 'claude', messages: SHANNON }));
    expect(line).toMatchObject({ endpoint: 'claude', status: 200 });
    expect(line).not.toHaveProperty('web_search_requests');
  });

  test('of a Responses API request with the web search tool: the count too', async () => {
    const line = await lineOf(() => client.responses.create({ model: 'claude', input: 'When was Claude Shannon born?', tools: [{ type: 'web_search' }] }));
    expect(line).toMatchObject({ route: '/v1/responses', web_search_requests: 1 });
  });
});

test('/metrics: gateway_web_search_requests_total counts the searches by endpoint', async () => {
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  // The tests above: on claude, an answer, a stream and a Response with one search each; on capped, two turns of three.
  expect(sample(metrics, 'gateway_web_search_requests_total', { endpoint: 'claude' })).toBe(3);
  expect(sample(metrics, 'gateway_web_search_requests_total', { endpoint: 'capped' })).toBe(6);
});
