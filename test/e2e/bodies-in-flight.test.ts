/**
 * `server.max_in_flight_body_size`, over real HTTP: the bytes of request bodies one process holds
 * at once, from a body's first byte until its answer ends, are bounded; a request past the bound gets
 * a 503 with `Retry-After` before its body is read, instead of the process running out of memory.
 * The held upstream keeps calls waiting (a slow model) until the test answers them.
 */
import { startHeldUpstream, heldEndpoint, type HeldUpstream } from '../support/held-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';

/** Each test body is about 100 KB: two fit under the bound, a third does not. */
const BOUND = 250_000;
const FILLER = 'x'.repeat(100_000);

let held: HeldUpstream;
let gateway: RunningGateway;
beforeAll(async () => {
  held = await startHeldUpstream();
  gateway = await startGateway(`
server: { max_body_size: 200kb, max_in_flight_body_size: ${BOUND} }
endpoints:${heldEndpoint('chat', held.upstream.url)}
`);
});
afterAll(async () => {
  await gateway.close();
  await held.upstream.close();
});

/** The held upstream answers by the first message's text; the second carries the bulk. */
const chatBody = (name: string, filler = FILLER) => JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: name }, { role: 'user', content: filler }] });

async function chat(name: string, init: RequestInit = {}, path = '/v1/chat/completions') {
  const body = path === '/v1/chat/completions' ? chatBody(name) : chatBody(name).replace('"model":"chat",', '');
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
}

/** Sends a chat call and waits until the upstream has it (its body is held until its answer ends); then its answer to come. */
async function waiting(name: string, init: RequestInit = {}): Promise<{ answer: ReturnType<typeof chat> }> {
  const arrived = held.arrival(name);
  const answer = chat(name, init);
  await arrived;
  return { answer };
}

const REFUSAL = {
  message: `The gateway holds as many request bodies as it may at once (server.max_in_flight_body_size: ${BOUND} bytes per process), so it cannot take this body of ${chatBody('third').length} bytes now; send it again in a moment.`,
  type: 'server_error',
  param: null,
  code: 'too_many_bodies_in_flight',
};

test('a body past the bound gets a 503 with Retry-After, on both route families; a smaller one still fits; answers ending give the bytes back', async () => {
  const first = await waiting('first');
  const second = await waiting('second');
  expect(await chat('third')).toEqual({ status: 503, retryAfter: '2', body: { error: REFUSAL } });
  const mlflow = await chat('third', {}, '/endpoints/chat/invocations');
  expect(mlflow.status).toBe(503);
  expect(mlflow.body.detail).toMatch(/^The gateway holds as many request bodies as it may at once \(server\.max_in_flight_body_size: 250000 bytes per process\)/);
  // Bytes are counted, not requests: a small body fits beside the two.
  held.release('small');
  const small = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody('small', 'x') });
  expect(small.status).toBe(200);
  held.release('first');
  held.release('second');
  expect((await first.answer).status).toBe(200);
  expect((await second.answer).status).toBe(200);
  held.release('third');
  expect((await chat('third')).status).toBe(200);
});

test('a client that leaves gives its body back; a chunked body counts as max_body_size, its size unknown until read', async () => {
  const leaving = new AbortController();
  const left = await waiting('leaving', { signal: leaving.signal });
  const staying = await waiting('staying');
  leaving.abort();
  await expect(left.answer).rejects.toThrow();
  // Given back once its response closes: the next body fits as soon as the gateway has seen the client go.
  held.release('after');
  let after = await chat('after');
  for (let attempt = 0; after.status === 503 && attempt < 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = await chat('after');
  }
  expect(after.status).toBe(200);
  // 100 KB held ('staying') and 200 KB for a chunked body of a few bytes: past the bound.
  const chunks = new Blob([chatBody('chunked', 'x')]).stream();
  const chunked = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
  expect(chunked.status).toBe(503);
  expect(((await chunked.json()) as { error: { message: string } }).error.message).toContain('cannot take this body of 204800 bytes now');
  held.release('staying');
  expect((await staying.answer).status).toBe(200);
});
