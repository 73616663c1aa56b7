/**
 * Hot reload through the CLI as a user runs it: the config file edited in place, replaced by
 * rename, swapped Kubernetes-style through `..data`; invalid and deleted files; a stream that
 * outlives a reload; and every worker switching with --workers 2.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { sendJson, startFakeUpstream } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { WORKERS_TEST_MS } from '../support/timeouts';

jest.setTimeout(40_000);

/**
 * The reload promise, with room for a loaded machine: the README says about a second (a 100 ms
 * debounce, a 1 s poll); a change that is missed is never served, which this still catches.
 */
const RELOAD_WITHIN_MS = 5_000;

interface Gateway {
  url: string;
  run: CliRun;
}

const running: CliRun[] = [];
afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }
});

function freshDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'gateway-reload-'));
}

/** A mock chat endpoint; `model` is the model name it reports, `latencyMs` its delay per piece. */
function chatEndpoint(name: string, model: string, latencyMs = 0): string {
  return `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: mock
      name: ${model}
      config: { latency_ms: ${latencyMs} }`;
}

const configOf = (...endpoints: string[]) => `endpoints:${endpoints.join('')}\n`;

async function startGateway(configPath: string, extraArgs: string[] = []): Promise<Gateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), ...extraArgs]);
  running.push(run);
  await waitForHealth(url, run);
  return { url, run };
}

/** Endpoint name → model name, as the list API shows them. */
async function endpointModels(url: string): Promise<Record<string, string>> {
  const body = (await (await fetch(`${url}/api/2.0/endpoints/`)).json()) as { endpoints: { name: string; model: { name: string } }[] };
  return Object.fromEntries(body.endpoints.map((endpoint) => [endpoint.name, endpoint.model.name]));
}

