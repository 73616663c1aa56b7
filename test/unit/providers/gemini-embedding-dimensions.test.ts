/**
 * Gemini's vectors asked with fewer dimensions (`outputDimensionality`) are not unit length: Google
 * normalises only gemini-embedding-001's full-size (3072) vectors and tells callers to normalise the
 * others (https://ai.google.dev/gemini-api/docs/embeddings#quality-for-smaller-dimensions). OpenAI's
 * `dimensions` vectors are unit length, and its clients rank by dot product, so the gateway scales them.
 */
import { fromGeminiEmbeddings, geminiEmbeddingVectors, unitLength } from '../../../src/providers/gemini/embeddings';
import { readJsonFixture } from '../../support/fixtures';

const model = 'gemini-embedding-001';
/** batchEmbedContents' answer to `outputDimensionality`, as Gemini sends it: each vector shorter than 1. */
const answered = geminiEmbeddingVectors(readJsonFixture('gemini', 'batch-embed-contents-dimensions.response.json'));

const lengthOf = (vector: readonly number[]): number => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const decoded = (embedding: number[] | string): number[] => Array.from(new Float32Array(new Uint8Array(Buffer.from(embedding as string, 'base64')).buffer));

describe('Gemini embeddings asked with dimensions come back unit length', () => {
  it('the fixture is what the fix is for: vectors of Gemini far from unit length', () => {
    expect(answered.map(lengthOf).every((length) => length < 0.1)).toBe(true);
  });

  it('each vector is scaled to length 1, its direction kept, across the calls of one request', () => {
    const answer = fromGeminiEmbeddings([answered.slice(0, 2), answered.slice(2)], { model, dimensionsAsked: true });
    const vectors = answer.data.map((entry) => entry.embedding as number[]);
    expect(vectors.map((vector) => vector.length)).toEqual([8, 8, 8]);
    vectors.forEach((vector, index) => {
      expect(lengthOf(vector)).toBeCloseTo(1, 12);
      const length = lengthOf(answered[index]);
      vector.forEach((value, position) => expect(value * length).toBeCloseTo(answered[index][position], 12));
    });
    // What a client ranking by dot product computes is now the cosine similarity of Gemini's vectors.
    const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, value, position) => sum + value * b[position], 0);
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) {
      expect(dot(vectors[a], vectors[b])).toBeCloseTo(dot(answered[a], answered[b]) / (lengthOf(answered[a]) * lengthOf(answered[b])), 12);
    }
  });

  it('scaled before base64 encoding (the openai clients ask for base64 by default)', () => {
    const answer = fromGeminiEmbeddings([answered], { model, encodingFormat: 'base64', dimensionsAsked: true });
    for (const entry of answer.data) expect(Math.abs(lengthOf(decoded(entry.embedding)) - 1)).toBeLessThan(1e-6);
  });

  it('without dimensions the vectors pass as Gemini sent them', () => {
    expect(fromGeminiEmbeddings([answered], { model }).data.map((entry) => entry.embedding)).toEqual(answered);
    expect(fromGeminiEmbeddings([answered], { model, encodingFormat: 'base64' }).data.map((entry) => decoded(entry.embedding))).toEqual(
      answered.map((vector) => Array.from(new Float32Array(vector))),
    );
  });

  it('a zero vector stays zero; a vector already of unit length (gemini-embedding-2, or 3072 dimensions) is left as it came', () => {
    expect(unitLength([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    const unit = unitLength(answered[0]);
    expect(unitLength(unit)).toBe(unit);
    const float32Unit = Array.from(new Float32Array(unit));
    expect(unitLength(float32Unit)).toBe(float32Unit);
  });

  it('values that are not numbers are left for the answer check to refuse, not coerced', () => {
    const malformed = [0.5, '0.25', null] as unknown as number[];
    expect(unitLength(malformed)).toBe(malformed);
  });
});
