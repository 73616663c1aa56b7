/**
 * Clients and upstreams that leave at random moments (fast-check, fixed seed, bounded runs). Each
 * run sends one chat request over real HTTP (an MLflow invocations route, /v1/chat/completions or
 * /v1/responses; streamed or not) to an endpoint of OpenAI, Anthropic, Gemini or Amazon Bedrock, or
 * to a FALLBACK route over two of them, every endpoint with retries and a calls and tokens limit.
 * The fake upstreams answer each attempt with their fixture, an error status, or a fault at a
 * random place: the socket dropped, a stall, a trickle of SSE comments or JSON whitespace that
 * keeps the idle timeout from firing, or a partial SSE event (or event-stream message) before a
 * clean end. The client waits, or leaves before the headers or after some chunks.
 *
 * After each run, what users rely on holds: the client had a complete answer, an error JSON or
 * stream error event, or its own abort, never a hang or a cut stream; every upstream connection of
 * the run is closed and no attempt starts after the client's answer; the request is counted once
 * in the metrics and in each endpoint's calls limit it reached; the shutdown would find no request
 * still in flight; the gateway answers the next request. (An unhandled rejection or uncaught
 * exception inside the gateway fails the test through jest.)
 */
import fc from 'fast-check';
import type { ServerResponse } from 'node:http';
import type { Message } from '@smithy/eventstream-codec';
import { limitBackendFor } from '../../src/limits/limiter';
import { endRequestsInFlight } from '../../src/server/in-flight';
import { silentLogger } from '../../src/server/logging';
import { encodeEvents, EVENT_STREAM_HEADERS, startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest, type UpstreamHandler } from '../support/fake-upstream';
import { serveAnthropicFixtures, serveBedrockFixtures, serveGeminiFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { isWholeAnswer } from '../support/request-fuzzing';

// FUZZ_SEED and FUZZ_RUNS explore further by hand; the suite runs the fixed seed's 60 runs.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
jest.setTimeout(60_000 + RUNS * 1_000);

/** What one upstream attempt gets: the fixture, an error status, or a fault `at` a place in its answer (an event of a stream, a fraction of a JSON body). */
type Fault =
  | { kind: 'answer' }
  | { kind: 'status'; status: 400 | 429 | 500 | 503 }
  | { kind: 'drop' | 'stall' | 'trickle' | 'partial'; at: number };

/** When the client leaves: never, `afterMs` after sending, or once it has read `events` SSE events (right after the headers without a stream). */
type Leaving = { kind: 'stays' } | { kind: 'timer'; afterMs: number } | { kind: 'events'; events: number };

const ENDPOINTS = ['openai', 'anthropic', 'gemini', 'bedrock'] as const;
type EndpointName = (typeof ENDPOINTS)[number];
/** FALLBACK routes and their destinations, in order. */
const ROUTES: Record<string, readonly EndpointName[]> = { 'openai-then-anthropic': ['openai', 'anthropic'], 'gemini-then-bedrock': ['gemini', 'bedrock'] };
const PATHS = ['invocations', 'chat', 'responses'] as const;

const LIMIT_PERIOD_MS = 3_600_000;
/** The client's own patience: far above the gateway's timeouts (a route's two endpoints with two attempts each), so a hang shows. */
const HANG_MS = 10_000;
/** How long the gateway has, after the client's answer, to count the request. */
const SETTLE_MS = 3_000;
/** How long it has to close the run's upstream connections: well under the total timeout (1.5 s), which would end a trickle it forgot. */
const ORPHAN_MS = 750;

const config = (urls: Record<EndpointName, string>) => {
  const limit = `limit: { renewal_period: hour, calls: 1000000, tokens: 1000000000 }`;
  return `
defaults:
  timeouts: { connect: 1, first_byte: 0.3, idle: 0.3, total: 1.5 }
  retries: { max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: openai
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-abort, openai_api_base: "${urls.openai}/v1" } }
    ${limit}
  - name: anthropic
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-abort, anthropic_api_base: "${urls.anthropic}/v1" } }
    ${limit}
  - name: gemini
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: sk-abort, gemini_api_base: "${urls.gemini}/v1beta" } }
    ${limit}
  - name: bedrock
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-3-5-sonnet-20241022-v2:0, config: { aws_config: ${fakeAwsConfig(urls.bedrock)} } }
    ${limit}
  - name: alive
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
routes:
${Object.entries(ROUTES)
  .map(([name, destinations]) => `  - { name: ${name}, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [${destinations.map((to) => `{ name: ${to} }`).join(', ')}] }`)
  .join('\n')}
`;
};

/** The faults of the current run, one per upstream attempt in order (then the fixture), and the pause between the pieces of an answer. */
const current: { faults: Fault[]; attempts: number; pauseMs: number } = { faults: [], attempts: 0, pauseMs: 0 };
const nextFault = (): Fault => current.faults[current.attempts++] ?? { kind: 'answer' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An answer cut into the pieces a fault may fall between: a stream's events, a JSON body whole. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  pieces: Buffer[];
  /** Bytes that change nothing in the answer, for a trickle (none in an event stream: a trickle there is a stall). */
  filler: string | null;
}

/** Writes `answer` piece by piece with `fault` applied; returns once written (or left stalled). */
async function writeWithFault(response: ServerResponse, answer: Answer, fault: Fault): Promise<void> {
  if (fault.kind === 'status') {
    sendJson(response, fault.status, { error: { message: `injected ${fault.status}`, type: 'error' } }, fault.status === 429 ? { 'retry-after': '0' } : {});
    return;
  }
  const bytes = Buffer.concat(answer.pieces);
  // Without a stream, `at` is a fraction of the body; 0 faults before the headers.
  const whole = answer.pieces.length === 1;
  const cut = fault.kind === 'answer' ? answer.pieces.length : whole ? Math.floor(fault.at * bytes.length) : Math.floor(fault.at * (answer.pieces.length + 1));
  if (cut === 0 && (fault.kind === 'drop' || fault.kind === 'stall')) {
    if (fault.kind === 'drop') response.socket?.destroy();
    return;
  }
  response.writeHead(answer.status, answer.headers);
  const sent = whole ? [bytes.subarray(0, Math.min(cut, bytes.length))] : answer.pieces.slice(0, cut);
  for (const piece of sent) {
    if (response.destroyed) return;
    response.write(piece);
    if (current.pauseMs > 0) await pause(current.pauseMs);
  }
  if (fault.kind === 'answer') return void response.end();
  if (fault.kind === 'stall') return;
  if (fault.kind === 'trickle') return trickle(response, answer.filler);
  if (fault.kind === 'drop') {
    // Let the pieces leave before the reset.
    await pause(2);
    return void response.socket?.destroy();
  }
  const next = whole ? Buffer.alloc(0) : answer.pieces[cut];
  response.end(next === undefined ? undefined : next.subarray(0, Math.ceil(next.length / 2)));
}

/**
 * Writes `filler` every 50 ms until the connection closes. Each tick looks at the connection, as
 * the gateway may have closed it during the last piece's pause: its 'close' is then already past,
 * and a timer waiting for it would keep jest from exiting.
 */
function trickle(response: ServerResponse, filler: string | null): void {
  if (filler === null) return;
  const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write(filler)), 50);
}