async function chat(url: string, endpoint: string, content = 'hi'): Promise<{ status: number; model?: string }> {
  const response = await fetch(`${url}/endpoints/${endpoint}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content }] }),
  });
  const body = (await response.json()) as { model?: string };
  return { status: response.status, model: body.model };
}

/** Polls `check` until it holds; returns how long that took. Fails after `timeoutMs`. */
async function timeUntil(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

interface LogLine {
  level: number;
  msg: string;
  pid: number;
  [key: string]: unknown;
}

function logLines(run: CliRun): LogLine[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

async function expectReloadVisible(url: string, expected: Record<string, string>, change: () => void): Promise<void> {
  change();
  const elapsed = await timeUntil(async () => JSON.stringify(await endpointModels(url)) === JSON.stringify(expected));
  expect(elapsed).toBeLessThan(RELOAD_WITHIN_MS);
}

test('an in-place edit adds, changes and removes endpoints, and logs what changed', async () => {
  const path = join(freshDirectory(), 'config.yaml');
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one'), chatEndpoint('beta', 'model-beta')));
  const { url, run } = await startGateway(path);
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one', beta: 'model-beta' });

  await expectReloadVisible(url, { alpha: 'model-two', gamma: 'model-gamma' }, () =>
    writeFileSync(path, configOf(chatEndpoint('alpha', 'model-two'), chatEndpoint('gamma', 'model-gamma'))),
  );
  expect(await chat(url, 'alpha')).toEqual({ status: 200, model: 'model-two' });
  expect(await chat(url, 'gamma')).toEqual({ status: 200, model: 'model-gamma' });
  expect((await chat(url, 'beta')).status).toBe(404);
  // Log lines are written asynchronously (src/server/logging.ts): allow them a moment.
  const reloaded = `config reloaded from ${path}: added gamma; changed alpha; removed beta`;
  await timeUntil(() => logLines(run).some((line) => line.msg === reloaded));
  expect(logLines(run)).toContainEqual(
    expect.objectContaining({ level: 30, msg: `config reloaded from ${path}: added gamma; changed alpha; removed beta`, added: ['gamma'], changed: ['alpha'], removed: ['beta'] }),
  );
});

test('replacing the file by rename (an editor\'s atomic save) is picked up', async () => {
  const directory = freshDirectory();
  const path = join(directory, 'config.yaml');
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')));
  const { url } = await startGateway(path);

  await expectReloadVisible(url, { alpha: 'model-two', beta: 'model-beta' }, () => {
    writeFileSync(join(directory, '.config.yaml.swp'), configOf(chatEndpoint('alpha', 'model-two'), chatEndpoint('beta', 'model-beta')));
    renameSync(join(directory, '.config.yaml.swp'), path);
  });
  expect(await chat(url, 'beta')).toEqual({ status: 200, model: 'model-beta' });
});

test('a Kubernetes ConfigMap update (the `..data` symlink swapped to a new folder) is picked up', async () => {
  const directory = freshDirectory();
  const publish = (version: string, text: string) => {
    mkdirSync(join(directory, version));
    writeFileSync(join(directory, version, 'config.yaml'), text);
  };
  publish('..2024_05_01_10_00_00.1', configOf(chatEndpoint('alpha', 'model-one')));
  symlinkSync('..2024_05_01_10_00_00.1', join(directory, '..data'));
  symlinkSync('..data/config.yaml', join(directory, 'config.yaml'));
  const { url } = await startGateway(join(directory, 'config.yaml'));
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one' });

  await expectReloadVisible(url, { alpha: 'model-two' }, () => {
    // The kubelet's atomic writer: new timestamped folder, `..data_tmp` → it, renamed over `..data`, old folder removed.
    publish('..2024_05_01_10_01_00.2', configOf(chatEndpoint('alpha', 'model-two')));
    symlinkSync('..2024_05_01_10_01_00.2', join(directory, '..data_tmp'));
    renameSync(join(directory, '..data_tmp'), join(directory, '..data'));
    rmSync(join(directory, '..2024_05_01_10_00_00.1'), { recursive: true });
  });
  expect(await chat(url, 'alpha')).toEqual({ status: 200, model: 'model-two' });
});

test('an invalid edit logs what start-up would print and the old config keeps serving; so does a deleted file', async () => {
  const path = join(freshDirectory(), 'config.yaml');
  const invalid = configOf(chatEndpoint('alpha', 'model-one'), chatEndpoint('bad name', 'x')).replace('provider: mock\n      name: x', 'provider: nope\n      name: x');
  writeFileSync(path, invalid);
  const refused = runCli(['--config-path', path]);
  expect(await refused.exited).toBe(2);
  const startupMessage = refused.output().trim();
  expect(startupMessage).toContain('endpoints[1].name');
  expect(startupMessage).toContain('endpoints[1].model.provider');

  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')));
  const { url, run } = await startGateway(path);
  writeFileSync(path, invalid);
  await timeUntil(() => logLines(run).some((line) => line.msg === startupMessage), RELOAD_WITHIN_MS);
  expect(logLines(run).find((line) => line.msg === startupMessage)?.level).toBe(50);
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one' });
  expect(await chat(url, 'alpha')).toEqual({ status: 200, model: 'model-one' });

  rmSync(path);
  const deleted = `config file ${path} was deleted; still serving the last accepted config`;
  await timeUntil(() => logLines(run).some((line) => line.msg === deleted && line.level === 40), RELOAD_WITHIN_MS);
  expect(await chat(url, 'alpha')).toEqual({ status: 200, model: 'model-one' });

  await expectReloadVisible(url, { alpha: 'model-two' }, () => writeFileSync(path, configOf(chatEndpoint('alpha', 'model-two'))));
});

test('a config file that is not UTF-8 is refused at start-up and at reload with where its first bad byte is, and the old config keeps serving', async () => {
  const path = join(freshDirectory(), 'config.yaml');
  // A model name saved as Windows-1252: lenient decoding would serve 'caf\uFFFD'.
  const latin1 = Buffer.from(configOf(chatEndpoint('alpha', 'caf\xe9')), 'latin1');
  writeFileSync(path, latin1);
  const refused = runCli(['--config-path', path]);
  expect(await refused.exited).toBe(2);
  const startupMessage = refused.output().trim();
  expect(startupMessage).toBe(`Invalid gateway configuration in ${path}:\n  the file is not valid UTF-8: the byte at offset 105 (line 6) is not part of a UTF-8 character; save the file as UTF-8`);

  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')));
  const { url, run } = await startGateway(path);
  writeFileSync(path, latin1);
  await timeUntil(() => logLines(run).some((line) => line.msg === startupMessage && line.level === 50), RELOAD_WITHIN_MS);
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one' });

  await expectReloadVisible(url, { alpha: 'café' }, () => writeFileSync(path, configOf(chatEndpoint('alpha', 'café'))));
});

test('an edit adding a reasoning_effort default no request could use is refused with its YAML path, and the old config keeps serving', async () => {
  const path = join(freshDirectory(), 'config.yaml');
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')));
  const { url, run } = await startGateway(path);
  const novaWithEffort = `
  - name: nova
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: amazon.nova-lite-v1:0
      config: { aws_config: { aws_region: us-east-1 }, reasoning_effort: low }`;
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-two'), novaWithEffort));
  const refusal = "endpoints[1].model.config.reasoning_effort: endpoint 'nova': The parameter 'reasoning_effort' is not supported by Amazon Bedrock (Amazon Nova).";
  await timeUntil(() => logLines(run).some((line) => line.level === 50 && line.msg.includes(refusal)), RELOAD_WITHIN_MS);
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one' });
  expect(await chat(url, 'alpha')).toEqual({ status: 200, model: 'model-one' });
});

test('keys the gateway does not read are logged with their YAML path at start-up and on reload, and the config still serves', async () => {
  const path = join(freshDirectory(), 'config.yaml');
  // `limits:` instead of `limit:`: MLflow ignores it silently, so this endpoint has no rate limit.
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')).replace('    model:', '    limits: { calls: 1, renewal_period: minute }\n    model:'));
  const { url, run } = await startGateway(path);
  const ignoredAtStart = `${path} sets 1 key that the gateway does not read: endpoints[0].limits is not a known key here and is ignored (did you mean 'limit'?)`;
  await timeUntil(() => logLines(run).some((line) => line.msg === ignoredAtStart));
  expect(logLines(run).find((line) => line.msg === ignoredAtStart)).toMatchObject({ level: 40, ignoredKeys: ['endpoints[0].limits'] });
  expect([(await chat(url, 'alpha')).status, (await chat(url, 'alpha')).status]).toEqual([200, 200]);

  await expectReloadVisible(url, { alpha: 'model-two' }, () =>
    writeFileSync(path, configOf(chatEndpoint('alpha', 'model-two')).replace('latency_ms: 0', 'latency_ms: 0, temprature: 0.5')),
  );
  const ignoredOnReload = `${path} sets 1 key that the gateway does not read: endpoints[0].model.config.temprature is not a known key here and is ignored (did you mean 'temperature'?)`;
  await timeUntil(() => logLines(run).some((line) => line.msg === ignoredOnReload));
  const messages = logLines(run).map((line) => line.msg);
  expect(messages.indexOf(ignoredOnReload)).toBeGreaterThan(messages.indexOf(`config reloaded from ${path}: changed alpha`));

  // A config without such keys logs no warning.
  await expectReloadVisible(url, { alpha: 'model-three' }, () => writeFileSync(path, configOf(chatEndpoint('alpha', 'model-three'))));
  await timeUntil(() => logLines(run).filter((line) => line.msg.startsWith('config reloaded')).length === 2);
  expect(logLines(run).filter((line) => line.msg.includes('that the gateway does not read'))).toHaveLength(2);
});

test('a stream started before a reload finishes on the old config while new requests see the new one', async () => {
  // The old config's endpoint streams from a fake OpenAI that holds the rest of its answer until the
  // test has seen the new config serve: so the stream is in flight across the reload by construction.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const chunk = (content: string | null, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'old-model', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })}\n\n`;
  const upstream = await startFakeUpstream(async (request, response) => {
    // The polls for the new config, while the old one still serves.
    if (!(request.body as { stream?: boolean }).stream) return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(chunk('before the reload, '));
    await released;
    response.end(`${chunk('after it')}${chunk(null, 'stop')}data: [DONE]\n\n`);
  });
  try {
    const path = join(freshDirectory(), 'config.yaml');
    writeFileSync(path, `endpoints:
  - name: slow
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: old-model, config: { openai_api_key: sk-reload-test, openai_api_base: "${upstream.url}/v1" } }
`);
    const { url } = await startGateway(path);

    const response = await fetch(`${url}/endpoints/slow/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let body = '';
    while (!body.includes('before the reload')) body += new TextDecoder().decode((await reader.read()).value);

    writeFileSync(path, configOf(chatEndpoint('slow', 'new-model')));
    await timeUntil(async () => (await chat(url, 'slow')).model === 'new-model', RELOAD_WITHIN_MS);
    release();

    for (let part = await reader.read(); !part.done; part = await reader.read()) body += new TextDecoder().decode(part.value);
    const events = body.split('\n\n').filter((event) => event.startsWith('data: '));
    expect(events[events.length - 1]).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)) as { model: string; choices: { delta: { content?: string | null } }[] });
    expect(new Set(chunks.map((item) => item.model))).toEqual(new Set(['old-model']));
    // The part the upstream sent only after the new config served reached the client: the reload did not end the stream.
    expect(chunks.map((item) => item.choices[0]?.delta.content ?? '').join('')).toBe('before the reload, after it');
    expect(upstream.requests.filter((request) => (request.body as { stream?: boolean }).stream)).toHaveLength(1);
  } finally {
    await upstream.close();
  }
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
  const path = join(freshDirectory(), 'config.yaml');
  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')));
  const { url, run } = await startGateway(path, ['--workers', '2']);
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
  const directory = freshDirectory();
  const secrets = join(directory, 'secrets');
  mkdirSync(secrets);
  const publish = (version: string, key: string) => {
    mkdirSync(join(secrets, version));
    writeFileSync(join(secrets, version, 'client.key'), `${key}\n`);
  };
  publish('..2024_05_01_10_00_00.1', 'gw-key-first-0001');
  symlinkSync('..2024_05_01_10_00_00.1', join(secrets, '..data'));
  symlinkSync('..data/client.key', join(secrets, 'client.key'));
  const path = join(directory, 'config.yaml');
  writeFileSync(path, `${configOf(chatEndpoint('alpha', 'model-one'))}auth:\n  api_keys:\n    - { name: app, key: ./secrets/client.key }\n`);
  const { url, run } = await startGateway(path, ['--workers', '2']);
  await timeUntil(() => workerPids(run).length === 2);
  const [firstWorker, secondWorker] = workerPids(run);
  expect(await statusesWithKey(url, 'gw-key-first-0001', 10)).toEqual(Array(10).fill(200));

  // The kubelet's atomic writer, as for a ConfigMap; the config file itself does not change.
  publish('..2024_05_01_10_01_00.2', 'gw-key-second-0002');
  symlinkSync('..2024_05_01_10_01_00.2', join(secrets, '..data_tmp'));
  renameSync(join(secrets, '..data_tmp'), join(secrets, '..data'));
  rmSync(join(secrets, '..2024_05_01_10_00_00.1'), { recursive: true });
  const switched = (pid: number) => logLines(run).some((line) => line.pid === pid && line.msg === 'worker switched to the reloaded config');
  const elapsed = await timeUntil(() => switched(firstWorker) && switched(secondWorker));
  expect(elapsed).toBeLessThan(RELOAD_WITHIN_MS);
  expect(await statusesWithKey(url, 'gw-key-second-0002', 20)).toEqual(Array(20).fill(200));
  expect(await statusesWithKey(url, 'gw-key-first-0001', 20)).toEqual(Array(20).fill(401));
  expect(logLines(run)).toContainEqual(
    expect.objectContaining({ msg: `config reloaded from ${path}: no endpoint or route changed (secret file ${join(secrets, 'client.key')} changed)` }),
  );
  expect(run.output()).not.toContain('gw-key-');
}, WORKERS_TEST_MS);

test('with --workers 2 a replacement worker serves the secrets the primary accepted, although a secret file has since gone or been emptied', async () => {
  const directory = freshDirectory();
  const keyFile = join(directory, 'client.key');
  writeFileSync(keyFile, 'gw-key-accepted-0001\n');
  const path = join(directory, 'config.yaml');
  writeFileSync(path, `${configOf(chatEndpoint('alpha', 'model-one'))}auth:\n  api_keys:\n    - { name: app, key: ./client.key }\n`);
  const { url, run } = await startGateway(path, ['--workers', '2']);
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
