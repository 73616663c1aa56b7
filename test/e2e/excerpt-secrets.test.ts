/**
 * Upstream answers the gateway quotes only in part (a non-JSON error body, a stream event that is not
 * JSON): when the excerpt's cut falls inside an echoed provider key, the key's start must not reach
 * the client or the log either.
 */
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

const PROVIDER_KEY = 'sk-proj-REVIEW-provider-key-4f3e2d1c0b';
/** The key's start without its public `sk-proj-` prefix: what an excerpt cut inside the key shows. */
const KEY_START = PROVIDER_KEY.slice(0, 12);

/** How an excerpt whose cut fell inside the key ends once redacted: the padding, then the mark. */
const CUT_AT_KEY = /xxxx \[redacted\]…$/;

/** Text before the echoed key, so that the gateway's excerpt (300 characters of an error body, 200 of a stream event) ends inside it. */
const bodyPadding = (length: number) => `${'x'.repeat(length)} `;

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream((request, response) => {
    const key = String(request.headers.authorization).replace(/^Bearer /, '');
    if ((request.body as { stream?: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: ${bodyPadding(180)}${key} is not a valid key\n\n`);
      return;
    }
    response.writeHead(503, { 'content-type': 'text/plain' });
    response.end(`${bodyPadding(280)}${key} is not a valid key`);
  });
});
afterAll(() => upstream.close());

const config = () => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: 1 }
`;

async function leaksOf(body: Record<string, unknown>): Promise<{ status: number; response: boolean; log: boolean }> {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(config(), { env: { OPENAI_KEY: PROVIDER_KEY }, logger });
  try {
    const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
    });
    const text = await response.text();
    // Both the answer and the request's audit line quote the excerpt, cut where the key was: so the key's absence means something.
    const audit = await waitForLogLine(lines, (line) => line.msg === 'request' && line.request_id === response.headers.get('x-request-id'));
    expect((JSON.parse(text) as { detail: string }).detail).toMatch(CUT_AT_KEY);
    expect((audit.error as { message: string }).message).toMatch(CUT_AT_KEY);
    return { status: response.status, response: text.includes(KEY_START), log: lines.join('\n').includes(KEY_START) };
  } finally {
    await gateway.close();
  }
}

test('a plain-text error body echoing the key where its excerpt is cut shows no part of the key', async () => {
  expect(await leaksOf({})).toEqual({ status: 502, response: false, log: false });
});

test('a stream event that is not JSON, echoing the key where its excerpt is cut, shows no part of the key', async () => {
  expect(await leaksOf({ stream: true })).toEqual({ status: 502, response: false, log: false });
});