/** The fixture handler's answer, caught instead of sent (the handlers call only `writeHead` and `end`). */
async function fixtureAnswer(handler: UpstreamHandler, request: RecordedRequest): Promise<Answer> {
  let status = 200;
  let headers: Record<string, string> = {};
  let body = Buffer.alloc(0);
  const catcher = {
    writeHead(code: number, values: Record<string, string> = {}) {
      status = code;
      headers = values;
      return catcher;
    },
    end(chunk?: string | Buffer) {
      body = Buffer.from(chunk ?? '');
      return catcher;
    },
  };
  await handler(request, catcher as unknown as ServerResponse);
  const sse = (headers['content-type'] ?? '').startsWith('text/event-stream');
  const pieces = sse ? body.toString('utf8').split(/(?<=\r?\n\r?\n)/).map((event) => Buffer.from(event)) : [body];
  return { status, headers, pieces, filler: sse ? ': keep-alive\n\n' : ' ' };
}

function faulty(handler: UpstreamHandler): UpstreamHandler {
  return async (request, response) => {
    const fault = nextFault();
    await writeWithFault(response, await fixtureAnswer(handler, request), fault);
  };
}

/** The fake Bedrock's fixture reply with the run's fault: a stream's pieces are its event-stream messages. */
function faultyBedrock(call: BedrockCall): BedrockReply {
  const fault = nextFault();
  const reply = serveBedrockFixtures(call);
  return {
    respond: (response) => {
      if ('events' in reply) return writeWithFault(response, { status: 200, headers: EVENT_STREAM_HEADERS, pieces: reply.events.map((event: Message) => encodeEvents([event])), filler: null }, fault);
      const json = 'json' in reply ? reply.json : {};
      return writeWithFault(response, { status: 200, headers: { 'content-type': 'application/json' }, pieces: [Buffer.from(JSON.stringify(json))], filler: ' ' }, fault);
    },
  };
}

