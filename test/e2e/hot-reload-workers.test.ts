/**
 * Hot reload through the CLI with --workers 2: every worker switches, a replacement worker starts on
 * the latest accepted config, a rotated secret file is reloaded by every worker, and a replacement
 * serves the secrets the primary accepted. (One process: hot-reload.test.ts.) Each test has a
 * gateway of its own, all started side by side before the tests (test/support/reload-gateways.ts).
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { CliRun } from '../support/cli';
import { chatEndpoint, configOf, freshConfig, freshDirectory, gatewaysPerTest, logLines, publish, RELOAD_WITHIN_MS, swapData, timeUntil, WORKERS } from '../support/reload-gateways';
import { WORKERS_TEST_MS } from '../support/timeouts';

jest.setTimeout(40_000);

/** Each test's gateway, by the test's name for it: what it starts on. */
const gatewayFor = gatewaysPerTest({
  workersSwitch: { args: WORKERS, prepare: () => freshConfig(configOf(chatEndpoint('alpha', 'model-one'))) },
  rotatedSecret: {
    args: WORKERS,
    prepare: () => {
      const directory = freshDirectory();
      const secrets = join(directory, 'secrets');
      mkdirSync(secrets);
      publish(secrets, '..2024_05_01_10_00_00.1', 'client.key', 'gw-key-first-0001\n');
      symlinkSync('..2024_05_01_10_00_00.1', join(secrets, '..data'));
      symlinkSync('..data/client.key', join(secrets, 'client.key'));
      const path = join(directory, 'config.yaml');
      writeFileSync(path, `${configOf(chatEndpoint('alpha', 'model-one'))}auth:\n  api_keys:\n    - { name: app, key: ./secrets/client.key }\n`);
      return { directory, path };
    },
  },
  acceptedSecret: {
    args: WORKERS,
    prepare: () => {
      const directory = freshDirectory();
      writeFileSync(join(directory, 'client.key'), 'gw-key-accepted-0001\n');
      const path = join(directory, 'config.yaml');
      writeFileSync(path, `${configOf(chatEndpoint('alpha', 'model-one'))}auth:\n  api_keys:\n    - { name: app, key: ./client.key }\n`);
      return { directory, path };
    },
  },
});

/** GET on a new connection each time, so the cluster spreads requests over the workers. */
function getOnNewConnection(url: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    request(`${url}/api/2.0/endpoints/`, { agent: false }, (response) => {
      let text = '';
      response.on('data', (data: Buffer) => (text += data.toString()));
      response.on('end', () => {
        const body = JSON.parse(text) as { endpoints: { name: string; model: { name: string } }[] };
        resolve(Object.fromEntries(body.endpoints.map((endpoint) => [endpoint.name, endpoint.model.name])));
      });
    })
      .on('error', reject)
      .end();
  });
}

async function manyOnNewConnections(url: string, count: number): Promise<Record<string, string>[]> {
  const answers: Record<string, string>[] = [];
  for (let index = 0; index < count; index += 1) answers.push(await getOnNewConnection(url));
  return answers;
}

function workerPids(run: CliRun): number[] {
  return logLines(run)
    .filter((line) => line.msg.startsWith('gateway listening'))
    .map((line) => line.pid);
}

test('with --workers 2 every worker switches, and a replacement worker starts on the latest accepted config', async () => {
  const { url, run, path } = await gatewayFor('workersSwitch');
  await timeUntil(() => workerPids(run).length === 2);
  const [firstWorker, secondWorker] = workerPids(run);

  const reloaded = { alpha: 'model-two', beta: 'model-beta' };
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-two'), chatEndpoint('beta', 'model-beta')));
  const switched = (pid: number) => logLines(run).some((line) => line.pid === pid && line.msg === 'worker switched to the reloaded config');
  const elapsed = await timeUntil(() => switched(firstWorker) && switched(secondWorker));
  expect(elapsed).toBeLessThan(RELOAD_WITHIN_MS);
  expect(await manyOnNewConnections(url, 40)).toEqual(Array(40).fill(reloaded));

  // A worker that dies after an invalid edit is replaced by one serving the last accepted config.
  writeFileSync(path, 'endpoints: [ {');
  await timeUntil(() => logLines(run).some((line) => line.level === 50 && line.msg.startsWith(`Invalid gateway configuration in ${path}`)), RELOAD_WITHIN_MS);
  process.kill(firstWorker, 'SIGKILL');
  await timeUntil(() => workerPids(run).length === 3, 10_000);
  expect(await manyOnNewConnections(url, 40)).toEqual(Array(40).fill(reloaded));
}, WORKERS_TEST_MS);

