/**
 * Upstream answers with a Content-Encoding, end to end: a server or proxy that compresses whatever
 * the gateway asked for (gzip, x-gzip, deflate with and without its zlib header, br). JSON answers,
 * error bodies, SSE and JSON-lines streams and embeddings read as if they came plain, for OpenAI,
 * Anthropic and Cohere; a stream is still forwarded event by event; `server.max_answer_size` bounds
 * the decoded bytes (a zip bomb); a coding the gateway lacks, and a corrupt body, are clear 502s,
 * unless the answer was an error status: then it is that error still, its Retry-After kept.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { MAX_SSE_EVENT_CHARS } from '../../src/providers/transport/sse';
import { readFixture, readJsonFixture } from '../support/fixtures';
import type { RecordedRequest, UpstreamHandler } from '../support/fake-upstream';
import { serveAnthropicFixtures, serveCohereFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { encodeResponse, encoded, encoding, headerOf, sendEncoded, TEST_CODINGS, type TestCoding } from '../support/encoding-upstream';
import { parseSse } from '../support/gateway';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const COMPLETIONS_MODEL = 'claude-haiku-4-5';
const LIMIT = 1024 * 1024;

const config = (urls: Record<'openai' | 'anthropic' | 'cohere', string>) => `
server:
  max_answer_size: 1mb
defaults:
  retries: { max_attempts: 1 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-enc-test, openai_api_base: "${urls.openai}/v1" } }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: openai, name: text-embedding-3-small, config: { openai_api_key: sk-enc-test, openai_api_base: "${urls.openai}/v1" } }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-enc-test, anthropic_api_base: "${urls.anthropic}/v1" } }
  - name: cohere-completions
    endpoint_type: llm/v1/completions
    model: { provider: cohere, name: command, config: { cohere_api_key: co-enc-test, cohere_api_base: "${urls.cohere}/v1" } }
  - name: cohere-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: co-enc-test, cohere_api_base: "${urls.cohere}/v1" } }
`;

const plain = { openai: serveOpenAIFixtures, anthropic: serveAnthropicFixtures(COMPLETIONS_MODEL), cohere: serveCohereFixtures };
type Vendor = keyof typeof plain;
const setup = useGatewayWithUpstreams({ upstreams: plain, config });
const { upstreams } = setup;

const messages = [{ role: 'user' as const, content: 'Un café ?' }];

async function post(endpoint: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${setup.gateway.url}/endpoints/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

const detailOf = (answer: { text: string }) => (JSON.parse(answer.text) as { detail: string }).detail;

/** What each call answers with the vendor's plain fixtures, then with `coding`: both are compared. */
async function plainThenEncoded<Value>(vendor: Vendor, coding: TestCoding, call: () => Promise<Value>): Promise<[Value, Value]> {
  upstreams[vendor].setHandler(plain[vendor]);
  const fromPlain = await call();
  upstreams[vendor].setHandler(encoding(coding, plain[vendor]));
  return [fromPlain, await call()];
}

