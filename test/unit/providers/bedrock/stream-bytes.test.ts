/**
 * The raw byte path of the stream folds: each fixture is encoded with the real event-stream codec,
 * cut in two at every byte boundary (inside headers, prelude checksums and multi-byte UTF-8), and
 * decoded by the SDK itself (a request handler that answers with those two pieces) before the fold.
 * The text, finish reason and usage must not depend on where the bytes were cut.
 */
import { BedrockRuntimeClient, ConverseStreamCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { HttpResponse } from '@smithy/core/protocols';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { Readable } from 'node:stream';
import { createConverseChatStream } from '../../../../src/providers/bedrock/converse';
import { createTitanCompletionsStream } from '../../../../src/providers/bedrock/invoke-model';
import { chunkEvent, converseEvent } from '../../../support/fake-bedrock';
import { readJsonFixture } from '../../../support/fixtures';

/** Claude on Bedrock: signed thinking blocks go both ways. */
const CLAUDE = { thinkingBlocks: true };

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const context = { id: 'req', model: 'm', created: 1 };

function encodedFixture(name: string, encode: typeof converseEvent): Buffer {
  return Buffer.concat(readJsonFixture<{ event: string; body: unknown }[]>('bedrock', name).map(({ event, body }) => codec.encode(encode(event, body))));
}

/**
 * A client whose every call is answered with `pieces` as an event-stream body. Without signing
 * and retries, which the answer never reaches (a few thousand calls per test: signing was a
 * quarter of their time); serializing and the SDK's decoding of the body stay.
 */
function clientAnswering(pieces: () => Buffer[]): BedrockRuntimeClient {
  const client = new BedrockRuntimeClient({
    region: 'eu-west-3',
    credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: Readable.from(pieces()) }),
      }),
    },
  });
  for (const step of ['httpSigningMiddleware', 'retryMiddleware']) if (!client.middlewareStack.remove(step)) throw new Error(`no ${step} to remove`);
  return client;
}

function splitsOf(bytes: Buffer): Buffer[][] {
  return Array.from({ length: bytes.length - 1 }, (_, index) => [bytes.subarray(0, index + 1), bytes.subarray(index + 1)]);
}

test('ConverseStream: same text, finish reason and usage wherever the bytes are cut', async () => {
  const bytes = encodedFixture('converse-chat.events.json', converseEvent);
  let current: Buffer[] = [bytes];
  const client = clientAnswering(() => current);
  for (const pieces of [[bytes], ...splitsOf(bytes)]) {
    current = pieces;
    const output = await client.send(new ConverseStreamCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [] }));
    const fold = createConverseChatStream(context, CLAUDE);
    const chunks = [];
    for await (const event of output.stream ?? []) chunks.push(...fold.event(event));
    chunks.push(...fold.end());
    const last = chunks[chunks.length - 1];
    expect([chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join(''), last.choices[0].finish_reason, last.usage]).toEqual([
      'Un café ? Bien sûr 🙂 Bonne journée.',
      'stop',
      { prompt_tokens: 18, completion_tokens: 11, total_tokens: 29 },
    ]);
  }
  client.destroy();
});

test('ConverseStream with thinking: the same thinking text, signature and redacted data (bytes the SDK decodes) wherever the bytes are cut', async () => {
  const bytes = encodedFixture('converse-thinking-tool-use.events.json', converseEvent);
  let current: Buffer[] = [bytes];
  const client = clientAnswering(() => current);
  for (const pieces of [[bytes], ...splitsOf(bytes)]) {
    current = pieces;
    const output = await client.send(new ConverseStreamCommand({ modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0', messages: [] }));
    const fold = createConverseChatStream(context, CLAUDE);
    const chunks = [];
    for await (const event of output.stream ?? []) chunks.push(...fold.event(event));
    chunks.push(...fold.end());
    const blocks = chunks.flatMap((chunk) => chunk.choices[0].delta.thinking_blocks ?? []);
    expect([chunks.map((chunk) => chunk.choices[0].delta.reasoning_content ?? '').join(''), blocks.slice(2)]).toEqual([
      'The user wants the weather in Paris. I should call get_weather with "Paris, France" — température en °C.',
      [
        { index: 0, type: 'thinking', thinking: '', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds9ZKBvRLtqNzB6Ch+cU0Ykz3sGHHoDwM8bv2PAFtLTdHHGC2qO9JvdWlnbmvQWXqFhHrl==' },
        { index: 1, type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj/Q3yW4Yx8F5o+qbGWjVZfLr9cqU7w=' },
      ],
    ]);
  }
  client.destroy();
});

test('InvokeModelWithResponseStream (Titan): same text and finish reason wherever the bytes are cut', async () => {
  const bytes = encodedFixture('titan-text.events.json', (_event, body) => chunkEvent(body));
  let current: Buffer[] = [bytes];
  const client = clientAnswering(() => current);
  for (const pieces of [[bytes], ...splitsOf(bytes)]) {
    current = pieces;
    const output = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-text-express-v1', body: '{}' }));
    const fold = createTitanCompletionsStream(context);
    const chunks = [];
    for await (const event of output.body ?? []) chunks.push(...fold.event(JSON.parse(toUtf8(event.chunk?.bytes ?? new Uint8Array()))));
    chunks.push(...fold.end());
    expect([chunks.map((chunk) => chunk.choices[0].text ?? '').join(''), chunks[chunks.length - 1].choices[0].finish_reason]).toEqual(['\nVoilà un café 🙂 Bonne journée.', 'stop']);
  }
  client.destroy();
});
