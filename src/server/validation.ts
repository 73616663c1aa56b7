/**
 * Request-body validation with the Ajv validators compiled ahead of time from openapi/ (see
 * generated/request-validators.js and first-error-validators.js), and the translation of Ajv errors into one readable message
 * naming the field and the rule, plus MLflow's (pydantic-style) issue list.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import spec from '../../generated/openapi.json';
import * as firstError from '../../generated/first-error-validators';
import {
  validateChatRequest,
  validateCompletionsRequest,
  validateEmbeddingsRequest,
  validateResponsesRequest,
} from '../../generated/request-validators';
import type { EndpointType } from '../schema';

export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
}

export interface ValidationFailure {
  /** e.g. `messages[0].content: must be string, array or null` */
  message: string;
  /** The field at fault, e.g. `messages[0].content` (null for the body itself). */
  param: string | null;
  issues: ValidationIssue[];
}

const validators: Record<EndpointType, ValidateFunction> = {
  'llm/v1/chat': validateChatRequest,
  'llm/v1/completions': validateCompletionsRequest,
  'llm/v1/embeddings': validateEmbeddingsRequest,
};

/**
 * The same schemas compiled to stop at the first error (generated/first-error-validators.js).
 * Ajv's all-errors mode takes quadratic time in the number of errors (it concatenates error
 * lists), so a body with a hundred thousand bad items would take minutes: the fast validator
 * decides validity, and the detailed report is built from a sample of the body (every array cut
 * to its first items).
 */
const fastValidators: Record<EndpointType, ValidateFunction> = {
  'llm/v1/chat': firstError.validateChatRequest,
  'llm/v1/completions': firstError.validateCompletionsRequest,
  'llm/v1/embeddings': firstError.validateEmbeddingsRequest,
};

/** Items of each array kept in the sample that the detailed report is built from. */
const SAMPLED_ITEMS = 100;

/** A copy with every array cut to its first `SAMPLED_ITEMS` items (indexes, and so error locations, are kept). */
function sampleOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, SAMPLED_ITEMS).map(sampleOf);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sampleOf(item)]));
}

/**
 * Calls `visit` with every schema object of openapi/ and its schema paths as Ajv writes them for its
 * errors: `#/components/schemas/Name/...`, and `#/...` from the root of a schema compiled on its own.
 */
