/**
 * Hugging Face Text Embeddings Inference (TEI) behind an `openai` endpoint refuses more inputs than its
 * `--max-client-batch-size` with a 413 naming the limit (error-413-tei-batch-size.json): the endpoint
 * then sends the request in consecutive calls of that size, and every later request of the endpoint too.
 */
import { GatewayError } from '../../../src/errors';
import { openaiErrorMessage } from '../../../src/providers/openai';
import { createTeiBatching, teiBatchLimit } from '../../../src/providers/openai/tei-batches';
import { embeddingInputs } from '../../../src/providers/shared/embeddings';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../../src/schema';
import { callContext } from '../../support/call-context';
import { readJsonFixture } from '../../support/fixtures';

/** TEI's refusal as the transport turns it into an error: the fixture's body with the client's count and TEI's limit. */
function teiRefusal(count: number, limit: number): GatewayError {
  const body = readJsonFixture<{ message: string }>('openai', 'error-413-tei-batch-size.json');
  const message = openaiErrorMessage({ ...body, message: body.message.replace('100', String(count)).replace(/32$/, String(limit)) }) as string;
  return GatewayError.upstream({ status: 413, message, endpoint: 'tei' });
}

/** A fake TEI with a limit (changeable), recording the inputs of each call; each vector is [its input's number], each input one token. */
function fakeTei(limit: number) {
  const tei = { limit, calls: [] as unknown[][], failAt: null as number | null };
  const embed = async (batch: EmbeddingsRequest): Promise<EmbeddingsResponse> => {
    const inputs = embeddingInputs(batch.input);
    tei.calls.push(inputs);
    if (inputs.length > tei.limit) throw teiRefusal(inputs.length, tei.limit);
    if (tei.calls.length === tei.failAt) throw GatewayError.upstream({ status: 503, message: 'Model is overloaded', endpoint: 'tei' });
    const data = inputs.map((input, index) => ({ object: 'embedding' as const, embedding: [Number(input)], index }));
    return { object: 'list', data, model: 'BAAI/bge-large-en-v1.5', usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } };
  };
  return { tei, embed };
}

const numbered = (count: number, from = 0) => Array.from({ length: count }, (_, index) => String(from + index));
const call = (answeredBatches: unknown[] = []) => ({ ...callContext(), answeredBatches });
const sizes = (calls: unknown[][]) => calls.map((inputs) => inputs.length);

describe('teiBatchLimit', () => {
  it("reads the limit from TEI's 413 only", () => {
    expect(teiBatchLimit(teiRefusal(100, 32))).toBe(32);
    expect(teiBatchLimit(teiRefusal(3000, 2048))).toBe(2048);
    expect(teiBatchLimit(GatewayError.upstream({ status: 413, message: 'length limit exceeded', endpoint: 'tei' }))).toBeNull();
    expect(teiBatchLimit(GatewayError.upstream({ status: 400, message: 'batch size 100 > maximum allowed batch size 32', endpoint: 'tei' }))).toBeNull();
    expect(teiBatchLimit(teiRefusal(100, 0))).toBeNull();
    expect(teiBatchLimit(new Error('batch size 100 > maximum allowed batch size 32'))).toBeNull();
  });
});

