/**
 * `http_server_active_requests`: the requests being served, up while an upstream holds their answer
 * (or their body is still arriving), and down again once each response has closed: answered, failed,
 * refused (a 4xx, a 413 before the body), left by its client, or ended by a shutdown's drain; and with
 * `--workers 2`, summed over the workers.
 */
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { endRequestsInFlight } from '../../src/server/in-flight';
import { freePort, runCli, type CliRun } from '../support/cli';
import { configFolder } from '../support/cli-configs';
import { startGateway, type RunningGateway } from '../support/gateway';
import { heldEndpoint, startHeldUpstream, type HeldUpstream } from '../support/held-upstream';
import { sample, scrape } from '../support/metrics';
import { waitForMatches } from '../support/output-matches';
import { SOON_MS, within, WORKERS_START_MS, WORKERS_TEST_MS } from '../support/timeouts';


const active = (text: string, method = 'POST') => sample(text, 'http_server_active_requests', { http_request_method: method }) ?? 0;

/**
 * Scrapes until `expected` POSTs are active: a response's 'close' comes a moment after its client
 * has read it. Fails with the last count after SOON_MS, as a request never counted down stays.
 */
async function waitForActive(url: string, expected: number): Promise<void> {
  const deadline = Date.now() + SOON_MS;
  for (;;) {
    const count = active(await scrape(url));
    if (count === expected) return;
    if (Date.now() > deadline) throw new Error(`http_server_active_requests{http_request_method="POST"} stayed ${count}, not ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once `count` requests with this user message have reached the upstream. */
async function arrivals(held: HeldUpstream, content: string, count: number): Promise<void> {
  const arrived = () => held.upstream.requests.filter((request) => (request.body as { messages: { content: string }[] }).messages[0].content === content).length;
  await within(
    (async () => {
      while (arrived() < count) await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
    WORKERS_START_MS,
    `${count} requests reaching the upstream`,
  );
}

const chat = (content: string, extra: Record<string, unknown> = {}) => JSON.stringify({ messages: [{ role: 'user', content }], ...extra });

describe('in one process', () => {
  let held: HeldUpstream;
  let gateway: RunningGateway;
  let post: (path: string, body: string, signal?: AbortSignal) => Promise<Response>;

  beforeAll(async () => {
    held = await startHeldUpstream();
    const closedPort = await freePort();
    gateway = await startGateway(`
endpoints:${heldEndpoint('held', held.upstream.url)}
  - name: unreachable
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-active-test, openai_api_base: "http://127.0.0.1:${closedPort}/v1" } }
    retries: { max_attempts: 1 }
server:
  max_body_size: 64kb
`);
    post = (path, body, signal) => fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
  });
  afterAll(async () => {
    await gateway.close();
    await held.upstream.close();
  });
  afterEach(() => waitForActive(gateway.url, 0));

  test('each request counts while it is served, by method, and not once its answer is sent; the scrape counts itself', async () => {
    const answers = [1, 2, 3].map(() => post('/endpoints/held/invocations', chat('served')));
    await arrivals(held, 'served', 3);
    const during = await scrape(gateway.url);
    expect(active(during)).toBe(3);
    expect(active(during, 'GET')).toBe(1);
    held.release('served');
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    await waitForActive(gateway.url, 0);
  });

  test('a client that leaves: while its answer is held, and after the first chunks of a stream', async () => {
    const leaving = new AbortController();
    const answer = post('/endpoints/held/invocations', chat('left waiting'), leaving.signal).catch((error: Error) => error.name);
    await held.arrival('left waiting');
    expect(active(await scrape(gateway.url))).toBe(1);
    leaving.abort();
    expect(await answer).toBe('AbortError');
    await waitForActive(gateway.url, 0);

    const stream = await post('/v1/chat/completions', JSON.stringify({ model: 'held', messages: [{ role: 'user', content: 'left streaming' }], stream: true }));
    const reader = stream.body!.getReader();
    expect(Buffer.from((await reader.read()).value!).toString()).toContain('data: ');
    expect(active(await scrape(gateway.url))).toBe(1);
    await reader.cancel();
    await waitForActive(gateway.url, 0);
  });

  test('refusals and failures: a 4xx before routing, a 413 before the body, a body cut off, a 502', async () => {
    expect((await post('/endpoints/held/invocations', '{"messages": ')).status).toBe(422);
    expect((await post('/endpoints/missing/invocations', chat('x'))).status).toBe(404);
    expect((await post('/endpoints/unreachable/invocations', chat('x'))).status).toBe(502);
    await waitForActive(gateway.url, 0);

    // A body declared over max_body_size: refused before any of it is read, and no longer counted
    // once answered, while its connection is still open.
    const { port } = new URL(gateway.url);
    const tooLarge = connect(Number(port), '127.0.0.1');
    const refusal = new Promise<string>((resolve) => {
      let text = '';
      tooLarge.on('data', (part: Buffer) => {
        text += part.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    tooLarge.write(`POST /endpoints/held/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024}\r\n\r\n`);
    expect(await within(refusal, SOON_MS, 'the 413')).toMatch(/^HTTP\/1\.1 413 /);
    await waitForActive(gateway.url, 0);
    tooLarge.destroy();

    // A body still arriving counts; its client gone, it no longer does.
    const cutOff = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => cutOff.on('connect', resolve));
    cutOff.write('POST /endpoints/held/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"messages": ');
    await waitForActive(gateway.url, 1);
    cutOff.destroy();
    await waitForActive(gateway.url, 0);
  });

  test('requests pipelined behind a held one, when their client leaves: their calls end too', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.on('connect', resolve));
    const body = chat('pipelined');
    socket.write(`POST /endpoints/held/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`.repeat(3));
    await arrivals(held, 'pipelined', 3);
    expect(active(await scrape(gateway.url))).toBe(3);
    const before = held.upstream.requests.length;
    socket.destroy();
    // Node emits no 'close' for a response still queued behind another when the connection closes.
    await waitForActive(gateway.url, 0);
    // Each held call was ended (the upstream saw no new request meanwhile).
    expect(held.upstream.requests.length).toBe(before);
  });

  test("a request a shutdown's drain answers with a 503", async () => {
    const answer = post('/endpoints/held/invocations', chat('drained'));
    await held.arrival('drained');
    expect(active(await scrape(gateway.url))).toBe(1);
    expect(endRequestsInFlight(1_000)).toBe(1);
    expect((await answer).status).toBe(503);
    await waitForActive(gateway.url, 0);
  });
});

describe('with --workers 2', () => {
  const { writeConfig } = configFolder('gateway-active-requests-');
  let held: HeldUpstream;
  let run: CliRun | undefined;
  afterAll(async () => {
    run?.child.kill('SIGTERM');
    await run?.exited;
    await held?.upstream.close();
  });

  /** A POST on a connection of its own, so that the cluster spreads them over the workers. */
  const postOnNewConnection = (url: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${url}/endpoints/held/invocations`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end(body);
    });

  test("any worker's /metrics answers with the requests every worker is serving", async () => {
    held = await startHeldUpstream();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    run = runCli(['--config-path', writeConfig('held.yaml', `endpoints:${heldEndpoint('held', held.upstream.url)}\n`), '--port', String(port), '--workers', '2']);
    await waitForMatches(run, /"msg":"gateway listening/, 2, run.startMs);
    const sent = 6;
    const answers = Array.from({ length: sent }, () => postOnNewConnection(url, chat('held by workers')));
    await arrivals(held, 'held by workers', sent);
    for (let scrapes = 0; scrapes < 3; scrapes += 1) {
      const text = await scrape(url);
      expect(active(text)).toBe(sent);
      // The scrape itself, in the worker that answers it.
      expect(active(text, 'GET')).toBe(1);
    }
    held.release('held by workers');
    expect(await Promise.all(answers)).toEqual(Array(sent).fill(200));
    // Both workers served some, or the sum above would prove nothing.
    const served = () => run!.output().split('\n').filter((line) => line.includes('"route":"/endpoints/{name}/invocations"'));
    await waitForMatches(run, /"route":"\/endpoints\/\{name\}\/invocations"/, sent);
    expect(new Set(served().map((line) => (JSON.parse(line) as { pid: number }).pid)).size).toBe(2);
    await waitForActive(url, 0);
  }, WORKERS_TEST_MS);
});
