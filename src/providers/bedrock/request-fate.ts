/**
 * What became of a Bedrock stream's (or Converse or InvokeModel call's) request, noted on its call's abort (`RequestFate`, ../abort.ts)
 * as the HTTP transport notes it for the other providers (transport/event-stream.ts): `sent` once
 * the request's last byte was written on a connection, `refused` when AWS answered an error status
 * (ThrottlingException, ValidationException…). Read by the token estimate of a stream that ends
 * before its first chunk, or of a call without a stream that failed (src/limits/stream-tokens.ts).
 *
 * The SDK's NodeHttpHandler keeps its `ClientRequest` to itself but pipes a Readable body into it:
 * the body below is handed that request, whose `finish` (its last byte handed to the socket, never
 * for a connection that failed) is the moment it was sent. The commands name their call (`RequestFateOption`);
 * a request sent without one (STS's AssumeRole) costs nothing more.
 */
import { Readable } from 'node:stream';
import type { HttpHandlerOptions } from '@smithy/types';
import { noteRequestFate, type CallSignal } from '../abort';

/** Send options naming the call whose request's fate is noted (the SDK hands send options on to its HTTP handler). */
export interface RequestFateOption extends HttpHandlerOptions {
  requestFateOf?: CallSignal;
}

/** A body written whole into the request it is piped to; `onSent` when that request has written it on a connection. */
class SentNotingBody extends Readable {
  constructor(
    private readonly bytes: Buffer,
    private readonly onSent: () => void,
  ) {
    super();
  }

  override pipe<Destination extends NodeJS.WritableStream>(destination: Destination): Destination {
    destination.once('finish', this.onSent);
    destination.end(this.bytes);
    return destination;
  }
}

/** The bytes of a serialized body (the commands' JSON, a string or bytes); null for any other body. */
function bytesOf(body: unknown): Buffer | null {
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return null;
}

/**
 * Makes the signed `request` note on `call` when it is sent (its body replaced by the same bytes; a
 * body of another kind is left as it is, and the fate noted at the answer only); returns what to
 * call with the status of AWS's answer, which settles the fate.
 */
export function noteFateOfRequest(request: { body?: unknown }, call: CallSignal): (statusCode: number) => void {
  let answered = false;
  let notedSent = false;
  const bytes = bytesOf(request.body);
  if (bytes !== null) {
    request.body = new SentNotingBody(bytes, () => {
      if (answered) return;
      notedSent = true;
      noteRequestFate(call, 'sent');
    });
  }
  return (statusCode) => {
    answered = true;
    if (statusCode < 200 || statusCode >= 300) noteRequestFate(call, 'refused');
    // Noted at the answer only when not when sent: a call's requests in parallel (one-text embeddings) must not undo another's refusal.
    else if (!notedSent) noteRequestFate(call, 'sent');
  };
}
