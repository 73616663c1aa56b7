/**
 * Odd provider answers for the fuzz tests (test/e2e/upstream-fuzz.test.ts, bedrock-fuzz.test.ts):
 * one JSON value of a realistic answer replaced or removed, and what the gateway must make of the
 * result: a 200 that matches openapi/, a stream that ends in [DONE] or an error event, or a 502 with
 * a JSON message. Never a 500, never an answer that breaks our own schema.
 */
import fc from 'fast-check';
import { CHUNK_SCHEMAS, RESPONSE_SCHEMAS, V1_PATHS, type EndpointKind } from './contract';
import { parseSse } from './gateway';

/**
 * One JSON value replaced (or a key removed) at the `at`-th place of a depth-first walk of the
 * answer; in a stream, of its `event`-th JSON payload (modulo their number).
 */
export interface Mutation {
  at: number;
  event: number;
  replacement: unknown;
}

export const REMOVE = Symbol('remove');
export const replacements = fc.constantFrom<unknown>(REMOVE, null, 0, -1, 1.5, '', 'text', true, [], {}, [null], { unexpected: 1 }, [[1]]);

/** `value` with the mutation applied; `counter` counts places in depth-first order. */
export function mutated(value: unknown, mutation: Mutation, counter = { place: 0 }): unknown {
  if (counter.place++ === mutation.at) return mutation.replacement;
  if (Array.isArray(value)) return value.map((item) => mutated(item, mutation, counter)).filter((item) => item !== REMOVE);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, mutated(item, mutation, counter)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== REMOVE));
  }
  return value;
}

/** A whole answer with the mutation applied (removing the answer itself leaves `{}`). */
export function mutatedAnswer(value: unknown, mutation: Mutation): unknown {
  const changed = mutated(value, mutation);
  return changed === REMOVE ? {} : changed;
}

export function mutatedJson(text: string, mutation: Mutation): string {
  return JSON.stringify(mutatedAnswer(JSON.parse(text), mutation));
}

/** A JSON object, or null. */
export function objectIn(text: string): object | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/** A streamed body (SSE `data:` lines or NDJSON lines) with one of its JSON payloads mutated. */
export function mutatedStream(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const payloads = lines.flatMap((line, index) => {
    const prefix = /^data: ?/.exec(line)?.[0] ?? '';
    return objectIn(line.slice(prefix.length)) === null ? [] : [{ index, prefix }];
  });
  if (payloads.length === 0) return text;
  const { index, prefix } = payloads[mutation.event % payloads.length];
  lines[index] = prefix + mutatedJson(lines[index].slice(prefix.length), mutation);
  return lines.join('\n');
}

/** What the test requires of an answer; anything else is returned as the offending outcome. */
export function answerVerdict(kind: EndpointKind, answer: { status: number; body: unknown }): string {
  if (answer.status === 502) return typeof answer.body === 'object' && answer.body !== null ? 'ok' : 'a 502 without a JSON body';
  if (answer.status !== 200) return `status ${answer.status}: ${JSON.stringify(answer.body)}`;
  const validate = RESPONSE_SCHEMAS[kind];
  return validate(answer.body) ? 'ok' : `a 200 that breaks the ${kind} schema: ${JSON.stringify(validate.errors?.[0])}`;
}

/** What the test requires of a streamed answer; anything else is returned as the offending outcome. */
export function streamVerdict(kind: 'chat' | 'completions', status: number, text: string): string {
  if (status === 502) return objectIn(text) === null ? 'a 502 without a JSON body' : 'ok';
  if (status !== 200) return `status ${status}: ${text.slice(0, 300)}`;
  const events = parseSse(text);
  const last = events[events.length - 1];
  const ending = last?.event === 'error' ? 'error' : last?.data === '[DONE]' ? 'done' : null;
  if (ending === null) return `a stream that ends with neither [DONE] nor an error event: ${JSON.stringify(last)}`;
  const validate = CHUNK_SCHEMAS[kind]!;
  for (const event of events.slice(0, -1)) {
    if (event.event !== undefined || !validate(JSON.parse(event.data))) return `a chunk that breaks the ${kind} chunk schema: ${event.data.slice(0, 200)} ${JSON.stringify(validate.errors?.[0])}`;
  }
  return 'ok';
}

