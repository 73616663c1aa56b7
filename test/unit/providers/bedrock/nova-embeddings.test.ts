/**
 * Amazon Nova Multimodal Embeddings' InvokeModel body for text, and its answer
 * (https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html).
 */
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import { fromNovaEmbeddings, toNovaEmbeddings } from '../../../../src/providers/bedrock/nova-embeddings';
import { encodeEmbedding } from '../../../../src/providers/shared/embeddings';
import { gatewayErrorOf } from '../../../support/errors';
import { readJsonFixture } from '../../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../../support/long-value';

const nova = resolveBedrockFamily('us.amazon.nova-2-multimodal-embeddings-v1:0');
const MODEL = 'amazon.nova-2-multimodal-embeddings-v1:0';

const body = (text: string, params: Record<string, unknown> = {}) => ({
  taskType: 'SINGLE_EMBEDDING',
  singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', text: { truncationMode: 'NONE', value: text }, ...params },
});

describe('toNovaEmbeddings', () => {
  test('one SINGLE_EMBEDDING body per text, in order; GENERIC_INDEX and truncationMode NONE by default', () => {
    expect(toNovaEmbeddings({ input: ['un café', 'a cup of tea'] }, nova)).toEqual([body('un café'), body('a cup of tea')]);
    expect(toNovaEmbeddings({ input: 'un café', encoding_format: 'base64' }, nova)).toEqual([body('un café')]);
  });

  test('dimensions → embeddingDimension; embedding_purpose and truncate set the purpose and the truncation mode', () => {
    expect(toNovaEmbeddings({ input: 'où est le café ?', dimensions: 1024, embedding_purpose: 'TEXT_RETRIEVAL', truncate: 'END' }, nova)).toEqual([
      {
        taskType: 'SINGLE_EMBEDDING',
        singleEmbeddingParams: { embeddingPurpose: 'TEXT_RETRIEVAL', embeddingDimension: 1024, text: { truncationMode: 'END', value: 'où est le café ?' } },
      },
    ]);
    for (const dimensions of [256, 384, 1024, 3072]) expect(toNovaEmbeddings({ input: 'a', dimensions }, nova)[0]).toEqual(body('a', { embeddingDimension: dimensions }));
  });

  test('a dimension, purpose or truncation the model does not take is a local 400 naming the allowed values', () => {
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', dimensions: 512 }, nova))).toMatchObject({
      status: 400,
      param: 'dimensions',
      message: 'dimensions: Amazon Nova Multimodal Embeddings on Amazon Bedrock takes 256, 384, 1024, 3072, not 512.',
    });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', dimensions: '1024' }, nova))).toMatchObject({ status: 400, param: 'dimensions' });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', embedding_purpose: 'search_query' }, nova))).toMatchObject({ status: 400, param: 'embedding_purpose' });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', truncate: 'LEFT' }, nova))).toMatchObject({ status: 400, param: 'truncate' });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', embedding_purpose: LONG_VALUE }, nova))).toMatchObject({
      param: 'embedding_purpose',
      message: `embedding_purpose: Amazon Nova Multimodal Embeddings on Amazon Bedrock takes GENERIC_INDEX, GENERIC_RETRIEVAL, TEXT_RETRIEVAL, IMAGE_RETRIEVAL, VIDEO_RETRIEVAL, DOCUMENT_RETRIEVAL, AUDIO_RETRIEVAL, CLASSIFICATION, CLUSTERING, not ${LONG_VALUE_CUT}.`,
    });
  });

  test('token ids, unknown encodings, Nova spellings and other parameters are 400s', () => {
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: [[1, 2, 3]] }, nova))).toMatchObject({ status: 400, param: 'input' });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', encoding_format: 'int8' }, nova))).toMatchObject({ status: 400, param: 'encoding_format' });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', embeddingDimension: 256 }, nova))).toMatchObject({
      status: 400,
      param: 'embeddingDimension',
      message: 'Invalid parameter embeddingDimension. Use dimensions instead.',
    });
    expect(gatewayErrorOf(() => toNovaEmbeddings({ input: 'a', input_type: 'search_query' }, nova))).toMatchObject({ status: 400, param: 'input_type' });
  });
});

describe('fromNovaEmbeddings', () => {
  const answer = readJsonFixture<{ embeddings: { embedding: number[] }[] }>('bedrock', 'nova-embed.response.json');
  const truncated = readJsonFixture<{ embeddings: { embedding: number[] }[] }>('bedrock', 'nova-embed-truncated.response.json');

  test('the TEXT embedding of each answer, in input order; usage unknown (the answer reports no token counts)', () => {
    expect(fromNovaEmbeddings([answer, truncated], { input: ['a', 'b'] }, MODEL)).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: answer.embeddings[0].embedding, index: 0 },
        { object: 'embedding', embedding: truncated.embeddings[0].embedding, index: 1 },
      ],
      model: MODEL,
      usage: { prompt_tokens: null, total_tokens: null },
    });
  });

  test("usage sums each call's X-Amzn-Bedrock-Input-Token-Count, or is null unless every call sent one", () => {
    expect(fromNovaEmbeddings([answer, truncated], { input: ['a', 'b'] }, MODEL, [5, 8]).usage).toEqual({ prompt_tokens: 13, total_tokens: 13 });
    expect(fromNovaEmbeddings([answer, truncated], { input: ['a', 'b'] }, MODEL, [5, null]).usage).toEqual({ prompt_tokens: null, total_tokens: null });
    expect(fromNovaEmbeddings([answer, truncated], { input: ['a', 'b'] }, MODEL, [5]).usage).toEqual({ prompt_tokens: null, total_tokens: null });
  });

  test('base64 as OpenAI encodes it', () => {
    expect(fromNovaEmbeddings([answer], { input: 'a', encoding_format: 'base64' }, MODEL).data[0].embedding).toBe(encodeEmbedding(answer.embeddings[0].embedding, 'base64'));
  });

  test('an answer without an embedding list is a 502', () => {
    expect(gatewayErrorOf(() => fromNovaEmbeddings([{ embeddings: [] }], { input: 'a' }, MODEL))).toMatchObject({ status: 502 });
    expect(gatewayErrorOf(() => fromNovaEmbeddings([{ embedding: [0.1] }], { input: 'a' }, MODEL))).toMatchObject({ status: 502 });
  });
});