describe('createTeiBatching', () => {
  it('100 texts: the whole request refused, then calls of 32, 32, 32, 4; vectors in order, usage summed; later requests split at once', async () => {
    const { tei, embed } = fakeTei(32);
    const embedded = createTeiBatching('OpenAI');
    const answer = await embedded({ input: numbered(100), encoding_format: 'float' }, call(), embed);
    expect(sizes(tei.calls)).toEqual([100, 32, 32, 32, 4]);
    expect(answer.data.map((item) => [item.index, (item.embedding as number[])[0]])).toEqual(numbered(100).map((_, index) => [index, index]));
    expect(answer.usage).toEqual({ prompt_tokens: 100, total_tokens: 100 });

    tei.calls.length = 0;
    await embedded({ input: numbered(40) }, call(), embed);
    await embedded({ input: numbered(5) }, call(), embed);
    expect(sizes(tei.calls)).toEqual([32, 8, 5]);
  });

  it('an endpoint that was never refused sends each request whole (OpenAI takes 2,048)', async () => {
    const { tei, embed } = fakeTei(2048);
    const embedded = createTeiBatching('OpenAI');
    await embedded({ input: numbered(1000) }, call(), embed);
    await embedded({ input: numbered(2000) }, call(), embed);
    expect(sizes(tei.calls)).toEqual([1000, 2000]);
  });

  it("other failures, a 413 that is not TEI's among them, reach the caller as they came and teach nothing", async () => {
    const { tei, embed } = fakeTei(32);
    const embedded = createTeiBatching('OpenAI');
    const tooLarge = GatewayError.upstream({ status: 413, message: 'length limit exceeded', endpoint: 'tei' });
    await expect(embedded({ input: numbered(100) }, call(), async () => Promise.reject(tooLarge))).rejects.toBe(tooLarge);
    tei.failAt = 1;
    await expect(embedded({ input: numbered(10) }, call(), embed)).rejects.toMatchObject({ status: 502, message: expect.stringContaining('Model is overloaded') });
    tei.failAt = null;
    await embedded({ input: numbered(10) }, call(), embed);
    expect(sizes(tei.calls)).toEqual([10, 10]);
  });

  it('a retry (same answered batches) resumes at the batch that failed', async () => {
    const { tei, embed } = fakeTei(32);
    const embedded = createTeiBatching('OpenAI');
    const answered: unknown[] = [];
    tei.failAt = 4;
    await expect(embedded({ input: numbered(100) }, call(answered), embed)).rejects.toMatchObject({ status: 502 });
    expect(answered).toHaveLength(2);
    tei.failAt = null;
    const answer = await embedded({ input: numbered(100) }, call(answered), embed);
    expect(tei.calls.map((inputs) => `${inputs[0]}+${inputs.length}`)).toEqual(['0+100', '0+32', '32+32', '64+32', '64+32', '96+4']);
    expect(answer.data.map((item) => (item.embedding as number[])[0])).toEqual(numbered(100).map(Number));
  });

  it('TEI restarted with a lower limit: its refusal of the first batch splits again at the new size; after an answered batch it fails the request', async () => {
    const { tei, embed } = fakeTei(32);
    const embedded = createTeiBatching('OpenAI');
    await embedded({ input: numbered(40) }, call(), embed);
    tei.limit = 16;
    tei.calls.length = 0;
    await embedded({ input: numbered(40) }, call(), embed);
    expect(sizes(tei.calls)).toEqual([32, 16, 16, 8]);

    const answered = [{ earlier: 'batch' }];
    tei.limit = 8;
    await expect(embedded({ input: numbered(40) }, call(answered), embed)).rejects.toMatchObject({ status: 413, message: 'batch size 16 > maximum allowed batch size 8' });
  });

  it('lists of token ids are split as texts are; a flat token-id list is one input; more than 2,048 inputs is a 400 once split', async () => {
    const { tei, embed } = fakeTei(2);
    const embedded = createTeiBatching('OpenAI');
    const tokenLists = [[1], [2], [3], [4], [5]];
    const answer = await embedded({ input: tokenLists }, call(), embed);
    expect(tei.calls).toEqual([tokenLists, [[1], [2]], [[3], [4]], [[5]]]);
    expect(answer.data).toHaveLength(5);
    tei.calls.length = 0;
    await embedded({ input: [7, 8, 9] }, call(), embed);
    expect(tei.calls).toEqual([[[7, 8, 9]]]);
    await expect(embedded({ input: numbered(2049) }, call(), embed)).rejects.toMatchObject({
      status: 400,
      param: 'input',
      message: "The parameter 'input' holds 2049 inputs: at most 2048 per request (OpenAI's limit) for OpenAI, which the gateway embeds in several calls.",
    });
  });
});
