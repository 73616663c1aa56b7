/**
 * A short `idle` ends on time: undici's own body timer runs on a clock that ticks about every
 * 500 ms, so an idle of 0.8 s ended between 0.5 and 1 s after the last chunk, and a healthy
 * stream pausing for less than its idle could be cut; under 60 s the transport has a native timer
 * of its own (native-timeouts.ts). Real HTTP to the gateway, fake OpenAI upstreams that pause between events.
 */
import type { ServerResponse } from 'node:http';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';

/** Never before the idle timeout of 0.5 s (a few milliseconds of clock rounding aside). */
const NOT_BEFORE_MS = 495;
/** Well under undici's second late, with room for a loaded two-core CI machine (about 505 ms here). */
const ON_TIME_MS = 800;
/**
 * Pauses shorter than the idle timeout. With another call in flight (its timer keeps undici's clock
 * ticking every 499 ms), undici's timer fired between 499 and 998 ms after a chunk for both 0.5
 * and 0.8 s: 0.35 s against idle 0.5 s was never cut, but 0.6 s against 0.8 s was whenever the
 * next tick came within 101 ms of a chunk; pauses of 0.6 s move that phase by 101 ms (0.6 s modulo
 * 499 ms), so one of six lands there.
 */
const PAUSES = 6;

const events = readFixture('openai', 'chat.stream.sse')
  .split('\n\n')
  .filter((event) => event.trim() !== '');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stalling: FakeUpstream;
let pausingShort: FakeUpstream;
let pausingLong: FakeUpstream;
let quiet: FakeUpstream;
/** Ends the quiet upstream's answer. */
let endQuiet = () => {};
let gateway: RunningGateway;
/** When the stalling upstream wrote its last event. */
let lastWrite = 0;

beforeAll(async () => {
  stalling = await startFakeUpstream((request, response: ServerResponse) => {
    if ((request.body as { stream: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // The role-only chunk (which the gateway holds) and the first word, then silence.
      response.write(`${events.slice(0, 2).join('\n\n')}\n\n`);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id": "chatcmpl-1", "object": "chat.completion", ');
    }
    lastWrite = performance.now();
  });
  pausingShort = await startFakeUpstream(pausing(350));
  pausingLong = await startFakeUpstream(pausing(600));
  quiet = await startFakeUpstream((_request, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`${events[0]}\n\n`);
    endQuiet = () => response.end(`${events.slice(1).join('\n\n')}\n\n`);
  });
  gateway = await startGateway(`
endpoints:
  - name: stalling
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${stalling.url}/v1" } }
    timeouts: { idle: 0.5 }
    retries: { max_attempts: 1 }
  - name: pausing-350ms
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${pausingShort.url}/v1" } }
    timeouts: { idle: 0.5 }
    retries: { max_attempts: 1 }
  - name: pausing-600ms
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${pausingLong.url}/v1" } }
    timeouts: { idle: 0.8 }
    retries: { max_attempts: 1 }
  - name: quiet
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${quiet.url}/v1" } }
    timeouts: { idle: 30 }
`);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([stalling.close(), pausingShort.close(), pausingLong.close(), quiet.close()]);
});

/** The fixture's events, the first PAUSES of them after a pause of `pauseMs`. */
function pausing(pauseMs: number) {
  return async (_request: unknown, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const [index, event] of events.entries()) {
      if (index > 0 && index <= PAUSES) await sleep(pauseMs);
      response.write(`${event}\n\n`);
    }
    response.end();
  };
}

/** A call through the MLflow route (a stream's error event carries its status), or OpenAI's (`/v1`). */
async function call(path: string, body: object) {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, messages: [{ role: 'user', content: 'Bonjour' }] }),
  });
  return { status: response.status, text: await response.text(), ended: performance.now() };
}

async function stream(endpoint: string) {
  const { status, text, ended } = await call(`/endpoints/${endpoint}/invocations`, { stream: true });
  return { status, events: parseSse(text), ended };
}

const stalled = { status: 504, code: 'upstream_timeout', message: "OpenAI stopped sending its response for 0.5 s for endpoint 'stalling' (idle timeout)." };

test('idle 0.5 s against a stream that falls silent after its first word: its error event comes 0.5 s after that word, not up to a second', async () => {
  const before = stalling.requests.length;
  const answer = await stream('stalling');
  const elapsed = answer.ended - lastWrite;
  expect(answer.status).toBe(200);
  expect(answer.events[0].data).toContain('chat.completion.chunk');
  const last = answer.events.at(-1)!;
  expect({ event: last.event, error: JSON.parse(last.data).error }).toEqual({ event: 'error', error: expect.objectContaining(stalled) });
  expect(stalling.requests.length - before).toBe(1);
  expect(elapsed).toBeGreaterThanOrEqual(NOT_BEFORE_MS);
  expect(elapsed).toBeLessThan(ON_TIME_MS);
});

test('idle 0.5 s against a JSON answer that falls silent halfway: the 504 comes 0.5 s after its last piece', async () => {
  const before = stalling.requests.length;
  const answer = await call('/v1/chat/completions', { model: 'stalling' });
  const elapsed = answer.ended - lastWrite;
  expect({ status: answer.status, error: JSON.parse(answer.text).error }).toEqual({
    status: 504,
    error: { message: stalled.message, type: 'timeout_error', param: null, code: stalled.code },
  });
  expect(stalling.requests.length - before).toBe(1);
  expect(elapsed).toBeGreaterThanOrEqual(NOT_BEFORE_MS);
  expect(elapsed).toBeLessThan(ON_TIME_MS);
});

test.each([
  ['0.5 s', 350, 'pausing-350ms'],
  ['0.8 s', 600, 'pausing-600ms'],
])(`idle %s against a stream that pauses %i ms between its events ${PAUSES} times: never cut`, async (_idle, _pauseMs, endpoint) => {
  const upstream = endpoint === 'pausing-350ms' ? pausingShort : pausingLong;
  // Another call in flight, as on a busy gateway, whose answer has started and then waits.
  const quietBefore = quiet.requests.length;
  const other = stream('quiet');
  while (quiet.requests.length === quietBefore) await sleep(10);
  const answer = await stream(endpoint);
  endQuiet();
  expect((await other).events.at(-1)!.data).toBe('[DONE]');
  expect(answer.status).toBe(200);
  expect(answer.events.filter((event) => event.event === 'error')).toEqual([]);
  expect(answer.events.at(-1)!.data).toBe('[DONE]');
  expect(upstream.requests).toHaveLength(1);
});
