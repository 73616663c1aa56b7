/**
 * A short `first_byte` ends on time: undici's own header timer runs on a clock that ticks about
 * every 500 ms and ended a first_byte of 0.3 s after about 1 s, doubling the wait of a FALLBACK
 * route's failover; under 60 s the transport has a native timer of its own (native-timeouts.ts). Real
 * HTTP to the gateway, a fake OpenAI upstream that takes each request and never answers, and one
 * that sends an informational answer (103 Early Hints) first.
 */
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';

/**
 * Well under undici's second, with room for a loaded two-core CI machine: the 504 (or the other
 * destination's answer) comes about 310 ms after the request here.
 */
const ON_TIME_MS = 800;
/** Never before the timeout (a few milliseconds of clock rounding aside). */
const NOT_BEFORE_MS = 295;

let silent: FakeUpstream;
let healthy: FakeUpstream;
/** Sends 103 Early Hints after `hintAfter` ms, then the fixture's answer `answerAfter` ms after the request, or nothing. */
let hinting: FakeUpstream;
let hintAfter = 0;
let answerAfter: number | null = null;
let gateway: RunningGateway;

beforeAll(async () => {
  silent = await startFakeUpstream(() => undefined);
  healthy = await startFakeUpstream(serveOpenAIFixtures);
  hinting = await startFakeUpstream((request, response) => {
    setTimeout(() => response.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' }), hintAfter);
    if (answerAfter !== null) setTimeout(() => void serveOpenAIFixtures(request, response), answerAfter);
  });
  gateway = await startGateway(`
endpoints:
  - name: hanging
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${silent.url}/v1" } }
    timeouts: { first_byte: 0.3 }
    retries: { max_attempts: 1 }
  - name: hinting
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${hinting.url}/v1" } }
    timeouts: { first_byte: 0.3 }
    retries: { max_attempts: 1 }
  - name: hinting-patient
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${hinting.url}/v1" } }
    timeouts: { first_byte: 0.6 }
    retries: { max_attempts: 1 }
  - name: healthy
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${healthy.url}/v1" } }
routes:
  - { name: hanging-then-healthy, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: hanging }, { name: healthy }] }
`);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([silent.close(), healthy.close(), hinting.close()]);
});

async function chat(model: string, stream: boolean) {
  const started = performance.now();
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Bonjour' }] }),
  });
  const text = await response.text();
  return { status: response.status, endpoint: response.headers.get('x-gateway-endpoint'), text, elapsed: performance.now() - started };
}

test.each([
  ['a JSON answer', false],
  ['a stream', true],
])('first_byte 0.3 s against a provider that never answers (%s): the 504 comes after 0.3 s, not 1 s', async (_kind, stream) => {
  const before = silent.requests.length;
  const answer = await chat('hanging', stream);
  expect({ status: answer.status, error: JSON.parse(answer.text).error }).toEqual({
    status: 504,
    error: { message: "OpenAI sent no response within 0.3 s for endpoint 'hanging' (first_byte timeout).", type: 'timeout_error', param: null, code: 'upstream_timeout' },
  });
  expect(silent.requests.length - before).toBe(1);
  expect(answer.elapsed).toBeGreaterThanOrEqual(NOT_BEFORE_MS);
  expect(answer.elapsed).toBeLessThan(ON_TIME_MS);
});

test('a FALLBACK route whose first destination has first_byte 0.3 s and never answers: the second answers within 0.8 s', async () => {
  const [silentBefore, healthyBefore] = [silent.requests.length, healthy.requests.length];
  const answer = await chat('hanging-then-healthy', false);
  expect({ status: answer.status, endpoint: answer.endpoint }).toEqual({ status: 200, endpoint: 'healthy' });
  expect(JSON.parse(answer.text).choices[0].message.content).toBe(readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json').choices[0].message.content);
  expect([silent.requests.length - silentBefore, healthy.requests.length - healthyBefore]).toEqual([1, 1]);
  expect(answer.elapsed).toBeGreaterThanOrEqual(NOT_BEFORE_MS);
  expect(answer.elapsed).toBeLessThan(ON_TIME_MS);
});

test.each([
  ['a JSON answer', false],
  ['a stream', true],
])('first_byte 0.3 s against a provider that sends 103 Early Hints at once, then nothing (%s): the 504 comes after 0.3 s, not 1.3 s', async (_kind, stream) => {
  [hintAfter, answerAfter] = [0, null];
  const answer = await chat('hinting', stream);
  expect({ status: answer.status, error: JSON.parse(answer.text).error }).toMatchObject({
    status: 504,
    error: { message: "OpenAI sent no response within 0.3 s for endpoint 'hinting' (first_byte timeout).", code: 'upstream_timeout' },
  });
  expect(answer.elapsed).toBeGreaterThanOrEqual(NOT_BEFORE_MS);
  expect(answer.elapsed).toBeLessThan(ON_TIME_MS);
});

test('an informational answer starts the first_byte wait again, as undici does: 103 after 0.4 s and the answer 0.4 s later pass a first_byte of 0.6 s', async () => {
  [hintAfter, answerAfter] = [400, 800];
  const answer = await chat('hinting-patient', false);
  expect({ status: answer.status, endpoint: answer.endpoint }).toEqual({ status: 200, endpoint: 'hinting-patient' });
});
