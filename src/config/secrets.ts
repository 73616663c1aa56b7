/**
 * Secret resolution for provider configs: every `*_api_key` field of `model.config`, and the
 * credentials in Bedrock's `aws_config` (MLflow takes those literally, which breaks the documented
 * `$AWS_ACCESS_KEY_ID` style; we resolve them like every other secret); `rate_limit_store.url` and
 * the Sentinels' user and password; and the client keys under `auth.api_keys` (a `sha256:<hex>`
 * value is a digest and stays as it is).
 *
 * A value is `$NAME` (an environment variable), the path of an existing regular file (absolute, or
 * relative to the config file's directory, else to the working directory as in MLflow), or the secret
 * itself. No message ever contains a value.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigIssue } from './config-error';
import { childPath, formatYamlPath, isRecord } from './yaml-path';
import { quoted } from './quoted';

/** Where secret references are looked up. */
export interface SecretSources {
  env: NodeJS.ProcessEnv;
  /** Directory that relative secret file paths start from: the config file's directory. */
  baseDirectory: string;
  /**
   * Where a relative path not found from `baseDirectory` is looked up next: the process's working
   * directory, where MLflow reads every relative path (a config in a subfolder naming
   * `secrets/openai.key` beside the directory the gateway is started from).
   */
  workingDirectory?: string;
  /** Filled with each secret file read (absolute path → its text), so that reload can watch them. */
  filesRead?: Map<string, string>;
  /**
   * On reload, the secret files the served config read: such a path that no longer exists is an
   * error, not a secret written out (the rule that makes a missing path a literal secret).
   */
  filesServed?: ReadonlyMap<string, string>;
  /**
   * In a `--workers` worker: the secret files the primary read when it accepted the config. They
   * are used instead of the disk, so each worker serves exactly what the primary accepted.
   */
  fileContents?: ReadonlyMap<string, string>;
}

/** The outcome of resolving one secret reference. */
export type SecretResult = { ok: true; value: string } | { ok: false; message: string };

/** Credential fields of `aws_config` that are secrets. */
export const AWS_SECRET_FIELDS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'] as const;

/** True for the `model.config` keys that hold an API key. */
export function isApiKeyField(key: string): boolean {
  return key.endsWith('_api_key');
}

/** Resolves one secret reference to its value, refusing one no HTTP header could carry. */
export function resolveSecret(value: unknown, sources: SecretSources): SecretResult {
  const result = lookUpSecret(value, sources);
  return result.ok ? withoutControlCharacters(result.value) : result;
}

/**
 * Keys, credentials and URLs never hold control characters; one that does (a second newline, a
 * tab, a carriage return from a file written on Windows) would fail every call at the header, and
 * would be retried as if the vendor could not be reached. So would a character beyond U+00FF (a
 * typographic quote pasted with the key, a U+FFFD from a file that is not UTF-8): HTTP header
 * values are Latin-1. Refused at load instead; the message gives the position, never the value.
 */
function withoutControlCharacters(value: string): SecretResult {
  const position = value.search(/[\x00-\x1f\x7f\u0100-\uffff]/);
  if (position === -1) return { ok: true, value };
  const code = value.charCodeAt(position).toString(16).toUpperCase().padStart(4, '0');
  const kind = value.charCodeAt(position) > 0xff ? 'a character beyond U+00FF' : 'a control character';
  return { ok: false, message: `the secret holds ${kind} (U+${code}) at position ${position + 1} of ${value.length}, which no HTTP header may carry` };
}

