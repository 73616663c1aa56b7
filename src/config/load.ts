/**
 * Loads an MLflow AI Gateway config file: read, parse (YAML), normalise spellings, read numbers and
 * booleans as MLflow does where the schema wants them (typed-by-schema.ts), validate against
 * config-schema/gateway-config.schema.json, apply MLflow's cross-field rules (cross-field-issues.ts),
 * resolve secrets, check the rules compilePlan applies to settings (settings-issues.ts) and what the
 * built-in providers refuse when building an endpoint (provider-endpoint.ts). Every problem of the file is
 * reported at once in one ConfigError, each located by its YAML path, in document order; nothing
 * here builds anything that outlives the check (no pool, client, store or plugin import), so a
 * refused config (on reload) has no side effects.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CORE_SCHEMA, load as parseYaml, Type as YamlType, YAMLException } from 'js-yaml';
import type { GatewayConfig } from '../../generated/config';
import { aliasIssue } from './aliases';
import { discoverPlugins } from '../plugins/catalog';
import { ConfigError, type ConfigIssue } from './config-error';
import { deprecatedKeyIssues, semanticIssues } from './cross-field-issues';
import { unknownKeyWarnings } from './ignored-keys';
import { normaliseConfig } from './normalise';
import { pluginProviderIssues } from './plugin-issues';
import { endpointBuildIssues } from './provider-endpoint';
import { schemaIssues } from './schema-issues';
import { secretLikeKeyLabel } from './secret-like-keys';
import { settingsIssues } from './settings-issues';
import { runInSlices, runWhole, type Steps } from './slices';
import { resolveConfigSecrets } from './secrets';
import { typedBySchema } from './typed-by-schema';
import { separateYaml11Readings, yaml11BooleanType, yaml11ExplicitFloatType, yaml11FloatType, yaml11IntType, type JsonPointer } from './yaml-1-1';
import { isRecord } from './yaml-path';
import { DUPLICATED_KEY, readPastTags, tagProblem } from './yaml-tags';
import { quoted } from './quoted';

/** How a config file is loaded. */
export interface LoadOptions {
  /** Where `$NAME` secrets are looked up; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Filled with each secret file read: absolute path → its text. */
  secretFiles?: Map<string, string>;
  /** On reload: the secret files the served config read, which must still exist. */
  servedSecretFiles?: ReadonlyMap<string, string>;
  /** In a `--workers` worker: the secret files as the primary read them, used instead of the disk. */
  secretFileContents?: ReadonlyMap<string, string>;
  /** Filled with the first key written twice in one mapping, if any (the config still loads, the last one read). */
  repeatedKeys?: ConfigIssue[];
}

/** Reads, parses, validates and normalises a config file; throws ConfigError listing every problem. */
export function loadConfigFile(filePath: string, options: LoadOptions = {}): GatewayConfig {
  return parseConfigText(readConfigFile(filePath), filePath, options);
}

/**
 * Same as loadConfigFile, from text. `filePath` is only used in messages and as the directory
 * that relative secret file paths start from.
 */
export function parseConfigText(text: string, filePath: string, options: LoadOptions = {}): GatewayConfig {
  return runWhole(configCheckSteps(text, filePath, options));
}

/** Same as parseConfigText, letting the event loop turn between its steps (a reload: the process serves meanwhile). */
export function parseConfigTextInSlices(text: string, filePath: string, options: LoadOptions = {}): Promise<GatewayConfig> {
  return runInSlices(configCheckSteps(text, filePath, options));
}

/** The check, each pass over the document a step of its own, the endpoints built in slices. */
function* configCheckSteps(text: string, filePath: string, options: LoadOptions): Steps<GatewayConfig> {
  const { document, readings, repeatedKey, tagIssues } = yield* parseDocument(text, filePath);
  if (repeatedKey !== null) options.repeatedKeys?.push(repeatedKey);
  yield;
  const spellingsNormalised = normaliseConfig(document);
  const plugins = discoverPlugins(spellingsNormalised.plugins, filePath);
  yield;
  const normalised = typedBySchema(spellingsNormalised, readings, plugins);
  yield;
  const structuralIssues = schemaIssues(normalised);
  yield;
  // Secrets resolve even beside schema problems, so that an unset `$ENV_VAR` is reported with them.
  const sources = { env: options.env ?? process.env, baseDirectory: dirname(resolve(filePath)), workingDirectory: process.cwd(), filesRead: options.secretFiles, filesServed: options.servedSecretFiles, fileContents: options.secretFileContents };
  const resolved = resolveConfigSecrets(normalised, sources);
  // A secret the schema refuses (not a string, missing) has its schema issue; resolving adds nothing.
  const secretIssues = resolved.issues.filter((issue) => !structuralIssues.some((structural) => structural.path === issue.path));
  // A secret that could not be resolved has its own issue; later rules would only judge the reference.
  const unresolved = new Set(resolved.issues.map((issue) => issue.path));
  yield;
  const issues = [...deprecatedKeyIssues(document), ...structuralIssues, ...semanticIssues(normalised), ...plugins.issues, ...secretIssues];
  yield;
  issues.push(...pluginProviderIssues(normalised, plugins, resolved.config).filter((issue) => !unresolved.has(issue.path)), ...settingsIssues(resolved.config, structuralIssues, unresolved));
  yield;
  // Last: only an endpoint without a problem of its own (an unresolved secret included) is built.
  issues.push(...(yield* endpointBuildIssues(resolved.config, [...issues, ...resolved.issues])));
  if (issues.length > 0 || tagIssues.length > 0) {
    yield;
    const refused = orderIssues(uniqueIssues([...tagIssues, ...issues.filter((issue) => !tagIssues.some((tagged) => isAtOrUnder(issue.path, tagged.path)))]), Object.keys(document));
    throw new ConfigError(filePath, refused, [...(repeatedKey === null ? [] : [repeatedKey]), ...ignoredKeysBeside(refused, normalised)]);
  }
  return resolved.config as unknown as GatewayConfig;
}

