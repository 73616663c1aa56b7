/**
 * Schema validation of a config: Ajv errors rewritten as YAML-path issues a platform engineer can
 * act on (`endpoints[1].model.config.openai_api_key: is required`).
 */
import type { ErrorObject } from 'ajv';
import configSchema from '../../config-schema/gateway-config.schema.json';
import validateConfig from '../../generated/config-validator';
import type { ConfigIssue } from './config-error';
import { limitRule } from './limit-rule';
import { azureProviderHint, PROVIDER_NAMES } from './normalise';
import { quotedValue } from './secret-like-keys';
import { sizeMaximumMessage } from './server-settings';
import { closestMissingKey, closestName } from './spelling';
import { pydanticBoolean } from './typed-by-schema';
import { formatYamlPath, isRecord, segmentsFromPointer, valueAt, type YamlPathSegment } from './yaml-path';
import { quoted } from './quoted';

/** Issues for the config document against config-schema/gateway-config.schema.json. */
export function schemaIssues(document: Record<string, unknown>): ConfigIssue[] {
  const issues = validateConfig(document) ? [] : ajvIssues(validateConfig.errors ?? [], document);
  return [...issues, ...unusableUrlIssues(document).filter((url) => !issues.some((issue) => issue.path === url.path))];
}

/** The keys of a built-in provider's `config` (and its `aws_config`) that config-schema gives `format: uri`: base URLs. */
const URL_KEYS: ReadonlySet<string> = new Set(
  Object.values(configSchema.definitions as Record<string, { properties?: Record<string, { format?: string }> }>).flatMap((definition) =>
    Object.entries(definition.properties ?? {}).flatMap(([key, property]) => (property.format === 'uri' ? [key] : [])),
  ),
);

/**
 * Base URLs that `format: uri` (RFC 3986) lets through but no HTTP client can call: a port above
 * 65535, a host that is no valid name (`https://api.example.com:99999/v1`). Found here, at their
 * key; otherwise building the endpoint failed with a bare 'Invalid URL' about the whole model.
 */
function unusableUrlIssues(document: Record<string, unknown>): ConfigIssue[] {
  if (!Array.isArray(document.endpoints)) return [];
  return document.endpoints.flatMap((endpoint: unknown, index) => {
    const model = isRecord(endpoint) ? endpoint.model : undefined;
    if (!isRecord(model) || !(PROVIDER_NAMES as readonly unknown[]).includes(model.provider) || !isRecord(model.config)) return [];
    const configPath = ['endpoints', index, 'model', 'config'];
    const awsConfig = isRecord(model.config.aws_config) ? Object.entries(model.config.aws_config).map(([key, value]) => [['aws_config', key], value] as const) : [];
    return [...Object.entries(model.config).map(([key, value]) => [[key], value] as const), ...awsConfig].flatMap(([keys, value]) =>
      URL_KEYS.has(keys[keys.length - 1]) && typeof value === 'string' && HTTP_URL.test(value) && !URL.canParse(value)
        ? [{ path: formatYamlPath([...configPath, ...keys]), message: UNUSABLE_URL_MESSAGE }]
        : [],
    );
  });
}

const UNUSABLE_URL_MESSAGE = 'is not a URL that can be called: check its host and port (a port is 1 to 65535)';

/**
 * Issues for Ajv errors about the value at `base` inside `document` (the whole document, or a
 * plugin provider's `model.config`, which is validated on its own).
 */
export function ajvIssues(errors: ErrorObject[], document: unknown, base: YamlPathSegment[] = []): ConfigIssue[] {
  const validated = valueAt(document, base);
  // A plugin's schema is its own: the properties its conditionals test are not config-schema's.
  const decided = base.length === 0 ? withoutUndecidedBranches(errors) : errors;
  return withoutAnyOfBranches(decided, validated)
    .filter((error) => error.keyword !== 'if') // the `then` branch's own errors already say what is wrong
    .filter((error) => !ANY_OF_BRANCH.test(error.schemaPath))
    .map((error) => issueFromAjvError(error, document, base));
}

/**
 * A conditional's `then` / `else` errors when a property its `if` tests by value is itself refused
 * (`routing_strategy: FALLBAK`): which branch was meant is unknown, so that branch's demands (every
 * destination's `traffic_percentage`) would only follow from the typo.
 */
