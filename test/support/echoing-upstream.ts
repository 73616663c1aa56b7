/**
 * Fake upstreams that quote the request they got (its URL and every header, credentials included)
 * in every way a vendor reports a failure, for the secret-leak tests (test/e2e/secret-leaks-*.test.ts):
 * a JSON error body of each status with the echo in every field a vendor's message is read from and
 * the credential itself in those its code, type and param are read from (and in its headers), a plain-text body, a stream
 * whose first event or a later one is an error (of a refused request, or of a failure), a stream event
 * that is not JSON, an error or an answer of an unexpected shape in a 200.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from './fake-upstream';
import { readFixture } from './fixtures';
import { credentialOf, echoOf } from './leak-hunt';

/** How a fake upstream answers with its echo. */
export type EchoScenario =
  | { kind: 'json-error'; status: number }
  | { kind: 'text-error'; status: number }
  | { kind: 'stream-error-first'; status: number }
  | { kind: 'stream-error-after-chunk'; status: number }
  | { kind: 'stream-not-json' }
  | { kind: 'json-200-error' }
  | { kind: 'json-200-unexpected' };

/**
 * A vendor's stream: its content type, a first event as it sends it, and its error event, of a refused
 * request (`status` 400: where the vendor's code may be shown to the client) or of a failure (500).
 */
export interface StreamShape {
  contentType: string;
  first: string;
  error: (echo: string, key: string, status: number) => string;
}

/** What a vendor writes in its error's type for a refused request; the key itself for a failure, where a code is never shown. */
const typeFor = (status: number, key: string, refused: string) => (status < 500 ? refused : key);

const firstEvents = (vendor: string, file: string, count: number, separator = '\n\n') => readFixture(vendor, file).split(separator).slice(0, count).map((event) => `${event}${separator}`).join('');

export const OPENAI_STREAM: StreamShape = {
  contentType: 'text/event-stream',
  first: firstEvents('openai', 'chat.stream.sse', 1),
  error: (echo, key, status) => `data: ${JSON.stringify({ error: { message: echo, type: typeFor(status, 'server_error', 'invalid_request_error'), code: key, param: key } })}\n\n`,
};

/** Each built-in vendor's stream (the OpenAI-compatible ones and those that do not stream share OpenAI's). */
export const VENDOR_STREAMS = {
  openai: OPENAI_STREAM,
  azure: OPENAI_STREAM,
  mistral: OPENAI_STREAM,
  togetherai: OPENAI_STREAM,
  palm: OPENAI_STREAM,
  ai21labs: OPENAI_STREAM,
  mosaicml: OPENAI_STREAM,
  serving: OPENAI_STREAM,
  anthropic: {
    contentType: 'text/event-stream; charset=utf-8',
    first: firstEvents('anthropic', 'chat.stream.sse', 2),
    error: (echo, key, status) => `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: typeFor(status, key, 'invalid_request_error'), message: echo } })}\n\n`,
  },
  gemini: {
    contentType: 'text/event-stream',
    first: firstEvents('gemini', 'chat.stream.sse', 1, '\r\n\r\n'),
    error: (echo, key, status) => `data: ${JSON.stringify({ error: { code: status, message: echo, status: key } })}\r\n\r\n`,
  },
  cohere: {
    contentType: 'application/stream+json',
    first: firstEvents('cohere', 'chat.stream.ndjson', 2, '\n'),
    error: (echo, key) => `${JSON.stringify({ is_finished: true, event_type: 'stream-error', err: echo, finish_reason: key })}\n`,
  },
  tgi: {
    contentType: 'text/event-stream',
    first: firstEvents('huggingface-text-generation-inference', 'chat.stream.sse', 1),
    error: (echo, key, status) => `data:${JSON.stringify({ error: echo, error_type: typeFor(status, key, 'validation') })}\n\n`,
  },
} satisfies Record<string, StreamShape>;

/** An error body read by every vendor's message extractor, and the key in each field a code is read from. */
function errorBody(echo: string, key: string): Record<string, unknown> {
  return { error: { message: echo, type: key, code: key, param: key, status: key }, message: echo, detail: echo, error_code: key, object: 'error', type: key, code: key };
}

/**
 * Response headers quoting the key, as a careless vendor's may: a `Retry-After` date with a comment
 * (which Date.parse skips), a challenge, a redirect's target, a request id.
 */
function headersQuoting(key: string): Record<string, string> {
  return { 'retry-after': `Wed, 21 Oct 2015 07:28:00 GMT (${key})`, 'www-authenticate': `Bearer error="${key}"`, location: `http://upstream.invalid/?key=${key}`, 'x-request-id': key };
}

/** Answers `request` as `scenario` says, in `stream`'s format where it streams, echoing it and quoting its credential. */
export function answerWithEcho(scenario: EchoScenario, stream: StreamShape, request: RecordedRequest, response: ServerResponse): void {
  const echo = echoOf(request);
  const key = credentialOf(request);
  switch (scenario.kind) {
    case 'json-error':
      return sendJson(response, scenario.status, errorBody(echo, key), headersQuoting(key));
    case 'text-error':
      response.writeHead(scenario.status, { 'content-type': 'text/plain' });
      return void response.end(`${key} refused: ${echo}`);
    case 'stream-error-first':
      response.writeHead(200, { 'content-type': stream.contentType });
      return void response.end(stream.error(echo, key, scenario.status));
    case 'stream-error-after-chunk':
      response.writeHead(200, { 'content-type': stream.contentType });
      return void response.end(`${stream.first}${stream.error(echo, key, scenario.status)}`);
    case 'stream-not-json':
      response.writeHead(200, { 'content-type': stream.contentType });
      return void response.end(`data: ${key} ${echo}\n\n${key} ${echo}\n`);
    case 'json-200-error':
      return sendJson(response, 200, errorBody(echo, key));
    case 'json-200-unexpected':
      return sendJson(response, 200, { id: key, object: key, model: echo, choices: key, candidates: echo, content: key, generations: echo, embeddings: key, data: echo, predictions: echo });
  }
}

/** Every scenario, named. */
export const ECHO_SCENARIOS: [string, EchoScenario][] = [
  ...[400, 401, 403, 404, 408, 413, 422, 429, 500, 503, 529].map((status): [string, EchoScenario] => [`a JSON error with status ${status}`, { kind: 'json-error', status }]),
  ...[400, 500, 502].map((status): [string, EchoScenario] => [`a plain-text error with status ${status}`, { kind: 'text-error', status }]),
  ...[400, 500].flatMap((status): [string, EchoScenario][] => [
    [`a stream whose first event is an error (of a ${status})`, { kind: 'stream-error-first', status }],
    [`a stream with an error event (of a ${status}) after its first chunk`, { kind: 'stream-error-after-chunk', status }],
  ]),
  ['a stream whose events are not JSON', { kind: 'stream-not-json' }],
  ['an error body with status 200', { kind: 'json-200-error' }],
  ['a 200 answer of an unexpected shape', { kind: 'json-200-unexpected' }],
];

/**
 * Whether every vendor's answer to `scenario` is quoted in the gateway's (so the echo must show,
 * redacted): not when the gateway's credentials were refused (401, 403), whose answer is never quoted,
 * nor for an answer of an unexpected shape, which OpenAI's translation names but does not quote.
 */
export function echoIsQuoted(scenario: EchoScenario): boolean {
  if (scenario.kind === 'json-200-unexpected') return false;
  return !(scenario.kind === 'json-error' && (scenario.status === 401 || scenario.status === 403));
}