function lookUpSecret(value: unknown, sources: SecretSources): SecretResult {
  if (typeof value !== 'string') {
    return {
      ok: false,
      message:
        'must be a string: an environment variable reference ($NAME), the path of a file holding the secret, or the secret itself',
    };
  }
  if (value.startsWith('$')) return fromEnvironment(value.slice(1), sources.env);
  const candidates = candidatePaths(value, sources);
  if (sources.fileContents !== undefined) return fromContents(value, candidates, sources);
  const filePath = candidates.find(isFile);
  if (filePath !== undefined) return fromFile(filePath, value, sources.filesRead);
  // MLflow sends such a path as the key itself, and every call is refused: the file inside was meant.
  // Beside the config (or absolute), or a path with a '/' from the working directory: a literal
  // key that is one word naming a folder there (`test`, `src`) is still a key.
  if (candidates.some((candidate, index) => (index === 0 || value.includes('/')) && isDirectory(candidate))) {
    return { ok: false, message: `${quoted(value)} is a directory: give the path of the file inside it that holds the secret` };
  }
  if (candidates.some((candidate) => sources.filesServed?.has(candidate))) {
    return { ok: false, message: `the secret file ${quoted(value)} no longer exists (the config being served read its key from it)` };
  }
  return { ok: true, value };
}

/** The absolute paths a reference may name: from the config file's directory, then from the working directory. */
function candidatePaths(value: string, sources: SecretSources): string[] {
  if (value === '') return [];
  const directories = [sources.baseDirectory, sources.workingDirectory ?? sources.baseDirectory];
  return [...new Set(directories.map((directory) => resolve(directory, value)))];
}

function fromEnvironment(name: string, env: NodeJS.ProcessEnv): SecretResult {
  // A Kubernetes Secret made from a file (`--from-file`) and read into an env var keeps the file's newline.
  const value = withoutTrailingNewline(env[name] ?? '');
  if (value !== '') return { ok: true, value };
  // MLflow reads `${NAME}` as a variable literally named `{NAME}`; say so instead of leaving users puzzled.
  // Set to nothing (an empty Kubernetes Secret key, `export NAME=`): "not set" would send the user to check that it is.
  if (env[name] !== undefined) return { ok: false, message: `environment variable ${quoted(name)} is set but empty: a secret must not be empty` };
  const hint = /^\{.+\}$/.test(name) ? ` (write $${name.slice(1, -1)}, not $${name})` : '';
  return { ok: false, message: `environment variable ${quoted(name)} is not set${hint}` };
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // Over-long strings or strings with NUL bytes are not paths; they are literal secrets.
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** A reference the primary read as a file gets that file's text as the primary read it; anything else is the secret itself. */
function fromContents(value: string, candidates: string[], sources: SecretSources): SecretResult {
  const filePath = candidates.find((candidate) => sources.fileContents?.has(candidate));
  const text = filePath === undefined ? undefined : sources.fileContents?.get(filePath);
  if (filePath === undefined || text === undefined) return { ok: true, value };
  sources.filesRead?.set(filePath, text);
  return fromText(text, value);
}

function fromFile(filePath: string, reference: string, filesRead: Map<string, string> | undefined): SecretResult {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read file ${quoted(reference)} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  filesRead?.set(filePath, text);
  return fromText(text, reference);
}

/** Editors end files with a newline; MLflow keeps it and the header value then breaks every request. */
function withoutTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Windows editors (Notepad, PowerShell's UTF-8 output) start a file with a byte order mark; it is never part of a key. */
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function fromText(text: string, reference: string): SecretResult {
  const value = withoutTrailingNewline(withoutByteOrderMark(text));
  return value === '' ? { ok: false, message: `file ${quoted(reference)} is empty` } : { ok: true, value };
}

/**
 * A copy of `config` with every secret resolved, and an issue for each secret that could not be.
 * The config may have schema problems (they are reported with these issues): only what has the
 * expected shape is resolved.
 */
export function resolveConfigSecrets<Config extends object>(config: Config, sources: SecretSources): { config: Config; issues: ConfigIssue[] } {
  const document = config as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  const resolved: Record<string, unknown> = { ...document };
  if (Array.isArray(document.endpoints)) {
    resolved.endpoints = document.endpoints.map((endpoint: unknown, index) =>
      resolveEndpointSecrets(endpoint, formatYamlPath(['endpoints', index, 'model', 'config']), sources, issues),
    );
  }
  if (isRecord(document.auth) && Array.isArray(document.auth.api_keys)) resolved.auth = resolveClientKeys(document.auth, document.auth.api_keys, sources, issues);
  if (isRecord(document.rate_limit_store)) resolved.rate_limit_store = resolveStoreSecrets(document.rate_limit_store, sources, issues);
  return { config: resolved as Config, issues };
}

/**
 * A Redis URL may carry a password, so it resolves like an API key, as do the Sentinels' password
 * and user (the master's user comes that way inside the URL: both can come from one Secret).
 */
function resolveStoreSecrets(store: Record<string, unknown>, sources: SecretSources, issues: ConfigIssue[]): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...store };
  for (const key of ['url', 'sentinel_username', 'sentinel_password']) {
    if (store[key] !== undefined) resolved[key] = resolveField(store[key], `rate_limit_store.${key}`, sources, issues);
  }
  return resolved;
}

