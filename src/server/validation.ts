/**
 * Request-body validation with the Ajv validators compiled ahead of time from openapi/ (see
 * generated/request-validators.js and first-error-validators.js), and the translation of Ajv errors into one readable message
 * naming the field and the rule, plus MLflow's (pydantic-style) issue list.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as firstError from '../../generated/first-error-validators';
import {
  validateChatRequest,
  validateCompletionsRequest,
  validateEmbeddingsRequest,
  validateResponsesRequest,
} from '../../generated/request-validators';
import { limitRule } from '../config/limit-rule';
import type { EndpointType } from '../schema';
import { forEachSchema, joinAlternatives, unionWordsOf, type UnionWords } from './union-words';

export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
}

export interface ValidationFailure {
  /** e.g. `stop: must be a string, a non-empty array of strings or null` */
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
 * The keys each closed object (`additionalProperties: false`) of openapi/ allows, by schema path
 * (null where two schemas compiled on their own have one path and different keys). Built once at load.
 */
const allowedKeysBySchemaPath = new Map<string, readonly string[] | null>();
forEachSchema((schema, paths) => {
  if (schema.additionalProperties === false && typeof schema.properties === 'object' && schema.properties !== null) {
    const keys = Object.keys(schema.properties);
    for (const path of paths) {
      const known = allowedKeysBySchemaPath.get(path);
      allowedKeysBySchemaPath.set(path, known === undefined || known?.join() === keys.join() ? keys : null);
    }
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
    case 'minItems':
    case 'minLength':
      if ((error.params as { limit: unknown }).limit === 1) return error.keyword === 'minItems' ? 'must not be an empty list' : 'must not be an empty string';
  }
  // Limits in the config messages' words ("must be at most 2"), not Ajv's ("must be <= 2").
  return limitRule(error.keyword, (error.params as { limit?: unknown }).limit) ?? error.message ?? `fails ${error.keyword}`;
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

/** The words of a failed union (union-words.ts), told apart from others of its schema path by its members' errors. */
function wordsOf(union: ErrorObject, errors: ErrorObject[]): UnionWords | undefined {
  const prefix = `${union.schemaPath}/`;
  const memberErrors = errors
    .filter((error) => error.schemaPath.startsWith(prefix))
    .map((error) => ({ schemaPath: error.schemaPath, types: error.keyword === 'type' && error.schemaPath.split('/').length === prefix.split('/').length + 1 ? String((error.params as { type: unknown }).type).split(',') : undefined }));
  return unionWordsOf({ schemaPath: union.schemaPath, memberErrors });
}

/** The value at an Ajv instance path (`/input/3`). */
function valueAt(body: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((value, segment) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), body);
}

/** A value's JSON type as a schema names it (`integer` for a whole number). */
function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A message's place and rule. */
interface Summary {
  location: (string | number)[];
  rule: string;
}

/**
 * A list refused by every member of a union of lists (embeddings' `input`: strings, token ids, lists
 * of token ids) is judged by the one member that took the most of its first items: `[1, 1.5]` is a
 * list of token ids whose item 1 is not an integer, not a list of strings refused at item 0. The
 * other members' errors are dropped. When the refused item is of a kind another member's items are
 * (`["a", 1]`), the list mixes kinds: `mixed` says so, with the kinds a list may hold. A union no
 * member got past the first item of is left as it is (summarise names what its items may be).
 */
function judgedByFirstItems(errors: ErrorObject[], body: unknown): { errors: ErrorObject[]; mixed?: Summary } {
  let kept = errors;
  let mixed: Summary | undefined;
  for (const union of errors.filter(isUnionError)) {
    const lists = wordsOf(union, errors)?.lists ?? [];
    if (lists.length < 2) continue;
    const places = membersOf(kept, union);
    // Each member's first refused item.
    const firstRefused = new Map<number, number>();
    for (const place of places) if (place !== null) firstRefused.set(place.member, Math.min(firstRefused.get(place.member) ?? Infinity, place.item));
    const furthest = Math.max(...firstRefused.values());
    const best = [...firstRefused].filter(([, item]) => item === furthest);
    if (furthest <= 0 || best.length !== 1) continue;
    const [winner] = best[0];
    const itemPath = `${union.instancePath}/${furthest}`;
    const winnerList = lists.find((list) => list.member === winner);
    const refusedForJsonType = kept.some((error, index) => places[index]?.member === winner && error.instancePath === itemPath && error.keyword === 'type');
    const itemType = jsonTypeOf(valueAt(body, itemPath));
    const otherKind = lists.some((list) => list.member !== winner && list.itemTypes.some((type) => type === itemType || (type === 'number' && itemType === 'integer')));
    if (mixed === undefined && winnerList !== undefined && refusedForJsonType && otherKind) {
      const kinds = joinAlternatives(lists.map((list) => `only ${list.items}`));
      mixed = { location: locationOf({ ...union, instancePath: itemPath }), rule: `must be ${winnerList.item} like the items before it (a list holds ${kinds})` };
    }
    kept = kept.filter((_error, index) => (places[index]?.member ?? winner) === winner);
  }
  return { errors: kept, mixed };
}

/**
 * The words for what a union takes at `instancePath`, when the errors there are its members refusing
 * the value: the union's own members, or, one item down, its lists' items (`input[0]` of
 * `[true]`: a string, a token id (integer) or an array of token ids).
 */
function unionAlternativesAt(errors: ErrorObject[], allErrors: ErrorObject[], instancePath: string): string | undefined {
  const unions = errors.filter(isUnionError);
  const own = unions.map((union) => (union.instancePath === instancePath ? wordsOf(union, allErrors) : undefined)).find((words) => words !== undefined);
  if (own !== undefined) return own.members;
  for (const union of unions) {
    const lists = wordsOf(union, allErrors)?.lists ?? [];
    const rest = instancePath.slice(union.instancePath.length + 1);
    if (lists.length > 0 && instancePath.startsWith(`${union.instancePath}/`) && DIGITS.test(rest)) return joinAlternatives(lists.map((list) => list.item));
  }
  return undefined;
}

/**
 * Ajv reports every failed branch of a oneOf. A wrong `type` tag is reported first; otherwise the
 * deepest location is the one the client most likely got wrong. There, a member that took the
 * value's JSON type has the say (`[""]`: must not be an empty string); when every member refused
 * it, the union's members are named ("must be a string, an array of objects (type ...) or null"),
 * and a field that is no union gets its JSON types ("must be integer or null").
 */
export function summarise(allErrors: ErrorObject[]): Summary {
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
  const typeErrors = atLocation.filter((error) => error.keyword === 'type');
  const refusingJsonType = typeErrors.map((error) => error.schemaPath.slice(0, -'type'.length));
  const pastJsonType = atLocation.filter((error) => error.keyword !== 'type' && !refusingJsonType.some((member) => isFromMember(error.schemaPath, member)));
  // The member of the same union that took the JSON type: `[""]` is refused for being empty, not for not being a token id.
  const sibling = pastJsonType.find((error) => typeErrors.some((typeError) => unionPrefix(typeError.schemaPath) === unionPrefix(error.schemaPath) && unionPrefix(error.schemaPath) !== ''));
  if (sibling !== undefined) return { location, rule: ruleText(sibling) };
  // Every member of a union refused the value's JSON type: the union's members are named.
  const alternatives = new Set(refusingJsonType).size >= 2 ? unionAlternativesAt(errors, allErrors, typeErrors[0].instancePath) : undefined;
  if (alternatives !== undefined) return { location, rule: `must be ${alternatives}` };
  if (pastJsonType.length > 0) return { location, rule: ruleText(deepest) };
  const types = typeErrors.flatMap((error) => String((error.params as { type: string | string[] }).type).split(','));
  return { location, rule: `must be ${joinAlternatives(types)}` };
}

/** A schema path up to its last union keyword (`.../anyOf/`), or '' outside any union. */
function unionPrefix(schemaPath: string): string {
  const match = /^.*\/(?:anyOf|oneOf)\//.exec(schemaPath);
  return match === null ? '' : match[0];
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

/**
 * Why a body that is not a JSON object is refused. An empty one (none, `Content-Length: 0`, an empty
 * chunked body: body.ts reads each as none) is said to be empty, in pydantic's words for MLflow, whose
 * FastAPI reads every empty body as a missing one (422 `missing` at `body`).
 */
export function notAnObjectFailure(body: unknown): ValidationFailure {
  if (body === undefined) return { message: 'the request body is empty: it must be a JSON object', param: null, issues: [{ type: 'missing', loc: ['body'], msg: 'Field required' }] };
  return { message: 'the request body must be a JSON object', param: null, issues: [{ type: 'model_type', loc: ['body'], msg: 'Input should be a valid dictionary' }] };
}

function validateWith(fast: ValidateFunction, validate: ValidateFunction, body: unknown): ValidationFailure | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return notAnObjectFailure(body);
  if (fast(body)) return undefined;
  // The sample is valid when the first error lies beyond it: then that first error is the report.
  const reported = validate(sampleOf(body)) ? (fast.errors ?? []) : (validate.errors ?? []);
  const judged = judgedByFirstItems(reported, body);
  const errors = judged.errors.slice(0, MAX_REPORTED_ERRORS);
  const { location, rule } = judged.mixed ?? summarise(errors);
  const param = location.length > 0 ? fieldPath(location) : null;
  return {
    message: `${param ?? 'body'}: ${rule}`,
    param,
    issues: errors
      .filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf')
      .map((error) => ({ type: error.keyword, loc: ['body', ...locationOf(error)], msg: ruleText(error) })),
  };
}
