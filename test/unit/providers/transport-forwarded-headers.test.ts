/**
 * The headers a call passes on from the client's request (`CallAbort.forwardedHeaders`: its trace
 * context) go with every kind of request of the shared HTTP transport, beside an access token taken
 * per request (Azure's Entra ID) too; a plain AbortSignal, or a call without them, sends none.
 */
import { CallAbort } from '../../../src/providers/abort';
import { openaiErrorMessage } from '../../../src/providers/openai';
import { closeAllPools, createUpstream, type UpstreamOptions } from '../../../src/providers/transport/http';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';

const TRACE = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'rojo=00f067aa0ba902b7' };

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream((request, response) => {
    if (request.url.endsWith('/stream')) sendStream(response, 'data: {"a":1}\n\n');
    else if (request.url.endsWith('/lines')) sendStream(response, '{"a":1}\n', 'application/stream+json');
    else sendJson(response, 200, { ok: true });
  });
});
beforeEach(() => {
  fake.requests.length = 0;
});
afterAll(async () => {
  await fake.close();
  await closeAllPools();
});

function upstreamWith(overrides: Partial<UpstreamOptions> = {}) {
  return createUpstream({
    baseUrl: fake.url,
    headers: { authorization: 'Bearer sk-static' },
    endpointName: 'traced',
    providerName: 'OpenAI',
    errorMessage: openaiErrorMessage,
    timeouts: TEST_TIMEOUTS,
    maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    ...overrides,
  });
}

function tracedCall(): CallAbort {
  const call = new CallAbort();
  call.forwardedHeaders = TRACE;
  return call;
}

/** A JSON request, an SSE stream and an NDJSON stream on `upstream`, each with `signal`. */
async function everyKind(upstream: ReturnType<typeof upstreamWith>, signal: () => CallAbort | AbortSignal): Promise<void> {
  await upstream.postJson('json', {}, { signal: signal() });
  for await (const event of upstream.postStream('stream', {}, { signal: signal() })) expect(event.data).toBe('{"a":1}');
  for await (const event of upstream.postNdjson('lines', {}, { signal: signal() })) expect(event.data).toBe('{"a":1}');
}

const sent = () => fake.requests.map(({ headers }) => ({ authorization: headers.authorization, traceparent: headers.traceparent, tracestate: headers.tracestate }));

test('JSON, SSE and NDJSON requests carry the headers beside the provider headers', async () => {
  await everyKind(upstreamWith(), tracedCall);
  expect(sent()).toEqual(Array(3).fill({ authorization: 'Bearer sk-static', ...TRACE }));
});

test('beside an access token taken per request', async () => {
  await everyKind(upstreamWith({ headers: {}, accessToken: async () => 'entra-token' }), tracedCall);
  expect(sent()).toEqual(Array(3).fill({ authorization: 'Bearer entra-token', ...TRACE }));
});

test('a call without them, or a plain AbortSignal, sends none', async () => {
  await everyKind(upstreamWith(), () => new CallAbort());
  await everyKind(upstreamWith(), () => new AbortController().signal);
  expect(sent()).toEqual(Array(6).fill({ authorization: 'Bearer sk-static', traceparent: undefined, tracestate: undefined }));
});
