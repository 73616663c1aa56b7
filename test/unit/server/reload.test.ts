/** Reload decisions: what counts as a change, what is logged, and that a bad config never replaces a good one. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ConfigError } from '../../../src/config/config-error';
import type { ConfigWatcher } from '../../../src/config/watch';
import { closeLimitBackends } from '../../../src/limits/limiter';
import { compileConfigText, KEEPS_SERVING, watchForReload, type LoadedConfig, type ReloadingWatcher } from '../../../src/server/reload';
import { silentLogger } from '../../../src/server/logging';
import { registry } from '../../../src/server/metrics';
import { sample } from '../../support/metrics';
import { startRedis } from '../../support/redis';
import { FOUR_PROBLEMS, FOUR_PROBLEM_ISSUES } from '../../support/config-problems';
import { collectGarbage } from '../../support/garbage';

const endpoint = (name: string, model = 'm') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: ${model} }`;

const config = (...endpoints: string[]) => `endpoints:${endpoints.join('')}\n`;

test('compileConfigText lets the event loop turn between its steps, so requests waiting while a large config compiles are served meanwhile', async () => {
  const events: string[] = [];
  const compiled = compileConfigText(config(endpoint('a')), '/config.yaml', silentLogger).then(() => events.push('compiled'));
  setImmediate(() => events.push('a turn of the event loop'));
  await compiled;
  expect(events).toEqual(['a turn of the event loop', 'compiled']);
});

describe('watchForReload', () => {
  let watcher: ConfigWatcher | undefined;
  afterEach(() => watcher?.close());

  async function start(text: string, files: Record<string, string> = {}) {
    const directory = mkdtempSync(join(tmpdir(), 'gateway-reload-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
    const path = join(directory, 'config.yaml');
    writeFileSync(path, text);
    const logs: { level: number; msg: string; [key: string]: unknown }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    const accepted: LoadedConfig[] = [];
    watcher = watchForReload({ configPath: path, current: await compileConfigText(text, path, logger), logger, onAccepted: (next) => accepted.push(next), debounceMs: 20, pollIntervalMs: 100 });
    return { path, directory, logs, accepted };
  }

  /** Polls `condition` until it holds: a loaded machine may take seconds to see and compile an edit. */
  async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await condition()).toBe(true);
  }

  test('a valid edit is compiled, handed over and logged with what changed', async () => {
    const { path, logs, accepted } = await start(config(endpoint('a'), endpoint('b')));
    writeFileSync(path, config(endpoint('a', 'new-model'), endpoint('c')));
    await until(() => accepted.length === 1);
    expect([...accepted[0].plan.endpoints.keys()]).toEqual(['a', 'c']);
    expect(accepted[0].plan.endpoints.get('a')!.view.model.name).toBe('new-model');
    expect(logs).toEqual([
      expect.objectContaining({ level: 30, msg: `config reloaded from ${path}: added c; changed a; removed b`, added: ['c'], changed: ['a'], removed: ['b'] }),
    ]);
  });

  test('an edit of a server setting read only at start-up (timeouts of client connections) is served, with a warning that it needs a restart', async () => {
    const { path, logs, accepted } = await start(`${config(endpoint('a'))}server: { request_timeout: 60, max_body_size: 1mb }\n`);
    writeFileSync(path, `${config(endpoint('a'))}server: { request_timeout: 30, headers_timeout: 10, keep_alive_timeout: 65, max_body_size: 2mb }\n`);
    await until(() => logs.length === 2);
    expect(accepted[0].plan.server.maxBodyBytes).toBe(2 * 1024 * 1024);
    // keep_alive_timeout is written out at the value the server runs with: nothing to restart for.
    expect(logs[0]).toEqual(
      expect.objectContaining({
        level: 30,
        msg: `config reloaded from ${path}: changed settings server.max_body_size, server.request_timeout (only a restart applies it), server.headers_timeout (only a restart applies it), server.keep_alive_timeout`,
        settings: ['server.max_body_size', 'server.request_timeout', 'server.headers_timeout', 'server.keep_alive_timeout'],
      }),
    );
    expect(logs[1]).toEqual(
      expect.objectContaining({
        level: 40,
        settings: ['server.request_timeout', 'server.headers_timeout'],
        msg: `${path}: server.request_timeout, server.headers_timeout changed, but the running server keeps the values it started with: restart the gateway to apply them`,
      }),
    );
  });

  test('the warning compares with the values the server started with, not with the last reload', async () => {
    const { path, logs } = await start(`${config(endpoint('a'))}server: { request_timeout: 60 }\n`);
    writeFileSync(path, `${config(endpoint('a'))}server: { request_timeout: 30 }\n`);
    await until(() => logs.length === 2);
    // A later edit of something else: the server still runs with 60 s, so the warning stays.
    writeFileSync(path, `${config(endpoint('a'), endpoint('b'))}server: { request_timeout: 30 }\n`);
    await until(() => logs.length >= 4);
    expect(logs[3]).toEqual(expect.objectContaining({ level: 40, settings: ['server.request_timeout'] }));
    // Back to the value the server runs with: nothing to restart for. Reloads are handled one after
    // the other, so a warning of that one would be logged before the next reload's line.
    writeFileSync(path, `${config(endpoint('a'))}server: { request_timeout: 60 }\n`);
    await until(() => logs.length >= 5);
    writeFileSync(path, `${config(endpoint('a'), endpoint('c'))}server: { request_timeout: 60 }\n`);
    await until(() => logs.some((log) => log.msg.endsWith(': added c')));
    expect(logs.slice(4).map((log) => log.level)).toEqual([30, 30]);
    expect(logs[0].msg).toBe(`config reloaded from ${path}: changed setting server.request_timeout (only a restart applies it)`);
    expect(logs[4].msg).toBe(`config reloaded from ${path}: removed b; changed setting server.request_timeout`);
  });

  test('the start-up config is freed once a reload replaced it (only its server settings are kept, for the restart warning)', async () => {
    // In a helper, so that no variable of the test itself holds the start-up config.
    const startWatching = async (path: string, text: string, accepted: LoadedConfig[]) => {
      const startUp = await compileConfigText(text, path, silentLogger);
      watcher = watchForReload({ configPath: path, current: startUp, logger: silentLogger, onAccepted: (next) => accepted.push(next), debounceMs: 20, pollIntervalMs: 100 });
      return new WeakRef(startUp.plan);
    };
    const path = join(mkdtempSync(join(tmpdir(), 'gateway-reload-')), 'config.yaml');
    writeFileSync(path, config(endpoint('a')));
    const accepted: LoadedConfig[] = [];
    const startUpPlan = await startWatching(path, config(endpoint('a')), accepted);
    writeFileSync(path, config(endpoint('b')));
    await until(() => accepted.length === 1);
    await until(async () => {
      await collectGarbage();
      return startUpPlan.deref() === undefined;
    });
  });

  test('an invalid edit logs the start-up message and is not handed over; the next valid edit is', async () => {
    const { path, logs, accepted } = await start(config(endpoint('a')));
    const invalid = config(endpoint('a'), endpoint('bad name'));
    let startupMessage = '';
    try {
      await compileConfigText(invalid, path, silentLogger);
    } catch (error) {
      startupMessage = (error as ConfigError).message;
    }
    expect(startupMessage).toContain('endpoints[1].name');

    writeFileSync(path, invalid);
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ level: 50, msg: startupMessage, configPath: path });
    expect(accepted).toEqual([]);

    writeFileSync(path, config(endpoint('a'), endpoint('b')));
    await until(() => accepted.length === 1);
    expect([...accepted[0].plan.endpoints.keys()]).toEqual(['a', 'b']);
  });

  test('new bytes that are not UTF-8 are refused with the start-up message, logged and counted like an invalid edit', async () => {
    const { path, logs, accepted } = await start(config(endpoint('a')));
    writeFileSync(path, Buffer.from(`${config(endpoint('a'), endpoint('caf\u00e9'))}`, 'latin1'));
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ level: 50, configPath: path, reload: KEEPS_SERVING, msg: expect.stringContaining('the file is not valid UTF-8') });
    expect(sample(await registry.metrics(), 'gateway_config_last_reload_successful', {})).toBe(0);
    expect(accepted).toEqual([]);
  });

  test('a config file that cannot be read at an asked-for reload is refused with the start-up message, logged and counted; the served text is reloaded', async () => {
    const { path, logs, accepted } = await start(config(endpoint('a')));
    rmSync(path);
    await until(() => logs.length === 1);
    (watcher as ReloadingWatcher).reloadNow('SIGHUP');
    await until(() => accepted.length === 1);
    expect(logs[1]).toMatchObject({ level: 50, configPath: path, reload: KEEPS_SERVING, msg: `Invalid gateway configuration in ${path}:\n  ${path} does not exist` });
    expect(sample(await registry.metrics(), 'gateway_config_last_reload_successful', {})).toBe(0);
  });

  test('an edit with several problems is refused in one log entry listing each of them once, and opens nothing', async () => {
    // The client port of each connection the fake Redis accepted.
    const redisConnections: (number | undefined)[] = [];
    const fakeRedis = createServer((socket) => {
      redisConnections.push(socket.remotePort);
      socket.destroy();
    });
    await new Promise<void>((resolve) => fakeRedis.listen(0, '127.0.0.1', resolve));
    try {
      const { path, logs, accepted } = await start(config(endpoint('a')));
      const port = (fakeRedis.address() as AddressInfo).port;
      // A limited endpoint (which would open the Redis store) beside every kind of problem.
      const limited = `${endpoint('limited')}\n    limit: { calls: 5, renewal_period: minute }\nrate_limit_store: { type: redis, url: redis://127.0.0.1:${port}/0 }\n`;
      writeFileSync(path, FOUR_PROBLEMS.replace('\nauth:', `${limited}auth:`));
      await until(() => logs.length === 1);
      expect(logs[0]).toMatchObject({ level: 50, reload: 'rejected: still serving the last accepted config' });
      const listed = logs[0].msg.split('\n').slice(1).map((line) => line.trim().split(': ')[0]);
      expect(listed).toEqual(FOUR_PROBLEM_ISSUES.map((issue) => issue.path));
      expect(logs[0].msg).toContain(`Invalid gateway configuration in ${path}:`);
      // Edits are handled in turn: the refused one was not handed over if the next is the first.
      writeFileSync(path, config(endpoint('a'), endpoint('b')));
      await until(() => accepted.length === 1);
      expect([...accepted[0].plan.endpoints.keys()]).toEqual(['a', 'b']);
      // Connections to a listening port are accepted in the order they were made: one the refused
      // edit had opened would come before the test's own.
      const probe = createConnection(port, '127.0.0.1');
      await new Promise((resolve) => probe.once('connect', resolve));
      const probePort = probe.localPort;
      await until(() => redisConnections.includes(probePort));
      probe.destroy();
      expect(redisConnections).toEqual([probePort]);
    } finally {
      await closeLimitBackends();
      await new Promise((resolve) => fakeRedis.close(resolve));
    }
  });

  test('a deleted file is a warning and nothing is handed over; restoring the served text reloads nothing', async () => {
    const text = config(endpoint('a'));
    const { path, logs, accepted } = await start(text);
    rmSync(path);
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ level: 40, msg: `config file ${path} was deleted; still serving the last accepted config` });

    writeFileSync(path, text);
    // Nothing later to wait for: a further edit read with this one (within the debounce) would hide it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(logs).toHaveLength(1);
    expect(accepted).toEqual([]);
  });

  const keyedEndpoint = (keyFile: string) => `
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: ./${keyFile} } }`;
  const apiKeyOf = (loaded: LoadedConfig) => (loaded.config.endpoints[0].model.config as { openai_api_key: string }).openai_api_key;

  test('a rotated secret file reloads the config with the new key; the log names the file, never a key', async () => {
    const { path, directory, logs, accepted } = await start(config(keyedEndpoint('openai.key')), { 'openai.key': 'sk-first-KEY-0001\n' });
    writeFileSync(join(directory, 'openai.key'), 'sk-second-KEY-0002\n');
    await until(() => accepted.length === 1);
    expect(apiKeyOf(accepted[0])).toBe('sk-second-KEY-0002');
    const keyPath = join(directory, 'openai.key');
    expect(logs).toEqual([
      expect.objectContaining({ level: 30, msg: `config reloaded from ${path}: changed chat (secret file ${keyPath} changed)`, changed: ['chat'], cause: `secret file ${keyPath} changed` }),
    ]);
    expect(JSON.stringify(logs)).not.toContain('KEY-000');
  });

  test('a secret rotated while the config file on disk is refused is served with the last accepted config; the metrics still say the file is refused', async () => {
    const served = config(keyedEndpoint('openai.key'));
    const { path, directory, logs, accepted } = await start(served, { 'openai.key': 'sk-first-KEY-0001\n' });
    writeFileSync(path, config(keyedEndpoint('openai.key'), endpoint('bad name')));
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ level: 50, reload: 'rejected: still serving the last accepted config' });

    const keyPath = join(directory, 'openai.key');
    writeFileSync(keyPath, 'sk-second-KEY-0002\n');
    await until(() => accepted.length === 1);
    expect(apiKeyOf(accepted[0])).toBe('sk-second-KEY-0002');
    expect(accepted[0].text).toBe(served);
    const cause = `secret file ${keyPath} changed`;
    expect(logs.slice(1)).toEqual([
      // The file on disk is refused again, with the same message, then the served text is reloaded.
      expect.objectContaining({ level: 50, msg: logs[0].msg }),
      expect.objectContaining({
        level: 30,
        msg: `secret files reloaded into the last accepted config of ${path}, the file on disk being refused: changed chat (${cause})`,
        cause,
        config_file: 'refused',
      }),
    ]);
    expect(sample(await registry.metrics(), 'gateway_config_last_reload_successful', {})).toBe(0);
    expect(JSON.stringify(logs)).not.toContain('KEY-000');
  });

  test('a secret file refused while the config file on disk is refused too logs its refusal once', async () => {
    const { path, directory, logs, accepted } = await start(config(keyedEndpoint('openai.key')), { 'openai.key': 'sk-first-KEY-0001\n' });
    writeFileSync(path, config(keyedEndpoint('openai.key'), endpoint('bad name')));
    await until(() => logs.length === 1);

    writeFileSync(join(directory, 'openai.key'), '');
    await until(() => logs.length >= 2);
    expect(logs[1]).toEqual(expect.objectContaining({ level: 50, reload: KEEPS_SERVING, msg: expect.stringContaining("endpoints[0].model.config.openai_api_key: file './openai.key' is empty") }));
    expect(logs[1].msg).toContain('endpoints[1].name');
    // The served text is compiled after that line (refused for the empty key alone), reading the key file
    // as it is then. An edit of the config file is handled after it (file events are handled in turn):
    // once the edit's refusal is logged, the empty key was read, and a second line about it came first.
    writeFileSync(path, config(keyedEndpoint('openai.key'), endpoint('bad name'), endpoint('other bad name')));
    await until(() => logs.length >= 3);
    expect(logs[2]).toEqual(expect.objectContaining({ level: 50, msg: expect.stringContaining("endpoints[2].name: 'other bad name'") }));
    expect(accepted).toEqual([]);
    // The key back: the file on disk is refused again (without the empty key), the served text reloaded.
    writeFileSync(join(directory, 'openai.key'), 'sk-second-KEY-0002\n');
    await until(() => accepted.length === 1);
    expect(logs.slice(3)).toEqual([
      expect.objectContaining({ level: 50, msg: expect.not.stringContaining('is empty') }),
      expect.objectContaining({ level: 30, config_file: 'refused' }),
    ]);
  });

  test('a reload still compiling when the watcher is closed (a stop signal came meanwhile) is dropped: not served, logged or watched', async () => {
    const { path, directory, logs, accepted } = await start(config(endpoint('a')), { 'new.key': 'sk-new-0000000001' });
    writeFileSync(path, config(keyedEndpoint('new.key')));
    (watcher as ReloadingWatcher).reloadNow('SIGHUP');
    // One turn of the event loop: the compile has begun and waits for its next step (compileConfigText).
    await new Promise((resolve) => setImmediate(resolve));
    watcher?.close();
    // A compile of the same text begun now ends after the watcher's, whose steps take turns of the event loop before its own.
    await compileConfigText(config(keyedEndpoint('new.key')), path, silentLogger);
    expect(accepted).toEqual([]);
    expect(logs).toEqual([]);
    // Nothing later to wait for once the watcher is closed: time for the key's edit to be seen, were it watched.
    writeFileSync(join(directory, 'new.key'), 'sk-new-0000000002');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(accepted).toEqual([]);
    expect(logs).toEqual([]);
  });

  test('the secret files watched follow the config: a newly named one is, one no longer named is not', async () => {
    const { path, directory, accepted } = await start(config(keyedEndpoint('old.key')), { 'old.key': 'sk-old-0000000001', 'new.key': 'sk-new-0000000001' });
    writeFileSync(path, config(keyedEndpoint('new.key')));
    await until(() => accepted.length === 1);
    writeFileSync(join(directory, 'old.key'), 'sk-old-0000000002');
    writeFileSync(join(directory, 'new.key'), 'sk-new-0000000002');
    await until(() => accepted.length === 2);
    expect(apiKeyOf(accepted[1])).toBe('sk-new-0000000002');
    // Each file has a watcher of its own, so no later event of another file comes after what old.key's would cause: time for it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(accepted).toHaveLength(2);
  });

  test('an edit refused while a secret file was missing is served once the file is back, even with the same bytes', async () => {
    const { path, directory, logs, accepted } = await start(config(keyedEndpoint('openai.key')), { 'openai.key': 'sk-same-KEY-0001\n' });
    rmSync(join(directory, 'openai.key'));
    await until(() => logs.length === 1);
    writeFileSync(path, config(keyedEndpoint('openai.key'), endpoint('added')));
    await until(() => logs.length === 2);
    expect(accepted).toEqual([]);

    writeFileSync(join(directory, 'openai.key'), 'sk-same-KEY-0001\n');
    await until(() => accepted.length === 1);
    expect([...accepted[0].plan.endpoints.keys()]).toEqual(['chat', 'added']);
    expect(apiKeyOf(accepted[0])).toBe('sk-same-KEY-0001');
  });

  test('a deleted secret file is a warning; a config edit meanwhile is refused, not served with the path as its key', async () => {
    const { path, directory, logs, accepted } = await start(config(keyedEndpoint('openai.key')), { 'openai.key': 'sk-first-KEY-0001' });
    rmSync(join(directory, 'openai.key'));
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ level: 40, msg: `secret file ${join(directory, 'openai.key')} was deleted; still serving the last accepted config` });

    writeFileSync(path, config(keyedEndpoint('openai.key'), endpoint('b')));
    await until(() => logs.length === 2);
    expect(logs[1]).toMatchObject({ level: 50, reload: 'rejected: still serving the last accepted config' });
    expect(logs[1].msg).toContain(
      "endpoints[0].model.config.openai_api_key: the secret file './openai.key' no longer exists (the config being served read its key from it)",
    );
    expect(accepted).toEqual([]);

    // At start-up, a path that names no file is the secret itself, as in MLflow.
    expect(apiKeyOf(await compileConfigText(config(keyedEndpoint('openai.key')), path, silentLogger))).toBe('./openai.key');
  });

  test('a rotated Redis URL (a secret file) closes the old Redis connection once the old config\'s requests are over', async () => {
    const redis = await startRedis();
    try {
      const redisConfig = `
defaults: { timeouts: { total: 0.2 } }
endpoints:
  - { name: a, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 100, renewal_period: minute } }
rate_limit_store: { type: redis, url: ./redis.url }
`;
      const { directory, accepted } = await start(redisConfig, { 'redis.url': `redis://127.0.0.1:${redis.port}/0` });
      const served = await compileConfigText(redisConfig, join(directory, 'config.yaml'), silentLogger);
      await served.plan.endpoints.get('a')!.limiter!.admit();
      expect(await redisClients(redis.port)).toBe(1);

      writeFileSync(join(directory, 'redis.url'), `redis://127.0.0.1:${redis.port}/1`);
      await until(() => accepted.length === 1);
      await accepted[0].plan.endpoints.get('a')!.limiter!.admit();
      expect(await redisClients(redis.port)).toBe(2);
      // The old config's requests take at most 0.2 s (its total timeout), and a second to end.
      await until(async () => (await redisClients(redis.port)) === 1);
    } finally {
      await closeLimitBackends();
      await redis.stop();
    }
  });

  test('switching the Redis store back and forth reuses the connections still open for the old config\'s requests', async () => {
    const redis = await startRedis();
    try {
      // The default total timeout (600 s): a store the config stops naming stays open that long for the requests that may still use it.
      const redisConfig = `
endpoints:
  - { name: a, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 100, renewal_period: minute } }
rate_limit_store: { type: redis, url: ./redis.url }
`;
      const { directory, accepted } = await start(redisConfig, { 'redis.url': `redis://127.0.0.1:${redis.port}/0` });
      for (let switches = 1; switches <= 10; switches += 1) {
        writeFileSync(join(directory, 'redis.url'), `redis://127.0.0.1:${redis.port}/${switches % 2}`);
        await until(() => accepted.length === switches);
        await accepted[switches - 1].plan.endpoints.get('a')!.limiter!.admit();
      }
      // One connection per store named (database 0 and 1), not one per switch.
      expect(await redisClients(redis.port)).toBe(2);
    } finally {
      await closeLimitBackends();
      await redis.stop();
    }
  });
});

/** How many clients are connected to Redis, besides the one asking. */
function redisClients(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      const header = /^\$(\d+)\r\n/.exec(reply);
      if (header && reply.length >= header[0].length + Number(header[1])) {
        socket.destroy();
        resolve(reply.slice(header[0].length).split('\n').filter((line) => line.startsWith('id=')).length - 1);
      }
    });
    socket.on('error', reject);
    socket.write('CLIENT LIST\r\n');
  });
}
