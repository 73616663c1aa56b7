/**
 * Azure OpenAI with Entra ID tokens the gateway gets itself (`openai_api_type: azuread` without
 * `openai_api_key`), end to end: the credential chain finds App Service's managed identity
 * (IDENTITY_ENDPOINT / IDENTITY_HEADER) served by a fake token server on 127.0.0.1, and the fake
 * Azure upstream sees its tokens. The chain is kept to its production credentials
 * (AZURE_TOKEN_CREDENTIALS=prod: no Azure CLI or other developer tool is run), no other AZURE_*
 * variable is set, and any connection to a host other than the loopback fails the test.
 * Each scenario has its own azure_client_id, so its own token source and token cache. A token server
 * that is down is a failure a FALLBACK route moves past, to an OpenAI endpoint on another fake.
 */
import { request, type ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { allowOnlyLoopback, type LoopbackGuard } from '../support/loopback-only';

const IDENTITY_HEADER = 'app-service-identity-header-secret';
const CHAIN_VARIABLES = /^(AZURE_|IDENTITY_|MSI_|IMDS_)/;

const savedEnv = { ...process.env };
let guard: LoopbackGuard;
let tokenServer: FakeUpstream;
let azure: FakeUpstream;
let openaiUpstream: FakeUpstream;
let logLines: string[];
let gateway: RunningGateway;
let openai: OpenAI;

/** What the fake token server answers for a client id: each call takes the next answer (the last one repeats). */
const answersFor: Record<string, ((call: number) => { status: number; body: unknown; headers?: Record<string, string> })[]> = {};
const nowSeconds = () => Math.floor(Date.now() / 1000);
const token = (accessToken: string, lifetimeSeconds = 3600) => () => ({
  status: 200,
  // App Service's shape (api-version 2019-08-01): expires_on in Unix seconds, as a string.
  body: { access_token: accessToken, expires_on: String(nowSeconds() + lifetimeSeconds), resource: 'https://cognitiveservices.azure.com', token_type: 'Bearer', client_id: 'x' },
});

function tokenCalls(clientId: string): RecordedRequest[] {
  return tokenServer.requests.filter((request) => new URL(request.url, 'http://x').searchParams.get('client_id') === clientId);
}

const endpoint = (name: string, clientId: string, settings: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-prod
      config: { openai_api_type: azuread, azure_client_id: ${clientId}, ${settings} }`;

function answerAsAzure(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: boolean }).stream) sendStream(response, readFixture('openai', 'chat.stream.sse'));
  else sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
}

beforeAll(async () => {
  guard = allowOnlyLoopback();
  tokenServer = await startFakeUpstream((request, response) => {
    const clientId = new URL(request.url, 'http://x').searchParams.get('client_id') ?? '';
    const answers = answersFor[clientId] ?? [() => ({ status: 400, body: { error: 'invalid_request', error_description: `no identity ${clientId}` } })];
    const call = tokenCalls(clientId).length;
    const { status, body, headers } = answers[Math.min(call, answers.length) - 1](call);
    sendJson(response, status, body, headers);
  });
  azure = await startFakeUpstream(answerAsAzure);
  openaiUpstream = await startFakeUpstream(answerAsAzure);
  for (const name of Object.keys(process.env)) if (CHAIN_VARIABLES.test(name)) delete process.env[name];
  process.env.AZURE_TOKEN_CREDENTIALS = 'prod';
  process.env.IDENTITY_ENDPOINT = `${tokenServer.url}/msi/token`;
  process.env.IDENTITY_HEADER = IDENTITY_HEADER;
  const deployment = `openai_api_base: "${azure.url}", openai_deployment_name: prod-gpt4o, openai_api_version: "2024-10-21"`;
  const v1 = `openai_api_base: "${azure.url}/openai/v1"`;
  const capture = captureLog();
  logLines = capture.lines;
  gateway = await startGateway(
    `
endpoints:${endpoint('deployment', 'identity-shared', deployment)}${endpoint('v1', 'identity-shared', v1)}${endpoint('renewed', 'identity-renewed', v1)}${endpoint('refused', 'identity-refused', v1)}${endpoint('azure-down', 'identity-down', v1)}${endpoint('azure-refused', 'identity-refused-in-route', v1)}${endpoint('azure-outage', 'identity-outage', v1)}
  - name: openai-backup
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-openai-backup, openai_api_base: "${openaiUpstream.url}/v1" } }
routes:
  - { name: azure-then-openai, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: azure-down }, { name: openai-backup }] }
  - { name: refused-then-openai, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: azure-refused }, { name: openai-backup }] }
