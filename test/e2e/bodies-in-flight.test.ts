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

/** The held upstream answers by the first message's text (each test's own: a name released stays released); the second carries the bulk. */
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

/** A chat request as the held upstream answers it (by its first message), whose one tool's JSON Schema holds an `enum` of `{}` filling about `bytes`. */
const tinyContainersBody = (name: string, bytes: number) => {
  const start = `{"model":"chat","messages":[{"role":"user","content":"${name}"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","enum":[`;
  const end = ']}}}]}';
  return `${start}${Array<string>(Math.floor((bytes - start.length - end.length + 1) / 3)).fill('{}').join(',')}${end}`;
};

/** An ordinary chat request of exactly `bytes`: its text in the second message. */
const ordinaryBody = (name: string, bytes: number) => chatBody(name, 'x'.repeat(bytes - chatBody(name, '').length));

async function post(body: string, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { error?: { code: string; message: string } } };
}

/** The parsed size a 503 names, from `cannot take this body of N bytes (about M once parsed: …)`. */
const parsedSizeNamed = (message: string | undefined, bytes: number) => Number(new RegExp(`cannot take this body of ${bytes} bytes \\(about (\\d+) once parsed: many small arrays, objects or values\\) now`).exec(message ?? '')?.[1]);

test('a body of tiny objects counts what it takes once parsed: beside a held body it gets the 503 that its bytes alone would not, an ordinary body of its size is taken; all it held is given back', async () => {
  const first = await waiting('held first');
  // 100 KB held, 100 KB more fit under 250,000 bytes; parsed, 33,000 `{}` take about 2 MB of heap.
  const tiny = tinyContainersBody('tiny', 100_000);
  const ordinary = ordinaryBody('ordinary', tiny.length);
  held.release('tiny');
  held.release('ordinary');
  expect((await post(ordinary)).status).toBe(200);
  const refused = await post(tiny);
  expect({ status: refused.status, retryAfter: refused.retryAfter, code: refused.body.error?.code }).toEqual({ status: 503, retryAfter: '2', code: 'too_many_bodies_in_flight' });
  expect(parsedSizeNamed(refused.body.error?.message, tiny.length)).toBeGreaterThan(20 * tiny.length);
  // The refused body gave back what it held: an ordinary one still fits beside the first.
  expect((await post(ordinary)).status).toBe(200);
  held.release('held first');
  expect((await first.answer).status).toBe(200);
  // Alone it is taken, as any body max_body_size allows; once answered, it has given back all it held: two bodies fit again.
  expect((await post(tiny)).status).toBe(200);
  const again = [await waiting('again 1'), await waiting('again 2')];
  held.release('again 1');
  held.release('again 2');
  expect(await Promise.all(again.map(async ({ answer }) => (await answer).status))).toEqual([200, 200]);
});

test('a chunked body (read by body-parser) counts what it takes once parsed when that is more than max_body_size', async () => {
  const small = await waiting('held small', { body: chatBody('held small', 'x') } as RequestInit);
  const chunked = (body: string) => post('', { body: new Blob([body]).stream(), duplex: 'half' } as RequestInit);
  // 204,800 bytes held for it (max_body_size) beside the small body: under the bound; parsed, its 10,000 `{}` take more.
  const tiny = tinyContainersBody('chunked tiny', 30_000);
  held.release('chunked tiny');
  held.release('chunked ordinary');
  const refused = await chunked(tiny);
  expect({ status: refused.status, retryAfter: refused.retryAfter, code: refused.body.error?.code }).toEqual({ status: 503, retryAfter: '2', code: 'too_many_bodies_in_flight' });
  expect(parsedSizeNamed(refused.body.error?.message, tiny.length)).toBeGreaterThan(204_800);
  expect((await chunked(ordinaryBody('chunked ordinary', tiny.length))).status).toBe(200);
  held.release('held small');
  expect((await small.answer).status).toBe(200);
  expect((await chunked(tiny)).status).toBe(200);
});

test('a body in another charset counts what its text takes once parsed: UTF-16 bytes cannot hide its containers in what seemed a string', async () => {
  const first = await waiting('held beside utf-16');
  // In UTF-16 a backslash is followed by a 0 byte: read as bytes, the escaped quote seemed to end its string, and what follows seemed one.
  const tiny = tinyContainersBody('6\\" tall', 30_000);
  const utf16 = (body: string) => post('', { body: Buffer.from(body, 'utf16le'), headers: { 'content-type': 'application/json; charset=utf-16le' } });
  held.release('6" tall');
  held.release('utf-16 ordinary');
  expect((await utf16(ordinaryBody('utf-16 ordinary', 50_000))).status).toBe(200);
  const refused = await utf16(tiny);
  expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 503, code: 'too_many_bodies_in_flight' });
  expect(parsedSizeNamed(refused.body.error?.message, 2 * tiny.length)).toBeGreaterThan(20 * tiny.length);
  held.release('held beside utf-16');
  expect((await first.answer).status).toBe(200);
  expect((await utf16(tiny)).status).toBe(200);
});
