/**
 * A reasoning model's slow answers, at a scale of seconds: without a stream its headers come only
 * with its whole answer, and its stream is silent after the role-only chunk until the first token.
 * An endpoint whose first_byte and idle are longer than that wait is served; one whose timeouts are
 * shorter (as the old defaults, 120 and 60 s, were for minutes of thinking) answers a 504, and with
 * max_elapsed below them (as the defaults' 30 s is) the gateway does not send the prompt again.
 * The defaults themselves are in test/unit/config/call-policy.test.ts.
 */
import type { ServerResponse } from 'node:http';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';

/** How long the fake model thinks. Past the short endpoint's timeouts, even idle's, which undici may end up to a second late. */
const THINKING_MS = 2_500;

const endpoint = (name: string, timeouts: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: ${name}, config: { openai_api_key: sk-test, openai_api_base: "UPSTREAM/v1" } }
    timeouts: ${timeouts}`;

const config = (upstreamUrl: string) =>
  `
defaults:
  retries: { max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.05, max_elapsed: 0.25 }
endpoints:${endpoint('patient', '{ first_byte: 6, idle: 6, total: 20 }')}${endpoint('impatient', '{ first_byte: 0.5, idle: 0.5, total: 20 }')}
`.replaceAll('UPSTREAM', upstreamUrl);

/** Headers and answer after THINKING_MS; a stream's role-only chunk at once, the rest after THINKING_MS. */
function thinkFirst(request: RecordedRequest, response: ServerResponse): void {
  const later = (send: () => void) => {
    const timer = setTimeout(() => response.destroyed || send(), THINKING_MS);
    response.on('close', () => clearTimeout(timer));
  };
  if (!(request.body as { stream?: boolean }).stream) {
    later(() => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
    return;
  }
  const [roleOnly, ...rest] = readFixture('openai', 'chat.stream.sse').split('\n\n');
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(`${roleOnly}\n\n`);
  later(() => response.end(rest.join('\n\n')));
}

let upstream: FakeUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startFakeUpstream(thinkFirst);
  gateway = await startGateway(config(upstream.url));
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

async function chat(model: string, stream: boolean) {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Prove it.' }] }),
  });
  return { status: response.status, text: await response.text() };
}

const sentTo = (model: string) => upstream.requests.filter((request) => (request.body as { model: string }).model === model).length;

test('headers that come after a short first_byte but within a long one: served, or a 504 sent once', async () => {
  upstream.requests.length = 0;
  const [served, cut] = await Promise.all([chat('patient', false), chat('impatient', false)]);
  expect(served.status).toBe(200);
  expect(JSON.parse(served.text).choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  expect(cut.status).toBe(504);
  expect(JSON.parse(cut.text).error.message).toBe("OpenAI sent no response within 0.5 s for endpoint 'impatient' (first_byte timeout).");
  expect([sentTo('patient'), sentTo('impatient')]).toEqual([1, 1]);
});

test('a stream silent after its role-only chunk past a short idle but within a long one: served, or a 504 sent once', async () => {
  upstream.requests.length = 0;
  const [served, cut] = await Promise.all([chat('patient', true), chat('impatient', true)]);
  expect(served.status).toBe(200);
  const events = parseSse(served.text);
  expect(events.at(-1)?.data).toBe('[DONE]');
  const text = events.slice(0, -1).map((event) => (JSON.parse(event.data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '');
  expect(text.join('')).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(cut.status).toBe(504);
  expect(JSON.parse(cut.text).error.message).toBe("OpenAI stopped sending its response for 0.5 s for endpoint 'impatient' (idle timeout).");
  expect([sentTo('patient'), sentTo('impatient')]).toEqual([1, 1]);
});
