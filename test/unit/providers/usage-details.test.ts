/**
 * Token usage details per provider: `prompt_tokens_details.cached_tokens` (and, for vendors that count
 * cache writes, `cache_creation_tokens`) and `completion_tokens_details.reasoning_tokens`, in answers
 * and on the usage chunk of streams, only when the vendor reported such counts. Anthropic and Bedrock
 * leave cache reads and writes out of their input count, so `prompt_tokens` adds them.
 */
import type { ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createAnthropicChatStream, fromAnthropicChat } from '../../../src/providers/anthropic';
import { createConverseChatStream, fromConverseChat, fromConverseUsage } from '../../../src/providers/bedrock/converse';
import { createGeminiChatStream, fromGeminiChat, fromGeminiUsage } from '../../../src/providers/gemini';
import { createOpenAIChatStream, fromOpenAIChat } from '../../../src/providers/openai';
import { fromOpenAIUsage } from '../../../src/providers/openai/response';
import type { ChatChunk } from '../../../src/schema';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit } from '../../support/stream-replay';

const lastUsage = (chunks: ChatChunk[]) => chunks.filter((chunk) => chunk.usage).at(-1)?.usage;

describe('OpenAI and OpenAI-compatible servers: the details objects are passed on as sent', () => {
  const OPENAI_DETAILS = {
    prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };

  it('an answer with a cached prompt prefix and reasoning tokens', () => {
    expect(fromOpenAIChat(readJsonFixture('openai', 'chat-cached-reasoning.response.json')).usage).toEqual({ prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306, ...OPENAI_DETAILS });
  });

  it('the usage-only last chunk of a stream with include_usage, at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('openai', 'chat-cached-reasoning.stream.sse'), createOpenAIChatStream);
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
    expect(lastUsage(chunks)).toEqual({ prompt_tokens: 2006, completion_tokens: 236, total_tokens: 2242, ...OPENAI_DETAILS });
  });

  it("a vendor's own counts inside the details are kept (xAI's text_tokens, image_tokens)", () => {
    // https://docs.x.ai/developers/advanced-api-usage/prompt-caching/usage-and-pricing
    const prompt = { text_tokens: 125, audio_tokens: 0, image_tokens: 0, cached_tokens: 98 };
    expect(fromOpenAIUsage({ prompt_tokens: 125, completion_tokens: 48, total_tokens: 173, prompt_tokens_details: prompt }).prompt_tokens_details).toEqual(prompt);
  });

  it("DeepSeek's documented prompt_cache_hit_tokens becomes cached_tokens when there is no prompt_tokens_details", () => {
    // Usage as in https://api-docs.deepseek.com/api/create-chat-completion (prompt_tokens = hit + miss).
    const usage = { prompt_tokens: 1313, completion_tokens: 412, total_tokens: 1725, prompt_cache_hit_tokens: 1280, prompt_cache_miss_tokens: 33, completion_tokens_details: { reasoning_tokens: 358 } };
    expect(fromOpenAIUsage(usage)).toEqual({
      prompt_tokens: 1313,
      completion_tokens: 412,
      total_tokens: 1725,
      prompt_tokens_details: { cached_tokens: 1280 },
      completion_tokens_details: { reasoning_tokens: 358 },
    });
    expect(fromOpenAIUsage({ ...usage, prompt_tokens_details: { cached_tokens: 1280 } }).prompt_tokens_details).toEqual({ cached_tokens: 1280 });
  });

  it('a missing total is added up only from both counts: a usage with prompt_tokens alone is partial (the prompt sent first), not a total', () => {
    expect(fromOpenAIUsage({ prompt_tokens: 5, completion_tokens: 2 })).toEqual({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 });
    expect(fromOpenAIUsage({ prompt_tokens: 5 })).toEqual({ prompt_tokens: 5, completion_tokens: null, total_tokens: null });
  });

  it('no details when the server sends none, or null (vLLM without prompt-caching stats)', () => {
    expect(fromOpenAIUsage({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 })).toEqual({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 });
    expect(fromOpenAIUsage({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7, prompt_tokens_details: null, completion_tokens_details: null })).toEqual({
      prompt_tokens: 5,
      completion_tokens: 2,
      total_tokens: 7,
    });
  });
});

describe('Anthropic: cache reads and writes are part of prompt_tokens and reported in its details', () => {
  const CACHED = { prompt_tokens: 189643, completion_tokens: 393, total_tokens: 190036, prompt_tokens_details: { cached_tokens: 188086, cache_creation_tokens: 1536 } };

  it('an answer', () => {
    expect(fromAnthropicChat(readJsonFixture('anthropic', 'chat-prompt-caching.response.json'), { now: () => 1 }).usage).toEqual(CACHED);
  });

  it('a stream: the finish chunk, at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('anthropic', 'chat-prompt-caching.stream.sse'), () => createAnthropicChatStream({ endpoint: 'claude', now: () => 1 }), { crlf: true });
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
    expect(lastUsage(chunks)).toEqual(CACHED);
  });

  it('a usage without cache counts (an older API version) gets no details', () => {
    const body = { id: 'msg_1', model: 'claude-x', role: 'assistant', content: [{ type: 'text', text: 'Hi' }], stop_reason: 'end_turn', usage: { input_tokens: 5, output_tokens: 2 } };
    expect(fromAnthropicChat(body, { now: () => 1 }).usage).toEqual({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 });
  });
});

