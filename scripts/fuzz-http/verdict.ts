/** What the gateway promises of every answer, checked on one case's exchange: a list of findings. */
import { CHUNK_SCHEMAS, RESPONSE_SCHEMAS } from '../../test/support/contract';
import { parseSse } from '../../test/support/gateway';
import type { FuzzCase } from './cases';
import { CONFIG_MARKER, SECRETS } from './gateway';
import type { JsonPath } from './json-text';
import type { ParsedAnswer, WireResult } from './wire';

export interface Finding {
  rule: string;
  caseId: number;
  family: string;
  description: string;
  status: number | null;
  excerpt: string;
}

/** 5xx the gateway documents for a provider's failure (and 501 for what a provider cannot do). */
const UPSTREAM_5XX = new Set([501, 502, 503, 504]);

/** Answers that are not JSON by design: the docs page, metrics, OPTIONS' method list, a redirect. */
function jsonDue(fuzzCase: FuzzCase, answer: ParsedAnswer): boolean {
  if (fuzzCase.method === 'HEAD') return false;
  if (answer.status >= 400) return true;
  const contentType = answer.headers['content-type'] ?? '';
  if (contentType.includes('text/event-stream') || answer.body.length === 0) return false;
  const path = fuzzCase.target.split('?')[0];
  return !(path.startsWith('/docs') || path === '/metrics' || fuzzCase.method === 'OPTIONS' || (answer.status >= 300 && answer.status < 400));
}

/** The error message of an error body (OpenAI's shape or MLflow's). */
function messageOf(body: unknown): { message: string; param: string | null } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { error, detail, message } = body as { error?: { message?: unknown; param?: unknown }; detail?: unknown; message?: unknown };
  if (typeof error?.message === 'string') return { message: error.message, param: typeof error.param === 'string' ? error.param : null };
  if (typeof message === 'string') return { message, param: null };
  if (typeof detail === 'string') return { message: detail, param: null };
  return null;
}

/**
 * Whether a refusal names a field: its `param`, a message that starts with a field's path
 * (`messages[0].content: must be…`) or quotes one (`The parameter 'logprobs'…`), or a word of a
 * place the case changed. The limits read on the raw bytes before parsing name their setting.
 */
function namesField(refusal: { message: string; param: string | null }, paths: readonly JsonPath[]): boolean {
  if (refusal.param !== null || /^[\w$.[\]-]+: /.test(refusal.message) || /'[\w.[\]]+'/.test(refusal.message) || /\(server\.max_\w+\)/.test(refusal.message)) return true;
  const words = paths.flatMap((path) => (path.length === 0 ? ['body'] : path.filter((segment): segment is string => typeof segment === 'string' && segment.length > 0)));
  return words.length === 0 || words.some((word) => refusal.message.includes(word.slice(0, 100)));
}

/** The SSE rules: the stream ends as documented, and every chunk matches the chunk schema. */
function streamProblem(fuzzCase: FuzzCase, text: string): string | null {
  const events = parseSse(text);
  const last = events[events.length - 1];
  if (fuzzCase.expect.kind === 'responses') {
    const ending = ['response.completed', 'response.incomplete', 'response.failed', 'error'];
    return last && ending.includes(last.event ?? '') ? null : `a Responses stream that ends with ${JSON.stringify(last ?? null).slice(0, 200)}`;
  }
  if (!(last?.event === 'error' || last?.data === '[DONE]')) return `a stream that ends with neither [DONE] nor an error event: ${JSON.stringify(last ?? null).slice(0, 200)}`;
  const validate = fuzzCase.expect.kind === 'chat' || fuzzCase.expect.kind === 'completions' ? CHUNK_SCHEMAS[fuzzCase.expect.kind] : null;
  for (const event of events.slice(0, -1)) {
    if (event.event !== undefined) return `an event other than the last is ${event.event}`;
    let chunk: unknown;
    try {
      chunk = JSON.parse(event.data);
    } catch {
      return `a chunk that is not JSON: ${event.data.slice(0, 100)}`;
    }
    if (validate && !validate(chunk)) return `a chunk that breaks the ${fuzzCase.expect.kind} chunk schema: ${JSON.stringify(validate.errors?.[0])}`;
  }
  return null;
}