`,
    { logger: capture.logger },
  );
  openai = openaiClientFor(gateway);
});

afterAll(async () => {
  process.env = savedEnv;
  guard.restore();
  await gateway.close();
  await azure.close();
  await openaiUpstream.close();
  await tokenServer.close();
});

const ask = (model: string) => openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] });
const bearerOf = (request: RecordedRequest) => request.headers.authorization;

test("the token server's token goes to Azure as the bearer token, fetched once for every request of the identity, streams included", async () => {
  answersFor['identity-shared'] = [token('entra-token-shared-1')];
  const before = azure.requests.length;
  await ask('deployment');
  await ask('v1');
  const stream = await openai.chat.completions.create({ model: 'deployment', messages: [{ role: 'user', content: 'Hi' }], stream: true });
  for await (const chunk of stream) expect(chunk.object).toBe('chat.completion.chunk');
  await Promise.all([ask('v1'), ask('deployment')]);

  const sent = azure.requests.slice(before);
  expect(sent.map((request) => request.url)).toEqual([
    '/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21',
    '/openai/v1/chat/completions',
    '/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21',
    expect.any(String),
    expect.any(String),
  ]);
  expect(sent.map(bearerOf)).toEqual(Array(5).fill('Bearer entra-token-shared-1'));
  expect(sent.every((request) => request.headers['api-key'] === undefined)).toBe(true);
  const calls = tokenCalls('identity-shared');
  expect(calls).toHaveLength(1);
  expect(calls[0].method).toBe('GET');
  expect(calls[0].headers['x-identity-header']).toBe(IDENTITY_HEADER);
  expect(new URL(calls[0].url, 'http://x').searchParams.get('resource')).toBe('https://cognitiveservices.azure.com');
});

test('Azure echoing the token in an error never passes it on', async () => {
  azure.setHandler((request, response) => sendJson(response, 400, { error: { message: `refused ${String(request.headers.authorization)}`, code: 'bad' } }));
  try {
    const failure = await ask('v1').catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 400, message: '400 refused Bearer [redacted]' });
  } finally {
    azure.setHandler(answerAsAzure);
  }
});

test('a token near its expiry still serves while the gateway renews it; the requests after get the new one', async () => {
  // Two minutes left: inside the five minutes before expiry in which a token is renewed.
  answersFor['identity-renewed'] = [token('entra-token-expiring', 120), token('entra-token-renewed')];
  const before = azure.requests.length;
  await ask('renewed');
  await ask('renewed');
  await waitFor(() => tokenCalls('identity-renewed').length === 2);
  let latest = '';
  for (let attempt = 0; attempt < 40 && latest !== 'Bearer entra-token-renewed'; attempt += 1) {
    await ask('renewed');
    latest = bearerOf(azure.requests[azure.requests.length - 1]) ?? '';
  }
  await ask('renewed');

  const bearers = azure.requests.slice(before).map(bearerOf);
  expect(bearers.slice(0, 2)).toEqual(['Bearer entra-token-expiring', 'Bearer entra-token-expiring']);
  expect(bearers.slice(-2)).toEqual(['Bearer entra-token-renewed', 'Bearer entra-token-renewed']);
  expect(tokenCalls('identity-renewed')).toHaveLength(2);
});

test("a token server's refusal is a 502 naming the endpoint, the Entra ID token and the reason, on /v1 and the MLflow route; Azure is not called", async () => {
  answersFor['identity-refused'] = [() => ({ status: 400, body: { error: 'invalid_request', error_description: 'Identity not found' } })];
  const before = azure.requests.length;
  const failure = await ask('refused').catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  const { status, code, message } = failure as InstanceType<typeof OpenAI.APIError>;
  expect({ status, code }).toEqual({ status: 502, code: 'upstream_auth_failed' });
  expect(message).toContain("The gateway could not get an Entra ID token for endpoint 'refused' from Azure's credential chain");
  expect(message).toContain('Identity not found');
  expect(message).not.toContain(IDENTITY_HEADER);

  const stream = await openai.chat.completions.create({ model: 'refused', messages: [{ role: 'user', content: 'Hi' }], stream: true }).catch((error: unknown) => error);
  expect(stream).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
  const mlflow = await fetch(`${gateway.url}/endpoints/refused/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }) });
  expect(mlflow.status).toBe(502);
  expect(JSON.stringify(await mlflow.json())).toContain("Entra ID token for endpoint 'refused'");

  expect(azure.requests.length).toBe(before);
  // The failure is held for a few seconds: the requests right after it do not ask again.
  expect(tokenCalls('identity-refused')).toHaveLength(1);
});

