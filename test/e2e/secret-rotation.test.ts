/**
 * Secret rotation as an operator does it without touching the watched file: the config is edited to
 * name a new secret file. The new file is read and watched from then on; no key is ever logged.
 * (A rotated file under the same path, the Kubernetes way, is in hot-reload-workers.test.ts.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { SOON_MS } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-secret-rotation-'));
const configPath = join(directory, 'config.yaml');

function writeConfig(keyFile: string): void {
  writeFileSync(configPath, `endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\nauth:\n  api_keys:\n    - { name: app, key: ${keyFile} }\n`);
}

async function statusWith(url: string, key: string): Promise<number> {
  return (await fetch(`${url}/api/2.0/endpoints/`, { headers: { authorization: `Bearer ${key}` } })).status;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; !(await check()); ) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${SOON_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let run: CliRun | undefined;
afterEach(async () => {
  run?.child.kill('SIGTERM');
  await run?.exited;
});

test('a config edit naming a new key file serves that key, and a later change of the new file is picked up too', async () => {
  writeFileSync(join(directory, 'old.key'), 'gw-rotation-old-0001\n');
  writeFileSync(join(directory, 'new.key'), 'gw-rotation-new-0002\n');
  writeConfig('./old.key');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  run = runCli(['--config-path', configPath, '--port', String(port)]);
  await waitForHealth(url, run);
  expect(await statusWith(url, 'gw-rotation-old-0001')).toBe(200);

  writeConfig('./new.key');
  await until(async () => (await statusWith(url, 'gw-rotation-new-0002')) === 200, 'the new key file being served');
  expect(await statusWith(url, 'gw-rotation-old-0001')).toBe(401);

  // The new file is watched now: rotating it needs no further edit of the config.
  writeFileSync(join(directory, 'new.key'), 'gw-rotation-next-0003\n');
  await until(async () => (await statusWith(url, 'gw-rotation-next-0003')) === 200, 'the rotated new key file being served');
  expect(await statusWith(url, 'gw-rotation-new-0002')).toBe(401);
  expect(run.output()).toContain(`(secret file ${join(directory, 'new.key')} changed)`);
  expect(run.output()).not.toContain('gw-rotation-');
});
