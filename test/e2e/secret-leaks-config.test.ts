/**
 * Can a secret leak through what the gateway says about a bad config? A config whose every
 * secret-bearing setting holds a canary (from `$ENV`, from a file, or written out: provider keys, a
 * base URL's password and query token, AWS keys, a client key, a Redis URL) is broken next to its
 * secrets in every way the loader reports: a wrong type beside a key, a key that is a mapping or a
 * list, a key written twice, YAML that does not parse on a key's line (an unterminated quote, a
 * colon, an alias or a tag), a key pasted as a key's name or under a misspelt name or into a field
 * that is quoted (the API type, the provider, the endpoint type), a secret holding a tab, credentials
 * in a base URL beside a key, client keys repeated or badly hashed, a Redis URL refused, a byte that
 * is not UTF-8. The CLI is started on each (`LOG_LEVEL=debug`; the starts side by side, each on a
 * config file of its own), and a running gateway with `--workers 2` reloads each in turn; all they
 * print is searched. Needs `npm run build`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { canary, leaksIn } from '../support/leak-hunt';
import { startSideBySide } from '../support/side-by-side';
import { CLI_START_SIDE_BY_SIDE_MS, within, WORKERS_TEST_MS } from '../support/timeouts';

// A start that never ends fails with its own message (after CLI_START_SIDE_BY_SIDE_MS), not with jest's timeout.
jest.setTimeout(CLI_START_SIDE_BY_SIDE_MS + 20_000);

const SECRETS = {
  openai: canary('openai'),
  functionCode: canary('function-code'),
  anthropic: canary('anthropic-file'),
  tabbed: canary('tabbed'),
  mistral: canary('mistral'),
  tgiPassword: canary('tgi-password'),
  awsKeyId: `AKIA${canary('key-id')}`,
  awsSecret: canary('aws-secret'),
  clientKey: canary('client-key'),
  redisPassword: canary('redis-password'),
  pasted: canary('pasted'),
};
const FORBIDDEN = Object.values(SECRETS);

const directory = mkdtempSync(join(tmpdir(), 'secret-leaks-config-'));
const configPath = join(directory, 'config.yaml');
writeFileSync(join(directory, 'anthropic.key'), `${SECRETS.anthropic}\n`);
writeFileSync(join(directory, 'tabbed.key'), `${SECRETS.tabbed}\tand more\n`);

const env = {
  OPENAI_KEY: SECRETS.openai,
  AWS_SECRET: SECRETS.awsSecret,
  CLIENT_KEY: SECRETS.clientKey,
  REDIS_URL: `redis://:${SECRETS.redisPassword}@127.0.0.1:1/0`,
  BAD_REDIS_URL: `http://:${SECRETS.redisPassword}@127.0.0.1:1/0`,
  LOG_LEVEL: 'debug',
};

interface Breakage {
  /** Lines under the OpenAI endpoint's `config:`, in place of its key. */
  openaiKey?: string;
  /** The OpenAI endpoint's `provider` and `endpoint_type`. */
  provider?: string;
  endpointType?: string;
  /** The client keys under `auth.api_keys`. */
  clientKeys?: string;
  /** The Redis URL's reference. */
  redisUrl?: string;
  /** Lines under the Mistral endpoint's `config:`, after its key. */
  mistral?: string;
  /** The Anthropic key's file. */
  anthropicKey?: string;
}

