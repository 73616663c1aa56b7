/**
 * A name the client sends (in the URL path or as `model`) comes back in a refusal's message whole up
 * to 80 characters; a longer one is cut there, with its length: a 100 KB name is not echoed to the
 * client nor into the audit line. Short names keep MLflow's message text.
 */
import OpenAI, { APIError } from 'openai';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

const CLIENT_KEY = 'gw-long-names-client-key-0123456789';
const LIMITED_NAME = `limited-${'l'.repeat(92)}`;

const ENDPOINTS = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - name: ${LIMITED_NAME}
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
    limit: { calls: 1, renewal_period: minute }
`;
const LONG_KEY = 'gw-long-names-long-key-name-0123456789';
const LONG_KEY_NAME = `key-${'k'.repeat(196)}`;
const AUTH = `
auth:
  api_keys:
    - { name: some, key: ${CLIENT_KEY}, endpoints: [chat] }
    - { name: ${LONG_KEY_NAME}, key: ${LONG_KEY}, endpoints: [chat] }
`;

/** A name of `length` characters (one of them two bytes in UTF-8) and how a message quotes it: its first 80, cut, with its length. */
function longName(length: number): { name: string; shown: string } {
  const name = `é${'n'.repeat(length - 1)}`;
  return { name, shown: `'${name.slice(0, 80)}…' (${length} characters)` };
}

const log = captureLog();
let open: RunningGateway;
let guarded: RunningGateway;
beforeAll(async () => {
  open = await startGateway(ENDPOINTS, { logger: log.logger });
  guarded = await startGateway(ENDPOINTS + AUTH);
});
afterAll(async () => {
  await open.close();
  await guarded.close();
});

const headers = { 'content-type': 'application/json' };
const chatBody = { messages: [{ role: 'user' as const, content: 'Hi' }] };
const openaiOf = (gateway: RunningGateway, apiKey = 'unused') => new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

async function refusalOf(call: Promise<unknown>): Promise<APIError> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  return error;
}

test("/v1's unknown model of 100 KB is a 404 quoting its first 80 characters, to the client and in the audit line", async () => {
  const { name, shown } = longName(100_000);
  const message = `The model ${shown} does not exist: no gateway endpoint or route has that name.`;
  const from = log.lines.length;
  const error = await refusalOf(openaiOf(open).chat.completions.create({ model: name, ...chatBody }));
  expect(error.status).toBe(404);
  expect(error.error).toEqual({ message, type: 'not_found_error', param: 'model', code: 'not_found' });
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 404, { from });
  expect((line.error as { message: string }).message).toBe(message);

  const retrieved = longName(5_000);
  expect((await refusalOf(openaiOf(open).models.retrieve(retrieved.name))).message).toBe(`404 The model ${retrieved.shown} does not exist: no gateway endpoint or route has that name.`);
  expect((await refusalOf(openaiOf(open).chat.completions.create({ model: 'nope', ...chatBody }))).message).toBe("404 The model 'nope' does not exist: no gateway endpoint or route has that name.");
});

test('the 403 of a key that may not call a long name quotes it cut', async () => {
  const { name, shown } = longName(100_000);
  const error = await refusalOf(openaiOf(guarded, CLIENT_KEY).chat.completions.create({ model: name, ...chatBody }));
  expect(error.status).toBe(403);
  expect(error.message).toBe(`403 The API key 'some' may not call ${shown}.`);
});

test("a 403's long key name is quoted cut too, on a call and on /metrics", async () => {
  const keyShown = `'${LONG_KEY_NAME.slice(0, 80)}…' (200 characters)`;
  const error = await refusalOf(openaiOf(guarded, LONG_KEY).chat.completions.create({ model: 'nope', ...chatBody }));
  expect(error.status).toBe(403);
  expect(error.message).toBe(`403 The API key ${keyShown} may not call 'nope'.`);
  const metrics = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${LONG_KEY}` } });
  expect(metrics.status).toBe(403);
  expect(((await metrics.json()) as { detail: string }).detail).toBe(
    `The API key ${keyShown} may call only some endpoints, and /metrics shows every endpoint and key: read it with a key without 'endpoints'.`,
  );
});

test("the MLflow routes' 404 for a long name in the path quotes it cut, in MLflow's words otherwise", async () => {
  const { name, shown } = longName(3_000);
  const invoked = await fetch(`${open.url}/endpoints/${encodeURIComponent(name)}/invocations`, { method: 'POST', headers, body: JSON.stringify(chatBody) });
  expect(invoked.status).toBe(404);
  expect(await invoked.json()).toEqual({ detail: `The endpoint ${shown} is not present or active on the server. Please verify the endpoint name.` });
  for (const [kind, path] of [['endpoint', '/api/2.0/endpoints/'], ['route', '/api/2.0/gateway/routes/']] as const) {
    const got = await fetch(`${open.url}${path}${encodeURIComponent(name)}`);
    expect(got.status).toBe(404);
    expect(await got.json()).toEqual({ detail: `The ${kind} ${shown} is not present or active on the server. Please verify the ${kind} name.` });
  }
  const short = await fetch(`${open.url}/endpoints/nope/invocations`, { method: 'POST', headers, body: JSON.stringify(chatBody) });
  expect(await short.json()).toEqual({ detail: "The endpoint 'nope' is not present or active on the server. Please verify the endpoint name." });
});

test('an unknown /v1 path and an unknown long response id are quoted cut', async () => {
  const path = `/v1/${'p'.repeat(3_000)}`;
  const route = await fetch(`${open.url}${path}`);
  expect(route.status).toBe(404);
  expect(((await route.json()) as { error: { message: string } }).error.message).toBe(`Unknown route: GET '${path.slice(0, 80)}…' (3004 characters)`);
  const { name, shown } = longName(3_000);
  const response = await refusalOf(openaiOf(open).responses.retrieve(name));
  expect(response.status).toBe(404);
  expect(response.message.startsWith(`404 response_id: Response with id ${shown} not found.`)).toBe(true);
});

test("the limiter's 429 quotes a long endpoint name cut", async () => {
  const call = () => fetch(`${open.url}/endpoints/${LIMITED_NAME}/invocations`, { method: 'POST', headers, body: JSON.stringify(chatBody) });
  expect((await call()).status).toBe(200);
  const refused = await call();
  expect(refused.status).toBe(429);
  expect(await refused.json()).toEqual({ detail: `Rate limit exceeded: 1 per 1 minute for endpoint '${LIMITED_NAME.slice(0, 80)}…' (100 characters).` });
});