async function streamedText(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

test('the gateway asks for answers plain (Accept-Encoding: identity), JSON, SSE and JSON-lines alike', async () => {
  await setup.openai.chat.completions.create({ model: 'chat', messages });
  await setup.openai.chat.completions.create({ model: 'chat', messages, stream: true }).then(streamedText);
  await post('embeddings', { input: 'a' });
  await setup.openai.chat.completions.create({ model: 'claude', messages, stream: true }).then(streamedText);
  await post('cohere-completions', { prompt: 'Un café ?', stream: true });
  const sent = [...upstreams.openai.requests, ...upstreams.anthropic.requests, ...upstreams.cohere.requests];
  expect(sent.map((request) => [request.url, request.headers['accept-encoding']])).toEqual([
    ['/v1/chat/completions', 'identity'],
    ['/v1/chat/completions', 'identity'],
    ['/v1/embeddings', 'identity'],
    ['/v1/messages', 'identity'],
    ['/v1/generate', 'identity'],
  ]);
});

describe.each(TEST_CODINGS)('an answer in %s reads as the same answer sent plain', (coding) => {
  test('openai: chat, a streamed chat and embeddings', async () => {
    const chat = () => setup.openai.chat.completions.create({ model: 'chat', messages });
    const [plainChat, encodedChat] = await plainThenEncoded('openai', coding, chat);
    expect(encodedChat.choices[0].message.content).toBe(readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json').choices[0].message.content);
    expect(encodedChat).toEqual(plainChat);

    const streamed = () => setup.openai.chat.completions.create({ model: 'chat', messages, stream: true }).then(streamedText);
    const [plainText, encodedText] = await plainThenEncoded('openai', coding, streamed);
    expect(encodedText).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(encodedText).toBe(plainText);

    const embeddings = () => post('embeddings', { input: ['a', 'b'] });
    const [plainVectors, encodedVectors] = await plainThenEncoded('openai', coding, embeddings);
    expect(encodedVectors.status).toBe(200);
    expect(JSON.parse(encodedVectors.text).data).toHaveLength(2);
    expect(encodedVectors).toEqual(plainVectors);
  });

  test('anthropic: chat and a streamed chat', async () => {
    const [plainChat, encodedChat] = await plainThenEncoded('anthropic', coding, () => setup.openai.chat.completions.create({ model: 'claude', messages }));
    expect(encodedChat.choices[0].message.content).toBe(readJsonFixture<{ content: { text: string }[] }>('anthropic', 'chat.response.json').content[0].text);
    expect(encodedChat).toEqual(plainChat);
    const streamed = () => setup.openai.chat.completions.create({ model: 'claude', messages, stream: true }).then(streamedText);
    const [plainText, encodedText] = await plainThenEncoded('anthropic', coding, streamed);
    expect(encodedText).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(encodedText).toBe(plainText);
  });

  test('cohere: a JSON-lines stream and embeddings', async () => {
    const [plainStream, encodedStream] = await plainThenEncoded('cohere', coding, () => post('cohere-completions', { prompt: 'Un café ?', stream: true }));
    expect(encodedStream.status).toBe(200);
    expect(parseSse(encodedStream.text).length).toBeGreaterThan(2);
    expect(encodedStream).toEqual(plainStream);
    const [plainVectors, encodedVectors] = await plainThenEncoded('cohere', coding, () => post('cohere-embeddings', { input: ['a', 'b'] }));
    expect(encodedVectors.status).toBe(200);
    expect(encodedVectors).toEqual(plainVectors);
  });
});

test('a compressed JSON answer to a stream request (a server that ignored `stream: true`) becomes the stream', async () => {
  const answer = JSON.stringify(readJsonFixture('openai', 'chat.response.json'));
  upstreams.openai.setHandler((_request, response) => sendEncoded(response, 'br', 200, 'application/json', answer));
  const text = await setup.openai.chat.completions.create({ model: 'chat', messages, stream: true }).then(streamedText);
  expect(text).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
});

describe('an error answer keeps its status and the vendor message in its compressed body', () => {
  const cases: [Vendor, string, TestCoding][] = [
    ['openai', 'chat', 'gzip'],
    ['anthropic', 'claude', 'br'],
    ['anthropic', 'claude', 'deflate-raw'],
  ];
  test.each(cases)('%s (%s) in %s, as a JSON answer and to a stream request', async (vendor, model, coding) => {
    const errorBody = readJsonFixture<{ error: { message: string } }>(vendor, 'error-429.json');
    upstreams[vendor].setHandler((_request, response) => sendEncoded(response, coding, 429, 'application/json', JSON.stringify(errorBody), { 'retry-after': '7' }));
    for (const stream of [false, true]) {
      const error = await setup.openai.chat.completions.create({ model, messages, stream }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(error).toMatchObject({ status: 429, message: `429 ${errorBody.error.message}` });
      expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('7');
    }
  });
});

/** Reads the answer until `marker` has come (failing if it ends first); returns all read so far. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, decoder: InstanceType<typeof TextDecoder>, marker: string): Promise<string> {
  let received = '';
  while (!received.includes(marker)) {
    const piece = await reader.read();
    if (piece.done) throw new Error(`The answer ended before ${marker}: ${received}`);
    received += decoder.decode(piece.value, { stream: true });
  }
  return received;
}

/** The vendor's stream fixture in two parts: the events up to the one holding `first`, and the rest. */
function splitStream(vendor: Vendor, first: string): [string[], string[]] {
  const events = readFixture(vendor, 'chat.stream.sse')
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .map((event) => `${event}\n\n`);
  const at = events.findIndex((event) => event.includes(first)) + 1;
  return [events.slice(0, at), events.slice(at)];
}

describe('a compressed stream is forwarded event by event', () => {
  const cases: [Vendor, string, TestCoding, string, string][] = [
    ['openai', 'chat', 'gzip', '"Un"', ' café'],
    ['openai', 'chat', 'br', '"Un"', ' café'],
    ['anthropic', 'claude', 'gzip', 'Un café', 'Bien sûr'],
    ['anthropic', 'claude', 'deflate', 'Un café', 'Bien sûr'],
  ];
  test.each(cases)('%s (%s) in %s: an event reaches the client before the upstream sends the next one', async (vendor, endpoint, coding, first, next) => {
    let releaseRest!: () => void;
    const restMayGo = new Promise<void>((resolve) => (releaseRest = resolve));
    const [head, rest] = splitStream(vendor, first);
    upstreams[vendor].setHandler(async (_request, response) => {
      const encodedResponse = encodeResponse(response, coding);
      encodedResponse.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of head) encodedResponse.write(event);
      await restMayGo;
      for (const event of rest) encodedResponse.write(event);
      encodedResponse.end();
    });
    const response = await fetch(`${setup.gateway.url}/endpoints/${endpoint}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages, stream: true }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = await readUntil(reader, decoder, first);
    expect(received).not.toContain(next);
    releaseRest();
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) received += decoder.decode(piece.value, { stream: true });
    expect(received).toContain(next);
    expect(received.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });
});

describe('server.max_answer_size bounds the decoded answer: a zip bomb is abandoned', () => {
  const zeros = Buffer.alloc(10 * 1024 * 1024);
  const bomb = (status: number, contentType: string): UpstreamHandler => (_request, response) => sendEncoded(response, 'gzip', status, contentType, zeros);

  test.each([
    ['openai', 'chat', 200, false],
    ['openai', 'chat', 200, true],
    ['anthropic', 'claude', 500, false],
    ['anthropic', 'claude', 529, true],
  ] as [Vendor, string, number, boolean][])('%s (%s): status %s, stream %s: a 502 naming the setting', async (vendor, endpoint, status, stream) => {
    expect(encoded('gzip', zeros).length).toBeLessThan(16 * 1024);
    upstreams[vendor].setHandler(bomb(status, 'application/json'));
    const answer = await post(endpoint, { messages, stream });
    expect(answer.status).toBe(502);
    const provider = vendor === 'openai' ? 'OpenAI' : 'Anthropic';
    expect(detailOf(answer)).toBe(
      `${provider} answered for endpoint '${endpoint}' with status ${status} and more than ${LIMIT} bytes once decoded (Content-Encoding gzip); the answer was abandoned (server.max_answer_size).`,
    );
  });

  test("a stream's event past the event limit, decoded, ends the stream", async () => {
    // 64 KiB past the limit: the decoder holds that much of the unfinished event before its end comes.
    const event = `data: ${'a'.repeat(MAX_SSE_EVENT_CHARS + 64 * 1024)}\n\n`;
    upstreams.openai.setHandler((_request, response) => sendEncoded(response, 'gzip', 200, 'text/event-stream', event));
    const answer = await post('chat', { messages, stream: true });
    expect(answer.status).toBe(502);
    expect(detailOf(answer)).toBe(`The upstream event stream sent an event larger than ${MAX_SSE_EVENT_CHARS} characters; the stream was abandoned.`);
  });
});

describe('a coding the gateway lacks is a 502 naming it and the endpoint', () => {
  const answerIn = (contentEncoding: string): UpstreamHandler => (_request, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': contentEncoding });
    response.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]));
  };
  test.each([
    ['openai', 'chat', 'zstd', "the content coding 'zstd' (the gateway decodes gzip, deflate and br)"],
    ['anthropic', 'claude', 'compress', "the content coding 'compress' (the gateway decodes gzip, deflate and br)"],
    ['openai', 'chat', 'gzip, br', "the stacked content codings 'gzip, br' (the gateway decodes one of gzip, deflate, br)"],
  ] as [Vendor, string, string, string][])('%s (%s): %s', async (vendor, endpoint, contentEncoding, named) => {
    upstreams[vendor].setHandler(answerIn(contentEncoding));
    const provider = vendor === 'openai' ? 'OpenAI' : 'Anthropic';
    for (const stream of [false, true]) {
      const answer = await post(endpoint, { messages, stream });
      expect(answer.status).toBe(502);
      expect(detailOf(answer)).toBe(`${provider} answered for endpoint '${endpoint}' with status 200 and a body in ${named}.`);
    }
  });
});

describe('a corrupt compressed body is a 502 saying so', () => {
  const corrupt = (coding: TestCoding, body: Buffer): UpstreamHandler => (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': headerOf(coding) });
    response.end(body);
  };
  const answer = JSON.stringify(readJsonFixture('openai', 'chat.response.json'));
  test.each([
    ['openai', 'chat', 'gzip', 'plain JSON', Buffer.from(answer), 'incorrect header check'],
    ['anthropic', 'claude', 'br', 'cut short', encoded('br', answer).subarray(0, 40), 'unexpected end of file'],
    ['openai', 'chat', 'deflate', 'cut short', encoded('deflate', answer).subarray(0, 30), 'unexpected end of file'],
  ] as [Vendor, string, TestCoding, string, Buffer, string][])('%s (%s): %s, %s', async (vendor, endpoint, coding, _label, body, reason) => {
    upstreams[vendor].setHandler(corrupt(coding, body));
    const provider = vendor === 'openai' ? 'OpenAI' : 'Anthropic';
    const got = await post(endpoint, { messages });
    expect(got.status).toBe(502);
    expect(detailOf(got)).toBe(`${provider} answered for endpoint '${endpoint}' with status 200 and a body that is not valid ${headerOf(coding)} (Content-Encoding): ${reason}.`);
  });

  test('a stream that turns corrupt after its first events ends with an error event after them', async () => {
    let releaseGarbage!: () => void;
    const garbageMayGo = new Promise<void>((resolve) => (releaseGarbage = resolve));
    const [head] = splitStream('openai', '"Un"');
    upstreams.openai.setHandler(async (_request: RecordedRequest, response: ServerResponse) => {
      const [writeRaw, endRaw] = [response.write.bind(response), response.end.bind(response)];
      const encodedResponse = encodeResponse(response, 'gzip');
      encodedResponse.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of head) encodedResponse.write(event);
      await garbageMayGo;
      // After a flush the deflate stream expects a block header: 0xff is a final block of the reserved type 3.
      writeRaw(Buffer.from([0xff, 0xff, 0xff, 0xff]));
      endRaw();
    });
    const response = await fetch(`${setup.gateway.url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages, stream: true }) });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = await readUntil(reader, decoder, '"Un"');
    releaseGarbage();
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) received += decoder.decode(piece.value, { stream: true });
    const events = parseSse(received);
    expect(events[events.length - 1].event).toBe('error');
    expect(JSON.parse(events[events.length - 1].data).error.message).toBe("OpenAI answered for endpoint 'chat' with status 200 and a body that is not valid gzip (Content-Encoding): invalid block type.");
  });
});

