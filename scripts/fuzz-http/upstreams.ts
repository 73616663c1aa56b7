/**
 * The fake providers on 127.0.0.1: an OpenAI-, an Anthropic- and a Gemini-shaped one answering
 * with the realistic fixtures of test/fixtures/, and a mutating twin of each whose answers are
 * broken on the wire as the current case says (garbage, cut, stalled, wrong status or length,
 * values of the wrong type or absurd size). The value mutations of single fields are the jest
 * suite's (test/e2e/upstream-fuzz.test.ts); here they are mixed with the wire-level ones.
 */
import type { ServerResponse } from 'node:http';
import { mutated, objectIn, REMOVE } from '../../test/support/answer-mutations';
import { startFakeUpstream, type FakeUpstream, type RecordedRequest, type UpstreamHandler } from '../../test/support/fake-upstream';
import { serveAnthropicFixtures, serveGeminiFixtures, serveOpenAIFixtures } from '../../test/support/fixture-upstreams';
import { ListedObject, RawJson, toJsonText } from './json-text';
import type { Random } from './random';

export type Vendor = 'openai' | 'anthropic' | 'gemini';
export const VENDORS: readonly Vendor[] = ['openai', 'anthropic', 'gemini'];

/** Model names the fixture handlers answer with their completions fixtures. */
export const COMPLETIONS_MODELS = { anthropic: 'claude-3-5-haiku-latest', gemini: 'gemini-2.0-flash' } as const;

const FIXTURE_HANDLERS: Record<Vendor, UpstreamHandler> = {
  openai: serveOpenAIFixtures,
  anthropic: serveAnthropicFixtures(COMPLETIONS_MODELS.anthropic),
  gemini: serveGeminiFixtures(COMPLETIONS_MODELS.gemini),
};

/** How the mutating upstream breaks its next answers. */
export type UpstreamMutation =
  | { kind: 'value'; at: number; event: number; replacement: unknown }
  | { kind: 'status'; status: number; body: string; contentType: string }
  | { kind: 'garbage'; body: string; contentType: string }
  | { kind: 'invalid-utf8' }
  | { kind: 'cut'; fraction: number }
  | { kind: 'reset-before-headers' }
  | { kind: 'stall'; fraction: number }
  | { kind: 'short-length' }
  | { kind: 'deep'; depth: number }
  | { kind: 'huge-event'; size: number }
  | { kind: 'slow-drip'; pieceBytes: number };

const REPLACEMENTS: readonly unknown[] = [
  REMOVE,
  null,
  0,
  -1,
  1.5,
  '',
  'text',
  true,
  [],
  {},
  [null],
  { unexpected: 1 },
  [[1]],
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('1e308'),
  new RawJson('-0'),
  new RawJson('9007199254740993'),
  '\ud800',
  'x'.repeat(200_000),
  '__proto__',
  new ListedObject([
    ['__proto__', null],
    ['constructor', 1],
    ['id', 'a'],
    ['id', 7],
  ]),
  new RawJson('{"__proto__":{"polluted":1}}'),
];

const ODD_CONTENT_TYPES = ['application/json', 'text/event-stream', 'text/html', 'text/plain', '', 'application/json; charset=utf-16', 'application/x-ndjson'];