/** The config, valid unless `broken` says otherwise; each secret sits next to what may break. */
function configWith(broken: Breakage = {}): string {
  return `auth:
  api_keys:
${broken.clientKeys ?? '    - { name: ops, key: $CLIENT_KEY }'}
rate_limit_store: { type: redis, url: ${broken.redisUrl ?? '$REDIS_URL'}, on_error: open, timeout_ms: 200 }
endpoints:
  - name: openai
    endpoint_type: ${broken.endpointType ?? 'llm/v1/chat'}
    model:
      provider: ${broken.provider ?? 'openai'}
      name: gpt-4o-mini
      config:
        ${broken.openaiKey ?? 'openai_api_key: $OPENAI_KEY'}
        openai_api_base: "http://127.0.0.1:1/fn/v1?code=${SECRETS.functionCode}"
  - name: anthropic
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: ${broken.anthropicKey ?? 'anthropic.key'} } }
  - name: mistral
    endpoint_type: llm/v1/chat
    model:
      provider: mistral
      name: mistral-small
      config:
        mistral_api_key: ${SECRETS.mistral}
        ${broken.mistral ?? ''}
  - name: tgi
    endpoint_type: llm/v1/completions
    model: { provider: huggingface-text-generation-inference, config: { hf_server_url: "http://tgi-user:${SECRETS.tgiPassword}@127.0.0.1:1" } }
  - name: bedrock
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: { aws_config: { aws_region: us-east-1, aws_access_key_id: ${SECRETS.awsKeyId}, aws_secret_access_key: $AWS_SECRET } } }
`;
}

/** Each way to break the config next to its secrets; `refused`: whether the loader refuses it (else it only warns). */
const BREAKAGES: [string, Breakage, boolean][] = [
  ['a wrong type beside a key', { openaiKey: 'openai_api_key: $OPENAI_KEY\n        temperature: hot\n        openai_organization: [x]' }, true],
  ['a key that is a mapping', { openaiKey: `openai_api_key: { value: ${SECRETS.pasted} }` }, true],
  ['a key that is a list', { openaiKey: `openai_api_key: [${SECRETS.pasted}]` }, true],
  ['a key written twice', { openaiKey: `openai_api_key: ${SECRETS.pasted}\n        openai_api_key: $OPENAI_KEY` }, false],
  ['an unterminated quote on a key', { openaiKey: `openai_api_key: "${SECRETS.pasted}` }, true],
  ['a key followed by a colon', { openaiKey: `openai_api_key: ${SECRETS.pasted}: x` }, true],
  ['a key read as an alias', { openaiKey: `openai_api_key: *${SECRETS.pasted}` }, true],
  ['a key read as a tag', { openaiKey: `openai_api_key: !${SECRETS.pasted} x` }, true],
  ['a key pasted as a key name', { openaiKey: `openai_api_key: $OPENAI_KEY\n        ${SECRETS.pasted}: x` }, false],
  ['a key under a misspelt name', { openaiKey: `openai_api_kye: ${SECRETS.pasted}\n        openai_api_key: $OPENAI_KEY` }, false],
  ['a key pasted as the API type', { openaiKey: `openai_api_key: $OPENAI_KEY\n        openai_api_type: ${SECRETS.pasted}` }, true],
  ['a key pasted as the provider', { provider: SECRETS.pasted }, true],
  ['a key pasted as the endpoint type', { endpointType: SECRETS.pasted }, true],
  ['a key file holding a tab', { anthropicKey: 'tabbed.key' }, true],
  ['credentials in a base URL beside a key', { mistral: `mistral_api_base: "http://mistral-user:${SECRETS.pasted}@127.0.0.1:1/v1"` }, true],
  ['a client key written twice', { clientKeys: `    - { name: ops, key: $CLIENT_KEY }\n    - { name: ci, key: ${SECRETS.clientKey} }` }, true],
  ['a client key badly hashed', { clientKeys: `    - { name: ops, key: "sha256:${SECRETS.pasted}" }` }, true],
  ['a client key that is a mapping', { clientKeys: `    - { name: ops, key: { value: ${SECRETS.pasted} } }` }, true],
  ['a Redis URL that is not redis://', { redisUrl: '$BAD_REDIS_URL' }, true],
  ['a Redis URL written out with a database that is not a number', { redisUrl: `"redis://:${SECRETS.pasted}@127.0.0.1:1/db"` }, true],
];

