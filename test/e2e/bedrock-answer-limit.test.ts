/**
 * Bedrock answers are bounded like the HTTP providers' (answer-limit.test.ts), although the AWS SDK
 * reads them: a Bedrock-compatible server behind `aws_endpoint_url` whose answer never ends is
 * abandoned at `server.max_answer_size`, and an event-stream message announcing more than 16 MiB
 * abandons the stream (the SDK would allocate whatever length a message announces). The real SDK
 * talks to a fake Bedrock on 127.0.0.1; the gateway goes on serving afterwards.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { converseEvent, encodeEvents, EVENT_STREAM_HEADERS, startFakeBedrock, type BedrockHandler, type FakeBedrock } from '../support/fake-bedrock';
import { sendEndless, writeEndlessly } from '../support/fake-upstream';
import { converseEvents, serveBedrockFixtures } from '../support/fixture-upstreams';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { SOON_MS, within } from '../support/timeouts';

const config = (fakeUrl: string) => `
server:
  max_answer_size: 64kb
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-5-sonnet-20240620-v1:0
      config:
        aws_config: { aws_region: eu-west-3, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: AKIALIMITEXAMPLE, aws_secret_access_key: limit-secret-NEVER-SHOWN }
`;

const chatBody = { messages: [{ role: 'user' as const, content: 'Hi' }] };

/** An answer that never ends, with this status and content type. */
const endless = (status: number, contentType: string): BedrockHandler => () => ({ respond: (response) => sendEndless(response, status, contentType) });

/**
 * An event stream whose messages are `before`, then (once `sent` settles, 50 ms later by default, in
 * a TCP write of its own) a prelude announcing `announcedBytes`, then bytes for as long as the
 * gateway reads them.
 */
function oversizedMessageAfter(before: Buffer, announcedBytes: number, sent: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, 50))): BedrockHandler {
  return () => ({
    respond: async (response: ServerResponse) => {
      response.writeHead(200, EVENT_STREAM_HEADERS);
      response.write(before);
      await sent;
      const prelude = Buffer.alloc(4);
      prelude.writeUInt32BE(announcedBytes);
      response.write(prelude);
      writeEndlessly(response);
    },
  });
}

const ABANDONED = "Amazon Bedrock answered for endpoint 'claude' with status 200 and more than 65536 bytes; the answer was abandoned (server.max_answer_size).";
const OVERSIZED_MESSAGE = "Amazon Bedrock sent an event-stream message of 2147483647 bytes for endpoint 'claude', more than the 16777216 allowed; the stream was abandoned.";

let fake: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  fake = await startFakeBedrock(serveBedrockFixtures);
  gateway = await startGateway(config(fake.url));
  openai = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.closed.length = 0;
  fake.setHandler(serveBedrockFixtures);
});
afterAll(async () => {
  await gateway.close();
  await fake.close();
});

function postMlflow(body: object = chatBody) {
  return fetch(`${gateway.url}/endpoints/claude/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

test('a Converse answer that never ends is a 502 naming the setting, at once, not retried, its connection closed', async () => {
  fake.setHandler(endless(200, 'application/json'));
  const answer = await within(postMlflow(), SOON_MS, 'the answer');
  expect(answer.status).toBe(502);
  expect(await answer.json()).toEqual({ detail: ABANDONED });
  expect(await within(fake.closed[0], SOON_MS, 'the upstream connection closing')).toEqual({ complete: false });
  expect(fake.calls).toHaveLength(1);
});

test('an error body that never ends is bounded the same way, also for a stream request (the official openai client)', async () => {
  fake.setHandler(endless(500, 'application/json'));
  const error = await within(openai.chat.completions.create({ model: 'claude', stream: true, ...chatBody }).catch((caught: unknown) => caught), SOON_MS, 'the answer');
  expect(error).toBeInstanceOf(OpenAI.APIError);
  expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', message: `502 ${ABANDONED.replace('status 200', 'status 500')}` });
  expect(fake.calls).toHaveLength(1);
});

test('an event-stream message announcing more than 16 MiB before the first chunk is a 502, the connection closed', async () => {
  fake.setHandler(oversizedMessageAfter(Buffer.alloc(0), 0x7fffffff));
  const error = await within(openai.chat.completions.create({ model: 'claude', stream: true, ...chatBody }).catch((caught: unknown) => caught), SOON_MS, 'the answer');
  expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', message: `502 ${OVERSIZED_MESSAGE}` });
  expect(await within(fake.closed[0], SOON_MS, 'the upstream connection closing')).toEqual({ complete: false });
  expect(fake.calls).toHaveLength(1);
});

test('after the first chunk, an oversized message ends the stream with an SSE error event', async () => {
  const first = encodeEvents([converseEvent('messageStart', { role: 'assistant' }), converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hel' } })]);
  // The oversized message comes once the client has the stream's headers, sent with its first chunk;
  // after a fixed pause, a gateway slower than the pause (on a loaded machine) was still before it: a 502.
  let headersSeen = () => {};
  fake.setHandler(oversizedMessageAfter(first, 0x7fffffff, new Promise<void>((resolve) => (headersSeen = resolve))));
  const response = await within(postMlflow({ ...chatBody, stream: true }), SOON_MS, 'the answer');
  headersSeen();
  expect(response.status).toBe(200);
  const events = parseSse(await within(response.text(), SOON_MS, 'the end of the stream'));
  const last = events.at(-1)!;
  const text = events.slice(0, -1).map((event) => (JSON.parse(event.data) as { choices: { delta: { content?: string } }[] }).choices[0].delta.content ?? '');
  expect(text.join('')).toBe('Hel');
  expect(last.event).toBe('error');
  expect(JSON.parse(last.data)).toMatchObject({ error: { message: OVERSIZED_MESSAGE } });
  expect(await within(fake.closed[0], SOON_MS, 'the upstream connection closing')).toEqual({ complete: false });
});

test('answers and streams within the bounds are served unchanged, and the gateway goes on serving', async () => {
  const answer = await openai.chat.completions.create({ model: 'claude', ...chatBody });
  expect(answer.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  fake.setHandler(() => ({ events: converseEvents('converse-chat.events.json'), pieceSize: 3, pauseMs: 0 }));
  const stream = await openai.chat.completions.create({ model: 'claude', stream: true, ...chatBody });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  // Three bytes per TCP write: every message's 4-byte length arrives split across chunks.
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
});