/** A mutation of an upstream answer, drawn from `random`. */
export function upstreamMutation(random: Random): UpstreamMutation {
  return random.weighted<() => UpstreamMutation>([
    [6, () => ({ kind: 'value', at: random.below(60), event: random.below(12), replacement: random.pick(REPLACEMENTS) })],
    [
      2,
      () => ({
        kind: 'status',
        status: random.pick([200, 201, 204, 301, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 529, 599]),
        body: random.pick([
          '',
          '{}',
          'null',
          '[]',
          '<html>oops</html>',
          '{"error":{"message":123}}',
          '{"error":"sk-leak?"}',
          '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
          '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota"}}',
        ]),
        contentType: random.pick(ODD_CONTENT_TYPES),
      }),
    ],
    [
      2,
      () => ({
        kind: 'garbage',
        body: random.pick([
          '',
          'not json',
          '{"id": "x", ',
          'data: {"x":\n\n',
          'data: [DONE]\n\n',
          '\u0000\u0001\u0002',
          'event: error\ndata: {}\n\n',
          'data: {}\n\ndata: {}\n\n',
          ': ping\n\n'.repeat(50),
          '[1,2,3]',
          '"just a string"',
          '1e999',
        ]),
        contentType: random.pick(ODD_CONTENT_TYPES),
      }),
    ],
    [1, () => ({ kind: 'invalid-utf8' })],
    [2, () => ({ kind: 'cut', fraction: random.next() })],
    [1, () => ({ kind: 'reset-before-headers' })],
    [1, () => ({ kind: 'stall', fraction: random.next() })],
    [1, () => ({ kind: 'short-length' })],
    [1, () => ({ kind: 'deep', depth: random.pick([100, 5_000, 100_000]) })],
    [1, () => ({ kind: 'huge-event', size: random.pick([100_000, 3_000_000]) })],
    [1, () => ({ kind: 'slow-drip', pieceBytes: random.pick([1, 7, 64]) })],
  ])();
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a fixture handler would send (they only call writeHead and end), without sending it. */
function answerOf(handler: UpstreamHandler, request: RecordedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let status = 200;
    let headers: Record<string, string> = {};
    const capture = {
      writeHead(code: number, values?: Record<string, string>) {
        status = code;
        headers = values ?? {};
        return capture;
      },
      end(body?: string | Buffer) {
        resolve({ status, headers, body: body === undefined ? '' : body.toString() });
      },
    };
    Promise.resolve(handler(request, capture as unknown as ServerResponse)).catch(reject);
  });
}

/** One JSON text (an answer, or one event's data) with the value mutation applied. */
function mutatedJsonText(text: string, mutation: Extract<UpstreamMutation, { kind: 'value' }>): string {
  const changed = mutated(JSON.parse(text), mutation);
  return changed === REMOVE ? '{}' : toJsonText(changed);
}

/** The `event`-th JSON payload of a stream (SSE `data:` lines) mutated; anything else as it was. */
function mutatedEvents(body: string, mutation: Extract<UpstreamMutation, { kind: 'value' }>): string {
  const lines = body.split('\n');
  const places = lines.flatMap((line, index) => (objectIn(line.replace(/^data: ?/, '')) === null ? [] : [index]));
  if (places.length === 0) return body;
  const index = places[mutation.event % places.length];
  const prefix = /^data: ?/.exec(lines[index])![0];
  lines[index] = prefix + mutatedJsonText(lines[index].slice(prefix.length).replace(/\r$/, ''), mutation);
  return lines.join('\n');
}

const isStream = (answer: Answer) => (answer.headers['content-type'] ?? '').includes('event-stream');

