/**
 * The generated cases: a request (or a few on one connection) sent as raw bytes, with what its
 * answer must be. Each case is built from its own seeded generator, so `--case N` replays it.
 */
import { CHAT_ENDPOINTS, COMPLETIONS_ENDPOINTS, EMBEDDINGS_ENDPOINTS, MUTANT_ENDPOINTS, SECRETS, SERVER_TIMEOUTS } from './gateway';
import { toJsonText, type JsonPath } from './json-text';
import { breakBody, describe, mutateBody } from './mutate';
import { oddText, type Random } from './random';
import { SEEDS, type BodyKind } from './seeds';
import { upstreamMutation, type UpstreamMutation } from './upstreams';
import { requestBytes, type WireStep } from './wire';

export interface FuzzCase {
  id: number;
  family: string;
  /** What was sent, in words. */
  description: string;
  method: string;
  target: string;
  steps: WireStep[];
  /** Answers the connection must carry (pipelined requests: several). */
  expected: number;
  heads: boolean[];
  /** Give up reading after this long. */
  timeoutMs: number;
  /** Set on the mutating upstreams while the case runs (such cases run one at a time). */
  upstream?: UpstreamMutation;
  expect: {
    /** The client's mistake: no 5xx but 501. */
    clientMistake: boolean;
    /** Answers must come (false when the case cuts the connection itself). */
    answer: boolean;
    /** A 400 / 422 must name a field of one of these places. */
    fieldPaths: JsonPath[] | null;
    /** The slowest acceptable answer. */
    maxMs: number;
    /** The kind of body the route answers (for the schema of a 200), if any. */
    kind: BodyKind | null;
    /** A valid request follows on the connection: served with a 200 unless the first answer closed it. */
    followUp: boolean;
  };
}

type Header = [string, string];

const ROUTE_KINDS: readonly BodyKind[] = ['chat', 'chat', 'completions', 'embeddings', 'responses'];
const V1_PATH: Record<BodyKind, string> = { chat: '/v1/chat/completions', completions: '/v1/completions', embeddings: '/v1/embeddings', responses: '/v1/responses' };
const NAMES: Record<BodyKind, readonly string[]> = { chat: CHAT_ENDPOINTS, completions: COMPLETIONS_ENDPOINTS, embeddings: EMBEDDINGS_ENDPOINTS, responses: CHAT_ENDPOINTS };
const ALL_NAMES = [...CHAT_ENDPOINTS, ...COMPLETIONS_ENDPOINTS, ...EMBEDDINGS_ENDPOINTS];

const NORMAL_MS = 8_000;
const auth = (key: string = SECRETS.CLIENT_KEY): Header => ['Authorization', `Bearer ${key}`];

/** An invocation request: the route, the endpoint it names, and a valid body for it. */
interface Invocation {
  kind: BodyKind;
  path: string;
  body: Record<string, unknown>;
}

function invocation(random: Random, names: Record<BodyKind, readonly string[]> = NAMES): Invocation {
  const kind = random.pick(ROUTE_KINDS);
  const name = random.pick(names[kind]);
  const seed = { ...random.pick(SEEDS[kind]) };
  if (kind === 'embeddings') delete seed.stream;
  if (random.chance(0.3) && kind !== 'embeddings') seed.stream = !seed.stream;
  if (kind === 'responses' || random.chance(0.5)) return { kind, path: V1_PATH[kind], body: { model: name, ...seed } };
  return { kind, path: `/${random.pick(['endpoints', 'gateway'])}/${name}/invocations`, body: seed };
}

/** The case's request id (unless the case sends its own), so that its log lines name it. */
function withRequestId(id: number, headers: Header[]): Header[] {
  return headers.some(([name]) => name.toLowerCase() === 'x-request-id') ? headers : [...headers, ['x-request-id', `fuzz-${id}`]];
}

