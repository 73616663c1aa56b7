import { GatewayError } from '../../../../src/errors';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import {
  createCohereCompletionsStream,
  createTitanCompletionsStream,
  fromCohereCompletions,
  fromCohereEmbeddings,
  fromJambaCompletions,
  fromJurassicCompletions,
  fromTitanCompletions,
  fromTitanEmbeddings,
  mapBedrockCohereFinishReason,
  mapTitanCompletionReason,
  toCohereCompletions,
  toCohereEmbedV4Embeddings,
  toCohereEmbeddings,
  toJambaCompletions,
  toJurassicCompletions,
  toTitanCompletions,
  toTitanEmbeddings,
  toTitanMultimodalEmbeddings,
} from '../../../../src/providers/bedrock/invoke-model';
import { mapCohereFinishReason } from '../../../../src/providers/cohere/response';
import { encodeEmbedding } from '../../../../src/providers/shared/embeddings';
import type { CompletionsChunk } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';
import { readJsonFixture } from '../../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../../support/long-value';

const titan = resolveBedrockFamily('amazon.titan-text-express-v1');
const cohere = resolveBedrockFamily('cohere.command-text-v14');
const jurassic = resolveBedrockFamily('ai21.j2-ultra-v1');
const jamba = resolveBedrockFamily('ai21.jamba-1-5-mini-v1:0');
const titanEmbed = resolveBedrockFamily('amazon.titan-embed-text-v2:0');
const titanMultimodalEmbed = resolveBedrockFamily('amazon.titan-embed-image-v1');
const cohereEmbed = resolveBedrockFamily('cohere.embed-english-v3');
const context = { id: 'req-2', model: 'm', created: 1_700_000_000 };

const nativeChunks = (name: string) => readJsonFixture<{ body: unknown }[]>('bedrock', name).map(({ body }) => body);
const fold = (stream: { event(e: unknown): CompletionsChunk[]; end(): CompletionsChunk[] }, chunks: unknown[]) => [...chunks.flatMap((chunk) => stream.event(chunk)), ...stream.end()];