describe('Gemini: cachedContentTokenCount and thoughtsTokenCount', () => {
  const CACHED = { prompt_tokens: 2239, completion_tokens: 263, total_tokens: 2502, prompt_tokens_details: { cached_tokens: 2027 }, completion_tokens_details: { reasoning_tokens: 211 } };
  const context = { model: 'gemini-2.5-flash', created: 1 };

  it('an answer (promptTokenCount already includes the cached content; thinking counts in completion_tokens)', () => {
    expect(fromGeminiChat(readJsonFixture('gemini', 'chat-cached.response.json'), context).usage).toEqual(CACHED);
  });

  it('a stream: the chunk with the finish, at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('gemini', 'chat-cached.stream.sse'), () => createGeminiChatStream({ ...context, endpointName: 'gem' }));
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
    expect(lastUsage(chunks)).toEqual(CACHED);
  });

  it('without totalTokenCount: the answer and the stream add the counts up (thinking included); without promptTokenCount it stays null', async () => {
    const answer = readJsonFixture<{ usageMetadata: Record<string, unknown> }>('gemini', 'chat-cached.response.json');
    delete answer.usageMetadata.totalTokenCount;
    expect(fromGeminiChat(answer, context).usage).toEqual(CACHED);
    const stream = readFixtureBytes('gemini', 'chat-cached.stream.sse').toString('utf8').replace(/"totalTokenCount": \d+,/g, '');
    const chunks = await replayEverySplit(Buffer.from(stream), () => createGeminiChatStream({ ...context, endpointName: 'gem' }));
    expect(lastUsage(chunks)).toEqual(CACHED);
    expect(fromGeminiUsage({ candidatesTokenCount: 3 })).toEqual({ prompt_tokens: null, completion_tokens: 3, total_tokens: null });
  });

  it('counts Gemini leaves out (zero) give no details', () => {
    expect(fromGeminiUsage({ promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 })).toEqual({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
  });
});

describe('Amazon Bedrock Converse: cacheReadInputTokens and cacheWriteInputTokens', () => {
  const CACHED = { prompt_tokens: 189643, completion_tokens: 393, total_tokens: 190036, prompt_tokens_details: { cached_tokens: 188086, cache_creation_tokens: 1536 } };
  const context = { id: 'req-1', model: 'anthropic.claude-sonnet-4-5-20250929-v1:0', created: 1 };
  const options = { thinkingBlocks: true };

  it('an answer: inputTokens plus the cache reads and writes is prompt_tokens', () => {
    expect(fromConverseChat(readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-prompt-caching.response.json'), context, options).usage).toEqual(CACHED);
  });

  it('a stream: the metadata event becomes the finish chunk usage', () => {
    const events = readJsonFixture<{ event: string; body: unknown }[]>('bedrock', 'converse-prompt-caching.events.json').map(({ event, body }) => ({ [event]: body }) as unknown as ConverseStreamOutput);
    const fold = createConverseChatStream(context, options);
    const chunks = [...events.flatMap((event) => fold.event(event)), ...fold.end()];
    expect(lastUsage(chunks)).toEqual(CACHED);
  });

  it('without totalTokens: the answer and the stream add the counts up, cache reads and writes included; without outputTokens it stays null', () => {
    const answer = readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-prompt-caching.response.json');
    delete answer.usage!.totalTokens;
    expect(fromConverseChat(answer, context, options).usage).toEqual(CACHED);
    const events = readJsonFixture<{ event: string; body: { usage?: Record<string, unknown> } }[]>('bedrock', 'converse-prompt-caching.events.json');
    for (const { body } of events) delete body.usage?.totalTokens;
    const fold = createConverseChatStream(context, options);
    const chunks = [...events.flatMap(({ event, body }) => fold.event({ [event]: body } as unknown as ConverseStreamOutput)), ...fold.end()];
    expect(lastUsage(chunks)).toEqual(CACHED);
    expect(fromConverseUsage({ inputTokens: 21, outputTokens: undefined, totalTokens: undefined })).toEqual({ prompt_tokens: 21, completion_tokens: null, total_tokens: null });
  });

  it('only the reported count is in the details; without either, no details', () => {
    expect(fromConverseUsage({ inputTokens: 10, outputTokens: 2, totalTokens: 1036, cacheReadInputTokens: 1024 })).toEqual({
      prompt_tokens: 1034,
      completion_tokens: 2,
      total_tokens: 1036,
      prompt_tokens_details: { cached_tokens: 1024 },
    });
    expect(fromConverseUsage({ inputTokens: 21, outputTokens: 16, totalTokens: 37 })).toEqual({ prompt_tokens: 21, completion_tokens: 16, total_tokens: 37 });
  });
});