function post(id: number, target: string, headers: Header[], body: Buffer): WireStep[] {
  return [{ write: requestBytes({ method: 'POST', target, headers: withRequestId(id, [['Host', '127.0.0.1'], ['Connection', 'close'], ['Content-Length', String(body.length)], ...headers]), body }) }];
}

function baseCase(id: number, family: string, description: string, method: string, target: string, steps: WireStep[], expect: Partial<FuzzCase['expect']> = {}): FuzzCase {
  return {
    id,
    family,
    description,
    method,
    target,
    steps,
    expected: 1,
    heads: [method === 'HEAD'],
    timeoutMs: 20_000,
    expect: { clientMistake: true, answer: true, fieldPaths: null, maxMs: NORMAL_MS, kind: null, followUp: false, ...expect },
  };
}

const contentType: Header = ['Content-Type', 'application/json'];

function valid(random: Random, id: number): FuzzCase {
  const call = invocation(random);
  return baseCase(id, 'valid', `${call.path} ${describe(call.body)}`, 'POST', call.path, post(id, call.path, [contentType, auth()], Buffer.from(JSON.stringify(call.body))), { kind: call.kind });
}

function mutatedBody(random: Random, id: number): FuzzCase {
  const call = invocation(random);
  const mutation = mutateBody(random, call.body);
  const bytes = Buffer.from(toJsonText(mutation.body));
  return baseCase(id, 'body', `${call.path}: ${mutation.description}`, 'POST', call.path, post(id, call.path, [contentType, auth()], bytes), { fieldPaths: mutation.paths, kind: call.kind });
}

function brokenBody(random: Random, id: number): FuzzCase {
  const call = invocation(random);
  const broken = breakBody(random, JSON.stringify(call.body));
  const headers: Header[] = broken.headers.some(([name]) => name === 'Content-Type') ? broken.headers : [contentType, ...broken.headers];
  return baseCase(id, 'broken-json', `${call.path}: ${broken.description}`, 'POST', call.path, post(id, call.path, [...headers, auth()], broken.bytes), { kind: call.kind });
}

const ODD_CONTENT_TYPES = [
  '',
  'text/plain',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/json;charset="utf-8"',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json, text/html',
  ';;;',
  `application/json; ${'x'.repeat(8_000)}`,
];

/** Keys sent in forms the gateway must refuse (401) without echoing them. */
const WRONG_AUTHORIZATIONS = [
  'Bearer wrong',
  'Bearer',
  'Bearer ',
  `bearer ${SECRETS.CLIENT_KEY}`,
  `Basic ${Buffer.from(`user:${SECRETS.CLIENT_KEY}`).toString('base64')}`,
  `Bearer ${SECRETS.CLIENT_KEY}x`,
  `Bearer ${SECRETS.CLIENT_KEY} `,
  `Bearer ${SECRETS.CLIENT_KEY}, Bearer other`,
  `Bearer ${SECRETS.CLIENT_KEY.slice(0, -1)}`,
  `Token ${SECRETS.CLIENT_KEY}`,
  'Bearer \u00e9\u00e9',
];

const TRACEPARENTS = [
  '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  '00-00000000000000000000000000000000-b7ad6b7169203331-01',
  '01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra',
  'garbage',
  'x'.repeat(4_000),
];