describe('an error status whose body does not decode is still that error', () => {
  const errorBody = JSON.stringify({ error: { message: 'Rate limit reached.', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
  test.each([
    ['a corrupt gzip body', 429, { 'content-encoding': 'gzip', 'retry-after': '7' }, Buffer.from(errorBody), 'a body that is not valid gzip (Content-Encoding): incorrect header check'],
    ['a coding the gateway lacks', 503, { 'content-encoding': 'zstd' }, Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]), "a body in the content coding 'zstd' (the gateway decodes gzip, deflate and br)"],
  ] as [string, number, Record<string, string>, Buffer, string][])('%s: its status, its Retry-After, and a message naming the coding', async (_label, status, headers, body, named) => {
    upstreams.openai.setHandler((_request, response: ServerResponse) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    });
    const message = `OpenAI answered with status ${status} and ${named}; its message could not be decoded.`;
    const expected = status === 429 ? { status: 429, retryAfter: '7', detail: message } : { status: 502, retryAfter: null, detail: `Upstream error from endpoint 'chat' (status 503): ${message}` };
    for (const stream of [false, true]) {
      const response = await fetch(`${setup.gateway.url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages, stream }) });
      const answer = { status: response.status, text: await response.text() };
      expect({ stream, status: answer.status, retryAfter: response.headers.get('retry-after'), detail: detailOf(answer) }).toEqual({ stream, ...expected });
    }
  });
});
