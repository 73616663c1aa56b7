/**
 * Hot reload through the CLI as a user runs it, one process: the config file edited in place,
 * replaced by rename, swapped Kubernetes-style through `..data`; invalid and deleted files; unread
 * keys; a stream that outlives a reload. (With --workers: hot-reload-workers.test.ts.) Each test has
 * a gateway of its own, all started side by side before the tests (test/support/reload-gateways.ts).
 */
import { createHash } from 'node:crypto';
import { renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { chatEndpoint, configOf, endpointModels, freshConfig, freshDirectory, gatewaysPerTest, logLines, publish, RELOAD_WITHIN_MS, swapData, timeUntil } from '../support/reload-gateways';

jest.setTimeout(40_000);

async function chat(url: string, endpoint: string, content = 'hi', key?: string): Promise<{ status: number; model?: string }> {
  const response = await fetch(`${url}/endpoints/${endpoint}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ messages: [{ role: 'user', content }] }),
  });
  const body = (await response.json()) as { model?: string };
  return { status: response.status, model: body.model };
}

async function expectReloadVisible(url: string, expected: Record<string, string>, change: () => void): Promise<void> {
  change();
  const elapsed = await timeUntil(async () => JSON.stringify(await endpointModels(url)) === JSON.stringify(expected));
  expect(elapsed).toBeLessThan(RELOAD_WITHIN_MS);
}

/**
 * The fake OpenAI of the stream test: the start of a stream, and the rest only once `release` is
 * called; JSON answers at once (the polls for the new config, while the old one still serves).
 */
function startHeldStreamUpstream(): Promise<FakeUpstream> {
  const chunk = (content: string | null, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'old-model', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })}\n\n`;
  return startFakeUpstream(async (request, response) => {
    if (!(request.body as { stream?: boolean }).stream) return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(chunk('before the reload, '));
    await released;
    response.end(`${chunk('after it')}${chunk(null, 'stop')}data: [DONE]\n\n`);
  });
}
let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));
let streamUpstream: FakeUpstream;
afterAll(async () => {
  release();
  await streamUpstream?.close();
});

const oneEndpoint = () => freshConfig(configOf(chatEndpoint('alpha', 'model-one')));

/** The client keys of the auth test: `batch` is rotated, then `auth:` removed. */
const CLIENT_KEYS = { ci: 'gw-key-ci-0001', batch: 'gw-key-batch-0001', rotated: 'gw-key-batch-0002' };
const withClientKeys = (ci: string, batch: string) => `${configOf(chatEndpoint('alpha', 'model-one'))}auth:\n  api_keys:\n    - { name: ci, key: ${ci} }\n    - { name: batch, key: ${batch} }\n`;

/** Each test's gateway, by the test's name for it: what it starts on. */
const gatewayFor = gatewaysPerTest(
  {
    inPlace: { prepare: () => freshConfig(configOf(chatEndpoint('alpha', 'model-one'), chatEndpoint('beta', 'model-beta'))) },
    rename: { prepare: oneEndpoint },
    configMap: {
      prepare: () => {
        const directory = freshDirectory();
        publish(directory, '..2024_05_01_10_00_00.1', 'config.yaml', configOf(chatEndpoint('alpha', 'model-one')));
        symlinkSync('..2024_05_01_10_00_00.1', join(directory, '..data'));
        symlinkSync('..data/config.yaml', join(directory, 'config.yaml'));
        return { directory, path: join(directory, 'config.yaml') };
      },
    },
    invalidEdit: { prepare: oneEndpoint },
    clientKeys: { prepare: () => freshConfig(withClientKeys(CLIENT_KEYS.ci, CLIENT_KEYS.batch)) },
    notUtf8: { prepare: oneEndpoint },
    effortDefault: { prepare: oneEndpoint },
    // `limits:` instead of `limit:`: MLflow ignores it silently, so this endpoint has no rate limit.
    ignoredKeys: { prepare: () => freshConfig(configOf(chatEndpoint('alpha', 'model-one')).replace('    model:', '    limits: { calls: 1, renewal_period: minute }\n    model:')) },
    streamAcrossReload: {
      prepare: () =>
        freshConfig(`endpoints:
  - name: slow
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: old-model, config: { openai_api_key: sk-reload-test, openai_api_base: "${streamUpstream.url}/v1" } }
`),
    },
  },
  async () => {
    streamUpstream = await startHeldStreamUpstream();
  },
);

