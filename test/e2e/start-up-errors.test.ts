/**
 * What an operator sees when the gateway cannot start: a negative number given to a flag is named
 * (exit 2, as the CLI's other argument errors in cli.test.ts); an address it cannot listen on is one
 * log line naming the address and the cause, with no stack trace (exit 1).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { SOON_MS, within, WORKERS_TEST_MS } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-start-up-'));
const configPath = join(directory, 'config.yaml');
writeFileSync(configPath, 'endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n');

let taken: Server;
let takenPort: number;
beforeAll(async () => {
  taken = createServer();
  takenPort = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
});
afterAll(() => taken.close());

async function failedStart(args: string[]): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const run = runCli(['--config-path', configPath, ...args]);
  const code = await within(run.exited, run.startMs, 'the gateway exiting');
  const lines = run.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines };
}

const USAGE = 'usage: npm start -- --config-path <config.yaml> [--host 127.0.0.1] [--port 5000] [--workers 1]';

test.each([
  [['--workers', '-1'], "--workers must not be negative, got '-1'"],
  [['--port', '-5', '--workers', '2'], "--port must not be negative, got '-5'"],
])('a negative number (%p) exits 2 naming the flag and the value, not as an ambiguous argument', async (args, message) => {
  const run = runCli(['--config-path', configPath, ...args]);
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(2);
  expect(run.output()).toBe(`${message}\n${USAGE}\n`);
});

test('a port already in use: one error line naming the address and the cause, no stack, exit 1', async () => {
  const { code, lines } = await failedStart(['--port', String(takenPort)]);
  expect(code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 50, code: 'EADDRINUSE', msg: `cannot listen on 127.0.0.1:${takenPort}: the port is already in use (another process listens on it) (EADDRINUSE)` });
  expect(lines[0]).not.toHaveProperty('err');
});

test('a --host that is not an address of this machine: one error line naming it, no stack, exit 1', async () => {
  // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it, and binding sends nothing.
  const { code, lines } = await failedStart(['--host', '192.0.2.1', '--port', '5000']);
  expect(code).toBe(1);
  expect(lines).toEqual([expect.objectContaining({ msg: "cannot listen on 192.0.2.1:5000: the address is not one of this machine's (--host) (EADDRNOTAVAIL)" })]);
});

test('with --workers 2 a port in use: each worker says why in one line without a stack, and the primary stops; exit 1', async () => {
  const { code, lines } = await failedStart(['--port', String(takenPort), '--workers', '2']);
  expect(code).toBe(1);
  const why = `cannot listen on 127.0.0.1:${takenPort}: the port is already in use (another process listens on it) (EADDRINUSE)`;
  expect(lines.filter((line) => line.msg === why).length).toBeGreaterThanOrEqual(1);
  expect(lines.filter((line) => 'err' in line)).toEqual([]);
  expect(lines.map((line) => line.msg)).toContain(`no worker can listen on 127.0.0.1:${takenPort}; stopping`);
}, WORKERS_TEST_MS);
