import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';
import { resolveConfigSecrets, resolveSecret } from '../../../src/config/secrets';
import type { GatewayConfig } from '../../../generated/config';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'gateway-secrets-'));
  mkdirSync(join(directory, 'keys'));
  writeFileSync(join(directory, 'keys', 'lf.key'), 'sk-lf\n');
  writeFileSync(join(directory, 'keys', 'crlf.key'), 'sk-crlf\r\n');
  writeFileSync(join(directory, 'keys', 'two-newlines.key'), 'sk-two\n\n');
  writeFileSync(join(directory, 'keys', 'bare.key'), 'sk-bare');
  writeFileSync(join(directory, 'keys', 'blank.key'), '\n');
  // Notepad's and PowerShell's "UTF-8" start with a byte order mark; a Latin-1 file is not UTF-8.
  writeFileSync(join(directory, 'keys', 'bom.key'), '\uFEFFsk-bom\r\n');
  writeFileSync(join(directory, 'keys', 'latin1.key'), Buffer.from('sk-caf\xe9\n', 'latin1'));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

const sources = () => ({ env: { OPENAI_API_KEY: 'sk-env', EMPTY: '' }, baseDirectory: directory });

describe('resolveSecret', () => {
  it('reads $NAME from the environment', () => {
    expect(resolveSecret('$OPENAI_API_KEY', sources())).toEqual({ ok: true, value: 'sk-env' });
  });

  it('reports an unset or empty environment variable by name', () => {
    expect(resolveSecret('$MISSING', sources())).toEqual({ ok: false, message: "environment variable 'MISSING' is not set" });
    expect(resolveSecret('$EMPTY', sources())).toEqual({ ok: false, message: "environment variable 'EMPTY' is set but empty: a secret must not be empty" });
  });

  it('explains that ${NAME} is not the syntax', () => {
    expect(resolveSecret('${OPENAI_API_KEY}', sources())).toEqual({
      ok: false,
      message: "environment variable '{OPENAI_API_KEY}' is not set (write $OPENAI_API_KEY, not ${OPENAI_API_KEY})",
    });
  });

  it('strips one trailing newline from $NAME, as from a file (a Kubernetes Secret made from a file, read into an env var)', () => {
    const env = { LF: 'sk-lf\n', CRLF: 'sk-crlf\r\n', TWO: 'sk-two\n\n', NEWLINE_ONLY: '\n' };
    const from = (reference: string) => resolveSecret(reference, { env, baseDirectory: directory });
    expect(from('$LF')).toEqual({ ok: true, value: 'sk-lf' });
    expect(from('$CRLF')).toEqual({ ok: true, value: 'sk-crlf' });
    expect(from('$TWO')).toEqual({ ok: false, message: 'the secret holds a control character (U+000A) at position 7 of 7, which no HTTP header may carry' });
    expect(from('$NEWLINE_ONLY')).toEqual({ ok: false, message: "environment variable 'NEWLINE_ONLY' is set but empty: a secret must not be empty" });
  });

  it('reads a file relative to the config directory, stripping one trailing newline', () => {
    expect(resolveSecret('keys/lf.key', sources())).toEqual({ ok: true, value: 'sk-lf' });
    expect(resolveSecret('keys/crlf.key', sources())).toEqual({ ok: true, value: 'sk-crlf' });
    expect(resolveSecret('keys/two-newlines.key', sources())).toEqual({ ok: false, message: 'the secret holds a control character (U+000A) at position 7 of 7, which no HTTP header may carry' });
    expect(resolveSecret('keys/bare.key', sources())).toEqual({ ok: true, value: 'sk-bare' });
  });

  it('refuses a secret holding a control character, which no HTTP header may carry, naming its position but never its value', () => {
    const env = { TAB: 'sk-tab\there', CR: 'sk-cr\rx', NUL: 'sk\u0000', DEL: 'sk\u007f' };
    const from = (reference: string) => resolveSecret(reference, { env, baseDirectory: directory });
    expect(from('$TAB')).toEqual({ ok: false, message: 'the secret holds a control character (U+0009) at position 7 of 11, which no HTTP header may carry' });
    expect(from('$CR')).toEqual({ ok: false, message: 'the secret holds a control character (U+000D) at position 6 of 7, which no HTTP header may carry' });
    expect(from('$NUL')).toMatchObject({ ok: false, message: expect.stringContaining('(U+0000) at position 3 of 3') });
    expect(from('$DEL')).toMatchObject({ ok: false, message: expect.stringContaining('(U+007F) at position 3 of 3') });
    expect(resolveSecret('sk-literal\twith-tab', sources())).toMatchObject({ ok: false, message: expect.stringContaining('(U+0009) at position 11') });
    // Printable characters beyond ASCII are not control characters (the vendor judges them).
    expect(resolveSecret('sk-é', sources())).toEqual({ ok: true, value: 'sk-é' });
  });

  it('reads a relative path from the working directory when the config directory has no such file (MLflow reads it from there)', () => {
    const workingDirectory = join(directory, 'started-here');
    mkdirSync(join(workingDirectory, 'keys'), { recursive: true });
    writeFileSync(join(workingDirectory, 'keys', 'only-here.key'), 'sk-working\n');
    writeFileSync(join(workingDirectory, 'keys', 'lf.key'), 'sk-shadowed\n');
    const from = (reference: string) => resolveSecret(reference, { ...sources(), workingDirectory });
    expect(from('keys/only-here.key')).toEqual({ ok: true, value: 'sk-working' });
    // The config's directory comes first.
    expect(from('keys/lf.key')).toEqual({ ok: true, value: 'sk-lf' });
    expect(from('keys/nowhere.key')).toEqual({ ok: true, value: 'keys/nowhere.key' });
    // A folder is refused beside the config only: a literal key naming a folder of the working directory is a key.
    expect(from('keys')).toEqual({ ok: false, message: "'keys' is a directory: give the path of the file inside it that holds the secret" });
    mkdirSync(join(workingDirectory, 'test'));
    expect(from('test')).toEqual({ ok: true, value: 'test' });
    // A path to a folder of the working directory (a Secret mounted there) is refused like one beside the config.
    mkdirSync(join(workingDirectory, 'mounted', 'openai'), { recursive: true });
    expect(from('mounted/openai')).toEqual({ ok: false, message: "'mounted/openai' is a directory: give the path of the file inside it that holds the secret" });
  });

  it('reads a key file that starts with a byte order mark without the mark', () => {
    expect(resolveSecret('keys/bom.key', sources())).toEqual({ ok: true, value: 'sk-bom' });
  });

  it('refuses a secret holding a character beyond U+00FF, which no HTTP header may carry (undici refuses the header, every call would fail)', () => {
    const env = { QUOTED: 'sk-abc\u2019', BOM: '\uFEFFsk-abc' };
    const from = (reference: string) => resolveSecret(reference, { env, baseDirectory: directory });
    expect(from('$QUOTED')).toEqual({ ok: false, message: 'the secret holds a character beyond U+00FF (U+2019) at position 7 of 7, which no HTTP header may carry' });
    expect(from('$BOM')).toEqual({ ok: false, message: 'the secret holds a character beyond U+00FF (U+FEFF) at position 1 of 7, which no HTTP header may carry' });
    // A file that is not UTF-8 reads as U+FFFD where its bytes are not.
    expect(resolveSecret('keys/latin1.key', sources())).toEqual({ ok: false, message: 'the secret holds a character beyond U+00FF (U+FFFD) at position 7 of 7, which no HTTP header may carry' });
  });

  it('reads a file by absolute path', () => {
    expect(resolveSecret(join(directory, 'keys', 'lf.key'), sources())).toEqual({ ok: true, value: 'sk-lf' });
  });

  it('reports an empty key file by its path', () => {
    expect(resolveSecret('keys/blank.key', sources())).toEqual({ ok: false, message: "file 'keys/blank.key' is empty" });
  });

  it('uses anything else literally', () => {
    expect(resolveSecret('sk-literal', sources())).toEqual({ ok: true, value: 'sk-literal' });
    expect(resolveSecret('keys/missing.key', sources())).toEqual({ ok: true, value: 'keys/missing.key' });
    expect(resolveSecret('x'.repeat(5000), sources())).toEqual({ ok: true, value: 'x'.repeat(5000) });
    // Not a path (no crash on the NUL), and refused as no header could carry it.
    expect(resolveSecret('a\u0000b', sources())).toMatchObject({ ok: false, message: expect.stringContaining('(U+0000) at position 2 of 3') });
  });

  // A Kubernetes Secret is mounted as a folder of files: naming the folder (MLflow sends the path as the key) is a slip.
  it('refuses a path that names a directory, relative or absolute, saying to name the file inside it', () => {
    expect(resolveSecret('keys', sources())).toEqual({ ok: false, message: "'keys' is a directory: give the path of the file inside it that holds the secret" });
    expect(resolveSecret('keys/', sources())).toEqual({ ok: false, message: "'keys/' is a directory: give the path of the file inside it that holds the secret" });
    expect(resolveSecret(join(directory, 'keys'), sources())).toEqual({
      ok: false,
      message: `'${join(directory, 'keys')}' is a directory: give the path of the file inside it that holds the secret`,
    });
  });

  it('rejects a value that is not a string', () => {
    expect(resolveSecret(12345, sources())).toEqual({
      ok: false,
      message: 'must be a string: an environment variable reference ($NAME), the path of a file holding the secret, or the secret itself',
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('resolveConfigSecrets', () => {
  const input: GatewayConfig = deepFreeze({
    endpoints: [
      {
        name: 'chat',
        endpoint_type: 'llm/v1/chat',
        model: { provider: 'openai', config: { openai_api_key: '$OPENAI_API_KEY', openai_api_base: '$NOT_A_SECRET' } },
      },
      {
        name: 'bedrock',
        endpoint_type: 'llm/v1/completions',
        model: {
          provider: 'bedrock',
          config: {
            aws_config: {
              aws_region: '$REGION',
              aws_access_key_id: 'keys/bare.key',
              aws_secret_access_key: '$OPENAI_API_KEY',
              aws_session_token: 'literal-token',
            },
          },
        },
      },
      { name: 'mock', endpoint_type: 'llm/v1/chat', model: { provider: 'mock', config: { plugin_api_key: 42 } } },
      { name: 'bare', endpoint_type: 'llm/v1/chat', model: { provider: 'mock' } },
    ],
  } as GatewayConfig);

  it('returns a new config with *_api_key and aws_config credentials resolved, leaving the input alone', () => {
    const { config, issues } = resolveConfigSecrets(input, sources());
    expect(config.endpoints[0].model.config).toEqual({ openai_api_key: 'sk-env', openai_api_base: '$NOT_A_SECRET' });
    expect(config.endpoints[1].model.config).toEqual({
      aws_config: {
        aws_region: '$REGION',
        aws_access_key_id: 'sk-bare',
        aws_secret_access_key: 'sk-env',
        aws_session_token: 'literal-token',
      },
    });
    expect(config.endpoints[3]).toBe(input.endpoints[3]);
    expect(issues).toEqual([
      {
        path: 'endpoints[2].model.config.plugin_api_key',
        message: 'must be a string: an environment variable reference ($NAME), the path of a file holding the secret, or the secret itself',
      },
    ]);
    expect(input.endpoints[0].model.config).toEqual({ openai_api_key: '$OPENAI_API_KEY', openai_api_base: '$NOT_A_SECRET' });
  });

  it('locates unresolvable aws_config secrets', () => {
    const { issues } = resolveConfigSecrets(input, { env: {}, baseDirectory: directory });
    expect(issues.map((issue) => issue.path)).toEqual([
      'endpoints[0].model.config.openai_api_key',
      'endpoints[1].model.config.aws_config.aws_secret_access_key',
      'endpoints[2].model.config.plugin_api_key',
    ]);
  });

  describe('client keys written as paths', () => {
    const withClientKeys = (keys: string[]) => ({ endpoints: [], auth: { api_keys: keys.map((key, index) => ({ name: `k${index}`, key })) } }) as unknown as GatewayConfig;
    const clientKeys = (config: GatewayConfig) => (config as unknown as { auth: { api_keys: { key: string }[] } }).auth.api_keys.map((entry) => entry.key);

    it('refuses one that names no file, rather than letting the path itself in as the key', () => {
      const keys = ['/run/secrets/batch.key', './keys/missing.key', '../elsewhere/missing.key', '~/keys/ci.key', 'keys/missing.key'];
      const { issues } = resolveConfigSecrets(withClientKeys(keys), sources());
      expect(issues.map((issue) => issue.path)).toEqual(keys.map((_, index) => `auth.api_keys[${index}].key`));
      expect(issues[0].message).toBe(
        "the file '/run/secrets/batch.key' does not exist; a client key written as a path must name a file holding the key (a key that only looks like a path can come from an environment variable, $NAME, or as its sha256: digest)",
      );
      expect(issues[3].message).toContain("('~' is not expanded: write the whole path)");
    });

    it('reads one that names a file, and takes keys that only contain slashes or other characters literally', () => {
      const base64Key = '/q3Zx+9kLw0Yt1mN2pR4sT6uV8wX0yZ2aB4cD6eF8gH=';
      const { config, issues } = resolveConfigSecrets(withClientKeys(['./keys/lf.key', base64Key, 'team/batch-key', `${directory}/keys/bare.key`]), sources());
      expect(issues).toEqual([]);
      expect(clientKeys(config)).toEqual(['sk-lf', base64Key, 'team/batch-key', 'sk-bare']);
    });
  });
});

describe('secrets through parseConfigText', () => {
  const configPath = () => join(directory, 'gateway.yaml');

  it('resolves relative key files from the config file directory, not the working directory', () => {
    const config = parseConfigText(
      'endpoints:\n  - {name: c, endpoint_type: llm/v1/chat, model: {provider: anthropic, name: claude-sonnet-4-5, config: {anthropic_api_key: keys/crlf.key}}}\n',
      configPath(),
      { env: {} },
    );
    expect(config.endpoints[0].model.config).toEqual({ anthropic_api_key: 'sk-crlf' });
  });

  it('defaults to process.env', () => {
    process.env.GATEWAY_TEST_GEMINI_KEY = 'from-process-env';
    try {
      const config = parseConfigText(
        'endpoints:\n  - {name: g, endpoint_type: llm/v1/chat, model: {provider: gemini, name: gemini-2.5-flash, config: {gemini_api_key: $GATEWAY_TEST_GEMINI_KEY}}}\n',
        configPath(),
      );
      expect(config.endpoints[0].model.config).toEqual({ gemini_api_key: 'from-process-env' });
    } finally {
      delete process.env.GATEWAY_TEST_GEMINI_KEY;
    }
  });

  function messageOf(text: string, env: NodeJS.ProcessEnv): string {
    try {
      parseConfigText(text, configPath(), { env });
    } catch (error) {
      return (error as ConfigError).message;
    }
    throw new Error('expected a ConfigError');
  }

  it('never puts a resolved secret value in an error message', () => {
    const message = messageOf(
      `
endpoints:
  - {name: a, endpoint_type: llm/v1/chat, model: {provider: openai, config: {openai_api_key: $OPENAI_API_KEY, openai_deployment_name: d}}}
  - {name: b, endpoint_type: llm/v1/chat, model: {provider: anthropic, config: {anthropic_api_key: keys/lf.key}}}
  - {name: c, endpoint_type: llm/v1/chat, model: {provider: gemini, config: {gemini_api_key: sk-inline-SECRET}}}
  - {name: d, endpoint_type: llm/v1/chat, model: {provider: mock, config: {mock_api_key: 987654321}}}
  - {name: a, endpoint_type: llm/v1/chat, model: {provider: mock}}
`,
      { OPENAI_API_KEY: 'sk-env-SECRET' },
    );
    expect(message).toContain('endpoints[0].model.config.openai_deployment_name');
    expect(message).toContain('endpoints[3].model.config.mock_api_key: must be a string');
    expect(message).toContain("endpoints[4].name: duplicate name 'a'");
    for (const secret of ['sk-env-SECRET', 'sk-lf', 'sk-inline-SECRET', '987654321']) {
      expect(message).not.toContain(secret);
    }
  });

  it('never puts a secret value in a schema error message', () => {
    const message = messageOf(
      `
endpoints:
  - {name: a, endpoint_type: llm/v1/chat, model: {provider: gemini, config: {gemini_api_key: sk-inline-SECRET, temperature: 9}}}
  - {name: b, endpoint_type: llm/v1/chat, model: {provider: cohere, config: {cohere_api_key: 13579}}}
  - {name: c, endpoint_type: llm/v1/completions, model: {provider: bedrock, config: {aws_config: {aws_session_token: AWS-TOKEN-SECRET}}}}
`,
      {},
    );
    expect(message).toContain('endpoints[0].model.config.temperature: must be at most 2');
    expect(message).toContain('endpoints[1].model.config.cohere_api_key: must be a string');
    expect(message).toContain("endpoints[2].model.config.aws_config.aws_access_key_id: is required when 'aws_session_token' is set");
    for (const secret of ['sk-inline-SECRET', '13579', 'AWS-TOKEN-SECRET']) {
      expect(message).not.toContain(secret);
    }
  });

  it('never quotes the YAML source, which may hold a secret, when the YAML is broken', () => {
    let message = '';
    try {
      parseConfigText('endpoints:\n  - name: a\n    model: {config: {openai_api_key: "sk-broken-SECRET}}\n', configPath(), { env: {} });
    } catch (error) {
      message = (error as ConfigError).message;
    }
    expect(message).toContain('is not a valid yaml file');
    expect(message).not.toContain('sk-broken-SECRET');
  });

  it('reports every unresolvable secret once the structure is valid', () => {
    let issues: unknown;
    try {
      parseConfigText(
        `endpoints:
  - {name: a, endpoint_type: llm/v1/chat, model: {provider: openai, config: {openai_api_key: $OPENAI_API_KEY}}}
  - {name: b, endpoint_type: llm/v1/completions, model: {provider: bedrock, config: {aws_config: {aws_access_key_id: $AWS_ACCESS_KEY_ID, aws_secret_access_key: $AWS_SECRET_ACCESS_KEY}}}}
`,
        configPath(),
        { env: { AWS_ACCESS_KEY_ID: 'AKIA' } },
      );
    } catch (error) {
      issues = (error as ConfigError).issues;
    }
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.openai_api_key', message: "environment variable 'OPENAI_API_KEY' is not set" },
      {
        path: 'endpoints[1].model.config.aws_config.aws_secret_access_key',
        message: "environment variable 'AWS_SECRET_ACCESS_KEY' is not set",
      },
    ]);
  });
});