describe('Amazon Titan Text', () => {
  test('body: inputText and textGenerationConfig with the renamed parameters, temperature halved', () => {
    expect(toTitanCompletions({ prompt: 'Hi', temperature: 1.4, top_p: 0.9, max_tokens: 50, stop: ['User:'] }, titan)).toEqual({
      inputText: 'Hi',
      textGenerationConfig: { temperature: 0.7, topP: 0.9, maxTokenCount: 50, stopSequences: ['User:'] },
    });
    expect(toTitanCompletions({ prompt: 'Hi' }, titan)).toEqual({ inputText: 'Hi' });
    expect(toTitanCompletions({ prompt: 'Hi', max_completion_tokens: 50 }, titan)).toEqual({ inputText: 'Hi', textGenerationConfig: { maxTokenCount: 50 } });
  });

  test('n above 1 and unknown parameters are 400s', () => {
    expect(gatewayErrorOf(() => toTitanCompletions({ prompt: 'Hi', n: 2 }, titan))).toMatchObject({ status: 400, param: 'n' });
    expect(gatewayErrorOf(() => toTitanCompletions({ prompt: 'Hi', top_k: 5 }, titan))).toMatchObject({ status: 400, param: 'top_k', message: "The parameter 'top_k' is not supported by Amazon Bedrock (Amazon Titan Text)." });
  });

  test('answer and stream', () => {
    expect(fromTitanCompletions(readJsonFixture('bedrock', 'titan-text.response.json'), context)).toEqual({
      id: 'req-2',
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'm',
      choices: [{ index: 0, text: '\nVoilà un café 🙂 Bonne journée à vous.', finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 14, total_tokens: 23 },
    });
    const chunks = fold(createTitanCompletionsStream(context), nativeChunks('titan-text.events.json'));
    expect(chunks.map((chunk) => [chunk.choices[0].text, chunk.choices[0].finish_reason])).toEqual([
      ['\nVoilà un', null],
      [' café 🙂', null],
      [' Bonne journée.', 'stop'],
    ]);
    expect(chunks[2].usage).toEqual({ prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 });
  });

  test('a stream without a completion reason was cut', () => {
    const stream = createTitanCompletionsStream(context);
    nativeChunks('titan-text.events.json').slice(0, 2).forEach((chunk) => stream.event(chunk));
    expect(() => stream.end()).toThrow(GatewayError);
  });

  test.each([
    ['FINISH', 'stop'],
    ['LENGTH', 'length'],
    ['STOP_CRITERIA_MET', 'stop'],
    ['CONTENT_FILTERED', 'content_filter'],
    [null, null],
  ])('completion reason %s is %s', (reason, unified) => {
    expect(mapTitanCompletionReason(reason)).toBe(unified);
  });
});

describe('Cohere Command', () => {
  test('body: MLflow names, temperature × 2.5, stream only when streaming', () => {
    expect(toCohereCompletions({ prompt: 'Hi', temperature: 0.4, top_p: 0.8, top_k: 5, max_tokens: 30, stop: ['\n'], n: 2 }, cohere, { stream: false })).toEqual({
      prompt: 'Hi',
      temperature: 1,
      p: 0.8,
      k: 5,
      max_tokens: 30,
      stop_sequences: ['\n'],
      num_generations: 2,
    });
    expect(toCohereCompletions({ prompt: 'Hi', stream: true }, cohere, { stream: true })).toEqual({ prompt: 'Hi', stream: true });
  });

  test('native names are refused with 400, as MLflow does', () => {
    expect(gatewayErrorOf(() => toCohereCompletions({ prompt: 'Hi', num_generations: 2 }, cohere, { stream: false }))).toMatchObject({
      status: 400,
      message: 'Invalid parameter num_generations. Use n instead.',
    });
  });

  test('answer and stream', () => {
    expect(fromCohereCompletions(readJsonFixture('bedrock', 'cohere-command.response.json'), context).choices).toEqual([
      { index: 0, text: ' Voilà un café 🙂', finish_reason: 'stop' },
      { index: 1, text: ' Un thé, peut-être', finish_reason: 'length' },
    ]);
    const chunks = fold(createCohereCompletionsStream(context), nativeChunks('cohere-command.events.json'));
    expect(chunks.map((chunk) => [chunk.choices[0].text, chunk.choices[0].finish_reason])).toEqual([
      [' Voilà', null],
      [' un café', null],
      [' 🙂', null],
      [null, 'stop'],
    ]);
    expect(chunks[3].usage).toEqual({ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 });
  });

  test('ERROR_LIMIT (the token limit was hit) is length, answered and streamed, as from Cohere itself', () => {
    expect(fromCohereCompletions(readJsonFixture('bedrock', 'cohere-command-limit.response.json'), context).choices).toEqual([
      { index: 0, text: ' Un café, un croissant, et puis', finish_reason: 'length' },
    ]);
    const chunks = fold(createCohereCompletionsStream(context), nativeChunks('cohere-command-limit.events.json'));
    expect(chunks.map((chunk) => chunk.choices[0].finish_reason)).toEqual([null, null, null, 'length']);
  });

  test.each([
    ['COMPLETE', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['ERROR_LIMIT', 'length'],
    ['ERROR_TOXIC', 'content_filter'],
    ['A_REASON_ADDED_LATER', 'stop'],
  ])('%s is %s on Bedrock and from Cohere alike', (reason, expected) => {
    expect([mapBedrockCohereFinishReason(reason), mapCohereFinishReason(reason)]).toEqual([expected, expected]);
  });

  test('finish_reason ERROR (the generation failed) is a 502, in an answer and at the end of a stream, as from Cohere itself', () => {
    const failed = `Amazon Bedrock's Cohere Command reported an error while generating (finish_reason ERROR).`;
    expect(gatewayErrorOf(() => fromCohereCompletions({ generations: [{ text: ' Voilà', finish_reason: 'COMPLETE' }, { text: ' Un', finish_reason: 'ERROR' }] }, context))).toMatchObject({
      status: 502,
      message: failed,
      retryable: false,
    });
    const stream = createCohereCompletionsStream(context);
    expect(stream.event({ text: ' Voilà', is_finished: false })).toHaveLength(1);
    expect(gatewayErrorOf(() => stream.event({ is_finished: true, finish_reason: 'ERROR' }))).toMatchObject({ status: 502, message: failed });
  });
});

describe('AI21', () => {
  test('Jurassic-2 body and answer; native names are 422s', () => {
    expect(toJurassicCompletions({ prompt: 'Hi', temperature: 0.7, top_p: 0.9, max_tokens: 20, stop: ['##'], n: 2 }, jurassic)).toEqual({
      prompt: 'Hi',
      temperature: 0.7,
      topP: 0.9,
      maxTokens: 20,
      stopSequences: ['##'],
      numResults: 2,
    });
    expect(gatewayErrorOf(() => toJurassicCompletions({ prompt: 'Hi', maxTokens: 5 }, jurassic))).toMatchObject({ status: 422, message: 'Invalid parameter maxTokens. Use max_tokens instead.' });
    expect(fromJurassicCompletions(readJsonFixture('bedrock', 'ai21-jurassic.response.json'), context).choices).toEqual([
      { index: 0, text: ' How about a café au lait?', finish_reason: 'stop' },
      { index: 1, text: ' A glass of cold', finish_reason: 'length' },
    ]);
  });

  test('Jamba body and answer with usage', () => {
    expect(toJambaCompletions({ prompt: 'Hi', temperature: 1.5, max_tokens: 20, stop: 'END' }, jamba)).toEqual({
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 1.5,
      max_tokens: 20,
      stop: ['END'],
    });
    const response = fromJambaCompletions(readJsonFixture('bedrock', 'ai21-jamba.response.json'), context);
    expect(response.choices).toEqual([{ index: 0, text: 'How about a café au lait? ☕', finish_reason: 'stop' }]);
    expect(response.usage).toEqual({ prompt_tokens: 14, completion_tokens: 9, total_tokens: 23 });
  });

  test("Jamba's finish reasons in OpenAI's set: length kept, one added later is stop", () => {
    const reasonOf = (finish_reason: string | null) => fromJambaCompletions({ choices: [{ message: { content: 'Fini.' }, finish_reason }] }, context).choices[0].finish_reason;
    expect([reasonOf('stop'), reasonOf('length'), reasonOf('a_reason_added_later'), reasonOf(null)]).toEqual(['stop', 'length', 'stop', null]);
  });

  test('an answer without its list is a 502', () => {
    expect(gatewayErrorOf(() => fromJurassicCompletions({ detail: 'odd' }, context)).status).toBe(502);
  });
});

describe('usage from the token-count headers, where the answer body counts none', () => {
  const headers = { input: 7, output: 12 };

  test('Jurassic-2 and Cohere Command (no counts in the body): usage from the headers, null without them', () => {
    const jurassicAnswer = readJsonFixture('bedrock', 'ai21-jurassic.response.json');
    const cohereAnswer = readJsonFixture('bedrock', 'cohere-command.response.json');
    expect(fromJurassicCompletions(jurassicAnswer, context, headers).usage).toEqual({ prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 });
    expect(fromCohereCompletions(cohereAnswer, context, headers).usage).toEqual({ prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 });
    expect(fromJurassicCompletions(jurassicAnswer, context).usage).toEqual({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
    expect(fromCohereCompletions(cohereAnswer, context, { input: 7, output: null }).usage).toEqual({ prompt_tokens: 7, completion_tokens: null, total_tokens: null });
  });

  test("Titan Text and Jamba: the body's counts win; a count the body lacks comes from the headers", () => {
    expect(fromTitanCompletions(readJsonFixture('bedrock', 'titan-text.response.json'), context, { input: 99, output: 99 }).usage).toEqual({ prompt_tokens: 9, completion_tokens: 14, total_tokens: 23 });
    expect(fromJambaCompletions(readJsonFixture('bedrock', 'ai21-jamba.response.json'), context, { input: 99, output: 99 }).usage).toEqual({ prompt_tokens: 14, completion_tokens: 9, total_tokens: 23 });
    const titanWithoutOutputCount = { inputTextTokenCount: 9, results: [{ outputText: 'Hello', completionReason: 'FINISH' }] };
    expect(fromTitanCompletions(titanWithoutOutputCount, context, headers).usage).toEqual({ prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 });
    expect(fromJambaCompletions({ choices: [{ message: { content: 'Hi' }, finish_reason: 'stop' }] }, context, headers).usage).toEqual({ prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 });
  });
});

describe('embeddings', () => {
  test('Titan: one body per text; vectors in input order; usage sums the input tokens', () => {
    expect(toTitanEmbeddings({ input: ['a', 'b'], dimensions: 256 }, titanEmbed)).toEqual([
      { inputText: 'a', dimensions: 256 },
      { inputText: 'b', dimensions: 256 },
    ]);
    const answer = readJsonFixture<{ embedding: number[] }>('bedrock', 'titan-embed.response.json');
    const response = fromTitanEmbeddings([answer, answer], { input: ['a', 'b'] }, 'amazon.titan-embed-text-v2:0');
    expect(response).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: answer.embedding, index: 0 },
        { object: 'embedding', embedding: answer.embedding, index: 1 },
      ],
      model: 'amazon.titan-embed-text-v2:0',
      usage: { prompt_tokens: 12, total_tokens: 12 },
    });
  });

  test('Titan Multimodal Embeddings G1: dimensions go as embeddingConfig.outputEmbeddingLength, the only size field it takes', () => {
    // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-mm.html
    expect(titanMultimodalEmbed.label).toBe('Amazon Titan Multimodal Embeddings');
    expect(toTitanMultimodalEmbeddings({ input: ['a', 'b'], dimensions: 384 }, titanMultimodalEmbed)).toEqual([
      { inputText: 'a', embeddingConfig: { outputEmbeddingLength: 384 } },
      { inputText: 'b', embeddingConfig: { outputEmbeddingLength: 384 } },
    ]);
    expect(toTitanMultimodalEmbeddings({ input: 'a' }, titanMultimodalEmbed)).toEqual([{ inputText: 'a' }]);
    // The text model's `normalize` and any size but 256, 384 and 1024 are AWS ValidationExceptions: refused before any call.
    expect(gatewayErrorOf(() => toTitanMultimodalEmbeddings({ input: 'a', normalize: true }, titanMultimodalEmbed))).toMatchObject({ status: 400, param: 'normalize' });
    expect(gatewayErrorOf(() => toTitanMultimodalEmbeddings({ input: 'a', dimensions: 512 }, titanMultimodalEmbed))).toMatchObject({ status: 400, param: 'dimensions' });
    expect(gatewayErrorOf(() => toTitanMultimodalEmbeddings({ input: 'a', dimensions: LONG_VALUE as never }, titanMultimodalEmbed))).toMatchObject({
      message: `dimensions: Amazon Titan Multimodal Embeddings on Amazon Bedrock takes 256, 384, 1024, not ${LONG_VALUE_CUT}.`,
    });
  });

  test('`stream: false` is left out of an embeddings request (its answer is never streamed); `stream: true` is a 400 naming it', () => {
    expect(toTitanEmbeddings({ input: 'a', stream: false }, titanEmbed)).toEqual([{ inputText: 'a' }]);
    expect(toCohereEmbeddings({ input: 'a', stream: false }, cohereEmbed)).toEqual({ texts: ['a'], input_type: 'search_document' });
    expect(gatewayErrorOf(() => toTitanEmbeddings({ input: 'a', stream: true }, titanEmbed))).toMatchObject({
      status: 400,
      param: 'stream',
      message: "The parameter 'stream' is not supported by Amazon Bedrock (Amazon Titan Embeddings).",
    });
  });

  test('Cohere: one body with all texts and input_type; both answer shapes read', () => {
    expect(toCohereEmbeddings({ input: 'a' }, cohereEmbed)).toEqual({ texts: ['a'], input_type: 'search_document' });
    expect(toCohereEmbeddings({ input: ['a'], input_type: 'classification', truncate: 'END' }, cohereEmbed)).toEqual({ texts: ['a'], input_type: 'classification', truncate: 'END' });
    const fixture = readJsonFixture<{ embeddings: number[][] }>('bedrock', 'cohere-embed.response.json');
    expect(fromCohereEmbeddings(fixture, { input: ['a', 'b'] }, 'c').data.map((item) => item.embedding)).toEqual(fixture.embeddings);
    expect(fromCohereEmbeddings({ embeddings: { float: fixture.embeddings } }, { input: ['a', 'b'] }, 'c').data).toHaveLength(2);
    expect(fromCohereEmbeddings(fixture, { input: ['a', 'b'] }, 'c').usage).toEqual({ prompt_tokens: null, total_tokens: null });
  });

  test("usage where the body counts no tokens: the call's X-Amzn-Bedrock-Input-Token-Count; a body count is kept", () => {
    const cohere = readJsonFixture<{ embeddings: number[][] }>('bedrock', 'cohere-embed.response.json');
    expect(fromCohereEmbeddings(cohere, { input: ['a', 'b'] }, 'c', 7).usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
    const titan = readJsonFixture<{ embedding: number[] }>('bedrock', 'titan-embed.response.json');
    const { inputTextTokenCount: _count, ...uncounted } = titan as { embedding: number[]; inputTextTokenCount?: number };
    // The body's 6 stays for the first answer; the second, without one, takes its header's 4.
    expect(fromTitanEmbeddings([titan, uncounted], { input: ['a', 'b'] }, 't', [99, 4]).usage).toEqual({ prompt_tokens: 10, total_tokens: 10 });
    expect(fromTitanEmbeddings([titan, uncounted], { input: ['a', 'b'] }, 't', [99, null]).usage).toEqual({ prompt_tokens: null, total_tokens: null });
  });

  test('base64 is little-endian float32, as OpenAI encodes it', () => {
    const encoded = encodeEmbedding([0.5, -1.25], 'base64') as string;
    const bytes = Buffer.from(encoded, 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4)]).toEqual([0.5, -1.25]);
  });

  test('token ids, unknown encodings and unknown parameters are 400s', () => {
    expect(gatewayErrorOf(() => toTitanEmbeddings({ input: [1, 2, 3] }, titanEmbed))).toMatchObject({ status: 400, param: 'input' });
    expect(gatewayErrorOf(() => toCohereEmbeddings({ input: 'a', encoding_format: 'int8' }, cohereEmbed))).toMatchObject({ status: 400, param: 'encoding_format' });
    expect(gatewayErrorOf(() => toCohereEmbeddings({ input: 'a', dimensions: 256 }, cohereEmbed))).toMatchObject({ status: 400, param: 'dimensions' });
  });
});

