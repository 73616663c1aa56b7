/**
 * SIGTERM while requests wait on the rate-limit store before their provider call (a Redis that stopped
 * answering, which each wait gives `timeout_ms`): at server.shutdown_timeout they end with the drain's
 * 503 and their audit lines, as requests in flight do, rather than having their connections cut.
 * (The drain itself: cli-shutdown.test.ts; bodies still arriving: shutdown-slow-readers.test.ts.)
 */
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { configFolder } from '../support/cli-configs';
import { startRedis, startRedisRelay } from '../support/redis';
import { sequentialStartsTestMs, SOON_MS, within } from '../support/timeouts';

jest.setTimeout(sequentialStartsTestMs({ redisServers: 1, gateways: 1 }));

const { writeConfig } = configFolder('gateway-store-waits-');

const KEYS = { plain: 'gw-plain-key-0123456789', limited: 'gw-limited-key-0123456789' };
const ECHO = '{ provider: mock, name: echo, config: { latency_ms: 1 } }';

/** A key whose own limit is checked before the call, and an endpoint whose limit is checked once the call has begun; each wait outlasts the drain. */
function config(redisPort: number): string {
  return `
rate_limit_store: { type: redis, url: "redis://127.0.0.1:${redisPort}", timeout_ms: 10000 }
endpoints:
  - { name: echo, endpoint_type: llm/v1/chat, model: ${ECHO} }
  - { name: limited-echo, endpoint_type: llm/v1/chat, model: ${ECHO}, limit: { calls: 100, renewal_period: minute } }
auth:
  api_keys:
    - { name: plain, key: ${KEYS.plain} }
    - { name: limited, key: ${KEYS.limited}, limit: { calls: 100, renewal_period: minute } }
server: { shutdown_timeout: 0.5 }
`;
}

/** A chat request (on /v1, to `echo`): its status and JSON body, or why it got none. */
async function chat(url: string, path: string, key: string, requestId: string): Promise<{ status: number; body: unknown } | { failed: string }> {
  const body = JSON.stringify({ ...(path.startsWith('/v1/') && { model: 'echo' }), messages: [{ role: 'user', content: 'Bonjour' }] });
  try {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': requestId }, body });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    return { failed: String((error as Error).cause ?? error) };
  }
}

function requestLine(run: CliRun, requestId: string): Record<string, unknown> | undefined {
  const lines = run.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return lines.find((line) => line.request_id === requestId && (line.msg === 'request' || line.msg === 'request aborted by the client'));
}

/** How many times the gateway has sent Redis a hit on the counters of `tag` (a hash tag: `{endpoint}`, `{client:key}`). */
const hitsOn = (sent: string, tag: string) => sent.split(`llm-gateway:rate-limit:${tag}:calls:`).length - 1;

test("requests waiting on a stalled rate-limit store at server.shutdown_timeout get the 503 in their route family's shape, with their audit lines", async () => {
  const redis = await startRedis();
  const relay = await startRedisRelay(redis.port);
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const run = runCli(['--config-path', writeConfig('waits.yaml', config(relay.port)), '--port', String(port)]);
    await waitForHealth(url, run);
    // Counted while Redis answers: the store is connected, its script loaded. Then Redis stops answering.
    expect(await chat(url, '/v1/chat/completions', KEYS.limited, 'counted')).toMatchObject({ status: 200 });
    relay.stall();
    const waiting = [chat(url, '/v1/chat/completions', KEYS.limited, 'wait-key'), chat(url, '/endpoints/limited-echo/invocations', KEYS.plain, 'wait-endpoint')];
    const bothWaiting = async () => {
      while (hitsOn(relay.sent(), '{client:limited}') < 2 || hitsOn(relay.sent(), '{limited-echo}') < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await within(bothWaiting(), SOON_MS, "both requests' limit checks reaching Redis");
    run.child.kill('SIGTERM');
    expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
    const message = 'The gateway is shutting down and this request did not finish within 0.5 s (server.shutdown_timeout); send it again.';
    expect(await Promise.all(waiting)).toEqual([
      { status: 503, body: { error: { message, type: 'server_error', param: null, code: 'shutting_down' } } },
      { status: 503, body: { detail: message } },
    ]);
    for (const requestId of ['wait-key', 'wait-endpoint']) expect(requestLine(run, requestId)).toMatchObject({ msg: 'request', status: 503, error: { code: 'shutting_down' } });
    expect(run.output()).toContain('"msg":"shut down: 2 ended at server.shutdown_timeout; exiting 0"');
  } finally {
    await relay.close();
    await redis.stop();
  }
});