/**
 * A client key written as a path, meant as a file: path characters only, and either starting `/`,
 * `./`, `../` or `~/`, or holding a `/` and a `.` (`keys/batch.key`). Random keys rarely pass: base64
 * has no `.` (and '+' or '=' mostly), hex and base64url no `/`.
 */
function looksLikePath(key: string): boolean {
  return /^[\w.\/~-]+$/.test(key) && (/^(?:\/|\.{1,2}\/|~\/)/.test(key) || (key.includes('/') && key.includes('.')));
}

/**
 * A client key that looks like a path but names no file is refused rather than taken as the key
 * itself (MLflow's rule for provider keys): a missing Secret mount would otherwise make the path,
 * which anyone reading the config knows, a key that lets its holder in.
 */
function missingKeyFileMessage(key: string): string {
  const tilde = key.startsWith('~/') ? " ('~' is not expanded: write the whole path)" : '';
  return `the file ${quoted(key)} does not exist${tilde}; a client key written as a path must name a file holding the key (a key that only looks like a path can come from an environment variable, $NAME, or as its sha256: digest)`;
}

function resolveClientKeys(auth: Record<string, unknown>, apiKeys: unknown[], sources: SecretSources, issues: ConfigIssue[]): Record<string, unknown> {
  const resolveKey = (entry: unknown, index: number) => {
    if (!isRecord(entry) || (typeof entry.key === 'string' && entry.key.startsWith('sha256:'))) return entry;
    const path = formatYamlPath(['auth', 'api_keys', index, 'key']);
    const issuesBefore = issues.length;
    const key = resolveField(entry.key, path, sources, issues);
    const readNoFile = issues.length === issuesBefore && key === entry.key;
    if (readNoFile && typeof key === 'string' && looksLikePath(key)) issues.push({ path, message: missingKeyFileMessage(key) });
    return { ...entry, key };
  };
  return { ...auth, api_keys: apiKeys.map(resolveKey) };
}

function resolveEndpointSecrets(endpoint: unknown, configPath: string, sources: SecretSources, issues: ConfigIssue[]): unknown {
  const model = isRecord(endpoint) ? endpoint.model : undefined;
  const providerConfig: unknown = isRecord(model) ? model.config : undefined;
  if (!isRecord(endpoint) || !isRecord(model) || !isRecord(providerConfig)) return endpoint;
  const resolved: Record<string, unknown> = { ...providerConfig };
  for (const [key, value] of Object.entries(providerConfig)) {
    if (isApiKeyField(key)) {
      resolved[key] = resolveField(value, childPath(configPath, key), sources, issues);
    }
  }
  if (isRecord(providerConfig.aws_config)) {
    resolved.aws_config = resolveAwsSecrets(providerConfig.aws_config, childPath(configPath, 'aws_config'), sources, issues);
  }
  return { ...endpoint, model: { ...model, config: resolved } };
}

function resolveAwsSecrets(
  awsConfig: Record<string, unknown>,
  awsPath: string,
  sources: SecretSources,
  issues: ConfigIssue[],
): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...awsConfig };
  for (const key of AWS_SECRET_FIELDS) {
    if (awsConfig[key] !== undefined) {
      resolved[key] = resolveField(awsConfig[key], childPath(awsPath, key), sources, issues);
    }
  }
  return resolved;
}

function resolveField(value: unknown, path: string, sources: SecretSources, issues: ConfigIssue[]): unknown {
  const result = resolveSecret(value, sources);
  if (result.ok) return result.value;
  issues.push({ path, message: result.message });
  return value;
}
