/** A stream's tokens: the usage it reported, else an estimate from the request and what it generated. */
import type { EndpointLimiter } from '../../../src/limits/limiter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerEstimate, generatedTokenEighths, meterStream, requestTokenEighths, StreamTokens, tokenEighthsOf, tokensOfEighths } from '../../../src/limits/stream-tokens';
import { CallAbort } from '../../../src/providers/abort';

function recordingLimiter(): { limiter: EndpointLimiter; recorded: number[] } {
  const recorded: number[] = [];
  return { recorded, limiter: { admit: async () => true, giveBack: () => undefined, recordTokens: (tokens: number) => recorded.push(tokens), countsTokens: true, counterKeys: ['{e}:tokens:60000'] } };
}

const chatChunk = (delta: Record<string, unknown>) => ({ choices: [{ index: 0, delta, finish_reason: null }] });

const estimatedTokens = (text: string): number => tokensOfEighths(tokenEighthsOf(text));

/** Realistic texts with the tokens OpenAI's o200k_base and cl100k_base tokenizers count for them (see the folder's README). */
const TEXTS: { name: string; text: string; o200k: number; cl100k: number }[] = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/tokenizer/token-counts.json'), 'utf8'),
);

/** The estimate aims a little above what o200k counts (counting low lets a client spend past a limit), and not far. */
const inBand = (estimate: number, o200k: number): boolean => estimate >= o200k && estimate <= 1.5 * o200k;

