/**
 * Requests for the fuzz test of the newer request paths (test/e2e/new-requests-fuzz.test.ts): a
 * valid request's mutations (a value replaced with one of the wrong type, a huge or negative number,
 * deep nesting, unicode, an invalid id; an item removed or doubled), and the rules every answer keeps.
 */
import fc from 'fast-check';
import { parseSse } from './gateway';

const REMOVE = Symbol('remove');
const DUPLICATE = Symbol('duplicate');

export const unicode = fc.constantFrom('', ' ', 'é☕🙂', '\u0000', '\ud800', 'ﬁ\u200b\u202e', 'a'.repeat(5_000), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'.repeat(50));
const numbers = fc.constantFrom(-1, 0, 1.5, -1e308, 1e308, 2 ** 53 + 1, -(2 ** 31), 4_294_967_296, 1e21);
/** Nesting within server.max_json_depth (64) mostly, past it sometimes. */
const deep = fc.tuple(fc.boolean(), fc.constantFrom(40, 55, 100)).map(([inArrays, levels]) => {
  let value: unknown = 'x';
  for (let depth = 0; depth < levels; depth += 1) value = inArrays ? [value] : { a: value };
  return value;
});
/** What a value may be replaced with. */
const replacement = fc.oneof(
  fc.constantFrom<unknown>(REMOVE, DUPLICATE, null, true, [], {}, [null], [[]], { type: 'nope' }, 'resp_', 'rs_', 'msg_x', 'fc_../..', '%00', '../../etc'),
  unicode,
  numbers,
  deep,
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);

export interface Mutation {
  at: number;
  value: unknown;
}

/** `value` with the value at the `at`-th place of a depth-first walk replaced (removed, or doubled in its list). */
function mutated(value: unknown, mutation: Mutation, counter = { place: 0 }): unknown {
  if (counter.place++ === mutation.at) return mutation.value;
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const changed = mutated(item, mutation, counter);
      return changed === REMOVE ? [] : changed === DUPLICATE ? [item, item] : [changed];
    });
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, mutated(item, mutation, counter)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== REMOVE).map(([key, item]) => [key, item === DUPLICATE ? [item, item] : item]));
  }
  return value;
}

/** None in about a third of the cases, so that many requests reach the providers. */
export const mutations = fc.oneof(fc.constant([]), fc.array(fc.record({ at: fc.nat({ max: 60 }), value: replacement }), { minLength: 1, maxLength: 3 }));

export function withMutations(body: unknown, list: readonly Mutation[]): unknown {
  const changed = list.reduce((current, mutation) => mutated(current, mutation), body);
  return changed === REMOVE || changed === DUPLICATE ? {} : changed;
}

export interface Finding {
  request: string;
  status: number;
  problem: string;
  body: string;
}

/** A JSON answer, a chat or completions stream ending in [DONE], or a Responses stream whose last event finishes the response. */
export function isWholeAnswer(text: string): boolean {
  if (!text.startsWith('data:') && !text.startsWith('event:')) {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  const events = parseSse(text);
  const last = events.at(-1);
  if (last?.event === undefined) return last?.data === '[DONE]';
  return ['response.completed', 'response.incomplete', 'response.failed', 'error'].includes(last.event);
}

/**
 * The problems of one answer (empty when it keeps every rule): `secrets` must not be in it;
 * `upstreamAnswered` when a fake was asked (its 4xx need not name a field); `request`, a POST's path and body.
 */
export function problemsOf(options: { status: number; text: string; secrets: readonly string[]; upstreamAnswered: boolean; request?: { sent: unknown; path: string } }): string[] {
  const { status, text, upstreamAnswered, request } = options;
  const problems: string[] = [];
  if (status >= 500) problems.push('5xx without an upstream or store failure');
  if (status === 200 && !isWholeAnswer(text)) problems.push('a 200 that is neither JSON nor a finished stream');
  for (const secret of options.secrets) if (text.includes(secret)) problems.push(`secret ${secret.slice(0, 8)}… in the body`);
  if (status >= 400) {
    let error: { error?: { message?: unknown; param?: unknown } } | undefined;
    try {
      error = JSON.parse(text) as typeof error;
    } catch {
      problems.push('error body is not JSON');
    }
    const message = error?.error?.message;
    if (typeof message !== 'string') problems.push('error without a message');
    // A body that is not a JSON object, or nests too deep, breaks a rule of the whole body: no field to name.
    else if ((status === 400 || status === 422) && !upstreamAnswered && !message.startsWith('the request body')) {
      const param = error?.error?.param;
      if (typeof param !== 'string' || param === '') problems.push('4xx without a param');
      else if (!message.includes(param.split(/[.[]/)[0])) problems.push(`message does not name its param ${param}`);
      else if (request !== undefined && !namesSentField(param, request.sent, request.path)) problems.push(`param ${param} is not a field of the request`);
      else if (request !== undefined && claimsWrongType(message, param, request.sent)) problems.push(`message says ${param} has the wrong JSON type, but it has one of those`);
    }
  }
  return problems;
}

/** One finding of each kind (status, problem and the start of the message), to read the run's output. */
export function summaryOf(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const kind = `${finding.status} ${finding.problem} ${finding.body.slice(0, 60)}`;
    return !seen.has(kind) && Boolean(seen.add(kind));
  });
}

/**
 * Whether `param` is a field of the body sent (or one it lacks: a required one, a value the endpoint
 * needs). A Responses request's refusals by a provider name the chat request's `messages[i]` (README).
 */
function namesSentField(param: string, sent: unknown, path: string): boolean {
  if (typeof sent !== 'object' || sent === null || Array.isArray(sent)) return true;
  const root = param.split(/[.[]/)[0];
  return root in sent || param.startsWith('messages[') || !FIELDS_OF_OTHER_ROUTES[path].includes(root);
}

/** The main fields of the other routes' requests, which a refusal on this route must not name. */
const FIELDS_OF_OTHER_ROUTES: Record<string, string[]> = {
  '/v1/responses': ['messages', 'prompt'],
  '/v1/chat/completions': ['input', 'prompt'],
  '/v1/completions': ['messages', 'input'],
};

/** The value at a param path (`input[0].content`), or undefined. */
function valueAt(value: unknown, param: string): unknown {
  return param
    .split(/[.[\]]+/)
    .filter((key) => key !== '')
    .reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), value);
}

function jsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/** Whether the message's rule is only "must be <JSON types>" and the value sent has one of them (the real rule is hidden). */
function claimsWrongType(message: string, param: string, sent: unknown): boolean {
  const prefix = `${param}: must be `;
  if (!message.startsWith(prefix)) return false;
  const types = message.slice(prefix.length).split(/, | or /);
  if (!types.every((type) => JSON_TYPES.includes(type))) return false;
  const value = valueAt(sent, param);
  return value !== undefined && jsonTypeOf(value).some((type) => types.includes(type));
}

const JSON_TYPES = ['string', 'array', 'object', 'integer', 'number', 'boolean', 'null'];

export async function answerOf(run: () => Promise<Response>): Promise<{ status: number; text: string }> {
  try {
    const response = await run();
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 599, text: `no answer in time: ${String(error)}` };
  }
}
