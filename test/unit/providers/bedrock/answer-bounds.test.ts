/**
 * What the AWS SDK may read of a Bedrock answer (answer-bounds.ts): an answer read whole up to the
 * limit, an event stream message by message up to 16 MiB each, with message lengths split across
 * chunks in any way, and no body silent for longer than the idle timeout. Real event-stream messages come from @smithy/eventstream-codec.
 */
import { PassThrough, Readable } from 'node:stream';
import { boundedBody, EventMessageTooLarge, IdleTimeout, MAX_EVENT_MESSAGE_BYTES } from '../../../../src/providers/bedrock/answer-bounds';
import { AnswerTooLarge } from '../../../../src/providers/transport/whole-response';
import { converseEvent, encodeEvents } from '../../../support/fake-bedrock';

const EVENT_STREAM = { statusCode: 200, contentType: 'application/vnd.amazon.eventstream' };
const JSON_ANSWER = { statusCode: 200, contentType: 'application/json' };
const limits = (maxAnswerBytes: number, idleMs = 60_000) => ({ maxAnswerBytes, idleMs });

/** `bytes` cut into pieces of `size`. */
function pieces(bytes: Buffer, size: number): Buffer[] {
  const cut: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) cut.push(bytes.subarray(offset, offset + size));
  return cut;
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function prelude(announcedBytes: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(announcedBytes);
  return bytes;
}

const messages = encodeEvents([
  converseEvent('messageStart', { role: 'assistant' }),
  converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'x'.repeat(300) } }),
  converseEvent('messageStop', { stopReason: 'end_turn' }),
]);

describe('an answer read whole', () => {
  test('passes unchanged up to the limit', async () => {
    const answer = Buffer.from('{"output":"' + 'a'.repeat(87) + '"}');
    expect(answer.length).toBe(100);
    expect(await readAll(boundedBody(Readable.from(pieces(answer, 7)), JSON_ANSWER, limits(100)))).toEqual(answer);
  });

  test('one byte over the limit fails with the status and the limit, and destroys the source', async () => {
    const source = Readable.from(pieces(Buffer.alloc(101, 'a'), 10));
    const failure = readAll(boundedBody(source, { statusCode: 503, contentType: 'application/json' }, limits(100)));
    await expect(failure).rejects.toBeInstanceOf(AnswerTooLarge);
    await expect(failure).rejects.toMatchObject({ limit: 100, statusCode: 503 });
    expect(source.destroyed).toBe(true);
  });

  test('an answer without a content type is read whole, so it is bounded', async () => {
    await expect(readAll(boundedBody(Readable.from([Buffer.alloc(101)]), { statusCode: 200, contentType: undefined }, limits(100)))).rejects.toBeInstanceOf(AnswerTooLarge);
  });
});

describe('an event stream', () => {
  test('has no total limit: messages pass unchanged whatever the pieces, one byte at a time included', async () => {
    for (const size of [1, 2, 3, 5, 64, messages.length]) {
      expect(await readAll(boundedBody(Readable.from(pieces(messages, size)), EVENT_STREAM, limits(10)))).toEqual(messages);
    }
  });

  test('a message announcing exactly 16 MiB passes', async () => {
    const bytes = Buffer.concat([messages, prelude(MAX_EVENT_MESSAGE_BYTES), Buffer.alloc(100)]);
    expect(await readAll(boundedBody(Readable.from(pieces(bytes, 64)), EVENT_STREAM, limits(10)))).toEqual(bytes);
  });

  test('a message announcing more fails the stream, its length split across chunks or not, and destroys the source', async () => {
    for (const size of [1, 3, 4096]) {
      const source = Readable.from(pieces(Buffer.concat([messages, prelude(MAX_EVENT_MESSAGE_BYTES + 1), Buffer.alloc(100)]), size));
      const failure = readAll(boundedBody(source, EVENT_STREAM, limits(10)));
      await expect(failure).rejects.toBeInstanceOf(EventMessageTooLarge);
      await expect(failure).rejects.toMatchObject({ announcedBytes: MAX_EVENT_MESSAGE_BYTES + 1 });
      expect(source.destroyed).toBe(true);
    }
  });

  test('the content type is matched in any letter case', async () => {
    const body = boundedBody(Readable.from([prelude(0xffffffff)]), { statusCode: 200, contentType: 'Application/VND.Amazon.EventStream' }, limits(10));
    await expect(readAll(body)).rejects.toMatchObject({ announcedBytes: 0xffffffff });
  });
});

describe('the idle timeout', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('a body silent for longer fails with an IdleTimeout, and destroys the source', async () => {
    const source = new PassThrough();
    const failure = readAll(boundedBody(source, EVENT_STREAM, limits(10, 100)));
    source.write(messages.subarray(0, 20));
    await expect(failure).rejects.toBeInstanceOf(IdleTimeout);
    await expect(failure).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
    expect(source.destroyed).toBe(true);
  });

  test('counts from the last chunk: shorter silences between chunks pass', async () => {
    const source = new PassThrough();
    const read = readAll(boundedBody(source, EVENT_STREAM, limits(10, 150)));
    for (const piece of pieces(messages, Math.ceil(messages.length / 4))) {
      await pause(80);
      source.write(piece);
    }
    source.end();
    expect(await read).toEqual(messages);
  });
});