describe('the estimate', () => {
  test.each(TEXTS)('$name: from o200k_base’s count ($o200k) to 1.5 × it', ({ text, o200k }) => {
    const estimate = estimatedTokens(text);
    expect({ estimate, inBand: inBand(estimate, o200k) }).toEqual({ estimate, inBand: true });
  });

  test('four characters a token misses the band on most of the texts: code, JSON, tables, emoji and every script but Latin', () => {
    const missed = TEXTS.filter(({ text, o200k }) => !inBand(Math.ceil(text.length / 4), o200k)).map(({ name }) => name);
    expect(missed).toEqual([
      'Chinese',
      'Japanese',
      'Korean',
      'Russian',
      'Greek',
      'Arabic',
      'Hebrew',
      'Hindi',
      'Thai',
      'TypeScript',
      'JSON, compact (tool-call arguments)',
      'Markdown table',
      'Chinese and English mixed',
      'emoji in a chat message',
    ]);
  });

  test('in eighths of a token: a quarter per ASCII letter or space, half per digit, five eighths per other ASCII character, an eighth per whitespace after whitespace; by script beyond ASCII; rounded up', () => {
    expect(['', 'a', 'abcd', 'abcde', 'a b ', 'a\n', '{}', '2025', 'é', 'жж', '字', '字字', '😀'].map(estimatedTokens)).toEqual([0, 1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 2, 2]);
    expect(tokenEighthsOf('Ab 9;\né字한ｱ😀ж')).toEqual(2 + 2 + 2 + 4 + 5 + 5 + 4 + 8 + 6 + 8 + 8 + 8 + 3);
    expect(tokenEighthsOf('a\n        b')).toEqual(2 + 5 + 8 * 1 + 2);
    expect(tokenEighthsOf('  \t\r\n')).toEqual(2 + 4 * 1);
  });

  test("a request's token eighths are its strings' (any depth), data URLs left out", () => {
    const request = {
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(10_000)}` } }] },
        // A URL's scheme is case-insensitive: an upper-case data URL is an image too.
        { role: 'user', content: [{ type: 'image_url', image_url: { url: `DATA:image/png;BASE64,${'A'.repeat(10_000)}` } }] },
      ],
      tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object' } } }],
      max_tokens: 100,
    };
    // user + text + What is this? + image_url + user + image_url + function + look + object
    expect(requestTokenEighths(request)).toBe(8 + 8 + (24 + 5) + (16 + 5) + 8 + (16 + 5) + 16 + 8 + 12);
  });

  test("a completions prompt's token ids are a token each", () => {
    expect(requestTokenEighths({ prompt: [1212, 318, 257], max_tokens: 16 })).toBe(3 * 8);
    expect(requestTokenEighths({ prompt: [[1212, 318], [257]], model: 'gpt' })).toBe(3 * 8 + 6);
  });

  test('a deeply nested or very long request is read without overflowing the stack', () => {
    let nested: unknown = 'abcd';
    for (let depth = 0; depth < 200_000; depth += 1) nested = [nested];
    expect(requestTokenEighths(nested)).toBe(8);
    expect(requestTokenEighths(new Array(300_000).fill('ab'))).toBe(1_200_000);
  });

  test('generated: completions text, chat content, refusal, reasoning, tool-call names and arguments', () => {
    expect(generatedTokenEighths({ choices: [{ index: 0, text: 'Once upon', finish_reason: null }] })).toBe(18);
    expect(generatedTokenEighths(chatChunk({ role: 'assistant', content: 'Hi', refusal: 'No', reasoning_content: 'Hmm' }))).toBe(14);
    expect(generatedTokenEighths(chatChunk({ content: '你好' }))).toBe(16);
    expect(generatedTokenEighths(chatChunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }] }))).toBe(25 + 28);
    expect(generatedTokenEighths({ choices: [], usage: { total_tokens: 3 } })).toBe(0);
  });
});

describe('answerEstimate', () => {
  const sent = { messages: [{ role: 'user', content: 'Tell me a story' }] };
  const message = (fields: Record<string, unknown>) => ({ choices: [{ index: 0, message: { role: 'assistant', ...fields }, finish_reason: 'stop' }], usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null } });

  test("an answer without usage: the prompt estimated from the request plus its message's text, refusal, reasoning and tool calls", () => {
    // Prompt: 19 letters and spaces, 38 eighths, 5 tokens.
    expect(answerEstimate(message({ content: 'Hi', refusal: 'No', reasoning_content: 'Hmm' }), sent)).toEqual({ prompt: 5, completion: 2, total: 7 });
    const toolCall = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } };
    expect(answerEstimate(message({ content: null, tool_calls: [toolCall] }), sent)).toEqual({ prompt: 5, completion: 7, total: 12 });
  });

  test('completions text; embeddings generate nothing', () => {
    expect(answerEstimate({ choices: [{ index: 0, text: 'Once upon', finish_reason: 'stop' }], usage: {} }, { prompt: 'Tell me a story' })).toEqual({ prompt: 4, completion: 3, total: 7 });
    expect(answerEstimate({ object: 'list', data: [{ embedding: [0.5] }], usage: { prompt_tokens: null, total_tokens: null } }, { input: ['abcd', 'efgh'] })).toEqual({ prompt: 2, completion: 0, total: 2 });
  });

  test('a usage with prompt_tokens alone stands for the prompt, read from no request', () => {
    const answer = { ...message({ content: 'abcdefgh' }), usage: { prompt_tokens: 7, completion_tokens: null, total_tokens: null } };
    expect(answerEstimate(answer, { messages: [{ role: 'user', content: 'x'.repeat(4_000) }] })).toEqual({ prompt: 7, completion: 2, total: 9 });
  });

  test('prompt_tokens: 0 alone is a placeholder, as a total of 0 is: the prompt is estimated from the request', () => {
    const answer = { ...message({ content: 'abcdefgh' }), usage: { prompt_tokens: 0, completion_tokens: null, total_tokens: null } };
    expect(answerEstimate(answer, sent)).toEqual({ prompt: 5, completion: 2, total: 7 });
  });
});

describe('StreamTokens', () => {
  test('a stream that reported no usage: the prompt estimated from the request plus what it generated', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'Tell me a story' }] });
    expect(tokens.total()).toBeNull();
    tokens.observe(chatChunk({ role: 'assistant', content: 'Once upon a time' }));
    tokens.observe(chatChunk({ content: ', there' }));
    // Prompt: 19 letters and spaces, 38 eighths, 5 tokens; completion: 22 letters and spaces and a comma, 49 eighths, 7 tokens.
    expect(tokens.estimate()).toEqual({ prompt: 5, completion: 7, total: 12 });
    expect(tokens.total()).toBe(12);
  });

  test('reported usage always wins, also over chunks after it', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'x'.repeat(4_000) }] });
    tokens.observe(chatChunk({ content: 'Hello' }));
    tokens.observe({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 } });
    expect(tokens.estimate()).toBeNull();
    expect(tokens.total()).toBe(3);
  });

  test('a usage with prompt_tokens alone: that prompt plus the estimate of all that was generated, until a whole usage comes', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'x'.repeat(4_000) }] });
    tokens.observe({ choices: [], usage: { prompt_tokens: 7, completion_tokens: null } });
    tokens.observe(chatChunk({ content: 'abcdefgh' }));
    expect(tokens.estimate()).toEqual({ prompt: 7, completion: 2, total: 9 });
    tokens.observe({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 3 } });
    expect(tokens.estimate()).toBeNull();
    expect(tokens.total()).toBe(10);
  });

  test('a first chunk with prompt_tokens: 0 alone is no count: the prompt is estimated from the request', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'Tell me a story' }] });
    tokens.observe({ choices: [], usage: { prompt_tokens: 0 } });
    tokens.observe(chatChunk({ content: 'abcdefgh' }));
    expect(tokens.estimate()).toEqual({ prompt: 5, completion: 2, total: 7 });
  });

  test('no chunk yet: the prompt once the latest attempt was sent, nothing before nor when the provider refused it', () => {
    const call = new CallAbort();
    const tokens = new StreamTokens({ prompt: 'abcd' });
    tokens.watch(call);
    expect(tokens.total()).toBeNull();
    call.request = 'sent';
    expect(tokens.estimate()).toEqual({ prompt: 1, completion: 0, total: 1 });
    call.request = 'refused';
    expect(tokens.total()).toBeNull();
  });

  test('retries: the prompt once when any attempt was sent and not refused, also when a later one was; nothing when every sent one was refused', () => {
    const attempts = (fates: ('unsent' | 'sent' | 'refused')[]) => {
      const call = new CallAbort();
      const tokens = new StreamTokens({ prompt: 'abcd' });
      for (const fate of fates) {
        tokens.watch(call);
        call.request = fate === 'unsent' ? call.request : fate;
      }
      return tokens.total();
    };
    expect([['sent', 'refused'], ['sent', 'unsent', 'refused'], ['sent', 'sent'], ['refused', 'sent'], ['refused', 'refused'], ['refused', 'unsent']].map((fates) => attempts(fates as never))).toEqual([1, 1, 1, 1, null, null]);
  });
});

describe('meterStream', () => {
  test('adds the last usage reported to each limiter, also when the consumer stops early', async () => {
    const endpoint = recordingLimiter();
    const client = recordingLimiter();
    async function* chunks() {
      yield { usage: { total_tokens: 3 } };
      yield { choices: [] };
      yield { usage: { total_tokens: 9 } };
      yield { choices: [] };
    }
    const seen: unknown[] = [];
    for await (const chunk of meterStream(chunks(), [endpoint.limiter, client.limiter], new StreamTokens({}))) seen.push(chunk);
    expect(seen).toHaveLength(4);
    expect(endpoint.recorded).toEqual([9]);
    expect(client.recorded).toEqual([9]);
    for await (const _chunk of meterStream(chunks(), [endpoint.limiter], new StreamTokens({}))) break;
    expect(endpoint.recorded).toEqual([9, 3]);
  });

  test('a stream that fails or is left before its usage adds its estimate; one that never started adds nothing', async () => {
    const { limiter, recorded } = recordingLimiter();
    async function* cut() {
      yield chatChunk({ role: 'assistant', content: 'abcdefgh' });
      throw new Error('upstream closed the connection');
    }
    await expect(
      (async () => {
        for await (const _chunk of meterStream(cut(), [limiter], new StreamTokens({ prompt: 'abcd' })));
      })(),
    ).rejects.toThrow('upstream closed the connection');
    expect(recorded).toEqual([1 + 2]);
    for await (const _chunk of meterStream(cut(), [limiter], new StreamTokens({ prompt: 'abcd' }))) break;
    expect(recorded).toEqual([3, 3]);
    async function* failsAtOnce(): AsyncGenerator<unknown> {
      throw new Error('refused');
    }
    await expect(
      (async () => {
        for await (const _chunk of meterStream(failsAtOnce(), [limiter], new StreamTokens({ prompt: 'abcd' })));
      })(),
    ).rejects.toThrow('refused');
    expect(recorded).toEqual([3, 3]);
  });
});