const upstreams = {} as Record<Exclude<EndpointName, 'bedrock'>, FakeUpstream>;
let bedrock: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  upstreams.openai = await startFakeUpstream(faulty(serveOpenAIFixtures));
  upstreams.anthropic = await startFakeUpstream(faulty(serveAnthropicFixtures('claude-haiku-4-5')));
  upstreams.gemini = await startFakeUpstream(faulty(serveGeminiFixtures('gemini-2.0-flash')));
  bedrock = await startFakeBedrock(faultyBedrock);
  gateway = await startGateway(config({ openai: upstreams.openai.url, anthropic: upstreams.anthropic.url, gemini: upstreams.gemini.url, bedrock: bedrock.url }));
});
afterAll(async () => {
  await gateway.close();
  for (const upstream of Object.values(upstreams)) await upstream.close();
  await bedrock.close();
});

/** Each endpoint's upstream requests so far, and the promises that resolve when each one's connection closed. */
function upstreamCalls(): Record<EndpointName, Promise<unknown>[]> {
  return { openai: [...upstreams.openai.closed], anthropic: [...upstreams.anthropic.closed], gemini: [...upstreams.gemini.closed], bedrock: [...bedrock.closed] };
}

/** The calls counted so far in each endpoint's limit window (a hit of 0 reads a counter without changing it). */
async function countedCalls(): Promise<Record<EndpointName, number>> {
  const store = limitBackendFor(undefined, () => silentLogger).store;
  const states = await store.hit(ENDPOINTS.map((name) => ({ key: `{${name}}:calls:${LIMIT_PERIOD_MS}`, windowMs: LIMIT_PERIOD_MS, amount: 0 })));
  return Object.fromEntries(ENDPOINTS.map((name, index) => [name, states[index].count])) as Record<EndpointName, number>;
}

/** Requests counted by `gateway_requests_total` on the routes under test, and by `gateway_route_requests_total`. */
async function countedRequests(): Promise<{ requests: number; routeRequests: number }> {
  const text = await (await fetch(`${gateway.url}/metrics`, { signal: AbortSignal.timeout(HANG_MS) })).text();
  const sum = (name: string, wanted: (labels: string) => boolean) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) && wanted(line.slice(name.length, line.lastIndexOf('}') + 1)))
      .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
  return {
    requests: sum('gateway_requests_total', (labels) => !labels.includes('endpoint="alive"') && /route="[^"]*(invocations|\/v1\/)/.test(labels)),
    routeRequests: sum('gateway_route_requests_total', () => true),
  };
}

