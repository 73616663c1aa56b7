/**
 * Can an Entra ID token, or the secret the gateway gets it with, leak? An `openai_api_type: azuread`
 * endpoint without a key gets its token (a canary) from App Service's managed identity, a fake token
 * server on 127.0.0.1 that the gateway authenticates to with `IDENTITY_HEADER` (a canary too). The
 * fake Azure OpenAI echoes the request it got (its `Authorization: Bearer <token>` included) in every
 * way a vendor reports a failure (test/support/echoing-upstream.ts), mid-stream included; the token
 * server refuses or fails quoting the header it was sent. The credential chain is kept to its
 * production credentials and only the loopback may be dialled, as in azure-entra-id.test.ts.
 */
import { answerWithEcho, ECHO_SCENARIOS, OPENAI_STREAM, echoIsQuoted, type EchoScenario } from '../support/echoing-upstream';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { callsOf, canary, echoOf, everythingLetOut, leaksIn } from '../support/leak-hunt';
import { captureLog } from '../support/log-capture';
import { allowOnlyLoopback, type LoopbackGuard } from '../support/loopback-only';

const TOKEN = canary('entra-token');
const IDENTITY_HEADER = canary('identity-header');
const FORBIDDEN = [TOKEN, IDENTITY_HEADER];
const CHAIN_VARIABLES = /^(AZURE_|IDENTITY_|MSI_|IMDS_)/;

let scenario: EchoScenario = { kind: 'json-error', status: 400 };
const savedEnv = { ...process.env };
const { lines, logger } = captureLog('debug');
let guard: LoopbackGuard;
let tokenServer: FakeUpstream;
let azure: FakeUpstream;
let gateway: RunningGateway;

const endpoint = (name: string, clientId: string, base: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_type: azuread, azure_client_id: ${clientId}, openai_api_base: "${base}", openai_deployment_name: gpt4o, openai_api_version: "2024-10-21" } }`;

beforeAll(async () => {
  guard = allowOnlyLoopback();
  tokenServer = await startFakeUpstream((request, response) => {
    const clientId = new URL(request.url, 'http://x').searchParams.get('client_id');
    // App Service's shape (api-version 2019-08-01); the other identities are refused (400) or fail (503, retried at once by the library), quoting what they were sent.
    if (clientId === 'leak-hunt-served') return sendJson(response, 200, { access_token: TOKEN, expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://cognitiveservices.azure.com', token_type: 'Bearer' });
    const status = clientId === 'leak-hunt-refused' ? 400 : 503;
    sendJson(response, status, { error: status === 400 ? 'invalid_request' : 'temporarily_unavailable', error_description: `cannot serve ${echoOf(request)}` }, { 'retry-after': '0' });
  });
  azure = await startFakeUpstream((request, response) => answerWithEcho(scenario, OPENAI_STREAM, request, response));
  for (const name of Object.keys(process.env)) if (CHAIN_VARIABLES.test(name)) delete process.env[name];
  Object.assign(process.env, { AZURE_TOKEN_CREDENTIALS: 'prod', IDENTITY_ENDPOINT: `${tokenServer.url}/msi/token`, IDENTITY_HEADER });
  const config = `defaults: { retries: { max_attempts: 1 } }\nendpoints:${endpoint('azure-entra', 'leak-hunt-served', azure.url)}${endpoint('entra-refused', 'leak-hunt-refused', azure.url)}${endpoint('entra-down', 'leak-hunt-down', azure.url)}\n`;
  gateway = await startGateway(config, { logger });
});

afterAll(async () => {
  process.env = savedEnv;
  guard.restore();
  await gateway.close();
  await azure.close();
  await tokenServer.close();
});

test.each(ECHO_SCENARIOS)('Azure OpenAI echoing the Entra ID token it got in %s: the token reaches no client and no log line', async (_name, current) => {
  scenario = current;
  const output = await everythingLetOut({ url: gateway.url, calls: callsOf('azure-entra', 'chat'), lines });
  expect(azure.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(output.includes('[redacted]') || !echoIsQuoted(current)).toBe(true);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test.each(['entra-refused', 'entra-down'])('a token server answering %s with the secret it was sent in its message: the secret reaches no client and no log line', async (name) => {
  const output = await everythingLetOut({ url: gateway.url, calls: callsOf(name, 'chat'), lines });
  expect(output).toContain(`Entra ID token for endpoint '${name}'`);
  expect(output.includes('cannot serve GET')).toBe(true);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test('nothing but the loopback was dialled', () => {
  expect(guard.refused).toEqual([]);
});
