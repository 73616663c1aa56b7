/** Replays raw SSE fixture bytes through a stream fold, whole and split at every byte. */
import { decodeSse, foldEvents, type StreamFold } from '../../src/providers/transport/sse';

async function* chunksOf(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

/** Runs `parts` (the body as it arrived in pieces) through the decoder and `fold`. */
export async function replay<Chunk>(parts: Uint8Array[], fold: StreamFold<Chunk>): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of foldEvents(decodeSse(chunksOf(parts)), fold)) chunks.push(chunk);
  return chunks;
}

/**
 * Replays `bytes` whole, then split in two at every byte boundary (including inside multi-byte
 * characters), then one byte at a time. Returns the whole replay and the cut positions whose
 * result differs from it (expected to be none).
 */
export async function replayEverySplit<Chunk>(bytes: Buffer, createFold: () => StreamFold<Chunk>): Promise<{ whole: Chunk[]; disagreeing: number[] }> {
  const whole = await replay([bytes], createFold());
  const reference = JSON.stringify(whole);
  const disagreeing: number[] = [];
  for (let cut = 1; cut < bytes.length; cut += 1) {
    const split = await replay([bytes.subarray(0, cut), bytes.subarray(cut)], createFold());
    if (JSON.stringify(split) !== reference) disagreeing.push(cut);
  }
  const byteByByte = await replay([...bytes].map((byte) => Uint8Array.of(byte)), createFold());
  if (JSON.stringify(byteByByte) !== reference) disagreeing.push(-1);
  return { whole, disagreeing };
}