/** The config text, with `\u0000` standing for a byte that is not UTF-8. */
const NOT_UTF8: [string, Buffer] = ['a byte that is not UTF-8 after a key', Buffer.from(configWith({ openaiKey: `openai_api_key: ${SECRETS.pasted}\u0000` }).replace('\u0000', '\u00ff'), 'latin1')];

async function stop(run: CliRun): Promise<void> {
  if (run.child.exitCode === null) run.child.kill('SIGTERM');
  await within(run.exited, 15_000, 'the gateway exiting');
}

interface StartUp {
  /** The exit code of a refused start; undefined for one that served (and was stopped). */
  refusedWith?: number | null;
  output: string;
}

/** Starts the CLI on `text` (written to `name`); a config it refuses must end the process, one it serves must become healthy. */
async function startOn(name: string, text: string | Buffer, refused: boolean): Promise<StartUp> {
  const path = join(directory, name);
  writeFileSync(path, text);
  const port = await freePort();
  const run = runCli(['--config-path', path, '--port', String(port)], env);
  if (refused) return { refusedWith: await within(run.exited, CLI_START_SIDE_BY_SIDE_MS, 'the gateway exiting'), output: run.output() };
  await waitForHealth(`http://127.0.0.1:${port}`, run, CLI_START_SIDE_BY_SIDE_MS);
  await stop(run);
  return { output: run.output() };
}

/** Every start-up below, started side by side when the file starts, by the name of its breakage. */
const startUps = new Map<string, Promise<StartUp>>();
beforeAll(() => {
  const starts: [string, string | Buffer, boolean][] = [...BREAKAGES.map(([name, breakage, refused]): [string, string, boolean] => [name, configWith(breakage), refused]), [NOT_UTF8[0], NOT_UTF8[1], true]];
  const results = startSideBySide(starts.map(([, text, refused], index) => () => startOn(`start-up-${index}.yaml`, text, refused)));
  starts.forEach(([name], index) => startUps.set(name, results[index]));
});
// A test left out (jest -t) leaves its start-up running: it ends before the file does.
afterAll(() => Promise.allSettled(startUps.values()));

test.each(BREAKAGES)('start-up on a config with %s: what the gateway prints holds no secret', async (name, _breakage, refused) => {
  const { refusedWith, output } = await startUps.get(name)!;
  if (refused) expect(refusedWith).toBe(2);
  // It said what is wrong (or what it ignores) with the setting beside the secret.
  expect(output).toMatch(/Invalid gateway configuration|does not read/);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test('start-up on a config with a byte that is not UTF-8 after a key: what the gateway prints holds no secret', async () => {
  const { refusedWith, output } = await startUps.get(NOT_UTF8[0])!;
  expect(refusedWith).toBe(2);
  expect(output).toContain('UTF-8');
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test('a running gateway with --workers 2 reloading each broken config in turn: what it prints holds no secret', async () => {
  writeFileSync(configPath, configWith());
  const port = await freePort();
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2'], env);
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, run);
    const broken: [string | Buffer, boolean][] = [...BREAKAGES.map(([, breakage, refused]): [string, boolean] => [configWith(breakage), refused]), [NOT_UTF8[1], true]];
    for (const [text, refused] of broken) {
      const before = run.output().length;
      writeFileSync(configPath, text);
      // A refused config is logged as such; one that is served, for the keys it ignores.
      await waitForOutput(run, before, refused ? /"reload":/ : /does not read/);
    }
  } finally {
    await stop(run);
  }
  expect(run.output()).toContain('Invalid gateway configuration');
  expect(leaksIn(run.output(), FORBIDDEN)).toEqual([]);
}, WORKERS_TEST_MS);

/** Waits until the output after `from` matches `pattern`. */
async function waitForOutput(run: CliRun, from: number, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(run.output().slice(from))) {
    if (Date.now() > deadline) throw new Error(`no output matched ${String(pattern)}:\n${run.output().slice(from)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