interface Target {
  name: string;
  path: (typeof PATHS)[number];
  stream: boolean;
}

function requestOf({ name, path, stream }: Target): { url: string; body: unknown } {
  const messages = [{ role: 'user', content: 'Bonjour' }];
  switch (path) {
    case 'invocations':
      return { url: `${gateway.url}/${name in ROUTES ? 'gateway' : 'endpoints'}/${name}/invocations`, body: { messages, stream } };
    case 'chat':
      return { url: `${gateway.url}/v1/chat/completions`, body: { model: name, messages, stream } };
    case 'responses':
      return { url: `${gateway.url}/v1/responses`, body: { model: name, input: 'Bonjour', stream } };
  }
}

type Outcome = { kind: 'complete' | 'error' | 'left' } | { kind: 'broken'; detail: string };

/**
 * The client's body so far, read until it ends or `leaveAfter` SSE events have arrived; then the
 * client leaves: the reader is cancelled too, as an abort alone does not end a read of a body
 * already received whole.
 */
async function readBody(response: Response, received: { text: string }, leaveAfter: number, leave: () => void): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    if (received.text.split('\n\n').length - 1 >= leaveAfter) {
      leave();
      await reader.cancel();
      throw new DOMException('The client left.', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) return (received.text += decoder.decode());
    received.text += decoder.decode(value, { stream: true });
  }
}

/** What the client got: an answer, an error it can read, its own abort, or something broken (a hang, a cut stream, an unreadable error). */
async function callGateway(target: Target, leaving: Leaving): Promise<Outcome> {
  const { url, body } = requestOf(target);
  const client = new AbortController();
  let left = false;
  const leave = () => {
    left = true;
    client.abort();
  };
  const timer = leaving.kind === 'timer' ? setTimeout(leave, leaving.afterMs) : undefined;
  const received = { text: '' };
  const answer = async (): Promise<Outcome> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: client.signal });
    const leaveAfter = leaving.kind !== 'events' ? Infinity : target.stream ? leaving.events : 0;
    const text = await readBody(response, received, leaveAfter, leave);
    if (response.status >= 400) {
      const error = JSON.parse(text) as { detail?: unknown; error?: { message?: unknown } };
      return typeof error.detail === 'string' || typeof error.error?.message === 'string' ? { kind: 'error' } : { kind: 'broken', detail: `${response.status} ${text.slice(0, 200)}` };
    }
    if (!isWholeAnswer(text)) return { kind: 'broken', detail: `${response.status} cut short: …${text.slice(-200)}` };
    return { kind: /^event: (error|response\.failed)$/m.test(text) ? 'error' : 'complete' };
  };
  let hangTimer: NodeJS.Timeout | undefined;
  const hang = new Promise((resolve) => (hangTimer = setTimeout(resolve, HANG_MS))).then((): Outcome => ({ kind: 'broken', detail: `no answer within ${HANG_MS} ms, after ${[...received.text.matchAll(/^event: (.*)$/gm)].map((match) => match[1]).join(' ')}` }));
  try {
    return await Promise.race([answer(), hang]);
  } catch (error) {
    if (left && (error as Error).name === 'AbortError') return { kind: 'left' };
    return { kind: 'broken', detail: String((error as Error).cause ?? error) };
  } finally {
    clearTimeout(timer);
    clearTimeout(hangTimer);
    client.abort();
  }
}

/** Resolves true once `promise` has, false after `ms`; then clears its timer, which would otherwise outlive the file and keep its jest worker from exiting. */
function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** Polls `read` until `done` holds of its value or `ms` pass; returns the last value. */
async function settled<Value>(read: () => Promise<Value>, done: (value: Value) => boolean, ms: number): Promise<Value> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await pause(20);
    value = await read();
  }
  return value;
}

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'answer' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(400 as const, 429 as const, 500 as const, 503 as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('drop' as const, 'stall' as const, 'trickle' as const, 'partial' as const), at: fc.integer({ min: 0, max: 99 }).map((percent) => percent / 100) }) },
);