/** Valid bodies with odd headers: content types, keys, ids, expectations, repeats. */
function oddHeaders(random: Random, id: number): FuzzCase {
  const call = invocation(random);
  const body = Buffer.from(JSON.stringify(call.body));
  const choices: [number, () => [string, Header[]]][] = [
    [3, () => ((value) => [`Content-Type: ${value.slice(0, 40)}`, [['Content-Type', value], auth()]])(random.pick(ODD_CONTENT_TYPES))],
    [1, () => ['no Content-Type', [auth()]]],
    [1, () => ['no key', [contentType]]],
    [2, () => ['Authorization: a wrong form', [contentType, ['Authorization', random.pick(WRONG_AUTHORIZATIONS)]]]],
    [1, () => ['Authorization twice', [contentType, auth(), random.chance(0.5) ? auth() : ['Authorization', 'Bearer other']]]],
    [1, () => ['x-api-key', [contentType, ['x-api-key', random.pick([SECRETS.CLIENT_KEY, 'wrong', `${SECRETS.CLIENT_KEY}x`])], ...(random.chance(0.5) ? [auth('other')] : [])]]],
    [1, () => ['the narrow key', [contentType, auth(SECRETS.NARROW_KEY)]]],
    [1, () => ['the limited key', [contentType, auth(SECRETS.LIMITED_KEY)]]],
    [1, () => ['odd x-request-id', [contentType, auth(), ['x-request-id', random.pick(['', ' ', 'a"b', 'x'.repeat(500), 'fuzz\u00ff', '../../', 'fuzz,fuzz'])]]]],
    [1, () => ['odd traceparent', [contentType, auth(), ['traceparent', random.pick(TRACEPARENTS)], ['tracestate', random.pick(['a=b', '\u00e9=1', 'x'.repeat(2_000)])]]]],
    [1, () => ['Expect', [contentType, auth(), ['Expect', random.pick(['100-continue', 'foo', '200-ok'])]]]],
    [1, () => ['Accept', [contentType, auth(), ['Accept', random.pick(['text/event-stream', 'application/xml', '*/*;q=0', 'x'.repeat(5_000)])]]]],
    [1, () => ['Content-Length twice', [contentType, auth(), ['Content-Length', String(body.length + random.pick([0, 1]))]]]],
    [1, () => ['Transfer-Encoding beside Content-Length', [contentType, auth(), ['Transfer-Encoding', random.pick(['chunked', 'gzip, chunked', 'identity'])]]]],
    [1, () => ['headers over 16 KB', [contentType, auth(), ['x-big', 'b'.repeat(20_000)]]]],
    [1, () => ['200 headers', [contentType, auth(), ...Array.from({ length: 200 }, (_, index): Header => [`x-h${index}`, String(index)])]]],
    [1, () => ['an obs-fold header', [contentType, auth(), ['x-folded', 'a\r\n  b']]]],
    [1, () => ['Upgrade: websocket', [contentType, auth(), ['Connection', 'Upgrade'], ['Upgrade', 'websocket']]]],
    [1, () => ['a header name that is not a token', [contentType, auth(), [random.pick(['x y', 'x(y)', '\u00e9t\u00e9', 'x:y']), '1']]]],
  ];
  const [description, headers] = random.weighted(choices)();
  // The repeated Content-Length is written after the one post() adds.
  return baseCase(id, 'headers', `${call.path} with ${description}`, 'POST', call.path, post(id, call.path, headers, body), { kind: call.kind });
}

const ODD_TARGETS = [
  '/endpoints/a%2Fb/invocations',
  '/endpoints/../v1/chat/completions',
  '/endpoints/%2e%2e/invocations',
  '/endpoints/%zz/invocations',
  '/endpoints/%/invocations',
  `/endpoints/${'a'.repeat(10_000)}/invocations`,
  '/endpoints/chat-openai/invocations?x=1',
  '/endpoints/chat-openai/invocations/',
  '//v1/chat/completions',
  '/V1/CHAT/COMPLETIONS',
  '/v1/chat/completions%00',
  '/v1/chat/completions;x',
  '/v1/chat/completions#frag',
  '*',
  'http://evil.example/v1/chat/completions',
  '/docs/../../package.json',
  '/docs/%2e%2e/%2e%2e/package.json',
  '/docs/..%2f..%2fpackage.json',
  '/docs/swagger-ui-init.js',
  '/docs/%2e%2e%2f%2e%2e%2fREADME.md',
  '/api/2.0/endpoints/%ff',
  `/api/2.0/endpoints/${'n'.repeat(5_000)}`,
  '/v1/models/%E6%97%A5',
  '/v1/models/%00',
  '/metrics?x',
  `/health?${'q'.repeat(60_000)}`,
  '/endpoints/chat-openai%00/invocations',
  '/endpoints/%63hat-openai/invocations',
  '/gateway/chat-openai/invocations/../../../etc/passwd',
  '/\u00fc',
  '/endpoints/\u00e9/invocations',
  '/api/2.0/endpoints/limits/',
  '/api/2.0/endpoints/limits/x',
  '/api/2.0/gateway/limits/',
  '/v1',
  '/v1/',
  '/v1/chat',
  '/v1/responses/resp_1',
  '/v1/models/',
  '/favicon.ico',
];
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'post', 'FOO', 'M-SEARCH', 'QUERY', 'POST', 'POST'];

