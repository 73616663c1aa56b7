/**
 * Cost accounting from the gateway's own records: the audit line and `gateway_tokens_total` carry
 * the cached, cache-creation and reasoning token counts an answer (or a stream's usage chunk)
 * reported, over real HTTP against fake Anthropic and OpenAI upstreams serving the vendors'
 * documented usage blocks; the line of an answer without them keeps exactly its old fields.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog } from '../support/log-capture';
import { sample } from '../support/metrics';

const CLIENT_KEY = 'gw-usage-audit-key-0123456789';

/** One fixture pair per vendor: `<name>.stream.sse` for streams, `<name>.response.json` otherwise. */
const serve =
  (vendor: string, name: string) =>
  (request: RecordedRequest, response: ServerResponse): void => {
    if ((request.body as { stream?: boolean }).stream === true) sendStream(response, readFixture(vendor, `${name}.stream.sse`));
    else sendJson(response, 200, readJsonFixture(vendor, `${name}.response.json`));
  };

const PLAIN_ANSWER = {
  id: 'chatcmpl-plain',
  object: 'chat.completion',
  created: 1764633960,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
};

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let plain: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog();

beforeAll(async () => {
  anthropic = await startFakeUpstream(serve('anthropic', 'chat-prompt-caching'));
  openai = await startFakeUpstream(serve('openai', 'chat-cached-reasoning'));
  plain = await startFakeUpstream((_request, response) => sendJson(response, 200, PLAIN_ANSWER));
  const config = `
endpoints:
  - name: audit-claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic.url}/v1" } }
  - name: audit-o4
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: o4-mini, config: { openai_api_key: sk-test, openai_api_base: "${openai.url}/v1" } }
  - name: audit-plain
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${plain.url}/v1" } }
auth:
  api_keys: [{ name: finance, key: $CLIENT_KEY }]
  public_metrics: true
`;
  gateway = await startGateway(config, { env: { CLIENT_KEY }, logger });
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([anthropic.close(), openai.close(), plain.close()]);
});

const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Combien font trois cafés ?' }];

/** Runs one request and returns its audit line, once written. */
async function lineOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  lines.length = 0;
  await run();
  for (let waited = 0; waited < 2_000; waited += 10) {
    const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.msg === 'request');
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no audit line was written');
}

async function streamed(model: string): Promise<void> {
  const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
  for await (const chunk of stream) void chunk;
}

const TOKEN_FIELDS = ['prompt_tokens', 'completion_tokens', 'total_tokens', 'cached_tokens', 'cache_creation_tokens', 'reasoning_tokens'];
const tokensOf = (line: Record<string, unknown>) => Object.fromEntries(Object.entries(line).filter(([key]) => TOKEN_FIELDS.includes(key)));

const CLAUDE_TOKENS = { prompt_tokens: 189643, completion_tokens: 393, total_tokens: 190036, cached_tokens: 188086, cache_creation_tokens: 1536 };

describe('the audit line', () => {
  test('of an Anthropic answer with prompt caching: the cache read and write counts', async () => {
    const line = await lineOf(() => client.chat.completions.create({ model: 'audit-claude', messages }));
    expect(tokensOf(line)).toEqual(CLAUDE_TOKENS);
  });

  test('of an Anthropic stream: the counts of its usage chunk', async () => {
    const line = await lineOf(() => streamed('audit-claude'));
    expect(line.stream).toBe(true);
    expect(tokensOf(line)).toEqual(CLAUDE_TOKENS);
  });

  test('of an OpenAI reasoning model, answer and stream: cached and reasoning tokens', async () => {
    const details = { cached_tokens: 1920, reasoning_tokens: 192 };
    const answered = await lineOf(() => client.chat.completions.create({ model: 'audit-o4', messages }));
    expect(tokensOf(answered)).toEqual({ prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306, ...details });
    expect(tokensOf(await lineOf(() => streamed('audit-o4')))).toEqual({ prompt_tokens: 2006, completion_tokens: 236, total_tokens: 2242, ...details });
  });

  test('of an answer without usage details: the fields it always had, in the same order', async () => {
    const line = await lineOf(() => client.chat.completions.create({ model: 'audit-plain', messages }));
    expect(Object.keys(line)).toEqual([
      'level', 'time', 'pid', 'request_id', 'method', 'path', 'route', 'endpoint', 'called', 'provider', 'model', 'client', 'stream', 'status', 'latency_ms', 'first_chunk_ms', 'retries',
      'prompt_tokens', 'completion_tokens', 'total_tokens', 'msg',
    ]);
    expect(tokensOf(line)).toEqual({ prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 });
  });
});

test('/metrics: gateway_tokens_total counts cached, cache-creation and reasoning tokens by client key', async () => {
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  const tokens = (endpoint: string, type: string) => sample(metrics, 'gateway_tokens_total', { endpoint, client: 'finance', type });
  // The tests above: one answer and one stream per endpoint with details.
  expect(tokens('audit-claude', 'prompt')).toBe(2 * 189643);
  expect(tokens('audit-claude', 'cached')).toBe(2 * 188086);
  expect(tokens('audit-claude', 'cache_creation')).toBe(2 * 1536);
  expect(tokens('audit-claude', 'reasoning')).toBeUndefined();
  expect(tokens('audit-o4', 'cached')).toBe(2 * 1920);
  expect(tokens('audit-o4', 'reasoning')).toBe(2 * 192);
  expect(tokens('audit-o4', 'cache_creation')).toBeUndefined();
  expect(tokens('audit-plain', 'prompt')).toBe(3);
  expect(tokens('audit-plain', 'cached')).toBeUndefined();
  // The conventions' histogram keeps its two token types: cached and reasoning tokens are inside them.
  expect(sample(metrics, 'gen_ai_client_token_usage_sum', { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'anthropic', gen_ai_request_model: 'claude-sonnet-4-5', endpoint: 'audit-claude', gen_ai_token_type: 'input' })).toBe(2 * 189643);
  expect(metrics).not.toMatch(/gen_ai_token_type="(?!input"|output")/);
});