/** Asks `model` with a request id and gives the answer (or the failure) and the request's audit line. */
async function askLogged(model: string, requestId: string) {
  const outcome = await openai.chat.completions
    .create({ model, messages: [{ role: 'user', content: 'Hi' }] }, { headers: { 'x-request-id': requestId }, maxRetries: 0 })
    .catch((error: unknown) => error);
  const line = await waitForLogLine(logLines, (candidate) => candidate.request_id === requestId && candidate.msg === 'request');
  return { outcome, line };
}

test("a token server that is down (503, retried by the library) is an unavailable endpoint: the FALLBACK route's next destination answers, and the audit line shows the first failure", async () => {
  // Retry-After: 0 lets the library's own retries (five) go at once; without it they take about 20 seconds.
  answersFor['identity-down'] = [() => ({ status: 503, body: { error: 'unavailable', error_description: 'The token service is restarting' }, headers: { 'retry-after': '0' } })];
  const azureBefore = azure.requests.length;
  const openaiBefore = openaiUpstream.requests.length;

  const { outcome, line } = await askLogged('azure-then-openai', 'entra-token-server-down');
  expect(outcome).toMatchObject({ object: 'chat.completion' });
  // retries 0: the endpoint did not try again, as the library had (and the failure is held).
  expect(line).toMatchObject({ called: 'azure-then-openai', endpoint: 'openai-backup', status: 200, routing_strategy: 'FALLBACK', retries: 0 });
  expect(line.attempts).toEqual([
    { endpoint: 'azure-down', status: 502, code: 'upstream_unavailable' },
    { endpoint: 'openai-backup', status: 200 },
  ]);
  expect(openaiUpstream.requests.slice(openaiBefore).map(bearerOf)).toEqual(['Bearer sk-openai-backup']);
  expect(azure.requests.length).toBe(azureBefore);
  // The library retried; the gateway did not ask again (one fetch, not one per retry of the endpoint).
  const fetches = tokenCalls('identity-down').length;
  expect(fetches).toBeGreaterThan(1);

  // Alone, the endpoint answers a 502 naming it, the Entra ID token and the reason.
  const alone = await ask('azure-down').catch((error: unknown) => error);
  expect(alone).toMatchObject({ status: 502, code: 'upstream_unavailable' });
  const { message, headers } = alone as InstanceType<typeof OpenAI.APIError>;
  // Held for five seconds, so the openai client's own quick retries would meet it again.
  expect(headers?.get('x-should-retry')).toBe('false');
  expect(message).toContain("The gateway could not get an Entra ID token for endpoint 'azure-down': Azure's token server could not be reached or failed");
  expect(message).toContain('The token service is restarting');
  expect(message).not.toContain(IDENTITY_HEADER);
  // Held for five seconds: that request did not reach the token server.
  expect(tokenCalls('identity-down')).toHaveLength(fetches);
});

