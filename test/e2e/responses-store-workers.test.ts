/**
 * The response store under `--workers 2`, with the CLI spawned as users start it: the cluster primary
 * keeps the responses, so a `previous_response_id` or an `item_reference` resolves whichever worker
 * serves the follow-up, and `GET /v1/responses/{id}/input_items` lists the same items from either
 * worker. Each request goes on a fresh connection, which the cluster hands to its workers in turn; the
 * audit lines say which worker (pid) answered each request id. /metrics shows the primary's store once,
 * not once per worker. An item id two kept responses hold outlives the latest of them in the primary.
 * Claude's thinking kept for a chat tool loop (src/server/kept-thinking.ts) goes
 * through the same store: a follow-up without the blocks gets them on either worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForOutput, type CliRun } from '../support/cli';
import { WORKERS_TEST_MS } from '../support/timeouts';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { sample } from '../support/metrics';
import { FINAL_TEXT, PRODUCED_THINKING, fakeThinkingClaude, type AnthropicBody } from '../support/thinking-claude';

const FIXTURE_TEXT = 'Bonjour ! Un café ? ☕ Je suis là pour aider.';

let upstream: FakeUpstream;
let claude: FakeUpstream;
let gateway: { url: string; run: CliRun };

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  claude = await startFakeUpstream(fakeThinkingClaude);
  const directory = mkdtempSync(join(tmpdir(), 'gateway-response-store-'));
  const configPath = join(directory, 'config.yaml');
  writeFileSync(configPath, `endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }\n  - name: claude\n    endpoint_type: llm/v1/chat\n    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${claude.url}/v1" } }\n`);
  const port = await freePort();
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2']);
  gateway = { url: `http://127.0.0.1:${port}`, run };
  await waitForOutput(run, (output) => output.split('gateway listening').length === 3, 'two workers listening', run.startMs);
}, WORKERS_TEST_MS);
afterAll(async () => {
  if (gateway.run.child.exitCode === null) gateway.run.child.kill('SIGTERM');
  await gateway.run.exited;
  await upstream.close();
  await claude.close();
});

/** One POST /v1/responses on a fresh connection (no keep-alive): the answer and its request id. */
function create(body: Record<string, unknown>): Promise<{ status: number; body: { id: string; output: { id: string }[] }; requestId: string }> {
  return post('/v1/responses', body);
}

/** One POST on a fresh connection, which the cluster hands to its workers in turn: the answer and its request id. */
function post<Body>(path: string, body: Record<string, unknown>): Promise<{ status: number; body: Body; requestId: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${gateway.url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), requestId: String(response.headers['x-request-id']) }));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ model: 'chat', ...body }));
  });
}