/** A JSON value nested `depth` arrays deep. */
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Writes `answer` as `mutation` breaks it. */
function sendMutated(response: ServerResponse, answer: Answer, mutation: UpstreamMutation): void {
  const headers = { 'content-type': answer.headers['content-type'] ?? 'application/json' };
  switch (mutation.kind) {
    case 'value': {
      const body = isStream(answer) ? mutatedEvents(answer.body, mutation) : mutatedJsonText(answer.body, mutation);
      response.writeHead(answer.status, headers);
      return void response.end(body);
    }
    case 'status':
      response.writeHead(mutation.status, mutation.contentType ? { 'content-type': mutation.contentType } : {});
      return void response.end(mutation.status === 204 ? undefined : mutation.body);
    case 'garbage':
      response.writeHead(200, mutation.contentType ? { 'content-type': mutation.contentType } : {});
      return void response.end(mutation.body);
    case 'invalid-utf8': {
      const bytes = Buffer.from(answer.body);
      const at = Math.floor(bytes.length / 2);
      response.writeHead(answer.status, headers);
      return void response.end(Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), bytes.subarray(at)]));
    }
    case 'cut':
      response.writeHead(answer.status, headers);
      response.write(answer.body.slice(0, Math.floor(answer.body.length * mutation.fraction)));
      return void setTimeout(() => response.destroy(), 20);
    case 'reset-before-headers':
      return void response.socket?.destroy();
    case 'stall':
      // Part of the answer, then silence: the gateway's idle / total timeouts must end the call.
      response.writeHead(answer.status, headers);
      return void response.write(answer.body.slice(0, Math.floor(answer.body.length * mutation.fraction)));
    case 'short-length':
      // Promises more bytes than it sends, then closes.
      response.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(answer.body) + 100) });
      response.write(answer.body);
      return void setTimeout(() => response.destroy(), 20);
    case 'deep': {
      const body = isStream(answer)
        ? `data: ${deepJson(mutation.depth)}\n\n${answer.body}`
        : `{"choices":${deepJson(mutation.depth)},"candidates":${deepJson(mutation.depth)},"content":${deepJson(mutation.depth)}}`;
      response.writeHead(answer.status, headers);
      return void response.end(body);
    }
    case 'huge-event': {
      const text = 'y'.repeat(mutation.size);
      const body = isStream(answer) ? answer.body.replace(/"(text|content)":"[^"]*"/, `"$1":"${text}"`) : answer.body.replace(/"(text|content)":"[^"]*"/g, `"$1":"${text}"`);
      response.writeHead(answer.status, headers);
      return void response.end(body);
    }
    case 'slow-drip': {
      response.writeHead(answer.status, headers);
      const bytes = Buffer.from(answer.body);
      let offset = 0;
      const drip = () => {
        if (response.destroyed) return;
        if (offset >= bytes.length) return void response.end();
        response.write(bytes.subarray(offset, offset + mutation.pieceBytes));
        offset += mutation.pieceBytes;
        setTimeout(drip, 2);
      };
      return drip();
    }
    default: {
      const unreachable: never = mutation;
      return unreachable;
    }
  }
}

/** A vendor's realistic answer, or a 400 as the vendor would give for a body it cannot read. */
async function realisticAnswer(vendor: Vendor, request: RecordedRequest): Promise<Answer> {
  try {
    return await answerOf(FIXTURE_HANDLERS[vendor], request);
  } catch (error) {
    return { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { message: `fake ${vendor} could not read the request: ${(error as Error).message}` } }) };
  }
}

export interface Upstreams {
  urls: Record<Vendor, string>;
  mutatingUrls: Record<Vendor, string>;
  /** What the mutating upstreams do to their answers from now on (null: answer as the fixtures). */
  setMutation(mutation: UpstreamMutation | null): void;
  close(): Promise<void>;
}

export async function startUpstreams(): Promise<Upstreams> {
  let current: UpstreamMutation | null = null;
  const plain =
    (vendor: Vendor): UpstreamHandler =>
    async (request, response) => {
      const answer = await realisticAnswer(vendor, request);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    };
  const mutating =
    (vendor: Vendor): UpstreamHandler =>
    async (request, response) => {
      const answer = await realisticAnswer(vendor, request);
      if (current === null) {
        response.writeHead(answer.status, answer.headers);
        return void response.end(answer.body);
      }
      try {
        sendMutated(response, answer, current);
      } catch (error) {
        console.error(`the fake ${vendor} upstream failed to apply ${current.kind}:`, error);
        response.destroy();
      }
    };
  const servers: FakeUpstream[] = [];
  const urls = {} as Record<Vendor, string>;
  const mutatingUrls = {} as Record<Vendor, string>;
  for (const vendor of VENDORS) {
    const server = await startFakeUpstream(plain(vendor));
    const twin = await startFakeUpstream(mutating(vendor));
    servers.push(server, twin);
    urls[vendor] = server.url;
    mutatingUrls[vendor] = twin.url;
  }
  // The fakes record every request; a long run must not keep them all.
  const trim = setInterval(() => {
    for (const server of servers) {
      server.requests.splice(0);
      server.closed.splice(0);
    }
  }, 1_000);
  return {
    urls,
    mutatingUrls,
    setMutation: (mutation) => {
      current = mutation;
    },
    close: async () => {
      clearInterval(trim);
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