function oddTarget(random: Random, id: number): FuzzCase {
  const target = random.chance(0.6)
    ? random.pick(ODD_TARGETS)
    : random.pick([...Object.values(V1_PATH), '/endpoints/chat-openai/invocations', '/api/2.0/endpoints/', '/health', '/docs/', '/openapi.json', '/v1/models', '/metrics', '/']);
  const method = random.pick(METHODS);
  const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(JSON.stringify({ model: 'chat-openai', messages: [{ role: 'user', content: 'hi' }], input: 'x', prompt: 'p' }));
  const headers = withRequestId(id, [['Host', '127.0.0.1'], ['Connection', 'close'], contentType, auth(), ['Content-Length', String(body.length)]]);
  const steps: WireStep[] = [{ write: requestBytes({ method, target, headers, body }) }];
  return baseCase(id, 'target', `${method} ${target.slice(0, 80)}${target.length > 80 ? `…(${target.length})` : ''}`, method, target, steps);
}

const base64 = (text: string) => Buffer.from(text).toString('base64');
const PAGE_TOKENS = [
  '',
  'x',
  'null',
  '%%%',
  base64('{"index": -1}'),
  base64('{"index": 1}'),
  base64('{"index": 1e999}'),
  base64('{"index": 99999999999}'),
  base64('{"__proto__": {"index": 1}}'),
  base64('[]'),
];

/** The management, docs and metrics routes with odd names, page tokens and keys. */
function readRoute(random: Random, id: number): FuzzCase {
  const name = random.chance(0.5) ? random.pick(ALL_NAMES) : percentEncoded(oddText(random).slice(0, 2_000));
  const target = random.pick([
    '/api/2.0/endpoints/',
    `/api/2.0/endpoints/${name}`,
    '/api/2.0/gateway/routes/',
    `/api/2.0/gateway/routes/${name}`,
    `/api/3.0/gateway/route/${name}`,
    `/api/3.0/gateway/endpoint/${name}`,
    `/api/2.0/endpoints/?page_token=${encodeURIComponent(random.pick(PAGE_TOKENS))}`,
    '/api/2.0/endpoints/?page_token=a&page_token=b',
    '/api/2.0/endpoints/?max_results=-1',
    `/v1/models/${name}`,
    '/v1/models',
    '/health',
    '/metrics',
    '/openapi.json',
    '/docs',
    '/docs/',
    `/api/2.0/endpoints/limits/${name}`,
  ]);
  const key = random.pick([SECRETS.CLIENT_KEY, SECRETS.NARROW_KEY, SECRETS.LIMITED_KEY, 'wrong', null]);
  const method = random.pick(['GET', 'GET', 'GET', 'HEAD']);
  const headers = withRequestId(id, [['Host', '127.0.0.1'], ['Connection', 'close'], ...(key === null ? [] : [auth(key)])]);
  return baseCase(id, 'read', `${method} ${target.slice(0, 100)} as ${key === null ? 'nobody' : (Object.entries(SECRETS).find(([, value]) => value === key)?.[0] ?? key)}`, method, target, [
    { write: requestBytes({ method, target, headers }) },
  ]);
}