function withoutUndecidedBranches(errors: ErrorObject[]): ErrorObject[] {
  const refusedAt = new Set(errors.map((error) => error.instancePath));
  const undecided = errors.filter((error) => error.keyword === 'if' && [...VALUE_TESTED].some((property) => refusedAt.has(`${error.instancePath}/${property}`)));
  return errors.filter((error) => !undecided.some((conditional) => isBranchError(error, conditional)));
}

/**
 * The properties config-schema's conditionals test with `const` or `enum` (`routing_strategy`,
 * `provider`, `openai_api_type`), rather than by presence. Collected from the whole schema: the
 * standalone validator gives a definition's errors schema paths from that definition, not the root.
 */
const VALUE_TESTED: ReadonlySet<string> = new Set(conditionalTests(configSchema));

function conditionalTests(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(conditionalTests);
  if (!isRecord(node)) return [];
  const test = isRecord(node.if) && isRecord(node.if.properties) ? node.if.properties : {};
  const tested = Object.entries(test).flatMap(([key, rule]) => (isRecord(rule) && ('const' in rule || 'enum' in rule) ? [key] : []));
  return [...tested, ...Object.values(node).flatMap(conditionalTests)];
}

function isBranchError(error: ErrorObject, conditional: ErrorObject): boolean {
  const at = conditional.schemaPath.slice(0, -'if'.length);
  const inBranch = error.schemaPath.startsWith(`${at}then/`) || error.schemaPath.startsWith(`${at}else/`);
  return inBranch && (error.instancePath === conditional.instancePath || error.instancePath.startsWith(`${conditional.instancePath}/`));
}

/** Errors inside an inline `anyOf` branch (`limit`): the `anyOf` error itself says what is wrong. */
const ANY_OF_BRANCH = /\/anyOf\/\d+\//;

/**
 * For a scalar (`model.provider`), an `anyOf` error stands for the errors of its branches at the same
 * place, which would only repeat each alternative's complaint; it is kept alone. Branch errors
 * cannot be told apart by schemaPath (a `$ref`'d branch reports the definition's path), hence the
 * scalar rule: about a mapping, errors may point deeper and are all kept.
 */
function withoutAnyOfBranches(errors: ErrorObject[], validated: unknown): ErrorObject[] {
  const isScalarAt = (pointer: string) => {
    const value = valueAt(validated, segmentsFromPointer(pointer, validated));
    return typeof value !== 'object' || value === null;
  };
  const anyOfPlaces = new Set(errors.filter((error) => error.keyword === 'anyOf' && isScalarAt(error.instancePath)).map((error) => error.instancePath));
  return errors.filter((error) => error.keyword === 'anyOf' || !anyOfPlaces.has(error.instancePath));
}

function issueFromAjvError(error: ErrorObject, document: unknown, base: YamlPathSegment[]): ConfigIssue {
  const segments = [...base, ...segmentsFromPointer(error.instancePath, valueAt(document, base))];
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty !== undefined) segments.push(params.missingProperty);
  if (params.additionalProperty !== undefined) segments.push(params.additionalProperty);
  return { path: formatYamlPath(segments), message: ajvMessage(error, segments, document) };
}

/** The sizes of `server:`, `logging:` and `response_store:` (config-schema's size pattern). */
const SIZE_MESSAGE = 'must be a size: a number of bytes, or a number with b, kb, mb or gb (10mb, 1.5 MB)';

/** The keys config-schema gives its size pattern: their maximum is said as a size, as the text form's is. */
const SIZE_KEYS: ReadonlySet<string> = new Set(['max_body_size', 'max_answer_size', 'max_in_flight_body_size', 'max_size']);