test('an in-place edit adds, changes and removes endpoints, and logs what changed', async () => {
  const { url, run, path } = await gatewayFor('inPlace');
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

test('a reload names a rotated client key without its key; one widening a key\'s endpoints, or removing auth:, is a warning saying who may now do more', async () => {
  const { url, run, path } = await gatewayFor('clientKeys');
  expect((await chat(url, 'alpha')).status).toBe(401);

  const withLogging = (keys: string) => keys.replace('auth:', 'logging: { bodies: true }\nauth:');
  writeFileSync(path, withLogging(withClientKeys(CLIENT_KEYS.ci, CLIENT_KEYS.rotated)).replace(`key: ${CLIENT_KEYS.ci} }`, `key: ${CLIENT_KEYS.ci}, endpoints: [alpha] }`));
  await timeUntil(async () => (await chat(url, 'alpha', 'hi', CLIENT_KEYS.rotated)).status === 200, RELOAD_WITHIN_MS);
  expect((await chat(url, 'alpha', 'hi', CLIENT_KEYS.batch)).status).toBe(401);
  const rotated = `config reloaded from ${path}: rotated client key batch; changed client key ci; changed setting logging.bodies`;
  await timeUntil(() => logLines(run).some((line) => line.msg === rotated));
  expect(logLines(run).find((line) => line.msg === rotated)).toMatchObject({ level: 30, clientKeys: { added: [], rotated: ['batch'], changed: ['ci'], removed: [], widened: [] }, settings: ['logging.bodies'], opened: [] });

  // A key allowed more endpoints is a warning too (here: its endpoints list removed).
  writeFileSync(path, withLogging(withClientKeys(CLIENT_KEYS.ci, CLIENT_KEYS.rotated)));
  const widened = `config reloaded from ${path}: client key ci may now call every endpoint and route (its endpoints list removed); changed client key ci`;
  await timeUntil(() => logLines(run).some((line) => line.msg === widened), RELOAD_WITHIN_MS);
  expect(logLines(run).find((line) => line.msg === widened)).toMatchObject({ level: 40, clientKeys: { changed: ['ci'], widened: [{ name: 'ci', now: null }] }, opened: [] });

  writeFileSync(path, configOf(chatEndpoint('alpha', 'model-one')));
  await timeUntil(async () => (await chat(url, 'alpha')).status === 200, RELOAD_WITHIN_MS);
  const opened = `config reloaded from ${path}: callers without a key may now call every endpoint and route, list them and read /metrics (auth removed); removed client keys ci, batch; changed setting logging.bodies`;
  await timeUntil(() => logLines(run).some((line) => line.msg === opened));
  expect(logLines(run).find((line) => line.msg === opened)).toMatchObject({ level: 40, opened: ['auth'], settings: ['auth', 'logging.bodies'] });
  // Neither a key nor its SHA-256 (whole or in part) is in the log.
  const digests = Object.values(CLIENT_KEYS).map((key) => createHash('sha256').update(key).digest('hex').slice(0, 16));
  for (const secret of [...Object.values(CLIENT_KEYS), ...digests]) expect(run.output()).not.toContain(secret);
});

test('replacing the file by rename (an editor\'s atomic save) is picked up', async () => {
  const { url, directory, path } = await gatewayFor('rename');

  await expectReloadVisible(url, { alpha: 'model-two', beta: 'model-beta' }, () => {
    writeFileSync(join(directory, '.config.yaml.swp'), configOf(chatEndpoint('alpha', 'model-two'), chatEndpoint('beta', 'model-beta')));
    renameSync(join(directory, '.config.yaml.swp'), path);
  });
  expect(await chat(url, 'beta')).toEqual({ status: 200, model: 'model-beta' });
});

test('a Kubernetes ConfigMap update (the `..data` symlink swapped to a new folder) is picked up', async () => {
  const { url, directory } = await gatewayFor('configMap');
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one' });

  await expectReloadVisible(url, { alpha: 'model-two' }, () => {
    // The kubelet's atomic writer: new timestamped folder, `..data_tmp` → it, renamed over `..data`, old folder removed.
    publish(directory, '..2024_05_01_10_01_00.2', 'config.yaml', configOf(chatEndpoint('alpha', 'model-two')));
    swapData(directory, '..2024_05_01_10_01_00.2', '..2024_05_01_10_00_00.1');
  });
  expect(await chat(url, 'alpha')).toEqual({ status: 200, model: 'model-two' });
});

test('an invalid edit logs what start-up would print and the old config keeps serving; so does a deleted file', async () => {
  const { url, run, path } = await gatewayFor('invalidEdit');
  const invalid = configOf(chatEndpoint('alpha', 'model-one'), chatEndpoint('bad name', 'x')).replace('provider: mock\n      name: x', 'provider: nope\n      name: x');
  writeFileSync(path, invalid);
  // What a start on the invalid file prints, while the running gateway reloads it.
  const refused = runCli(['--config-path', path]);
  expect(await refused.exited).toBe(2);
  const startupMessage = refused.output().trim();
  expect(startupMessage).toContain('endpoints[1].name');
  expect(startupMessage).toContain('endpoints[1].model.provider');

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
  const { url, run, path } = await gatewayFor('notUtf8');
  // A model name saved as Windows-1252: lenient decoding would serve 'caf\uFFFD'.
  const latin1 = Buffer.from(configOf(chatEndpoint('alpha', 'caf\xe9')), 'latin1');
  writeFileSync(path, latin1);
  // What a start on the file prints, while the running gateway reloads it.
  const refused = runCli(['--config-path', path]);
  expect(await refused.exited).toBe(2);
  const startupMessage = refused.output().trim();
  expect(startupMessage).toBe(`Invalid gateway configuration in ${path}:\n  the file is not valid UTF-8: the byte at offset 105 (line 6) is not part of a UTF-8 character; save the file as UTF-8`);

  await timeUntil(() => logLines(run).some((line) => line.msg === startupMessage && line.level === 50), RELOAD_WITHIN_MS);
  expect(await endpointModels(url)).toEqual({ alpha: 'model-one' });

  await expectReloadVisible(url, { alpha: 'café' }, () => writeFileSync(path, configOf(chatEndpoint('alpha', 'café'))));
});

test('an edit adding a reasoning_effort default no request could use is refused with its YAML path, and the old config keeps serving', async () => {
  const { url, run, path } = await gatewayFor('effortDefault');
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
  const { url, run, path } = await gatewayFor('ignoredKeys');
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
  const { url, path } = await gatewayFor('streamAcrossReload');

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
  expect(streamUpstream.requests.filter((request) => (request.body as { stream?: boolean }).stream)).toHaveLength(1);
});