function forEachSchema(visit: (schema: Record<string, unknown>, paths: readonly string[]) => void): void {
  const walk = (node: unknown, paths: readonly string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Record<string, unknown>;
    visit(schema, paths);
    for (const [key, child] of Object.entries(schema)) walk(child, paths.map((path) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  };
  for (const [name, schema] of Object.entries(spec.components.schemas)) walk(schema, [`#/components/schemas/${name}`, '#']);
}

/**
 * The keys each closed object (`additionalProperties: false`) of openapi/ allows, by schema path
 * (null where two schemas compiled on their own have one path and different keys). Built once at load.
 */
const allowedKeysBySchemaPath = new Map<string, readonly string[] | null>();
/** The unions (`anyOf`, `oneOf`) with two list members or more, such as embeddings' `input`, by schema path. Built once at load. */
const unionsOfLists = new Set<string>();
forEachSchema((schema, paths) => {
  if (schema.additionalProperties === false && typeof schema.properties === 'object' && schema.properties !== null) {
    const keys = Object.keys(schema.properties);
    for (const path of paths) {
      const known = allowedKeysBySchemaPath.get(path);
      allowedKeysBySchemaPath.set(path, known === undefined || known?.join() === keys.join() ? keys : null);
    }
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const members = schema[keyword];
    const lists = Array.isArray(members) ? members.filter((member) => (member as { type?: unknown }).type === 'array') : [];
    if (lists.length >= 2) for (const path of paths) unionsOfLists.add(`${path}/${keyword}`);
  }
});

/** A closed object's keys are listed in its message up to this many. */
const MAX_LISTED_KEYS = 10;

/** `/messages/0/content` + missing `role` → ['messages', 0, 'content', 'role']; an unknown key is located as well. */
function locationOf(error: ErrorObject): (string | number)[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (error.keyword === 'required') segments.push((error.params as { missingProperty: string }).missingProperty);
  if (error.keyword === 'additionalProperties') segments.push((error.params as { additionalProperty: string }).additionalProperty);
  return segments;
}

export function fieldPath(location: (string | number)[]): string {
  return location.reduce<string>((path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

function unknownKeyRule(error: ErrorObject): string {
  const keys = allowedKeysBySchemaPath.get(error.schemaPath.slice(0, -'/additionalProperties'.length));
  return keys && keys.length <= MAX_LISTED_KEYS ? `is not allowed here (the keys allowed are ${keys.join(', ')})` : 'is not allowed here';
}

function ruleText(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return unknownKeyRule(error);
    case 'const':
      return `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'type':
      // Ajv writes a nullable field's rule as "must be number,null".
      return `must be ${joinAlternatives(String((error.params as { type: string | string[] }).type).split(','))}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function joinAlternatives(types: string[]): string {
  const unique = [...new Set(types)];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** A `type` property's const or enum: the tag telling a union's members apart (content parts, tools, items). */
const TAG_RULE = /\/properties\/type\/(const|enum)$/;

const isTagError = (error: ErrorObject): boolean => (error.keyword === 'const' || error.keyword === 'enum') && TAG_RULE.test(error.schemaPath);
const isUnionError = (error: ErrorObject): boolean => error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'allOf';

function tagsOf(tagError: ErrorObject): unknown[] {
  const params = tagError.params as { allowedValue?: unknown; allowedValues?: unknown[] };
  return tagError.keyword === 'const' ? [params.allowedValue] : (params.allowedValues ?? []);
}

/**
 * Whether an error's schema path lies in a union member. A member that holds a $ref is compiled on its
 * own, and Ajv writes its errors' paths from its own root (`#/properties/...`), so its prefix is just
 * `#/`; the paths of members compiled in place start with `#/components/`, and are not its.
 */
function isFromMember(schemaPath: string, member: string): boolean {
  if (member === '#/') return !schemaPath.startsWith('#/components/');
  return schemaPath.startsWith(member);
}

const isAtOrUnder = (error: ErrorObject, instancePath: string): boolean => error.instancePath === instancePath || error.instancePath.startsWith(`${instancePath}/`);

/**
 * The members of the union at `objectPath` that refused the object itself: by its `type` tag (a `const`
 * or `enum` error on `type`), or by its JSON type (a string or null member of the union), as schema
 * path prefixes.
 */
function rejectingMembers(tagErrors: ErrorObject[], errors: ErrorObject[], objectPath: string): string[] {
  const byTag = tagErrors.map((error) => error.schemaPath.replace(TAG_RULE, '/'));
  const byJsonType = errors.filter((error) => error.instancePath === objectPath && error.keyword === 'type').map((error) => error.schemaPath.slice(0, -'type'.length));
  return [...byTag, ...byJsonType];
}

/**
 * Union members tagged by `type` (content parts, tools, input items): each member whose tag did not
 * match reports a `const` or `enum` error on `type`. When some member took the object, the members
 * that refused it are noise and every error from them is dropped; when none did, the tag itself is
 * the problem. Unions are looked at from the outermost in, so a refused member's inner unions are gone.
 */
function withoutRejectedMembers(errors: ErrorObject[]): { errors: ErrorObject[]; wrongTag?: { location: (string | number)[]; tags: unknown[] } } {
  const tagErrorsByObject = new Map<string, ErrorObject[]>();
  for (const error of errors.filter(isTagError)) {
    const objectPath = error.instancePath.slice(0, -'/type'.length);
    tagErrorsByObject.set(objectPath, [...(tagErrorsByObject.get(objectPath) ?? []), error]);
  }
  const outermostFirst = [...tagErrorsByObject].sort(([a], [b]) => a.split('/').length - b.split('/').length);
  let kept = errors;
  for (const [objectPath, allTagErrors] of outermostFirst) {
    const tagErrors = allTagErrors.filter((error) => kept.includes(error));
    if (tagErrors.length === 0) continue;
    const members = rejectingMembers(tagErrors, kept, objectPath);
    const fromRejected = (error: ErrorObject) => members.some((member) => isFromMember(error.schemaPath, member));
    const underObject = kept.filter((error) => isAtOrUnder(error, objectPath));
    if (!underObject.some((error) => !isUnionError(error) && !fromRejected(error))) {
      return { errors: kept, wrongTag: { location: locationOf(tagErrors[0]), tags: [...new Set(tagErrors.flatMap(tagsOf))] } };
    }
    kept = kept.filter((error) => !(fromRejected(error) && underObject.includes(error)));
  }
  return { errors: kept };
}

const DIGITS = /^\d+$/;

/**
 * Per error, the member of the failed `union` it lies in and the item of the union's list it is
 * about (-1 when the member refused the value itself), or null when it is not in the union.
 */
function membersOf(errors: ErrorObject[], union: ErrorObject): ({ member: number; item: number } | null)[] {
  const memberPrefix = `${union.schemaPath}/`;
  const itemPrefix = `${union.instancePath}/`;
  return errors.map((error) => {
    if (!error.schemaPath.startsWith(memberPrefix) || !isAtOrUnder(error, union.instancePath)) return null;
    const member = Number.parseInt(error.schemaPath.slice(memberPrefix.length), 10); // `2/items/type` → 2
    if (error.instancePath === union.instancePath) return { member, item: -1 };
    const afterMember = error.schemaPath.indexOf('/', memberPrefix.length);
    const inItems = afterMember !== -1 && error.schemaPath.startsWith('/items/', afterMember);
    const itemEnd = error.instancePath.indexOf('/', itemPrefix.length);
    const itemSegment = error.instancePath.slice(itemPrefix.length, itemEnd === -1 ? undefined : itemEnd);
    return { member, item: inItems && DIGITS.test(itemSegment) ? Number(itemSegment) : -1 };
  });
}

/**
 * A list refused by every member of a union of lists (embeddings' `input`: strings, token ids, lists
 * of token ids) is judged by the one member that took the most of its first items: `[1, 1.5]` is a
 * list of token ids whose item 1 is not an integer, not a list of strings refused at item 0. The
 * other members' errors are dropped. A union no member got past the first item of is left as it is
 * (`[true]`: must be string, integer or array).
 */
function judgedByFirstItems(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const union of errors.filter((error) => isUnionError(error) && unionsOfLists.has(error.schemaPath))) {
    const places = membersOf(kept, union);
    // Each member's first refused item.
    const firstRefused = new Map<number, number>();
    for (const place of places) if (place !== null) firstRefused.set(place.member, Math.min(firstRefused.get(place.member) ?? Infinity, place.item));
    const furthest = Math.max(...firstRefused.values());
    const best = [...firstRefused].filter(([, item]) => item === furthest);
    if (furthest <= 0 || best.length !== 1) continue;
    const [winner] = best[0];
    kept = kept.filter((_error, index) => (places[index]?.member ?? winner) === winner);
  }
  return kept;
}

/**
 * Ajv reports every failed branch of a oneOf. A wrong `type` tag is reported first; otherwise the
 * deepest location is the one the client most likely got wrong, and type errors at one location
 * merge into "must be string, array or null".
 */
export function summarise(allErrors: ErrorObject[]): { location: (string | number)[]; rule: string } {
  const { errors, wrongTag } = withoutRejectedMembers(allErrors);
  if (wrongTag !== undefined) {
    const values = wrongTag.tags.map((tag) => JSON.stringify(tag));
    return { location: wrongTag.location, rule: values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}` };
  }
  const relevant = errors.filter((error) => !isUnionError(error));
  const candidates = relevant.length > 0 ? relevant : allErrors;
  const deepest = candidates.reduce((best, error) => (locationOf(error).length > locationOf(best).length ? error : best));
  const location = locationOf(deepest);
  const atLocation = candidates.filter((error) => fieldPath(locationOf(error)) === fieldPath(location));
  // A member refusing the value's JSON type says nothing more: `{type: string, enum: [...]}` is "must be string".
  const refusingJsonType = atLocation.filter((error) => error.keyword === 'type').map((error) => error.schemaPath.slice(0, -'type'.length));
  if (atLocation.every((error) => error.keyword === 'type' || refusingJsonType.some((member) => isFromMember(error.schemaPath, member)))) {
    const types = atLocation.filter((error) => error.keyword === 'type').flatMap((error) => String((error.params as { type: string | string[] }).type).split(','));
    return { location, rule: `must be ${joinAlternatives(types)}` };
  }
  return { location, rule: ruleText(deepest) };
}

/**
 * Ajv errors looked at (and issues reported): the first ones already say what is wrong, and a body
 * with a hundred thousand bad items must not cost a hundred thousand issues (or quadratic time).
 */
const MAX_REPORTED_ERRORS = 100;

/** Validates a request body for an endpoint type; returns undefined when it is valid. */
export function validateRequestBody(endpointType: EndpointType, body: unknown): ValidationFailure | undefined {
  return validateWith(fastValidators[endpointType], validators[endpointType], body);
}

/** Validates a Responses API request (`/v1/responses`); returns undefined when it is valid. */
export function validateResponsesRequestBody(body: unknown): ValidationFailure | undefined {
  return validateWith(firstError.validateResponsesRequest, validateResponsesRequest, body);
}

function validateWith(fast: ValidateFunction, validate: ValidateFunction, body: unknown): ValidationFailure | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { message: 'the request body must be a JSON object', param: null, issues: [{ type: 'model_type', loc: ['body'], msg: 'Input should be a valid dictionary' }] };
  }
  if (fast(body)) return undefined;
  // The sample is valid when the first error lies beyond it: then that first error is the report.
  const reported = validate(sampleOf(body)) ? (fast.errors ?? []) : (validate.errors ?? []);
  const errors = judgedByFirstItems(reported).slice(0, MAX_REPORTED_ERRORS);
  const { location, rule } = summarise(errors);
  const param = location.length > 0 ? fieldPath(location) : null;
  return {
    message: `${param ?? 'body'}: ${rule}`,
    param,
    issues: errors
      .filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf')
      .map((error) => ({ type: error.keyword, loc: ['body', ...locationOf(error)], msg: ruleText(error) })),
  };
}
