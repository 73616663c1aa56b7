import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openaiErrorMessage } from '../../../src/providers/openai';
import { closeAllPools, createUpstream } from '../../../src/providers/transport/http';
import { collectGarbage } from '../../support/garbage';
import { sendJson } from '../../support/fake-upstream';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';

afterAll(async () => {
  await closeAllPools();
});

/** A server that reads and drops each body (a recording fake would hold it on this heap), then waits for the test to answer. */
async function holdingServer() {
  let held: ServerResponse[] = [];
  let arrived = (): void => {};
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      held.push(response);
      arrived();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Resolves once the next body has arrived whole. */
    arrival: () => new Promise<void>((resolve) => (arrived = resolve)),
    answer: () => {
      held.forEach((response) => sendJson(response, 200, { ok: true }));
      held = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('while a call waits for its answer, the JSON text of its body is not held on the heap (2 bytes a character beyond Latin-1)', async () => {
  const server = await holdingServer();
  const upstream = createUpstream({ baseUrl: `${server.url}/v1`, headers: {}, endpointName: 'chat', providerName: 'OpenAI', errorMessage: openaiErrorMessage, timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES });
  // A first call, so that the heap measured does not hold the code and caches a first call makes.
  const warmedUp = server.arrival();
  const warmUp = upstream.postJson('/chat/completions', { messages: [] }, { signal: new AbortController().signal });
  await warmedUp;
  server.answer();
  await warmUp;
  // Its JSON text takes 4 MB of heap. Decoded, so that the text is flat: serialising `repeat`'s pieces would flatten them then, on the heap measured.
  const body = { messages: [{ role: 'user', content: Buffer.from('→'.repeat(2_000_000)).toString() }] };
  await collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const arrived = server.arrival();
  const call = upstream.postJson('/chat/completions', body, { signal: new AbortController().signal });
  await arrived;
  await collectGarbage();
  const heldDuringCall = process.memoryUsage().heapUsed - before;
  server.answer();
  await expect(call).resolves.toEqual({ ok: true });
  await server.close();
  expect(heldDuringCall).toBeLessThan(1_000_000);
});