/** The status of a chat call with this client key, each on a new connection (spread over the workers). */
function statusWithKey(url: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] });
    request(`${url}/endpoints/alpha/invocations`, { method: 'POST', agent: false, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end(body);
  });
}

async function statusesWithKey(url: string, key: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push(await statusWithKey(url, key));
  return statuses;
}

test('a rotated secret file (a Kubernetes Secret update) is reloaded by every worker: the new client key works, the old one no longer does', async () => {
  const { url, run, directory, path } = await gatewayFor('rotatedSecret');
  const secrets = join(directory, 'secrets');
  await timeUntil(() => workerPids(run).length === 2);
  const [firstWorker, secondWorker] = workerPids(run);
  expect(await statusesWithKey(url, 'gw-key-first-0001', 10)).toEqual(Array(10).fill(200));

  // The kubelet's atomic writer, as for a ConfigMap; the config file itself does not change.
  publish(secrets, '..2024_05_01_10_01_00.2', 'client.key', 'gw-key-second-0002\n');
  swapData(secrets, '..2024_05_01_10_01_00.2', '..2024_05_01_10_00_00.1');
  const switched = (pid: number) => logLines(run).some((line) => line.pid === pid && line.msg === 'worker switched to the reloaded config');
  const elapsed = await timeUntil(() => switched(firstWorker) && switched(secondWorker));
  expect(elapsed).toBeLessThan(RELOAD_WITHIN_MS);
  expect(await statusesWithKey(url, 'gw-key-second-0002', 20)).toEqual(Array(20).fill(200));
  expect(await statusesWithKey(url, 'gw-key-first-0001', 20)).toEqual(Array(20).fill(401));
  expect(logLines(run)).toContainEqual(
    expect.objectContaining({ msg: `config reloaded from ${path}: rotated client key app (secret file ${join(secrets, 'client.key')} changed)`, clientKeys: { added: [], rotated: ['app'], changed: [], removed: [], widened: [] } }),
  );
  expect(run.output()).not.toContain('gw-key-');
}, WORKERS_TEST_MS);

test('with --workers 2 a replacement worker serves the secrets the primary accepted, although a secret file has since gone or been emptied', async () => {
  const { url, run, directory, path } = await gatewayFor('acceptedSecret');
  const keyFile = join(directory, 'client.key');
  await timeUntil(() => workerPids(run).length === 2);
  const [firstWorker, secondWorker] = workerPids(run);
  const restarts = () => logLines(run).filter((line) => line.msg === 'worker exited; starting a new one').length;

  // Gone: the primary keeps serving; a replacement knows the key, and the path is no key.
  rmSync(keyFile);
  await timeUntil(() => logLines(run).some((line) => line.level === 40 && line.msg === `secret file ${keyFile} was deleted; still serving the last accepted config`));
  process.kill(firstWorker, 'SIGKILL');
  await timeUntil(() => workerPids(run).length === 3, 10_000);
  expect(await statusesWithKey(url, 'gw-key-accepted-0001', 20)).toEqual(Array(20).fill(200));
  expect(await statusesWithKey(url, './client.key', 20)).toEqual(Array(20).fill(401));

  // Emptied (a half-written rotation): refused by the primary; the next replacement starts, once.
  writeFileSync(keyFile, '');
  await timeUntil(() => logLines(run).some((line) => line.level === 50 && line.msg.includes("file './client.key' is empty")));
  process.kill(secondWorker, 'SIGKILL');
  await timeUntil(() => workerPids(run).length === 4, 10_000);
  expect(await statusesWithKey(url, 'gw-key-accepted-0001', 20)).toEqual(Array(20).fill(200));

  // The rotation done: the primary logs the reload once every worker, the replacement included,
  // answered that it serves it, which each does after any config it was sent before.
  writeFileSync(keyFile, 'gw-key-rotated-0002\n');
  await timeUntil(() => logLines(run).some((line) => line.msg.startsWith(`config reloaded from ${path}`)));
  expect(restarts()).toBe(2);
  expect(await statusesWithKey(url, 'gw-key-rotated-0002', 20)).toEqual(Array(20).fill(200));
}, WORKERS_TEST_MS);
