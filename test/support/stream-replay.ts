/**
 * Replays raw stream fixtures through a provider's fold: whole, split at every byte boundary and
 * one byte at a time, with the SSE or the NDJSON decoder. All runs must give the same chunks.
 */
import { decodeNdjson } from '../../src/providers/transport/ndjson';
import { decodeSse, foldEvents, type SseEvent, type StreamFold } from '../../src/providers/transport/sse';
import type { ChatChunk, CompletionsChunk } from '../../src/schema';

export type Decoder = (body: AsyncIterable<Uint8Array>) => AsyncIterable<SseEvent>;
export const sse: Decoder = decodeSse;
export const ndjson: Decoder = decodeNdjson;

async function* chunksOf(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

export async function replay<Chunk>(parts: Uint8Array[], fold: StreamFold<Chunk>, decode: Decoder = sse): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of foldEvents(decode(chunksOf(parts)), fold)) chunks.push(chunk);
  return chunks;
}

/** Replays `bytes` whole, then cut at every byte boundary, then byte by byte; returns the chunks. */
export async function replayEverySplit<Chunk>(bytes: Buffer, createFold: () => StreamFold<Chunk>, decode: Decoder = sse): Promise<Chunk[]> {
  expect(bytes.length).toBeGreaterThan(bytes.toString('utf8').length); // holds multi-byte characters
  const whole = await replay([bytes], createFold(), decode);
  const disagreeing: number[] = [];
  for (let cut = 1; cut < bytes.length; cut += 1) {
    const split = await replay([bytes.subarray(0, cut), bytes.subarray(cut)], createFold(), decode);
    if (JSON.stringify(split) !== JSON.stringify(whole)) disagreeing.push(cut);
  }
  expect(disagreeing).toEqual([]);
  const byteByByte = await replay([...bytes].map((byte) => Uint8Array.of(byte)), createFold(), decode);
  expect(byteByByte).toEqual(whole);
  return whole;
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

export function summariseCompletions(chunks: CompletionsChunk[]) {
  const choices = chunks.flatMap((chunk) => chunk.choices);
  const finishes = choices.map((choice) => choice.finish_reason).filter((reason) => reason !== null);
  return {
    text: choices.map((choice) => choice.text ?? '').join(''),
    finishReason: finishes[finishes.length - 1] ?? null,
    usage: chunks.find((chunk) => chunk.usage)?.usage ?? null,
  };
}
