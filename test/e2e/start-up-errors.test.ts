/**
 * What an operator sees when the gateway cannot start: a negative number given to a flag is named
 * (exit 2, as the CLI's other argument errors in cli-start.test.ts); an address it cannot listen on is one
 * log line naming the address and the cause, with no stack trace (exit 1).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliToExit, type CliExit } from '../support/cli';
import { startSideBySideByName } from '../support/side-by-side';
import { SIDE_BY_SIDE_TEST_MS, WORKERS_SIDE_BY_SIDE_TEST_MS } from '../support/timeouts';

// Every test awaits a run started side by side: a start that never ends fails with its own message
// (after its budget, which counts the runs beside it), not with jest's timeout.
jest.setTimeout(SIDE_BY_SIDE_TEST_MS);

const directory = mkdtempSync(join(tmpdir(), 'gateway-start-up-'));
const configPath = join(directory, 'config.yaml');
writeFileSync(configPath, 'endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n');

const USAGE = 'usage: npm start -- --config-path <config.yaml> [--host 127.0.0.1] [--port 5000] [--workers 1]';

/**
 * The CLI on the config with `args`, until it exits, as one of the runs side by side. A flag refused
 * before any config is read still comes after every module has loaded, most of a start.
 */
const failedStart = (args: string[]) => () => runCliToExit(['--config-path', configPath, ...args], {}, { sideBySide: true });

/** The log lines of a run, each parsed. */
const linesOf = ({ output }: CliExit) => output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * Every run, side by side, in the order of the tests. A port another server holds is one both runs
 * on it only fail to listen on, so they share it.
 */
function startRuns(takenPort: number) {
  return startSideBySideByName({
    negativeWorkers: failedStart(['--workers', '-1']),
    negativePort: failedStart(['--port', '-5', '--workers', '2']),
    portInUse: failedStart(['--port', String(takenPort)]),
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it, and binding sends nothing.
    hostNotOfThisMachine: failedStart(['--host', '192.0.2.1', '--port', '5000']),
    workersOnPortInUse: failedStart(['--port', String(takenPort), '--workers', '2']),
  });
}

let taken: Server;
let takenPort: number;
let runs: ReturnType<typeof startRuns>;
beforeAll(async () => {
  taken = createServer();
  takenPort = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
  runs = startRuns(takenPort);
});
afterAll(async () => {
  // A test left out (jest -t) leaves its run going: it must not find the port free.
  await Promise.allSettled(Object.values(runs));
  taken.close();
}, WORKERS_SIDE_BY_SIDE_TEST_MS);

// The second run has --workers, so it gets the budget of a start with workers.
test.each([
  [['--workers', '-1'], "--workers must not be negative, got '-1'", 'negativeWorkers'],
  [['--port', '-5', '--workers', '2'], "--port must not be negative, got '-5'", 'negativePort'],
] as const)('a negative number (%p) exits 2 naming the flag and the value, not as an ambiguous argument', async (_args, message, name) => {
  const { code, output } = await runs[name];
  expect(code).toBe(2);
  expect(output).toBe(`${message}\n${USAGE}\n`);
}, WORKERS_SIDE_BY_SIDE_TEST_MS);

test('a port already in use: one error line naming the address and the cause, no stack, exit 1', async () => {
  const run = await runs.portInUse;
  const lines = linesOf(run);
  expect(run.code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 50, code: 'EADDRINUSE', msg: `cannot listen on 127.0.0.1:${takenPort}: the port is already in use (another process listens on it) (EADDRINUSE)` });
  expect(lines[0]).not.toHaveProperty('err');
});

test('a --host that is not an address of this machine: one error line naming it, no stack, exit 1', async () => {
  const run = await runs.hostNotOfThisMachine;
  expect(run.code).toBe(1);
  expect(linesOf(run)).toEqual([expect.objectContaining({ msg: "cannot listen on 192.0.2.1:5000: the address is not one of this machine's (--host) (EADDRNOTAVAIL)" })]);
});

test('with --workers 2 a port in use: each worker says why in one line without a stack, and the primary stops; exit 1', async () => {
  const run = await runs.workersOnPortInUse;
  const lines = linesOf(run);
  expect(run.code).toBe(1);
  const why = `cannot listen on 127.0.0.1:${takenPort}: the port is already in use (another process listens on it) (EADDRINUSE)`;
  expect(lines.filter((line) => line.msg === why).length).toBeGreaterThanOrEqual(1);
  expect(lines.filter((line) => 'err' in line)).toEqual([]);
  expect(lines.map((line) => line.msg)).toContain(`no worker can listen on 127.0.0.1:${takenPort}; stopping`);
}, WORKERS_SIDE_BY_SIDE_TEST_MS);