/** Every byte of the text's UTF-8 but unreserved ones percent-encoded (lone surrogates as U+FFFD). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** Slow, chunked, cut, pipelined and half-closed requests. */
function transport(random: Random, id: number): FuzzCase {
  const call = invocation(random);
  const body = Buffer.from(JSON.stringify(call.body));
  const head = (headers: Header[]) => requestBytes({ method: 'POST', target: call.path, headers: withRequestId(id, [['Host', '127.0.0.1'], contentType, auth(), ...headers]) });
  const timeoutAnswerMs = SERVER_TIMEOUTS.requestSeconds * 1_000 + 2_000;
  const split = 1 + random.below(Math.max(1, body.length - 1));
  const chunk = (bytes: Buffer) => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
  const make = (description: string, steps: WireStep[], expect: Partial<FuzzCase['expect']> = {}, extra: Partial<FuzzCase> = {}) => ({
    ...baseCase(id, 'transport', `${call.path}: ${description}`, 'POST', call.path, steps, { kind: call.kind, ...expect }),
    ...extra,
  });
  const withLength = [
    ['Connection', 'close'],
    ['Content-Length', String(body.length)],
  ] as Header[];
  return random.weighted<() => FuzzCase>([
    [
      2,
      () =>
        make('chunked in pieces', [
          {
            write: head([
              ['Connection', 'close'],
              ['Transfer-Encoding', 'chunked'],
            ]),
          },
          { write: chunk(body.subarray(0, split)) },
          { wait: 5 },
          { write: Buffer.concat([chunk(body.subarray(split)), Buffer.from('0\r\n\r\n')]) },
        ]),
    ],
    [
      1,
      () =>
        make('chunked with extensions and trailers', [
          {
            write: Buffer.concat([
              head([
                ['Connection', 'close'],
                ['Transfer-Encoding', 'chunked'],
                ['Trailer', 'x-t'],
              ]),
              Buffer.from(`${body.length.toString(16)};ext=1\r\n`),
              body,
              Buffer.from('\r\n0\r\nx-t: 1\r\n\r\n'),
            ]),
          },
        ]),
    ],
    [
      1,
      () =>
        make(
          'chunked with a bad size',
          [
            {
              write: Buffer.concat([
                head([
                  ['Connection', 'close'],
                  ['Transfer-Encoding', 'chunked'],
                ]),
                Buffer.from(random.pick(['zz\r\n', '-1\r\n', 'ffffffffffffffffff\r\n', '5\r\nab\r\n0\r\n\r\n'])),
              ]),
            },
          ],
          { maxMs: timeoutAnswerMs },
        ),
    ],
    [
      1,
      () =>
        make(
          'chunked, never ending',
          [
            {
              write: head([
                ['Connection', 'close'],
                ['Transfer-Encoding', 'chunked'],
              ]),
            },
            { write: chunk(body.subarray(0, split)) },
          ],
          { maxMs: timeoutAnswerMs },
        ),
    ],
    [1, () => make('half the body, then silence', [{ write: Buffer.concat([head(withLength), body.subarray(0, split)]) }], { maxMs: timeoutAnswerMs })],
    [1, () => make('half the headers, then silence', [{ write: head(withLength).subarray(0, 30) }], { maxMs: SERVER_TIMEOUTS.headersSeconds * 1_000 + 2_000 })],
    [
      1,
      () =>
        make(
          'Content-Length longer than the body',
          [
            {
              write: Buffer.concat([
                head([
                  ['Connection', 'close'],
                  ['Content-Length', String(body.length + 10)],
                ]),
                body,
              ]),
            },
          ],
          { maxMs: timeoutAnswerMs },
        ),
    ],
    [1, () => make('Content-Length shorter than the body', [{ write: Buffer.concat([head([['Content-Length', String(split)]]), body]) }], {}, { expected: 2, heads: [false, false] })],
    [
      2,
      () =>
        make('the body byte by byte', [
          { write: head(withLength) },
          ...[...body.subarray(0, 200)].flatMap((byte): WireStep[] => [{ write: Buffer.from([byte]) }, { wait: 1 }]),
          { write: body.subarray(200) },
        ]),
    ],
    [2, () => make('cut during the body', [{ write: Buffer.concat([head(withLength), body.subarray(0, split)]) }, { wait: random.below(50) }, { destroy: true }], { answer: false })],
    [3, () => make('cut after the request', [{ write: Buffer.concat([head(withLength), body]) }, { wait: random.below(80) }, { destroy: true }], { answer: false })],
    // Node (as nginx) takes a half-closed connection for a client that left: no answer is due, only no harm.
    [1, () => make('half-closed after the request', [{ write: Buffer.concat([head(withLength), body]) }, { halfClose: true }], { answer: false })],
    [
      2,
      () => {
        const count = 2 + random.below(3);
        const one = Buffer.concat([head([['Content-Length', String(body.length)]]), body]);
        const last = Buffer.concat([head(withLength), body]);
        return make(
          `${count} requests pipelined`,
          [{ write: Buffer.concat([...Array.from({ length: count - 1 }, () => one), last]) }],
          {},
          { expected: count, heads: Array.from({ length: count }, () => false) },
        );
      },
    ],
  ])();
}

