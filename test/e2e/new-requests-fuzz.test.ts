/**
 * Fuzzing the newer request paths (fast-check, fixed seeds, bounded runs): `/v1/responses` with every
 * input item type (reasoning items whose `encrypted_content` is the gateway's, broken or foreign,
 * `item_reference`s and `previous_response_id` to kept and unknown ids, `include`, `store: false`,
 * streams), chat with `thinking_blocks`, tools, `mcp_servers` and `web_search_options.filters` against
 * Claude on Anthropic and on Amazon Bedrock, the response store routes with their query parameters, and
 * `/v1/completions` with prompt lists and token ids (`n`, `stream`, `best_of`, `echo`). Each case is a
 * valid request with a few mutations (a value of the wrong type, a huge or negative number, deep
 * nesting, unicode, an empty or duplicated item, an invalid id, a key removed). Required of each answer:
 * no 5xx (the fakes never fail), every 4xx the gateway makes a JSON error naming its field in `param`
 * and in its message (a field of the request, with the rule it broke), no secret in any body, an answer
 * within a few seconds (a 200 whole: JSON, or a stream that finishes); and the gateway keeps serving,
 * streams dropped by the client included. FUZZ_SEED=<n> runs other seeds (the default ones are fixed).
 */
import fc from 'fast-check';
import type { ServerResponse } from 'node:http';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { answerOf, isWholeAnswer, mutations, problemsOf, summaryOf, unicode, withMutations, type Finding } from '../support/request-fuzzing';
import { fakeConverse } from '../support/thinking-bedrock';
import { fakeThinkingClaude } from '../support/thinking-claude';

jest.setTimeout(60_000);

const OPENAI_KEY = 'sk-proj-NEWFUZZ-openai-key-8675309';
const ANTHROPIC_KEY = 'sk-ant-NEWFUZZ-anthropic-key-1123581321';
const AWS_SECRET = 'NEWFUZZ/aws+secret/key/0123456789abcdefABCDEF';
const CLIENT_KEY = 'gw-NEWFUZZ-client-key-5555555555';
const SECRETS = [OPENAI_KEY, ANTHROPIC_KEY, AWS_SECRET, CLIENT_KEY];

const config = (urls: { openai: string; anthropic: string; bedrock: string }) => `
defaults:
  retries: { max_attempts: 1 }
  timeouts: { first_byte: 2, idle: 2, total: 5 }
endpoints:
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${urls.openai}/v1" } }
  - name: instruct
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: gpt-3.5-turbo-instruct, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${urls.openai}/v1" } }
  - name: echo
    endpoint_type: llm/v1/completions
    model: { provider: mock, name: echo }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: $ANTHROPIC_KEY, anthropic_api_base: "${urls.anthropic}/v1" } }
  - name: claude-thinks
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: $ANTHROPIC_KEY, anthropic_api_base: "${urls.anthropic}/v1", reasoning_effort: low } }
  - name: bedrock-claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-sonnet-4-5-20250929-v1:0
      config:
        aws_config: { aws_region: eu-west-3, aws_endpoint_url: "${urls.bedrock}", aws_access_key_id: AKIANEWFUZZEXAMPLE, aws_secret_access_key: $AWS_SECRET }
auth:
  api_keys: [{ name: fuzzer, key: $CLIENT_KEY }]
server:
  max_body_size: 256kb
`;

const CHAT_MODELS = ['gpt', 'claude', 'claude-thinks', 'bedrock-claude'];

/** The fake Anthropic API: Claude's thinking tool loop, whatever the request (a body it cannot read is Anthropic's 400). */
function fakeClaude(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { messages?: unknown };
  if (!Array.isArray(body?.messages)) {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'messages: Field required' } }));
    return;
  }
  fakeThinkingClaude(request, response);
}

let openai: FakeUpstream;
let anthropic: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;

/** Ids the gateway gave in the setup: responses kept, their output items, and a reasoning item's encrypted_content. */
const known = { responses: [] as string[], items: [] as string[], encrypted: [] as string[], deleted: 'resp_none' };

const upstreamCalls = () => openai.requests.length + anthropic.requests.length + bedrock.calls.length;

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
}

