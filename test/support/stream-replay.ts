/**
 * Replays raw stream fixtures through a provider's fold: whole, split at every byte boundary and
 * one byte at a time, with the SSE or the NDJSON decoder. All runs must give the same chunks and
 * end the same way (cleanly, or with the same GatewayError).
 */
import { GatewayError } from '../../src/errors';
import { NdjsonDecoder } from '../../src/providers/transport/ndjson';
import type { EventDecoder } from '../../src/providers/transport/event-stream';
import { foldEvents, SseDecoder, type SseEvent, type StreamFold } from '../../src/providers/transport/sse';
import type { ChatChunk, CompletionsChunk } from '../../src/schema';

export type Decoder = (body: AsyncIterable<Uint8Array>) => AsyncIterable<SseEvent>;

/** One of the gateway's decoders (which the transport feeds as the body arrives) over an iterable body. */
export function decodingWith(createDecoder: () => EventDecoder): Decoder {
  return async function* decode(body) {
    const decoder = createDecoder();
    for await (const chunk of body) for (const event of decoder.feed(chunk)) yield event;
    for (const event of decoder.end()) yield event;
  };
}

export const sse: Decoder = decodingWith(() => new SseDecoder());
export const ndjson: Decoder = decodingWith(() => new NdjsonDecoder());

/** The body as it arrived in pieces. */
export async function* chunksOf(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

/** Runs `parts` through the decoder and `fold`; an error ending the stream is thrown. */
export async function replay<Chunk>(parts: Uint8Array[], fold: StreamFold<Chunk>, decode: Decoder = sse): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of foldEvents(decode(chunksOf(parts)), fold)) chunks.push(chunk);
  return chunks;
}

/** The chunks a stream gave, and the GatewayError that ended it (null when it ended cleanly). */
export interface StreamOutcome<Chunk> {
  chunks: Chunk[];
  error: GatewayError | null;
}

/** Like `replay`, but returns the chunks before a GatewayError along with it; other errors are thrown. */
export async function replayOutcome<Chunk>(parts: Uint8Array[], fold: StreamFold<Chunk>, decode: Decoder = sse): Promise<StreamOutcome<Chunk>> {
  const chunks: Chunk[] = [];
  try {
    for await (const chunk of foldEvents(decode(chunksOf(parts)), fold)) chunks.push(chunk);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    return { chunks, error };
  }
  return { chunks, error: null };
}

/** What of an error two replays must agree on. */
export const describeError = (error: GatewayError | null) => error && { status: error.status, message: error.message, retryable: error.retryable };

export interface ReplayOptions {
  decode?: Decoder;
  /** Also replay the fixture with every `\n` written as `\r\n` (for fixtures written with `\n`). */
  crlf?: boolean;
}

/**
 * Replays `bytes` (which must hold multi-byte characters) whole, optionally with CRLF line endings,
 * then cut in two at every byte boundary, then byte by byte; every replay must give the same
 * chunks and the same error. Returns the whole replay's outcome.
 */
export async function replayEverySplitOutcome<Chunk>(bytes: Buffer, createFold: () => StreamFold<Chunk>, options: ReplayOptions = {}): Promise<StreamOutcome<Chunk>> {
  const { decode = sse, crlf = false } = options;
  expect(bytes.length).toBeGreaterThan(bytes.toString('utf8').length); // holds multi-byte characters
  const whole = await replayOutcome([bytes], createFold(), decode);
  const expected = JSON.stringify({ chunks: whole.chunks, error: describeError(whole.error) });
  const agrees = async (parts: Uint8Array[]) => {
    const outcome = await replayOutcome(parts, createFold(), decode);
    return JSON.stringify({ chunks: outcome.chunks, error: describeError(outcome.error) }) === expected;
  };
  if (crlf) expect(await agrees([Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'))])).toBe(true);
  const disagreeing: number[] = [];
  for (let cut = 1; cut < bytes.length; cut += 1) {
    if (!(await agrees([bytes.subarray(0, cut), bytes.subarray(cut)]))) disagreeing.push(cut);
  }
  expect(disagreeing).toEqual([]);
  expect(await agrees([...bytes].map((byte) => Uint8Array.of(byte)))).toBe(true);
  return whole;
}

/** `replayEverySplitOutcome` for a stream that must end cleanly; returns its chunks. */
export async function replayEverySplit<Chunk>(bytes: Buffer, createFold: () => StreamFold<Chunk>, options: ReplayOptions = {}): Promise<Chunk[]> {
  const { chunks, error } = await replayEverySplitOutcome(bytes, createFold, options);
  expect(describeError(error)).toBeNull();
  return chunks;
}

/** Text, last finish reason, tool calls and usage assembled from chat chunks, as a client would. */
export function summariseChat(chunks: ChatChunk[]) {
  const toolCalls: { id: string | null; name: string | null; arguments: string }[] = [];
  let text = '';
  let finishReason: string | null = null;
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? '';
      finishReason = choice.finish_reason ?? finishReason;
      for (const call of choice.delta.tool_calls ?? []) {
        toolCalls[call.index] ??= { id: null, name: null, arguments: '' };
        toolCalls[call.index].id ??= call.id;
        toolCalls[call.index].name ??= call.function.name;
        toolCalls[call.index].arguments += call.function.arguments ?? '';
      }
    }
  }
  return { text, finishReason, toolCalls, usage: chunks.find((chunk) => chunk.usage)?.usage ?? null };
}

/** Text, last finish reason and usage assembled from completions chunks. */
export function summariseCompletions(chunks: CompletionsChunk[]) {
  const choices = chunks.flatMap((chunk) => chunk.choices);
  const finishes = choices.map((choice) => choice.finish_reason).filter((reason) => reason !== null);
  return {
    text: choices.map((choice) => choice.text ?? '').join(''),
    finishReason: finishes[finishes.length - 1] ?? null,
    usage: chunks.find((chunk) => chunk.usage)?.usage ?? null,
  };
}