describe('Cohere Embed v4 (model-parameters-embed-v4.html)', () => {
  const v4 = resolveBedrockFamily('cohere.embed-v4:0');

  test('dimensions go as output_dimension, float embeddings are asked for, v3 truncate names become v4 ones', () => {
    expect(toCohereEmbedV4Embeddings({ input: ['un café', 'a cup of tea'], dimensions: 512, truncate: 'END', input_type: 'search_query' }, v4)).toEqual({
      texts: ['un café', 'a cup of tea'],
      input_type: 'search_query',
      embedding_types: ['float'],
      output_dimension: 512,
      truncate: 'RIGHT',
    });
    expect(toCohereEmbedV4Embeddings({ input: 'a' }, v4)).toEqual({ texts: ['a'], input_type: 'search_document', embedding_types: ['float'] });
  });

  test('a dimension v4 does not offer is a 400 naming it', () => {
    expect(gatewayErrorOf(() => toCohereEmbedV4Embeddings({ input: 'a', dimensions: 300 }, v4))).toMatchObject({ status: 400, param: 'dimensions' });
    expect(gatewayErrorOf(() => toCohereEmbedV4Embeddings({ input: 'a', dimensions: [LONG_VALUE] as never }, v4))).toMatchObject({
      message: `dimensions: Cohere Embed v4 on Amazon Bedrock takes 256, 512, 1024, 1536, not ["${'x'.repeat(78)}… (100004 characters).`,
    });
  });

  test('the by-type answer is read', () => {
    const answer = { id: 'e1', embeddings: { float: [[0.1, -0.2], [0.3, 0.4]] }, response_type: 'embeddings_by_type', texts: ['un café', 'a cup of tea'] };
    expect(fromCohereEmbeddings(answer, { input: ['un café', 'a cup of tea'] }, 'cohere.embed-v4:0').data.map((item) => item.embedding)).toEqual([
      [0.1, -0.2],
      [0.3, 0.4],
    ]);
  });
});