const WEATHER = { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
const CHAT_WEATHER = { type: 'function', function: { name: 'get_weather', parameters: WEATHER.parameters } };

beforeAll(async () => {
  openai = await startFakeUpstream(serveOpenAIFixtures);
  anthropic = await startFakeUpstream(fakeClaude);
  bedrock = await startFakeBedrock(fakeConverse);
  gateway = await startGateway(config({ openai: openai.url, anthropic: anthropic.url, bedrock: bedrock.url }), { env: { OPENAI_KEY, ANTHROPIC_KEY, AWS_SECRET, CLIENT_KEY } });
  // Kept responses to refer to: a plain answer, Claude's thinking tool call (with encrypted_content), one to delete.
  for (const [model, extra] of [
    ['gpt', {}],
    ['claude-thinks', { tools: [WEATHER], include: ['reasoning.encrypted_content'] }],
    ['bedrock-claude', { tools: [WEATHER], include: ['reasoning.encrypted_content'], reasoning: { effort: 'low' } }],
    ['gpt', {}],
  ] as const) {
    const answer = (await (await post('/v1/responses', { model, input: 'Quel temps fait-il à Paris ?', ...extra })).json()) as {
      id: string;
      output: { id: string; type: string; encrypted_content?: string }[];
    };
    known.responses.push(answer.id);
    for (const item of answer.output) {
      known.items.push(item.id);
      if (item.encrypted_content !== undefined) known.encrypted.push(item.encrypted_content);
    }
  }
  known.deleted = known.responses.pop() as string;
  await fetch(`${gateway.url}/v1/responses/${known.deleted}`, { method: 'DELETE', headers: { authorization: `Bearer ${CLIENT_KEY}` } });
  expect(known.encrypted.length).toBeGreaterThan(1);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([openai.close(), anthropic.close(), bedrock.close()]);
});

// ---- Valid requests --------------------------------------------------------------------------------

const knownResponse = () => fc.nat().map((index) => known.responses[index % known.responses.length]);
const knownItem = () => fc.nat().map((index) => known.items[index % known.items.length]);
const someId = fc.oneof(knownResponse(), knownItem(), fc.constant('resp_unknown'), fc.constant('rs_unknown'), fc.constant('ws_x'), fc.constant('msg_unknown'), fc.constant(null).map(() => known.deleted));

const encryptedContent = fc.oneof(
  fc.nat().map((index) => known.encrypted[index % known.encrypted.length]),
  fc.constantFrom(
    'gw-thinking.v1.',
    'gw-thinking.v1.!!!not base64!!!',
    `gw-thinking.v1.${Buffer.from('not json').toString('base64url')}`,
    `gw-thinking.v1.${Buffer.from('{"type":"thinking"}').toString('base64url')}`,
    `gw-thinking.v1.${Buffer.from('[]').toString('base64url')}`,
    `gw-thinking.v1.${Buffer.from('[{"type":"thinking","thinking":1,"signature":"s"}]').toString('base64url')}`,
    `gw-thinking.v1.${Buffer.from('[{"type":"redacted_thinking","data":"abc"}]').toString('base64url')}`,
    'gAAAAABopenai-own-encrypted-content',
  ),
);

const CALL_ID = 'call_fuzz_1';
/** Items the chat request has no place for (but for a reasoning item's thinking blocks). */
const leftOutItem = fc.oneof(
  encryptedContent.map((text) => ({ type: 'reasoning', id: 'rs_fuzz', summary: [], encrypted_content: text })),
  fc.constant({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'hmm' }] }),
  fc.constant({ type: 'web_search_call', id: 'ws_fuzz', status: 'completed' }),
  fc.constantFrom({ type: 'item_reference', id: 'ws_fuzz' }, { type: 'item_reference', id: 'rs_unknown' }),
);
const inputItem = fc.oneof(
  fc.constant({ role: 'user', content: 'Quel temps fait-il ?' }),
  fc.constant({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Bonjour' }, { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' }] }),
  fc.constant({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Je regarde.' }, { type: 'refusal', refusal: 'non' }] }),
  fc.constant({ type: 'message', role: 'developer', content: [{ type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' }] }),
  fc.constant({ type: 'function_call', call_id: CALL_ID, name: 'get_weather', arguments: '{"city":"Paris"}', id: 'fc_fuzz_1' }),
  fc.constant({ type: 'function_call_output', call_id: CALL_ID, output: '18 °C' }),
  fc.constant({ type: 'function_call_output', call_id: CALL_ID, output: [{ type: 'input_text', text: '18 °C' }] }),
  leftOutItem,
  someId.map((id) => ({ type: 'item_reference', id })),
);

const responsesTool = fc.oneof(
  { weight: 6, arbitrary: fc.constant(WEATHER) },
  { weight: 1, arbitrary: fc.constant({ type: 'web_search', filters: { allowed_domains: ['example.com'] }, search_context_size: 'low' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'web_search_preview', user_location: { type: 'approximate', city: 'Paris' }, filters: { blocked_domains: [] } }) },
  // Refused (the gateway serves function and web search tools), its credential never echoed.
  { weight: 1, arbitrary: fc.constant({ type: 'mcp', server_label: 'tickets', server_url: 'https://mcp.example.com/api/mcp/s/c2stbGl2ZS1zZWNyZXQ=/mcp', authorization: CLIENT_KEY }) },
);

const responsesBody = fc.record(
  {
    model: fc.constantFrom(...CHAT_MODELS),
    input: fc.oneof(fc.string({ maxLength: 20 }), fc.array(inputItem, { minLength: 1, maxLength: 5 }), fc.array(leftOutItem, { minLength: 1, maxLength: 2 }), fc.constant([])),
    instructions: fc.string({ maxLength: 20 }),
    previous_response_id: fc.oneof({ weight: 3, arbitrary: knownResponse() }, { weight: 1, arbitrary: someId }),
    include: fc.subarray(['reasoning.encrypted_content', 'web_search_call.action.sources', 'message.output_text.logprobs']),
    store: fc.boolean(),
    stream: fc.boolean(),
    tools: fc.array(responsesTool, { maxLength: 2 }),
    tool_choice: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>('auto', 'none', 'required') }, { weight: 1, arbitrary: fc.constantFrom<unknown>({ type: 'function', name: 'get_weather' }, { type: 'web_search' }) }),
    max_output_tokens: fc.integer({ min: 1, max: 100 }),
    reasoning: fc.constantFrom({ effort: 'low' }, { effort: 'high', summary: 'auto' }),
    metadata: fc.constant({ team: 'fuzz' }),
  },
  { requiredKeys: ['model', 'input'] },
);

const chatTools = fc.array(fc.constant(CHAT_WEATHER), { maxLength: 2 });
const assistantWithThinking = fc.record({
  role: fc.constant('assistant'),
  content: fc.constantFrom(null, 'Je regarde.'),
  tool_calls: fc.constant([{ id: 'toolu_fuzz', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]),
  thinking_blocks: fc.constantFrom<unknown>(
    [{ type: 'thinking', thinking: 'Il faut la météo.', signature: 'EqQBCgIYAhIM' }],
    [{ type: 'redacted_thinking', data: 'EmwKAhgBEgy3' }],
    [{ type: 'thinking', thinking: 'no signature' }],
    [],
  ),
});
const chatBody = fc.record(
  {
    model: fc.constantFrom(...CHAT_MODELS),
    messages: fc.oneof(
      fc.constant([{ role: 'user', content: 'Bonjour' }]),
      assistantWithThinking.map((assistant) => [{ role: 'user', content: 'Quel temps ?' }, assistant, { role: 'tool', tool_call_id: 'toolu_fuzz', content: '18 °C' }]),
    ),
    tools: chatTools,
    tool_choice: fc.constantFrom<unknown>('auto', 'none', 'required'),
    reasoning_effort: fc.constantFrom('low', 'medium', 'high'),
    stream: fc.boolean(),
    max_tokens: fc.integer({ min: 1, max: 2_000 }),
    web_search_options: fc.constantFrom<unknown>(undefined, undefined, undefined, { filters: { allowed_domains: ['example.com', 'docs.example.org'] } }, { search_context_size: 'low', filters: {} }, {}),
    mcp_servers: fc.constantFrom(undefined, undefined, [{ type: 'url', url: 'https://mcp.example.com/api/mcp/s/c2stbGl2ZS1zZWNyZXQ=/mcp', name: 'tickets', authorization_token: OPENAI_KEY }]),
  },
  { requiredKeys: ['model', 'messages'] },
);

const completionsBody = fc.record(
  {
    model: fc.constantFrom('instruct', 'echo'),
    prompt: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 5 }),
      fc.array(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      fc.constant([]),
    ),
    n: fc.integer({ min: 1, max: 3 }),
    best_of: fc.integer({ min: 1, max: 4 }),
    echo: fc.boolean(),
    stream: fc.boolean(),
    max_tokens: fc.integer({ min: 1, max: 50 }),
    logprobs: fc.integer({ min: 0, max: 5 }),
    stream_options: fc.constant({ include_usage: true }),
  },
  { requiredKeys: ['model', 'prompt'] },
);

const postCase = fc.oneof(
  { weight: 5, arbitrary: fc.record({ path: fc.constant('/v1/responses'), body: responsesBody, mutations }) },
  { weight: 3, arbitrary: fc.record({ path: fc.constant('/v1/chat/completions'), body: chatBody, mutations }) },
  { weight: 2, arbitrary: fc.record({ path: fc.constant('/v1/completions'), body: completionsBody, mutations }) },
);

const queryValue = fc.oneof(fc.constantFrom('1', '0', '-1', '100', '101', '1e2', '20', 'asc', 'desc', 'ASC', '', 'reasoning.encrypted_content'), knownItem(), unicode.map((text) => text.slice(0, 50)));
const storeCase = fc.record({
  method: fc.constantFrom('GET', 'DELETE'),
  id: fc.oneof(knownResponse(), knownItem(), someId, unicode.map((text) => encodeURIComponent(Buffer.from(text.slice(0, 300)).toString())), fc.constantFrom('..', '%2e%2e', '%00', 'resp_%FF', '%ED%A0%80', '%20', 'a%2Fb', 'a/b')),
  inputItems: fc.boolean(),
  query: fc.array(fc.tuple(fc.constantFrom('limit', 'order', 'after', 'include', 'include[]', 'include[0]', 'limit[a]', 'x'), queryValue), { maxLength: 4 }),
});

// ---- Properties ------------------------------------------------------------------------------------

test('mutated Responses, chat and completions requests: no 5xx, 4xx naming a field, no secret, no hang', async () => {
  const findings: Finding[] = [];
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(postCase, async ({ path, body, mutations: list }) => {
      const sent = withMutations(body, list);
      const before = upstreamCalls();
      const { status, text } = await answerOf(() => post(path, sent));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      for (const problem of problemsOf({ status, text, secrets: SECRETS, upstreamAnswered: upstreamCalls() > before, request: { sent, path } })) findings.push({ request: `POST ${path} ${JSON.stringify(sent).slice(0, 600)}`, status, problem, body: text.slice(0, 400) });
    }),
    { seed: Number(process.env.FUZZ_SEED ?? 20_261_203), numRuns: 800 },
  );
  expect(summaryOf(findings)).toEqual([]);
  // Deep enough to be worth something: answers, streams and many kinds of refusal.
  expect(statuses.get(200)).toBeGreaterThan(100);
  expect(statuses.get(400)).toBeGreaterThan(100);
  expect(statuses.get(404)).toBeGreaterThan(5);
});

test('the response store routes with mutated ids and query parameters: no 5xx, 4xx naming a field, no hang', async () => {
  const findings: Finding[] = [];
  await fc.assert(
    fc.asyncProperty(storeCase, async ({ method, id, inputItems, query }) => {
      const search = new URLSearchParams(query).toString();
      const path = `/v1/responses/${id}${inputItems && method === 'GET' ? '/input_items' : ''}${search ? `?${search}` : ''}`;
      const { status, text } = await answerOf(() => fetch(`${gateway.url}${path}`, { method, headers: { authorization: `Bearer ${CLIENT_KEY}` }, signal: AbortSignal.timeout(5_000) }));
      for (const problem of problemsOf({ status, text, secrets: SECRETS, upstreamAnswered: false })) findings.push({ request: `${method} ${path}`, status, problem, body: text.slice(0, 400) });
    }),
    { seed: Number(process.env.FUZZ_SEED ?? 20_261_204), numRuns: 400 },
  );
  expect(summaryOf(findings)).toEqual([]);
  const health = await fetch(`${gateway.url}/health`);
  expect(health.status).toBe(200);
});

test('streams the client drops at any moment leave the gateway serving: no crash, and the next requests are answered', async () => {
  const streamed = postCase.map((request) => ({ ...request, body: { ...request.body, stream: true } }));
  await fc.assert(
    fc.asyncProperty(streamed, fc.integer({ min: 0, max: 40 }), async ({ path, body, mutations: list }, afterMs) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), afterMs);
      const answer = fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` }, body: JSON.stringify(withMutations(body, list)), signal: controller.signal });
      await answer.then((response) => response.text()).catch(() => undefined);
      clearTimeout(timer);
    }),
    { seed: 20_261_205, numRuns: 120 },
  );
  const after = await post('/v1/responses', { model: 'claude-thinks', input: 'Quel temps fait-il à Paris ?', tools: [WEATHER], stream: true });
  expect(after.status).toBe(200);
  expect(isWholeAnswer(await after.text())).toBe(true);
  expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
});

