/**
 * Anthropic and Bedrock Converse streams whose end event comes with nothing before it: Anthropic's
 * `message_start` then `message_stop` (no `message_delta`, no content), Converse's `messageStart`,
 * `messageStop` without a stop reason and `metadata`. No answer, not even a finish reason, as an
 * OpenAI-shaped stream of `data: [DONE]` alone (stream-first-chunk.test.ts): retried, a FALLBACK
 * route moves on, and when every attempt does it the client gets a 502 saying so, not a 200 with
 * an empty chunk. An end event after a stop reason with no content stays the answer it is (an empty
 * one). Over real HTTP: fake upstreams on 127.0.0.1, the official OpenAI client against `/v1`.
 */
import OpenAI from 'openai';
import { converseEvent, type BedrockReply, startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { sendStream, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { converseEvents } from '../support/fixture-upstreams';
import { readFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const CHAT = { messages: [{ role: 'user' as const, content: 'Un café ?' }] };
/** The text of every fixture stream these upstreams answer with. */
const TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';

const anthropicEvents = readFixture('anthropic', 'chat.stream.sse').split('\n\n').filter((event) => event.trim() !== '');
const MESSAGE_START = anthropicEvents[0];
const MESSAGE_STOP = 'event: message_stop\ndata: {"type":"message_stop"}';
const MESSAGE_DELTA = 'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":1}}';
const anthropicStream = (...events: string[]) => `${events.join('\n\n')}\n\n`;

const CONVERSE_START = converseEvent('messageStart', { role: 'assistant' });
const CONVERSE_USAGE = converseEvent('metadata', { usage: { inputTokens: 9, outputTokens: 0, totalTokens: 9 }, metrics: { latencyMs: 12 } });

let anthropic: FakeUpstream;
let backup: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

/** Each upstream answers its first request with `first`, later ones with its whole fixture stream. */
let anthropicFirst = '';
let converseFirst: BedrockReply = { events: [] };

beforeAll(async () => {
  anthropic = await startFakeUpstream((_request, response) => sendStream(response, anthropic.requests.length === 1 ? anthropicFirst : readFixture('anthropic', 'chat.stream.sse')));
  backup = await startFakeUpstream((_request, response) => sendStream(response, readFixture('openai', 'chat.stream.sse')));
  bedrock = await startFakeBedrock(() => (bedrock.calls.length === 1 ? converseFirst : { events: converseEvents('converse-chat.events.json'), pieceSize: 512 }));
  const twice = 'retries: { max_attempts: 2, initial_backoff: 0.01 }';
  gateway = await startGateway(`
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic.url}/v1" } }, ${twice} }
  - { name: claude-once, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic.url}/v1" } }, retries: { max_attempts: 1 } }
  - { name: converse, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-3-5-sonnet-20241022-v2:0, config: { aws_config: ${fakeAwsConfig(bedrock.url)} } }, ${twice} }
  - { name: converse-once, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-3-5-sonnet-20241022-v2:0, config: { aws_config: ${fakeAwsConfig(bedrock.url)} } }, retries: { max_attempts: 1 } }
  - { name: backup, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${backup.url}/v1" } }, retries: { max_attempts: 1 } }
routes:
  - { name: claude-fallback, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: claude-once }, { name: backup }] }
  - { name: converse-fallback, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: converse-once }, { name: backup }] }
`);
  openai = openaiClientFor(gateway);
});

beforeEach(() => {
  anthropic.requests.length = 0;
  backup.requests.length = 0;
  bedrock.calls.length = 0;
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([anthropic.close(), backup.close(), bedrock.close()]);
});

async function read(model: string) {
  const { data, response } = await openai.chat.completions.create({ model, ...CHAT, stream: true }).withResponse();
  let text = '';
  let finish: string | null = null;
  for await (const chunk of data) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  return { endpoint: response.headers.get('x-gateway-endpoint'), text, finish };
}

describe('Anthropic: message_start, then message_stop', () => {
  const EMPTY = anthropicStream(MESSAGE_START, MESSAGE_STOP);

  test('is retried: the client gets the second attempt whole', async () => {
    anthropicFirst = EMPTY;
    expect(await read('claude')).toEqual({ endpoint: 'claude', text: TEXT, finish: 'stop' });
    expect(anthropic.requests).toHaveLength(2);
  });

  test('falls back to the next destination of a FALLBACK route', async () => {
    anthropicFirst = EMPTY;
    expect(await read('claude-fallback')).toEqual({ endpoint: 'backup', text: TEXT, finish: 'stop' });
    expect([anthropic.requests.length, backup.requests.length]).toEqual([1, 1]);
  });

  test('on its only attempt: a 502 saying so, on /v1/chat/completions and /v1/responses', async () => {
    anthropicFirst = EMPTY;
    const message = "502 Anthropic ended the stream for endpoint 'claude-once' without sending anything.";
    await expect(read('claude-once')).rejects.toMatchObject({ status: 502, message });
    anthropicFirst = EMPTY;
    anthropic.requests.length = 0;
    await expect(openai.responses.create({ model: 'claude-once', input: 'Un café ?', stream: true })).rejects.toMatchObject({ status: 502, message });
  });

  test('after a stop reason (message_delta) it is an answer, empty: a 200 with its finish reason, not retried', async () => {
    anthropicFirst = anthropicStream(MESSAGE_START, MESSAGE_DELTA, MESSAGE_STOP);
    expect(await read('claude')).toEqual({ endpoint: 'claude', text: '', finish: 'stop' });
    expect(anthropic.requests).toHaveLength(1);
  });
});

describe('Bedrock ConverseStream: messageStart, messageStop without a stop reason, metadata', () => {
  const EMPTY: BedrockReply = { events: [CONVERSE_START, converseEvent('messageStop', {}), CONVERSE_USAGE] };

  test('is retried: the client gets the second attempt whole', async () => {
    converseFirst = EMPTY;
    expect(await read('converse')).toEqual({ endpoint: 'converse', text: TEXT, finish: 'stop' });
    expect(bedrock.calls).toHaveLength(2);
  });

  test('falls back to the next destination of a FALLBACK route', async () => {
    converseFirst = EMPTY;
    expect(await read('converse-fallback')).toEqual({ endpoint: 'backup', text: TEXT, finish: 'stop' });
    expect([bedrock.calls.length, backup.requests.length]).toEqual([1, 1]);
  });

  test('on its only attempt: a 502 saying so', async () => {
    converseFirst = EMPTY;
    await expect(read('converse-once')).rejects.toMatchObject({ status: 502, message: "502 Amazon Bedrock ended the stream for endpoint 'converse-once' without sending anything." });
  });

  test('with a stop reason it is an answer, empty: a 200 with its finish reason, not retried', async () => {
    converseFirst = { events: [CONVERSE_START, converseEvent('messageStop', { stopReason: 'end_turn' }), CONVERSE_USAGE] };
    expect(await read('converse')).toEqual({ endpoint: 'converse', text: '', finish: 'stop' });
    expect(bedrock.calls).toHaveLength(1);
  });
});