const fieldMessages: Record<string, string> = {
  'max_body_size/pattern': SIZE_MESSAGE,
  'max_answer_size/pattern': SIZE_MESSAGE,
  'max_in_flight_body_size/pattern': SIZE_MESSAGE,
  'max_size/pattern': SIZE_MESSAGE,
  'traffic_percentage/type': 'must be an integer between 0 and 100',
  'traffic_percentage/minimum': 'must be an integer between 0 and 100',
  'traffic_percentage/maximum': 'must be an integer between 0 and 100',
  'calls/type': 'must be an integer, 0 or more (0 rejects every request)',
  'calls/minimum': 'must be an integer, 0 or more (0 rejects every request)',
  'calls/maximum': `must be at most ${Number.MAX_SAFE_INTEGER}, the largest whole number counted exactly`,
  'renewal_period/type':
    "must be second, minute, hour, day, month or year, optionally with a count ('2 minutes')",
  'renewal_period/pattern':
    "must be second, minute, hour, day, month or year, optionally with a count ('2 minutes')",
  'limit/anyOf': 'must set calls, tokens or both (with renewal_period)',
  'stop/anyOf': 'must be a string or a list of strings, not empty',
  'max_uses/type': 'must be a whole number of searches, 1 or more',
  'max_uses/minimum': 'must be a whole number of searches, 1 or more',
  'anthropic_beta/anyOf': 'must be a list of beta names (e.g. [context-1m-2025-08-07]) or one string of names separated by commas, not empty',
  'tokens/type': 'must be an integer, 0 or more (0 rejects every request)',
  'tokens/minimum': 'must be an integer, 0 or more (0 rejects every request)',
  'tokens/maximum': `must be at most ${Number.MAX_SAFE_INTEGER}, the largest whole number counted exactly`,
  'traffic_percentage/false schema': 'has no meaning in a FALLBACK route: its destinations are tried in the order listed',
};

/** The schema's minimum for timeouts in seconds: they are kept in whole milliseconds, and 0 ms means none to undici and Node. */
const SHORTEST_TIMEOUT = 0.001;
const SHORTEST_TIMEOUT_MESSAGE = 'must be at least 0.001 (seconds: one millisecond; a timeout cannot be turned off)';

const typeNames: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** The pattern config-schema gives every URL key: a scheme-less `localhost:8080` passes `format: uri`. */
const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';
const HTTP_URL = new RegExp(HTTP_URL_PATTERN);
const HTTP_URL_MESSAGE = 'must be an http:// or https:// URL, e.g. https://example.com/v1';

function ajvMessage(error: ErrorObject, segments: YamlPathSegment[], document: unknown): string {
  const field = segments[segments.length - 1];
  const override = typeof field === 'string' ? fieldMessages[`${field}/${error.keyword}`] : undefined;
  if (override !== undefined) return override;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return requiredMessage(params.missingProperty as string, valueAt(document, segments.slice(0, -1)));
    case 'dependencies':
      return `is required when '${String(params.property)}' is set`;
    case 'enum':
      return enumMessage(valueAt(document, segments), params.allowedValues as unknown[]);
    case 'type':
      return `must be ${([] as unknown[]).concat(params.type).map((type) => typeNames[String(type)] ?? String(type)).join(' or ')}${spacesAroundBoolean(valueAt(document, segments), params.type)}`;
    case 'pattern':
      if (params.pattern === HTTP_URL_PATTERN) return HTTP_URL_MESSAGE;
      return field === 'name'
        ? `${quoted(String(valueAt(document, segments)))} is invalid: names may contain only letters, digits, '_', '-' and '.' (they are part of a URL)`
        : `must match the pattern ${String(params.pattern)}`;
    case 'format':
      return params.format === 'uri' ? uriFormatMessage(valueAt(document, segments)) : `must be a valid ${String(params.format)}`;
    case 'minimum':
      if (params.limit === SHORTEST_TIMEOUT) return SHORTEST_TIMEOUT_MESSAGE;
      break;
    case 'maximum':
      if (typeof field === 'string' && SIZE_KEYS.has(field)) return sizeMaximumMessage(Number(params.limit));
      break;
    case 'minLength':
      if (params.limit === 1) return 'must not be empty';
      break;
    case 'uniqueItems':
      return `must not list the same item twice (items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))} are the same)`;
    case 'additionalProperties':
      return unknownKeyMessage(String(params.additionalProperty), error.parentSchema, valueAt(document, segments.slice(0, -1)));
    case 'anyOf':
      return field === 'provider' ? providerPatternMessage(valueAt(document, segments)) : (error.message ?? 'is invalid');
  }
  return limitRule(error.keyword, params.limit) ?? error.message ?? 'is invalid';
}