test("a token server's refusal (400) on a FALLBACK route is still the 502 upstream_auth_failed, without moving on", async () => {
  answersFor['identity-refused-in-route'] = [() => ({ status: 400, body: { error: 'invalid_request', error_description: 'Identity not found' } })];
  const openaiBefore = openaiUpstream.requests.length;

  const { outcome, line } = await askLogged('refused-then-openai', 'entra-token-refused-in-route');
  expect(outcome).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
  expect(line).toMatchObject({ called: 'refused-then-openai', endpoint: 'azure-refused', status: 502, routing_strategy: 'FALLBACK' });
  expect(line.attempts).toEqual([{ endpoint: 'azure-refused', status: 502, code: 'upstream_auth_failed' }]);
  expect(openaiUpstream.requests.length).toBe(openaiBefore);
});

test("a token server's outage is logged once when it starts and once when it ends (how long, how many requests failed), not once per request; each audit line shows its 502", async () => {
  answersFor['identity-outage'] = [() => ({ status: 503, body: { error: 'unavailable', error_description: 'The token service is restarting' }, headers: { 'retry-after': '0' } })];
  const from = logLines.length;
  const failed: string[] = [];
  for (const id of ['outage-1', 'outage-2', 'outage-3']) {
    const { outcome, line } = await askLogged('azure-outage', id);
    expect(outcome).toMatchObject({ status: 502, code: 'upstream_unavailable' });
    expect(line).toMatchObject({ endpoint: 'azure-outage', status: 502, error: { code: 'upstream_unavailable' } });
    failed.push(id);
  }
  // Back: the failure is held five seconds, so the requests until then still fail (and are counted).
  answersFor['identity-outage'] = [token('entra-token-after-outage')];
  for (let attempt = 0; ; attempt += 1) {
    const id = `outage-retry-${attempt}`;
    const { outcome } = await askLogged('azure-outage', id);
    if ((outcome as { object?: string }).object === 'chat.completion') break;
    failed.push(id);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const back = await waitForLogLine(logLines, (line) => line.azure_client_id === 'identity-outage' && line.level === 30, { from });
  const outageLines = logLines.slice(from).map((text) => JSON.parse(text) as Record<string, unknown>).filter((line) => line.azure_client_id === 'identity-outage');
  expect(outageLines.map(({ level, msg }) => ({ level, msg }))).toEqual([
    { level: 40, msg: "Entra ID token server unavailable for identity 'identity-outage': its endpoints' requests fail with a 502 until it is back" },
    { level: 30, msg: expect.stringMatching(/^Entra ID token server is back for identity 'identity-outage' after \d+ s \(requests failed meanwhile: \d+\)$/) },
  ]);
  expect(outageLines[0].reason).toContain('The token service is restarting');
  expect(back).toMatchObject({ failed_requests: failed.length, lasted_s: expect.any(Number) });
  expect(back.lasted_s).toBeGreaterThanOrEqual(5);
  expect(JSON.stringify(outageLines)).not.toContain(IDENTITY_HEADER);
  // No warning of their own for the failed requests (a line each before): only their audit lines.
  const warnings = logLines.slice(from).map((text) => JSON.parse(text) as Record<string, unknown>).filter((line) => failed.includes(line.request_id as string) && (line.level as number) >= 40);
  expect(warnings).toEqual([]);
});

test('nothing but the loopback was dialled (the guard does refuse another host)', async () => {
  expect(guard.refused).toEqual([]);
  // `.invalid` never resolves, so even a broken guard sends nothing anywhere.
  await expect(fetch('http://guard-check.invalid/')).rejects.toMatchObject({ cause: { message: 'this test may only connect to the loopback, not to guard-check.invalid' } });
  await expect(new Promise((_resolve, reject) => request('http://guard-check.invalid/').on('error', reject).end())).rejects.toThrow('this test may only connect to the loopback, not to guard-check.invalid');
  expect(guard.refused).toEqual(['guard-check.invalid', 'guard-check.invalid']);
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