/** The file's text; throws ConfigError (same messages as loadConfigFile) when it cannot be read or is not UTF-8. */
export function readConfigFile(filePath: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `${filePath} does not exist`
        : code === 'EISDIR'
          ? `${filePath} is a directory, not a config file`
          : `cannot read ${filePath} (${code ?? 'unknown error'})`;
    throw new ConfigError(filePath, [{ path: '', message }]);
  }
  return decodeConfigBytes(bytes, filePath);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a config file's bytes, without a leading byte order mark. Bytes that are not UTF-8
 * (a file saved as Latin-1 or Windows-1252) are refused: decoded leniently, they would become
 * U+FFFD, and a model name or secret holding one would silently differ from what was written.
 */
export function decodeConfigBytes(bytes: Uint8Array, filePath: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    const message = `the file is not valid UTF-8: the byte at offset ${offset} (line ${line}) is not part of a UTF-8 character; save the file as UTF-8`;
    throw new ConfigError(filePath, [{ path: '', message }]);
  }
}

/** Where the first invalid sequence starts: every character before it is decoded as written. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  for (const character of buffer.toString('utf8')) {
    const writtenAsReplacement = character === '\uFFFD' && buffer[offset] === 0xef && buffer[offset + 1] === 0xbf && buffer[offset + 2] === 0xbd;
    if (character === '\uFFFD' && !writtenAsReplacement) return offset;
    offset += Buffer.byteLength(character);
  }
  return offset;
}

// YAML 1.2 core types (so `2023-05-15` stays a string; PyYAML makes it a date that MLflow then
// rejects) plus `<<` merge keys, which PyYAML's safe loader honours and MLflow configs may use, and
// YAML 1.1's ints, floats and booleans kept with their text, and `!!float` as PyYAML constructs it (yaml-1-1.ts).
// The merge type is js-yaml's own definition; its typings do not export `types.merge`.
const mergeKeyType = new YamlType('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<' || data === null,
});

const configYamlSchema = CORE_SCHEMA.extend({
  implicit: [mergeKeyType, yaml11BooleanType, yaml11IntType, yaml11FloatType],
  explicit: [yaml11ExplicitFloatType],
});

/**
 * YAML as PyYAML reads it for MLflow: a key written twice in one mapping is no error, the last one
 * wins. The strict parse finds the first such key (the common file has none, and is parsed once).
 */
function parseLikePyYaml(text: string): { document: unknown; repeatedAt: YamlMark | null } {
  try {
    return { document: parseYaml(text, { schema: configYamlSchema }), repeatedAt: null };
  } catch (error) {
    if (!(error instanceof YAMLException) || error.reason !== DUPLICATED_KEY) throw error;
    // `json: true` lets a repeated key win over the earlier one, as PyYAML does, instead of failing.
    return { document: parseYaml(text, { schema: configYamlSchema, json: true }), repeatedAt: markOf(error) };
  }
}

function* parseDocument(text: string, filePath: string): Steps<{ document: Record<string, unknown>; readings: Map<JsonPointer, number | boolean>; repeatedKey: ConfigIssue | null; tagIssues: ConfigIssue[] }> {
  let parsed: ReturnType<typeof parseLikePyYaml> & { tagIssues: ConfigIssue[] };
  try {
    parsed = { ...parseLikePyYaml(text), tagIssues: [] };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // A tag the gateway cannot apply does not stop the check: the value is read without it, and the rest checked too.
    const pastTags = /\btag\b/.test(error.reason) ? readPastTags(text, configYamlSchema) : null;
    if (pastTags === null || 'error' in pastTags || pastTags.issues.length === 0) {
      // Read past its tags, the file may still stop at a later error: that one is why nothing else is checked.
      const stoppedAt = pastTags !== null && 'error' in pastTags ? pastTags.error : error;
      const stops = markOf(stoppedAt)?.position === markOf(error)?.position ? [stoppedAt] : [error, stoppedAt];
      throw new ConfigError(filePath, stops.map((stop, index) => ({ path: '', message: yamlErrorMessage(filePath, stop, index === stops.length - 1) })));
    }
    parsed = { document: pastTags.document, repeatedAt: pastTags.repeatedKey === null ? null : markOf(pastTags.repeatedKey), tagIssues: pastTags.issues };
  }
  const { document, repeatedAt, tagIssues } = parsed;
  if (document === undefined || document === null) {
    throw new ConfigError(filePath, [{ path: '', message: "the file is empty: it must be a mapping with an 'endpoints' list" }]);
  }
  if (!isRecord(document)) {
    throw new ConfigError(filePath, [{ path: '', message: "the file must be a mapping with an 'endpoints' list" }]);
  }
  const aliasProblem = aliasIssue(document);
  if (aliasProblem !== null) throw new ConfigError(filePath, [aliasProblem]);
  yield;
  return { ...(yield* separateYaml11Readings(document)), repeatedKey: repeatedAt === null ? null : repeatedKeyIssue(text, repeatedAt), tagIssues };
}