/** What a fuzz run needs: the gateway, its endpoints, and where the fake upstream reads the mutation from. */
export interface FuzzOptions<Endpoint extends { name: string; kind: EndpointKind }> {
  gatewayUrl: () => string;
  /** The endpoints to pick from (streams: only those that stream). */
  endpoints: readonly Endpoint[];
  /** The request body for an endpoint, with tools where it takes them and `withTools` says so. */
  requestOf: (endpoint: Endpoint, withTools: boolean) => Record<string, unknown>;
  /** The mutation the fake upstream applies to its next answers (null: answer as the fixture). */
  current: { mutation: Mutation | null };
  /** Places in an answer (or event) a mutation may hit: larger than the answers' own count wraps to none. */
  places: number;
  seed: number;
  numRuns: number;
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

/** A failed case as the test reports it. */
function failure(endpoint: string, path: string, mutation: Mutation, withTools: boolean, outcome: string) {
  return { endpoint, path, ...mutation, replacement: mutation.replacement === REMOVE ? 'removed' : mutation.replacement, withTools, outcome };
}

/** JSON answers, one mutation per case, on the MLflow route and on /v1; the cases whose outcome broke the rules. */
export async function fuzzAnswers<Endpoint extends { name: string; kind: EndpointKind }>(options: FuzzOptions<Endpoint>): Promise<unknown[]> {
  const { endpoints, requestOf, current } = options;
  const failures: unknown[] = [];
  await fc.assert(
    fc.asyncProperty(fc.nat(100), fc.nat(options.places), replacements, fc.boolean(), async (pick, at, replacement, withTools) => {
      const endpoint = endpoints[pick % endpoints.length];
      const mutation = { at, event: 0, replacement };
      current.mutation = mutation;
      const body = requestOf(endpoint, withTools);
      for (const [path, request] of [
        [`/gateway/${endpoint.name}/invocations`, body],
        [V1_PATHS[endpoint.kind], { ...body, model: endpoint.name }],
      ] as const) {
        const { status, text } = await post(`${options.gatewayUrl()}${path}`, request);
        const outcome = answerVerdict(endpoint.kind, { status, body: objectIn(text) ?? text });
        if (outcome !== 'ok') failures.push(failure(endpoint.name, path, mutation, withTools, outcome));
      }
      current.mutation = null;
    }),
    { seed: options.seed, numRuns: options.numRuns },
  );
  return failures;
}

/** Streams, one mutated event per case, on the MLflow route and on /v1; the cases whose outcome broke the rules. */
export async function fuzzStreams<Endpoint extends { name: string; kind: EndpointKind }>(options: FuzzOptions<Endpoint> & { events: number }): Promise<unknown[]> {
  const { endpoints, requestOf, current } = options;
  const failures: unknown[] = [];
  await fc.assert(
    fc.asyncProperty(fc.nat(100), fc.nat(options.places), fc.nat(options.events), replacements, fc.boolean(), async (pick, at, event, replacement, withTools) => {
      const endpoint = endpoints[pick % endpoints.length];
      const kind = endpoint.kind as 'chat' | 'completions';
      const mutation = { at, event, replacement };
      current.mutation = mutation;
      const body = { ...requestOf(endpoint, withTools), stream: true };
      for (const [path, request] of [
        [`/endpoints/${endpoint.name}/invocations`, body],
        [V1_PATHS[kind], { ...body, model: endpoint.name }],
      ] as const) {
        const { status, text } = await post(`${options.gatewayUrl()}${path}`, request);
        const outcome = streamVerdict(kind, status, text);
        if (outcome !== 'ok') failures.push(failure(endpoint.name, path, mutation, withTools, outcome));
      }
      current.mutation = null;
    }),
    { seed: options.seed, numRuns: options.numRuns },
  );
  return failures;
}
