/**
 * SIGTERM while `GET` and `DELETE /v1/responses/{id}` wait on the response store, which under --workers
 * is the cluster primary's (a worker waits up to 1 s for its answer): at server.shutdown_timeout they
 * end with the drain's 503, as LLM requests in flight do (shutdown-store-waits.test.ts), and the drain
 * counts them. The primary is stopped (SIGSTOP) so that the store holds them; the workers get the SIGTERM.
 */
import { Agent, request as httpRequest } from 'node:http';
import { freePort, runCli, waitForOutput } from '../support/cli';
import { configFolder } from '../support/cli-configs';
import { SOON_MS, within, WORKERS_TEST_MS } from '../support/timeouts';

const { writeConfig } = configFolder('gateway-response-store-waits-');

interface LogLine {
  pid: number;
  msg: string;
  request_id?: string;
  status?: number;
  requests_ended?: number;
  error?: { code?: string };
}

/** One request on `agent` (whose kept connection the worker already has): its status and body, or why it got none. */
function send(agent: Agent, port: number, method: string, path: string, requestId: string): Promise<{ status: number; body: unknown } | { failed: string }> {
  return new Promise((resolve) => {
    const outgoing = httpRequest({ agent, host: '127.0.0.1', port, method, path, headers: { 'x-request-id': requestId } }, (incoming) => {
      let text = '';
      incoming.on('data', (part: Buffer) => (text += part.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, body: JSON.parse(text) as unknown }));
      incoming.on('error', (error) => resolve({ failed: String(error) }));
    });
    outgoing.on('error', (error) => resolve({ failed: String(error) }));
    outgoing.end();
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; !check(); ) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${SOON_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('GET and DELETE /v1/responses/{id} waiting on the primary at server.shutdown_timeout get the drain\'s 503, with their audit lines', async () => {
  const port = await freePort();
  const configPath = writeConfig('store-waits.yaml', 'endpoints:\n  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }\nserver: { shutdown_timeout: 0.2 }\n');
  // Debug level logs each request as it arrives; its own process group, so that the primary and its worker go together at the end.
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2'], { LOG_LEVEL: 'debug' }, { detached: true });
  const lines = () => run.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);
  const primary = run.child.pid!;
  const agents = [new Agent({ keepAlive: true, maxSockets: 1 }), new Agent({ keepAlive: true, maxSockets: 1 })];
  try {
    await waitForOutput(run, (output) => (output.match(/gateway listening/g) ?? []).length === 2, 'both workers listening', run.startMs);
    const workers = lines().filter((line) => line.msg.startsWith('gateway listening')).map((line) => line.pid);
    // Each agent's connection is handed to a worker while the primary runs; the store's questions then go unanswered.
    for (const [index, agent] of agents.entries()) expect(await send(agent, port, 'GET', '/health', `health-${index}`)).toMatchObject({ status: 200 });
    process.kill(primary, 'SIGSTOP');
    const waiting = [send(agents[0], port, 'GET', '/v1/responses/resp_held', 'wait-get'), send(agents[1], port, 'DELETE', '/v1/responses/resp_held', 'wait-delete')];
    await until(() => ['wait-get', 'wait-delete'].every((id) => lines().some((line) => line.msg === 'request received' && line.request_id === id)), 'both requests reaching a worker');
    for (const worker of workers) process.kill(worker, 'SIGTERM');
    const message = 'The gateway is shutting down and this request did not finish within 0.2 s (server.shutdown_timeout); send it again.';
    const shuttingDown = { status: 503, body: { error: { message, type: 'server_error', param: null, code: 'shutting_down' } } };
    expect(await within(Promise.all(waiting), SOON_MS, 'both answers')).toEqual([shuttingDown, shuttingDown]);
    const lastWords = () => lines().filter((line) => line.msg.startsWith('shut down: '));
    await until(() => lastWords().length === 2, "both workers' last words");
    for (const requestId of ['wait-get', 'wait-delete']) expect(lines().find((line) => line.request_id === requestId && line.msg === 'request')).toMatchObject({ status: 503, error: { code: 'shutting_down' } });
    expect(lastWords().reduce((ended, line) => ended + line.requests_ended!, 0)).toBe(2);
  } finally {
    for (const agent of agents) agent.destroy();
    if (run.child.exitCode === null) {
      process.kill(-primary, 'SIGKILL');
      process.kill(-primary, 'SIGCONT');
    }
    await run.exited;
  }
}, WORKERS_TEST_MS);
