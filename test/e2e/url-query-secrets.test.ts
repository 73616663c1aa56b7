/**
 * Tokens carried in a configured base URL's query string (an Azure Functions `?code=` key, a SAS
 * `sig`, a proxy's `?token=`) are credentials like a key: an upstream that echoes the URL it was
 * called at must not pass them to the client or the log, in whatever encoding it echoes them.
 */
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

const FUNCTION_KEY = 'AzFn-query-key-3c2b1a0f9e8d7c6b';
/** A SAS signature: base64, so `+`, `/` and `=` travel percent-encoded. */
const SAS_SIGNATURE = 'k7Q+2hX/9mZr4Lw1pVb8=';
const SAS_SIGNATURE_ENCODED = encodeURIComponent(SAS_SIGNATURE);
/** Every spelling of a token that must not show. */
const TOKENS = [FUNCTION_KEY, SAS_SIGNATURE, SAS_SIGNATURE_ENCODED, FUNCTION_KEY.slice(0, 12)];

/** How the fake upstream answers, by the first message's text. */
type Echo = 'refused' | 'failed' | 'stream-not-json' | 'decoded';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream((request, response) => {
    const echo = (request.body as { messages: { content: string }[] }).messages[0].content as Echo;
    const url = `POST ${request.url}`;
    switch (echo) {
      case 'refused':
        // OpenAI-compatible servers and API gateways quote the URL they could not route.
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `Invalid URL (${url})`, type: 'invalid_request_error', param: null, code: null } }));
        return;
      case 'decoded':
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `Bad request for ${decodeURIComponent(url)}` } }));
        return;
      case 'failed':
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`upstream crashed handling ${url}`);
        return;
      case 'stream-not-json':
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(`data: proxy lost ${url}\n\n`);
    }
  });
});
afterAll(() => upstream.close());

const config = () => `
endpoints:
  - name: function
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstream.url}/v1?code=${FUNCTION_KEY}" } }
    retries: { max_attempts: 1 }
  - name: sas
    endpoint_type: llm/v1/chat
    model: { provider: mistral, name: mistral-small, config: { mistral_api_key: $OPENAI_KEY, mistral_api_base: "${upstream.url}/v1?sv=2022-11-02&sp=r&sig=${SAS_SIGNATURE_ENCODED}" } }
    retries: { max_attempts: 1 }
`;

let gateway: RunningGateway;
let lines: string[];
beforeAll(async () => {
  const capture = captureLog();
  lines = capture.lines;
  gateway = await startGateway(config(), { env: { OPENAI_KEY: 'sk-proj-unrelated-provider-key' }, logger: capture.logger });
});
afterAll(() => gateway.close());

async function answerTo(path: string, body: Record<string, unknown>): Promise<{ status: number; text: string; log: string }> {
  const logged = lines.length;
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  // The request's audit line ends what it logs; without it, a search of the log for a token finds nothing and proves nothing.
  await waitForLogLine(lines, (line) => line.msg === 'request' && line.request_id === response.headers.get('x-request-id'), { from: logged });
  return { status: response.status, text, log: lines.slice(logged).join('\n') };
}

const shown = (text: string) => TOKENS.filter((token) => text.includes(token));

test('the token still reaches the upstream: the URL works as configured', async () => {
  await answerTo('/endpoints/function/invocations', { messages: [{ role: 'user', content: 'refused' }] });
  expect(upstream.requests.at(-1)!.url).toBe(`/v1/chat/completions?code=${FUNCTION_KEY}`);
});

test.each([
  ['function', 'refused', 404],
  ['function', 'failed', 502],
  ['sas', 'refused', 404],
  ['sas', 'decoded', 400],
  ['sas', 'failed', 502],
] as const)('%s: an upstream answer (%s) echoing the URL shows no token to the client or in the log, on both route families', async (endpoint, echo, status) => {
  const messages = [{ role: 'user', content: echo }];
  for (const [path, body] of [
    ['/v1/chat/completions', { model: endpoint, messages }],
    [`/endpoints/${endpoint}/invocations`, { messages }],
  ] as const) {
    const answer = await answerTo(path, body);
    expect(answer.status).toBe(status);
    expect(answer.text).toContain('[redacted]');
    expect(answer.log).toContain('[redacted]');
    expect({ client: shown(answer.text), log: shown(answer.log) }).toEqual({ client: [], log: [] });
  }
});

test('a stream event that is not JSON, echoing the URL, shows no token', async () => {
  const answer = await answerTo('/endpoints/function/invocations', { messages: [{ role: 'user', content: 'stream-not-json' }], stream: true });
  expect(answer.status).toBe(502);
  expect(answer.text).toContain('proxy lost POST /v1/chat/completions?code=[redacted]');
  expect(answer.log).toContain('proxy lost POST /v1/chat/completions?code=[redacted]');
  expect({ client: shown(answer.text), log: shown(answer.log) }).toEqual({ client: [], log: [] });
});

test("the official OpenAI client's APIError holds no token", async () => {
  const openai = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const error = await openai.chat.completions.create({ model: 'function', messages: [{ role: 'user', content: 'refused' }] }).catch((failure: unknown) => failure);
  expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  expect(shown(JSON.stringify({ message: (error as Error).message, error: (error as InstanceType<typeof OpenAI.APIError>).error }))).toEqual([]);
});