/** One GET (or DELETE) on a fresh connection: the status and the text. */
function get(path: string, method = 'GET'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${gateway.url}${path}`, { method, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The pid of the worker whose audit line has this request id. */
async function workerOf(requestId: string): Promise<number> {
  const lineOf = (output: string) => output.split('\n').find((line) => line.includes(`"request_id":"${requestId}"`));
  await waitForOutput(gateway.run, (output) => lineOf(output) !== undefined, `the audit line of ${requestId}`, 10_000);
  return (JSON.parse(lineOf(gateway.run.output())!) as { pid: number }).pid;
}

test('a conversation continued turn after turn resolves on either worker, by previous_response_id and by item_reference', async () => {
  const first = await create({ input: 'Turn 0' });
  expect(first.status).toBe(200);
  const workers = [await workerOf(first.requestId)];
  let previous = first.body;
  for (let turn = 1; turn <= 4; turn += 1) {
    const next = await create({ input: `Turn ${turn}`, previous_response_id: previous.id });
    expect(next.status).toBe(200);
    workers.push(await workerOf(next.requestId));
    previous = next.body;
  }
  // Some follow-up was served by the other worker than the turn it continued.
  expect(workers.some((pid, turn) => turn > 0 && pid !== workers[turn - 1])).toBe(true);
  expect((upstream.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual(
    [0, 1, 2, 3, 4].flatMap((turn) => [{ role: 'user', content: `Turn ${turn}` }, ...(turn < 4 ? [{ role: 'assistant', content: FIXTURE_TEXT }] : [])]),
  );

  const answered = await workerOf(first.requestId);
  const references: number[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const reference = await create({ input: [{ role: 'user', content: 'Turn 0' }, { type: 'item_reference', id: first.body.output[0].id }, { role: 'user', content: 'Again' }] });
    expect(reference.status).toBe(200);
    expect((upstream.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'Turn 0' },
      { role: 'assistant', content: FIXTURE_TEXT },
      { role: 'user', content: 'Again' },
    ]);
    references.push(await workerOf(reference.requestId));
  }
  // Two requests in turn reach both workers: one is not the worker that answered the first.
  expect(references.some((pid) => pid !== answered)).toBe(true);
});

test("input_items lists the same conversation from either worker, and /metrics counts the primary's store once", async () => {
  const storeMetrics = async () => {
    const text = (await get('/metrics')).text;
    return { responses: sample(text, 'gateway_response_store_responses', {}), hits: sample(text, 'gateway_response_store_lookups_total', { result: 'hit' }) };
  };
  const before = await storeMetrics();
  const first = await create({ input: 'Hello' });
  const second = await create({ input: 'Again', previous_response_id: first.body.id });
  const expected = {
    object: 'list',
    data: [
      { id: `msg_${second.body.id.slice('resp_'.length)}_0`, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Again' }] },
      { ...first.body.output[0] },
      { id: `msg_${first.body.id.slice('resp_'.length)}_0`, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello' }] },
    ],
    first_id: `msg_${second.body.id.slice('resp_'.length)}_0`,
    last_id: `msg_${first.body.id.slice('resp_'.length)}_0`,
    has_more: false,
  };
  // Four requests on fresh connections, which the cluster hands to its workers in turn.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const listed = await get(`/v1/responses/${second.body.id}/input_items`);
    expect({ status: listed.status, body: JSON.parse(listed.text) }).toEqual({ status: 200, body: expected });
  }
  // Two kept, and five found (the previous response, then four lists): once each, not once per worker.
  expect(await storeMetrics()).toEqual({ responses: before.responses! + 2, hits: before.hits! + 5 });
});

test('an item id two kept responses hold: deleted the latest through one worker, a reference through either finds the one before', async () => {
  const shared = (text: string) => ({ type: 'message', id: 'msg_client_workers', role: 'user', content: text });
  await create({ input: [shared('First version')] });
  const latest = await create({ input: [shared('Second version')] });
  expect((await get(`/v1/responses/${latest.body.id}`, 'DELETE')).status).toBe(200);
  // Two requests in turn reach both workers; neither is kept, so neither holds the item.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const reference = await create({ input: [{ type: 'item_reference', id: 'msg_client_workers' }], store: false });
    expect(reference.status).toBe(200);
    expect((upstream.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'First version' }]);
  }
});

test("a chat tool loop's kept thinking resolves on either worker", async () => {
  type ChatAnswer = { choices: { message: { content: string | null; tool_calls: { id: string }[] } }[] };
  const question = { role: 'user', content: 'What is the weather in Paris?' };
  const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
  const thinking = { type: 'enabled', budget_tokens: 2048 };
  const pairs: number[][] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const first = await post<ChatAnswer>('/v1/chat/completions', { model: 'claude', messages: [question], tools, thinking });
    const { content, tool_calls: calls } = first.body.choices[0].message;
    // Sent back as runTools() does: OpenAI's fields only.
    const messages = [question, { role: 'assistant', content, tool_calls: calls }, { role: 'tool', tool_call_id: calls[0].id, content: '{"temperature": 18}' }];
    const second = await post<ChatAnswer>('/v1/chat/completions', { model: 'claude', messages, tools, thinking });
    expect({ status: second.status, content: second.body.choices[0].message.content }).toEqual({ status: 200, content: FINAL_TEXT });
    expect(((claude.requests.at(-1)!.body as AnthropicBody).messages[1].content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);
    pairs.push([await workerOf(first.requestId), await workerOf(second.requestId)]);
  }
  // Fresh connections alternate between the workers: some follow-up was served by the other worker.
  expect(pairs.some(([first, second]) => first !== second)).toBe(true);
});