const leaving: fc.Arbitrary<Leaving> = fc.oneof(
  fc.constant({ kind: 'stays' as const }),
  fc.record({ kind: fc.constant('timer' as const), afterMs: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ kind: fc.constant('events' as const), events: fc.integer({ min: 0, max: 12 }) }),
);

const target: fc.Arbitrary<Target> = fc.record({ name: fc.constantFrom<string>(...ENDPOINTS, ...Object.keys(ROUTES)), path: fc.constantFrom(...PATHS), stream: fc.boolean() });

interface Finding {
  run: unknown;
  problems: string[];
}

test('clients and upstreams leaving at random moments: every client gets an answer, nothing is left running, and everything is counted once', async () => {
  const findings: Finding[] = [];
  await fc.assert(
    fc.asyncProperty(target, leaving, fc.array(fault, { maxLength: 4 }), fc.constantFrom(0, 0, 2, 10), async (call, client, faults, pauseMs) => {
      Object.assign(current, { faults, attempts: 0, pauseMs });
      const before = { calls: upstreamCalls(), counted: await countedCalls(), metrics: await countedRequests() };
      const problems: string[] = [];
      const outcome = await callGateway(call, client);
      const answeredAt = Date.now();
      if (outcome.kind === 'broken') problems.push(`client: ${outcome.detail}`);

      const metrics = await settled(countedRequests, (now) => now.requests > before.metrics.requests, SETTLE_MS);
      if (metrics.requests - before.metrics.requests !== 1) problems.push(`gateway_requests_total went up by ${metrics.requests - before.metrics.requests}`);
      const viaRoute = call.name in ROUTES ? 1 : 0;
      if (metrics.routeRequests - before.metrics.routeRequests !== viaRoute) problems.push(`gateway_route_requests_total went up by ${metrics.routeRequests - before.metrics.routeRequests}`);
      const stillInFlight = endRequestsInFlight(1_000);
      if (stillInFlight !== 0) problems.push(`${stillInFlight} requests still in flight`);

      const after = upstreamCalls();
      for (const name of ENDPOINTS) {
        const fresh = after[name].slice(before.calls[name].length);
        const open = (await Promise.all(fresh.map((closed) => within(closed, Math.max(0, answeredAt + ORPHAN_MS - Date.now()))))).filter((closed) => !closed).length;
        if (open > 0) problems.push(`${open} ${name} upstream connections still open ${ORPHAN_MS} ms after the client's answer`);
      }
      const counted = await countedCalls();
      const destinations: readonly string[] = ROUTES[call.name] ?? [call.name];
      for (const name of ENDPOINTS) {
        const reached = after[name].length > before.calls[name].length;
        const delta = counted[name] - before.counted[name];
        const allowed = !destinations.includes(name) ? [0] : reached ? [1] : [0, 1];
        if (!allowed.includes(delta)) problems.push(`${name}'s calls limit counted ${delta}`);
      }

      const alive = await fetch(`${gateway.url}/endpoints/alive/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'ping' }] }), signal: AbortSignal.timeout(HANG_MS) }).catch((error: Error) => error);
      if (alive instanceof Error || alive.status !== 200) problems.push(`the next request got ${alive instanceof Error ? alive.message : alive.status}`);
      else await alive.text();
      const late = ENDPOINTS.filter((name) => upstreamCalls()[name].length > after[name].length);
      if (late.length > 0) problems.push(`attempts started after the client's answer: ${late.join(', ')}`);

      if (problems.length > 0) findings.push({ run: { call, client, faults, pauseMs, outcome }, problems });
    }),
    { seed: SEED, numRuns: RUNS },
  );
  expect(findings).toEqual([]);
});