/**
 * A key a closed mapping (`auth:`, a client key, `web_search:`) refuses, with the key it is closest
 * to (not one the mapping has: closestMissingKey), else the keys it takes: the keys the gateway only
 * ignores elsewhere get the same hint.
 */
function unknownKeyMessage(key: string, schema: unknown, mapping: unknown): string {
  const known = isRecord(schema) && isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  if (known.length === 0) return 'is not a known key here';
  const suggestion = closestMissingKey(key, known, mapping);
  return `is not a known key here (${suggestion === undefined ? `the keys allowed here are: ${known.join(', ')}` : `did you mean '${suggestion}'?`})`;
}

/**
 * Why a word that is a boolean (`bodies: " yes"`) was refused: the spaces around it, which the
 * quotes make part of the value, and which pydantic does not trim for a boolean either. The word
 * is one of pydantic's; the spaces are said in words, as a tab or a line break would not show.
 */
function spacesAroundBoolean(value: unknown, wanted: unknown): string {
  if (typeof value !== 'string' || value.trim() === value || !([] as unknown[]).concat(wanted).includes('boolean')) return '';
  const word = value.trim();
  if (pydanticBoolean(word) === undefined) return '';
  return `: '${word}' would be, but the value has spaces (or tabs, line breaks) before or after it, which are part of it inside quotes; remove them`;
}

/**
 * A URL that fails `format: uri`. One without http(s):// gets the pattern's words, so that a value
 * breaking both is reported once. The value itself is never quoted: a base URL may hold credentials.
 */
function uriFormatMessage(value: unknown): string {
  if (typeof value !== 'string' || !HTTP_URL.test(value)) return HTTP_URL_MESSAGE;
  // MLflow's Azure examples write `https://{your_resource_name}-azureopenai.openai.azure.com/` for the user to fill in.
  // Only the host is searched: the user-info part may hold a password.
  const host = value.replace(/^[^:]+:\/\//, '').split(/[/?#]/)[0].split('@').pop() ?? '';
  const placeholder = /\{[A-Za-z0-9_]+\}/.exec(host)?.[0];
  if (placeholder !== undefined) return `still holds the placeholder ${quoted(placeholder)} of an example: put your own value in its place`;
  return 'is not a valid URL (RFC 3986): check for spaces or characters that must be percent-encoded';
}

function requiredMessage(missing: string, parent: unknown): string {
  if (missing === 'config' && isRecord(parent) && typeof parent.provider === 'string') {
    return `is required for provider ${quotedValue(parent.provider)}${misspeltAs(missing, parent)}`;
  }
  if (missing === 'openai_api_key') return `is required unless 'openai_api_type' is 'azuread' (which without a key gets Entra ID tokens from Azure's credential chain)${misspeltAs(missing, parent)}`;
  return `is required${misspeltAs(missing, parent)}`;
}

/**
 * A key written beside a missing required key and a typo away from it (`endpoint_typ`): the
 * ignored-key warning that would name it is only logged for a valid config, so say it here.
 */
function misspeltAs(missing: string, parent: unknown): string {
  if (!isRecord(parent)) return '';
  const written = Object.keys(parent).find((key) => key !== missing && closestName(key, [missing]) === missing);
  return written === undefined ? '' : ` (did you mean '${missing}' where ${quoted(written)} is written?)`;
}

/** Enum fields (provider, endpoint_type, openai_api_type, routing_strategy) hold no secret, so the value is quoted, unless it looks like a key pasted there. */
function enumMessage(value: unknown, allowed: unknown[]): string {
  const prefix = typeof value === 'string' ? `${quotedValue(value)} is not supported; ` : '';
  return `${prefix}must be one of: ${allowed.map(String).join(', ')}`;
}

function providerPatternMessage(value: unknown): string {
  const prefix = typeof value === 'string' ? `${quotedValue(value)} is not supported; ` : '';
  const azure = typeof value === 'string' ? azureProviderHint(value) : undefined;
  return `${prefix}must be a built-in provider (${PROVIDER_NAMES.join(', ')}) or a plugin provider name (lowercase letters, digits, '.', '_' and '-', optionally scoped: @scope/name)${azure === undefined ? '' : `.${azure}`}`;
}