interface YamlMark {
  line: number;
  column: number;
  position: number;
}

function markOf(error: YAMLException): YamlMark | null {
  return (error as YAMLException & { mark?: YamlMark }).mark ?? null;
}

/**
 * The repeated key at its line and column. Its name is quoted only when it is a plain name that does
 * not look like a secret: the text is an author's slip, which could be anything.
 */
function repeatedKeyIssue(text: string, at: YamlMark): ConfigIssue {
  const name = /^(["']?)([A-Za-z_][A-Za-z0-9_-]{0,63})\1[ \t]*:/.exec(text.slice(at.position))?.[2];
  const shown = name === undefined ? 'a key' : (secretLikeKeyLabel(name) ?? quoted(name));
  return {
    path: `${shown} at line ${at.line + 1}, column ${at.column + 1}`,
    message: 'is written a second time in the same mapping: only the last one is read (as MLflow reads the file), so the earlier one and everything under it are ignored',
  };
}

/**
 * Reason and position only: js-yaml's full message quotes the surrounding lines, which may hold
 * secrets. `stopsReading`: the error the reading stopped at, which is why nothing else is reported.
 */
function yamlErrorMessage(filePath: string, error: YAMLException, stopsReading = true): string {
  const mark = markOf(error);
  const position = mark ? ` (line ${mark.line + 1}, column ${mark.column + 1})` : '';
  const stopped = stopsReading ? '; nothing else in the file is checked until it reads as YAML' : '';
  return `The file at ${filePath} is not a valid yaml file: ${reasonWithoutText(error.reason)}${position}${stopped}`;
}

/**
 * js-yaml's reasons about aliases and tags quote the text after the `*` or `!`: an unquoted secret
 * that starts with one of them (`key: *Xk9…`) would be printed. Those reasons are said in words instead.
 */
function reasonWithoutText(reason: string): string {
  if (reason.startsWith('unidentified alias')) {
    return "a value starting with '*' is read as an alias, and no anchor (&name) above it has that name: quote the value if it is text";
  }
  // A standard tag (`!<tag:yaml.org,2002:float>`) is YAML's own, never a secret's text; tagProblem names only those.
  if (/\btag\b/.test(reason)) return `a value ${tagProblem(/!<([^>]*)>/.exec(reason)?.[1] ?? '!')}`;
  return reason;
}

/**
 * The keys nothing reads in a refused config, which start-up would otherwise only name once the rest
 * is fixed; a key an issue already names (`auth:` refuses unknown keys, a misspelt required key) is left out.
 */
function ignoredKeysBeside(issues: ConfigIssue[], document: Record<string, unknown>): ConfigIssue[] {
  const named = new Set(issues.map((issue) => issue.path));
  const parentOf = (path: string) => path.replace(/(\.[^.[]+|\[[^\]]+\])$/, '');
  const misspelt = (warning: ConfigIssue) =>
    issues.some((issue) => parentOf(issue.path) === parentOf(warning.path) && issue.message.includes(`where '${warning.path.slice(parentOf(warning.path).length).replace(/^\./, '')}' is written`));
  return unknownKeyWarnings(document).filter((warning) => !named.has(warning.path) && !misspelt(warning));
}

/** Whether `path` is `place` or inside it: what a value's own problem (its tag) already explains. */
function isAtOrUnder(path: string, place: string): boolean {
  return place !== '' && (path === place || path.startsWith(`${place}.`) || path.startsWith(`${place}[`));
}

function uniqueIssues(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Document order: top-level sections as the file lists them (file-wide problems first), the issues
 * of one endpoint or route together in list order; stable within a group.
 */
function orderIssues(issues: ConfigIssue[], sectionsInFile: string[]): ConfigIssue[] {
  const sectionRank = (section: string): number => (section === '' ? -1 : sectionsInFile.includes(section) ? sectionsInFile.indexOf(section) : sectionsInFile.length);
  const groupOf = (path: string): [number, number] => {
    const match = /^(endpoints|routes)\[(\d+)\]/.exec(path);
    if (match) return [sectionRank(match[1]), Number(match[2])];
    return [sectionRank(path.split(/[.[]/)[0]), -1];
  };
  return issues
    .map((issue, order) => ({ issue, order, group: groupOf(issue.path) }))
    .sort((a, b) => a.group[0] - b.group[0] || a.group[1] - b.group[1] || a.order - b.order)
    .map(({ issue }) => issue);
}
