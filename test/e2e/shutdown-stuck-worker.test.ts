/**
 * Workers that do not end their drain themselves under --workers: one whose event loop is blocked
 * (here a plugin's busy loop) never handles its SIGTERM, and the primary must not wait for it for
 * ever, but kill it once its drain should have ended; one that dies while draining (a crash, the
 * OOM killer) may have lost requests. Either way the gateway exits 1, for an orchestrator to see.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, runCli, waitForOutput } from '../support/cli';
import { heldEndpoint, startHeldUpstream } from '../support/held-upstream';
import { createProject, installProviderPackage } from '../support/plugin-packages';
import { SOON_MS, within, WORKERS_TEST_MS } from '../support/timeouts';

// Busy for a minute, far past the shutdown the test waits for; bounded so that nothing outlives a failed run for long.
const BLOCKING_ADAPTER = `module.exports = {
  displayName: 'Blocking',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      async chat() {
        for (const end = Date.now() + 60000; Date.now() < end; );
        throw new Error('unblocked');
      },
    };
  },
};
`;

async function until(check: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; !check(); ) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${SOON_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('with --workers 2, a worker stuck in a busy loop is killed after server.shutdown_timeout + 6 s, said in the log, and the gateway exits 1', async () => {
  const project = createProject('gateway-stuck-worker-');
  installProviderPackage(project, { packageName: 'blocking-provider', provider: 'blocking', source: BLOCKING_ADAPTER });
  const configPath = join(project, 'config.yaml');
  writeFileSync(configPath, 'plugins: [blocking-provider]\nendpoints:\n  - { name: stuck, endpoint_type: llm/v1/chat, model: { provider: blocking } }\nserver: { shutdown_timeout: 1 }\n');
  const port = await freePort();
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2'], { LOG_LEVEL: 'debug' });
  await waitForOutput(run, (output) => (output.match(/gateway listening/g) ?? []).length === 2, 'both workers listening', run.startMs);
  const stuck = fetch(`http://127.0.0.1:${port}/endpoints/stuck/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[{"role":"user","content":"hi"}]}' }).catch(() => undefined);
  await until(() => run.output().includes('"path":"/endpoints/stuck/invocations"'), 'the request reaching a worker');

  const signalled = Date.now();
  run.child.kill('SIGTERM');
  expect(await within(run.exited, 15_000, 'the gateway exiting')).toBe(1);
  // shutdown_timeout 1 s + 1 s for the last answers + 5 s of grace.
  expect(Date.now() - signalled).toBeGreaterThanOrEqual(6_900);
  expect(run.output()).toMatch(/"msg":"worker \d+ did not exit within 7 s of SIGTERM \(server.shutdown_timeout \+ 6 s\); killing it"/);
  expect(run.output()).toContain('"msg":"shut down: every worker has exited; exiting 1"');
  await stuck;
}, WORKERS_TEST_MS + 10_000);

test('with --workers 2, a worker killed while it drains makes the gateway exit 1, saying so; the other drains and exits 0', async () => {
  const held = await startHeldUpstream();
  const project = createProject('gateway-killed-worker-');
  const configPath = join(project, 'config.yaml');
  writeFileSync(configPath, `endpoints:${heldEndpoint('held', held.upstream.url)}\nserver: { shutdown_timeout: 30 }\n`);
  const port = await freePort();
  // Debug level logs each request as it arrives, with the pid of the worker that has it.
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2'], { LOG_LEVEL: 'debug' });
  try {
    await waitForOutput(run, (output) => (output.match(/gateway listening/g) ?? []).length === 2, 'both workers listening', run.startMs);
    const lines = () => run.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { pid: number; msg: string; path?: string });
    const answer = fetch(`http://127.0.0.1:${port}/endpoints/held/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[{"role":"user","content":"held"}]}' }).catch(() => undefined);
    await held.arrival('held');
    const busy = lines().find((line) => line.msg === 'request received' && line.path === '/endpoints/held/invocations')!.pid;
    run.child.kill('SIGTERM');
    await until(() => lines().some((line) => line.pid === busy && line.msg.startsWith('shutting down: finishing in-flight requests')), 'the busy worker draining');
    process.kill(busy, 'SIGKILL');
    expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(1);
    expect(run.output()).toContain(`"msg":"worker ${busy} ended by SIGKILL while draining; the gateway will exit 1"`);
    expect(run.output().match(/"msg":"shut down: every request finished; exiting 0"/g)).toHaveLength(1);
    expect(run.output()).toContain('"msg":"shut down: every worker has exited; exiting 1"');
    await answer;
  } finally {
    await held.upstream.close();
  }
}, WORKERS_TEST_MS);
