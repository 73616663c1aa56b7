/**
 * The fast path (src/server/fast-path.ts) serves the exact LLM paths on plain node:http; other
 * spellings Express also routes there (trailing slash, letter case, a query string, a
 * percent-encoded name) go through Express. Sending each request both ways proves the two answer
 * byte for byte alike: statuses, headers that matter, bodies, errors from the JSON parser, the
 * validators and the handlers. test/unit/server/fast-path.test.ts shows which way each URL goes.
 */
import type { ServerResponse } from 'node:http';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';

function serveFixtures(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.endsWith('/embeddings')) return sendJson(response, 200, readJsonFixture('openai', 'embeddings.response.json'));
  if ((request.body as { stream?: boolean }).stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(readFixture('openai', 'chat.stream.sse'));
    return;
  }
  sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
}

const config = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
server: { max_body_size: 2000 }
`;

let upstream: FakeUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveFixtures);
  gateway = await startGateway(config(upstream.url));
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  contentLength: string | null;
  endpoint: string | null;
  body: string;
}

async function post(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body });
  return { status: response.status, contentType: response.headers.get('content-type'), contentLength: response.headers.get('content-length'), endpoint: response.headers.get('x-gateway-endpoint'), body: await response.text() };
}

const chat = JSON.stringify({ messages: [{ role: 'user', content: 'Salut' }] });
const openaiChat = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'Salut' }] });

// [what, fast path URL, full-stack URL, body]
const cases: [string, string, string, string][] = [
  ['MLflow chat', '/endpoints/chat/invocations', '/endpoints/chat/invocations/', chat],
  ['MLflow chat, /gateway prefix', '/gateway/chat/invocations', '/GATEWAY/chat/invocations', chat],
  ['MLflow streamed chat', '/endpoints/chat/invocations', '/endpoints/ch%61t/invocations', JSON.stringify({ messages: [{ role: 'user', content: 'x' }], stream: true })],
  ['MLflow embeddings', '/endpoints/embeddings/invocations', '/endpoints/embeddings/invocations?trace=1', JSON.stringify({ input: ['a', 'b'] })],
  ['OpenAI chat', '/v1/chat/completions', '/v1/chat/completions/', openaiChat],
  ['OpenAI streamed chat', '/v1/chat/completions', '/V1/chat/completions', JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'x' }], stream: true })],
  ['OpenAI embeddings', '/v1/embeddings', '/v1/embeddings?x=1', JSON.stringify({ model: 'embeddings', input: 'a' })],
  ['unknown endpoint', '/endpoints/nope/invocations', '/endpoints/nope/invocations/', chat],
  ['unknown model', '/v1/chat/completions', '/v1/chat/completions/', JSON.stringify({ model: 'nope', messages: [] })],
  ['model of the wrong type', '/v1/embeddings', '/v1/embeddings/', JSON.stringify({ model: 'chat', input: 'a' })],
  ['`model` on an MLflow route', '/endpoints/chat/invocations', '/endpoints/chat/invocations/', openaiChat],
  ['invalid body (schema)', '/endpoints/chat/invocations', '/endpoints/chat/invocations/', JSON.stringify({ messages: [{ role: 'user', content: 42 }] })],
  ['invalid body on /v1 (schema)', '/v1/chat/completions', '/v1/chat/completions/', JSON.stringify({ model: 'chat', messages: 'x' })],
  ['JSON syntax error', '/endpoints/chat/invocations', '/endpoints/chat/invocations/', '{"messages": ['],
  ['JSON syntax error on /v1', '/v1/chat/completions', '/v1/chat/completions/', '{"model": '],
  ['JSON that is not an object or array', '/v1/chat/completions', '/v1/chat/completions/', '"chat"'],
  ['empty body', '/endpoints/chat/invocations', '/endpoints/chat/invocations/', ''],
  ['body over the limit', '/v1/chat/completions', '/v1/chat/completions/', JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'x'.repeat(3_000) }] })],
];

describe('the fast path answers exactly as the full stack', () => {
  test.each(cases)('%s', async (_what, fastUrl, fullStackUrl, body) => {
    const fast = await post(fastUrl, body);
    const fullStack = await post(fullStackUrl, body);
    expect(fast).toEqual(fullStack);
  });

  test('a body in another charset is decoded the same way', async () => {
    const utf16 = Buffer.from(`\ufeff${chat}`, 'utf16le').toString('latin1');
    const headers = { 'content-type': 'application/json; charset=utf-16le' };
    const fast = await fetch(`${gateway.url}/endpoints/chat/invocations`, { method: 'POST', headers, body: Buffer.from(utf16, 'latin1') });
    const fullStack = await fetch(`${gateway.url}/endpoints/chat/invocations/`, { method: 'POST', headers, body: Buffer.from(utf16, 'latin1') });
    expect(fast.status).toBe(fullStack.status);
    expect(await fast.text()).toBe(await fullStack.text());
  });

  // The usual body (declared length, no charset, no encoding) is read by body.ts itself; naming
  // the charset sends the same bytes through body-parser. Both must answer alike, errors included.
  test.each([
    ['valid JSON', chat],
    ['invalid JSON', '{"messages": [}'],
    ['a JSON text that is not an object', '"hello"'],
    ['not JSON at all', 'hello there'],
    ['whitespace, then a number', ' \n 42'],
    ['an empty body', ''],
    ['a byte order mark', `\ufeff${chat}`],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).toString('latin1')],
    ['nesting past the limit', `{"messages":${'['.repeat(80)}${']'.repeat(80)}}`],
  ])('%s: read the same by body.ts and by body-parser', async (_what, latin1Body) => {
    const send = (contentType: string) =>
      fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': contentType }, body: Buffer.from(latin1Body, latin1Body === chat || latin1Body.startsWith('\ufeff') ? 'utf8' : 'latin1') });
    const plain = await send('application/json');
    const viaBodyParser = await send('application/json; charset=utf-8');
    expect({ status: plain.status, body: await plain.text() }).toEqual({ status: viaBodyParser.status, body: await viaBodyParser.text() });
  });

  // body-parser decodes a body in another charset only after the raw bytes were checked: they must be checked as the text they hold.
  // In UTF-16 a backslash is followed by a 0 byte, so `\"` seemed to end its string.
  test.each([
    ['utf-16le', (text: string) => Buffer.from(text, 'utf16le')],
    ['utf-16be', (text: string) => Buffer.from(text, 'utf16le').swap16()],
    ['utf-32le', (text: string) => Buffer.from([...text].flatMap((character) => [character.charCodeAt(0), 0, 0, 0]))],
  ])('nesting past the limit in %s is refused as in utf-8', async (charset, encode) => {
    const deep = `{"name":"6\\" tall","messages":${'['.repeat(80)}${']'.repeat(80)}}`;
    const send = (contentType: string, body: Buffer) => fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const utf8 = await send('application/json', Buffer.from(deep));
    const other = await send(`application/json; charset=${charset}`, encode(deep));
    expect(utf8.status).toBe(400);
    expect({ status: other.status, body: await other.text() }).toEqual({ status: 400, body: await utf8.text() });
  });

  // body-parser takes any `utf-*` charset; UTF-7 (which may send every bracket and quote base64-encoded) is no JSON encoding.
  test.each(['utf-7', 'UTF-7-IMAP', '"utf-7"'])('a body in charset %s gets the 415 naming the charsets taken', async (charset) => {
    const utf7 = (text: string) => Buffer.from(text.replace(/[^A-Za-z0-9'(),\-./:? ]+/g, (run) => `+${Buffer.from(run, 'utf16le').swap16().toString('base64').replace(/=+$/, '')}-`));
    const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': `application/json; charset=${charset}` }, body: utf7(chat) });
    const unquoted = charset.replace(/"/g, '').toLowerCase();
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 415,
      body: {
        error: {
          message: `Content-Type charset "${unquoted}" is not supported: the gateway takes utf-8 (or no charset parameter), utf-16 or utf-32`,
          type: 'invalid_request_error',
          param: null,
          code: 'unsupported_charset',
        },
      },
    });
  });

  test('other methods on the fast paths still get the full stack answer (405, in the route family\'s shape, with Allow)', async () => {
    const response = await fetch(`${gateway.url}/v1/chat/completions`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({
      error: { message: 'Method not allowed: GET /v1/chat/completions (allowed: POST)', type: 'invalid_request_error', param: null, code: 'method_not_allowed' },
    });
    const mlflow = await fetch(`${gateway.url}/endpoints/chat/invocations`);
    expect(mlflow.status).toBe(405);
    expect(await mlflow.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  test('the answers are the real ones, not two identical failures', async () => {
    const answer = await post('/endpoints/chat/invocations', chat);
    expect(answer.status).toBe(200);
    expect(answer.endpoint).toBe('chat');
    expect((JSON.parse(answer.body) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
    const tooLarge = await post('/v1/chat/completions', cases[cases.length - 1][3]);
    expect(tooLarge.status).toBe(413);
  });
});
