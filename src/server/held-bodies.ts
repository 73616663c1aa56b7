/**
 * The bytes of request bodies this process holds, bounded by `server.max_in_flight_body_size`. A
 * body is held from its first byte until its answer ends: its parsed form and the request sent to
 * the provider live as long as the call, minutes when a model is slow. Without a bound, enough large
 * bodies at once (64 agent histories of 5 MB in a container of 1 GB) ran the process out of heap, and
 * V8 aborted it with every request it served; now the request that would pass the bound gets a 503
 * before its body is read, and its client (the OpenAI clients retry a 503) sends it again shortly.
 * A body counts its bytes, or what its parsed form takes when that is more (json-scan.ts: a body of
 * tiny arrays and objects takes up to 23 times its bytes), held once it is read (before it is parsed,
 * but for a chunked or compressed body, which body-parser parses as soon as it has read it).
 */
import { GatewayError } from '../errors';
import type { RequestRecord } from './request-record';

/** Seconds a refused client is asked to wait: bodies are let go as answers end, most within seconds. */
const RETRY_AFTER_SECONDS = '2';

export const BODIES_OVERLOADED_CODE = 'too_many_bodies_in_flight';

let held = 0;

/**
 * Takes `bytes` for the request of `record` when they fit under `most` with the bodies held already,
 * and always when no other body is held (a body `max_body_size` allows is never refused for being
 * alone over the bound): null. Else the 503 to answer. Given back when the request ends (`releaseBody`).
 */
export function holdBody(record: RequestRecord, bytes: number, most: number): GatewayError | null {
  if (held > 0 && held + bytes > most) return overloaded(`of ${bytes} bytes`, most);
  held += bytes;
  record.heldBodyBytes = bytes;
  return null;
}

/**
 * Holds the rest of what the body of `record` takes once parsed, `parsedBytes`, when that is more
 * than it holds already (its declared length, or max_body_size): null when that fits under `most`
 * with the bodies held already, or none is. Else the 503 to answer; what it held is given back as always.
 */
export function holdParsedSize(record: RequestRecord, bytes: number, parsedBytes: number, most: number): GatewayError | null {
  const more = parsedBytes - record.heldBodyBytes;
  if (more <= 0) return null;
  if (held > record.heldBodyBytes && held + more > most) return overloaded(`of ${bytes} bytes (about ${parsedBytes} once parsed: many small arrays, objects or values)`, most);
  held += more;
  record.heldBodyBytes = parsedBytes;
  return null;
}

/** Gives back what the request of `record` held; called once, when its response closes (request-log.ts). */
export function releaseBody(record: RequestRecord): void {
  held -= record.heldBodyBytes;
  record.heldBodyBytes = 0;
}

/** The 503 for a body, said as `of 1234 bytes`, that would pass `most`. */
function overloaded(body: string, most: number): GatewayError {
  return new GatewayError({
    status: 503,
    message: `The gateway holds as many request bodies as it may at once (server.max_in_flight_body_size: ${most} bytes per process), so it cannot take this body ${body} now; send it again in a moment.`,
    kind: 'server_error',
    code: BODIES_OVERLOADED_CODE,
    retryAfter: RETRY_AFTER_SECONDS,
  });
}
