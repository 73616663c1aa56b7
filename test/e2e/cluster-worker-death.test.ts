/**
 * `--workers`: a worker that dies while the primary is busy. Until the primary reads the end of
 * the worker's IPC channel the worker still looks connected, so the primary may answer a message
 * the worker sent just before it died; that answer fails (EPIPE) and must not end the primary,
 * which would take every other worker, and the whole deployment, down with it.
 * (Seen in a soak run: a hot reload at the moment a worker was killed; reproduced here exactly
 * with a worker that asks and dies at once, through the built gateway's primary-side code.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist');
const PRIMARY = join(__dirname, '..', 'support', 'cluster-primary', 'primary.js');

/** Runs the primary with a worker that sends `message` and dies; resolves with its exit code and output. */
function runPrimary(message: object): Promise<{ code: number | null; output: string }> {
  const configPath = join(mkdtempSync(join(tmpdir(), 'gateway-cluster-')), 'config.yaml');
  const child = spawn(process.execPath, [PRIMARY, DIST, configPath, JSON.stringify(message)], { env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

test('the primary survives answering the config request of a worker that died right after sending it', async () => {
  const { code, output } = await runPrimary({ type: 'gateway:config-request' });
  expect(output).not.toContain('EPIPE');
  expect({ code, output: output.trim() }).toEqual({ code: 0, output: 'primary still alive' });
});

test('the primary survives a metrics request whose collection asks a worker that has just died', async () => {
  const { code, output } = await runPrimary({ type: 'gateway:metrics-request', id: 1 });
  expect(output).not.toContain('EPIPE');
  expect({ code, output: output.trim() }).toEqual({ code: 0, output: 'primary still alive' });
});
