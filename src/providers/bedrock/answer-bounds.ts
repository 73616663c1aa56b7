/**
 * Bounds on what the AWS SDK reads of a Bedrock answer, applied to the response body before the SDK
 * sees it (the SDK itself reads without limits).
 *
 * - An answer read whole (JSON, and every error body) is abandoned once it passes
 *   `server.max_answer_size`, as with the HTTP providers (transport/whole-response.ts): an
 *   endpoint behind `aws_endpoint_url` whose answer never ends would otherwise fill the memory.
 * - An event stream has no total limit (it is forwarded, not held), but each of its messages is
 *   buffered whole by the SDK, which allocates the length the message's prelude announces before
 *   reading it. A message may be at most 16 MiB, as in AWS's own decoder (`aws-c-event-stream`,
 *   AWS_EVENT_STREAM_MAX_MESSAGE_SIZE); a longer one abandons the stream.
 *
 * - Time: the endpoint's `idle` timeout ends a body that sends nothing for that long (the SDK's
 *   socket timeout serves both the wait for the headers and the body, so it cannot be `idle`), and
 *   the handler (client.ts) ends a call whose headers take longer than `first_byte`.
 *
 * Failing the body's stream destroys the response, so the connection is closed.
 */
import { Transform, pipeline, type Readable } from 'node:stream';
import { AnswerTooLarge } from '../transport/whole-response';

export const MAX_EVENT_MESSAGE_BYTES = 16 * 1024 * 1024;

const EVENT_STREAM_TYPE = 'application/vnd.amazon.eventstream';

/** An event-stream message whose prelude announced more than MAX_EVENT_MESSAGE_BYTES. */
export class EventMessageTooLarge extends Error {
  constructor(readonly announcedBytes: number) {
    super(`An event-stream message of ${announcedBytes} bytes is larger than ${MAX_EVENT_MESSAGE_BYTES} bytes.`);
  }
}

/** No response headers within the endpoint's `first_byte` timeout. */
export class FirstByteTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No response within ${timeoutMs} ms (first_byte timeout).`);
    // The name the SDK gives its own timeouts.
    this.name = 'TimeoutError';
  }
}

/** A response body that sent nothing for the endpoint's `idle` timeout. */
export class IdleTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Nothing received for ${timeoutMs} ms (idle timeout).`);
    this.name = 'TimeoutError';
  }
}

/** Passes chunks on while `check` accepts them; the first one it throws on fails the stream. */
function checked(check: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        check(chunk);
      } catch (error) {
        done(error as Error);
        return;
      }
      done(null, chunk);
    },
  });
}

/** Counts the bytes of an answer read whole. */
function wholeAnswerCheck(maxBytes: number, statusCode: number): (chunk: Buffer) => void {
  let bytes = 0;
  return (chunk) => {
    bytes += chunk.length;
    if (bytes > maxBytes) throw new AnswerTooLarge(maxBytes, statusCode);
  };
}

/**
 * Follows the message boundaries of an event stream: each message starts with its total length
 * (4 bytes, big-endian, the length field included), which may be split across chunks.
 */
function eventMessageCheck(): (chunk: Buffer) => void {
  let messageBytesLeft = 0;
  let lengthBytesRead = 0;
  let announced = 0;
  return (chunk) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (messageBytesLeft > 0) {
        const taken = Math.min(messageBytesLeft, chunk.length - offset);
        messageBytesLeft -= taken;
        offset += taken;
        continue;
      }
      announced = announced * 256 + chunk[offset];
      lengthBytesRead += 1;
      offset += 1;
      if (lengthBytesRead < 4) continue;
      if (announced > MAX_EVENT_MESSAGE_BYTES) throw new EventMessageTooLarge(announced);
      // A length under 4 is malformed; the SDK's decoder reports it.
      messageBytesLeft = Math.max(announced - 4, 0);
      lengthBytesRead = 0;
      announced = 0;
    }
  };
}

/** Passes chunks on, and fails with an IdleTimeout when none has come for `idleMs`. */
function silenceLimit(idleMs: number): Transform {
  const timer = setTimeout(() => limit.destroy(new IdleTimeout(idleMs)), idleMs);
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      timer.refresh();
      done(null, chunk);
    },
    flush(done) {
      clearTimeout(timer);
      done();
    },
    destroy(error, done) {
      clearTimeout(timer);
      done(error);
    },
  });
  return limit;
}

/** The response body the SDK should read instead of `body`. */
export function boundedBody(
  body: Readable,
  response: { statusCode: number; contentType: string | undefined },
  limits: { maxAnswerBytes: number; idleMs: number },
): Readable {
  const isEventStream = response.contentType?.toLowerCase().startsWith(EVENT_STREAM_TYPE) ?? false;
  const check = isEventStream ? eventMessageCheck() : wholeAnswerCheck(limits.maxAnswerBytes, response.statusCode);
  // pipeline destroys `body` (and so the connection) when a check or the idle timeout fails it, and passes on its errors.
  return pipeline(body, checked(check), silenceLimit(limits.idleMs), () => {});
}