/** The findings of one answer. */
function answerFindings(fuzzCase: FuzzCase, answer: ParsedAnswer, weCut: boolean): string[] {
  const rules: string[] = [];
  const { status } = answer;
  const text = answer.body.toString('utf8');
  const whole = `${JSON.stringify(answer.headers)}\n${text}`;
  for (const [name, value] of Object.entries(SECRETS)) if (whole.includes(value)) rules.push(`secret ${name} in an answer`);
  if (whole.includes(CONFIG_MARKER)) rules.push('the config file in an answer');
  if (status === 500) rules.push('a 500');
  else if (status >= 500 && (fuzzCase.expect.clientMistake ? status !== 501 : !UPSTREAM_5XX.has(status)))
    rules.push(`a ${status} for ${fuzzCase.expect.clientMistake ? "a client's mistake" : "a provider's failure"}`);
  if (!answer.complete && !weCut) rules.push('an answer cut short');
  const isStream = (answer.headers['content-type'] ?? '').includes('text/event-stream');
  if (isStream && answer.complete) {
    const problem = streamProblem(fuzzCase, text);
    if (problem) rules.push(problem);
  }
  if (!jsonDue(fuzzCase, answer) || !answer.complete) return rules;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...rules, `a ${status} whose body is not JSON`];
  }
  if (status >= 400 && messageOf(body) === null) rules.push(`a ${status} without an error message`);
  const refusal = messageOf(body);
  if ((status === 400 || status === 422) && refusal && fuzzCase.expect.fieldPaths && !namesField(refusal, fuzzCase.expect.fieldPaths)) rules.push(`a ${status} that names no field`);
  const kind = fuzzCase.expect.kind;
  if (status === 200 && kind !== null && kind !== 'responses' && !isStream && fuzzCase.method === 'POST') {
    const validate = RESPONSE_SCHEMAS[kind];
    if (!validate(body)) rules.push(`a 200 that breaks the ${kind} response schema: ${JSON.stringify(validate.errors?.[0])}`);
  }
  return rules;
}

function finding(fuzzCase: FuzzCase, rule: string, answer: ParsedAnswer | null): Finding {
  const excerpt = answer ? `${answer.body.toString('utf8').slice(0, 300)}` : '';
  return { rule, caseId: fuzzCase.id, family: fuzzCase.family, description: fuzzCase.description, status: answer?.status ?? null, excerpt };
}

export function verdict(fuzzCase: FuzzCase, result: WireResult): Finding[] {
  const weCut = result.ending === 'destroyed-by-us';
  const findings: Finding[] = [];
  if (fuzzCase.expect.answer) {
    if (result.ending === 'timed-out' && result.answers.length < fuzzCase.expected) findings.push(finding(fuzzCase, `no answer within ${fuzzCase.timeoutMs} ms`, result.answers[0] ?? null));
    else if (result.answers.length === 0) findings.push(finding(fuzzCase, 'the connection closed without an answer', null));
    else if (result.elapsedMs > fuzzCase.expect.maxMs) findings.push(finding(fuzzCase, `an answer slower than ${fuzzCase.expect.maxMs} ms (${result.elapsedMs} ms)`, result.answers[0]));
  }
  // The follow-up request is a GET /v1/models.
  const asked = (index: number): FuzzCase =>
    fuzzCase.expect.followUp && index > 0 ? { ...fuzzCase, method: 'GET', target: '/v1/models', expect: { ...fuzzCase.expect, kind: null, fieldPaths: null } } : fuzzCase;
  result.answers.forEach((answer, index) => {
    for (const rule of answerFindings(asked(index), answer, weCut)) findings.push(finding(fuzzCase, rule, answer));
  });
  if (fuzzCase.expect.followUp) {
    const [first, second] = result.answers;
    const closed = /close/i.test(first?.headers.connection ?? '');
    if (first && !closed && second?.status !== 200) findings.push(finding(fuzzCase, `the next request on a kept-alive connection got ${second ? `a ${second.status}` : 'no answer'}`, second ?? first));
  }
  return findings;
}