/**
 * A refused (or served) request on a kept-alive connection, then a valid one on the same connection:
 * the second must be served, unless the first answer closed the connection (its unread body must
 * not be taken for the next request).
 */
function reuse(random: Random, id: number): FuzzCase {
  const call = invocation(random);
  const text = JSON.stringify({ ...call.body, stream: false });
  const broken = random.chance(0.5) ? breakBody(random, text) : { description: mutateBody(random, call.body).description, bytes: Buffer.from(text), headers: [] as Header[] };
  const headers: Header[] = broken.headers.some(([name]) => name === 'Content-Type') ? broken.headers : [contentType, ...broken.headers];
  const first = requestBytes({
    method: 'POST',
    target: call.path,
    headers: withRequestId(id, [['Host', '127.0.0.1'], ['Content-Length', String(broken.bytes.length)], ...headers, auth()]),
    body: broken.bytes,
  });
  const second = requestBytes({ method: 'GET', target: '/v1/models', headers: [['Host', '127.0.0.1'], ['Connection', 'close'], auth(), ['x-request-id', `fuzz-${id}-second`]] });
  const steps: WireStep[] = [{ write: first }, { wait: random.pick([0, 50, 300]) }, { write: second }];
  return {
    ...baseCase(id, 'reuse', `${call.path}: ${broken.description}, then GET /v1/models on the same connection`, 'POST', call.path, steps, { kind: call.kind, followUp: true }),
    expected: 2,
    heads: [false, false],
  };
}

/** A valid request to an endpoint whose provider answers broken. */
function brokenUpstream(random: Random, id: number): FuzzCase {
  const call = invocation(random, { chat: MUTANT_ENDPOINTS.chat, completions: MUTANT_ENDPOINTS.completions, embeddings: MUTANT_ENDPOINTS.embeddings, responses: MUTANT_ENDPOINTS.chat });
  const mutation = upstreamMutation(random);
  const body = Buffer.from(JSON.stringify(call.body));
  const fate = Object.entries(mutation)
    .map(([key, value]) => `${key}=${typeof value === 'symbol' ? 'removed' : describe(value)}`)
    .join(' ');
  const fuzzCase = baseCase(id, 'upstream', `${call.path} ${call.body.stream === true ? 'stream' : 'json'}, upstream ${fate}`, 'POST', call.path, post(id, call.path, [contentType, auth()], body), {
    clientMistake: false,
    kind: call.kind,
    maxMs: 10_000,
  });
  return { ...fuzzCase, upstream: mutation };
}

const FAMILIES: readonly (readonly [number, (random: Random, id: number) => FuzzCase])[] = [
  [8, valid],
  [30, mutatedBody],
  [10, brokenBody],
  [12, oddHeaders],
  [8, oddTarget],
  [8, readRoute],
  [12, transport],
  [6, reuse],
  [12, brokenUpstream],
];

export function caseOf(random: Random, id: number): FuzzCase {
  return random.weighted(FAMILIES)(random, id);
}
