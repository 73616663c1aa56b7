/** A stream's tokens: the usage it reported, else an estimate from the request and what it generated. */
import type { EndpointLimiter } from '../../../src/limits/limiter';
import { generatedTokenQuarters, meterStream, requestTokenQuarters, StreamTokens, tokenQuartersOf, tokensOfQuarters } from '../../../src/limits/stream-tokens';
import { CallAbort } from '../../../src/providers/abort';

function recordingLimiter(): { limiter: EndpointLimiter; recorded: number[] } {
  const recorded: number[] = [];
  return { recorded, limiter: { admit: async () => true, giveBack: () => undefined, recordTokens: (tokens: number) => recorded.push(tokens), countsTokens: true } };
}

const chatChunk = (delta: Record<string, unknown>) => ({ choices: [{ index: 0, delta, finish_reason: null }] });

const estimatedTokens = (text: string): number => tokensOfQuarters(tokenQuartersOf(text));

/**
 * Realistic texts with the tokens OpenAI's o200k_base tokenizer (GPT-4o and later) counts for them,
 * measured with js-tiktoken 1.0.21. (GPT-4's cl100k_base counts as many for English, code and JSON,
 * about as many as the estimate for Chinese, Japanese and Russian, more for Hindi: 184.)
 */
const TEXTS: { name: string; text: string; o200k: number; estimate: number }[] = [
  {
    name: 'English prose',
    text: 'The gateway forwards each request to the provider named in its endpoint, retries a failed call when the error allows it, and counts the tokens the provider reports against the limits set in the config. A stream that ends early still counts what it used.',
    o200k: 49,
    estimate: 65,
  },
  {
    name: 'TypeScript',
    text: "export function retryDelay(attempt: number, baseMs = 250): number {\n  const jitter = Math.random() * baseMs;\n  return Math.min(30_000, baseMs * 2 ** attempt + jitter);\n}\n\nfor (const [index, item] of items.entries()) {\n  if (item.type === 'function_call') calls.push({ id: item.call_id, name: item.name });\n}\n",
    o200k: 86,
    estimate: 93,
  },
  {
    name: "a tool call's JSON arguments",
    text: '{"city":"São Paulo","unit":"celsius","days":[{"date":"2025-03-14","high":31,"low":22,"summary":"partly cloudy"},{"date":"2025-03-15","high":29,"low":21,"summary":"rain in the afternoon"}]}',
    o200k: 62,
    estimate: 64,
  },
  {
    name: 'Chinese',
    text: '网关把每个请求转发给端点中指定的提供商，在错误允许时重试失败的调用，并根据配置中设置的限制统计提供商报告的令牌数。提前结束的流仍然会计算它已经使用的部分。',
    o200k: 55,
    estimate: 77,
  },
  {
    name: 'Japanese',
    text: 'ゲートウェイは各リクエストをエンドポイントで指定されたプロバイダーに転送し、エラーが許す場合は失敗した呼び出しを再試行し、プロバイダーが報告したトークン数を設定の上限に対して数えます。早く終わったストリームも、使った分は数えられます。',
    o200k: 90,
    estimate: 117,
  },
  {
    name: 'Russian',
    text: 'Шлюз передаёт каждый запрос поставщику, указанному в конечной точке, повторяет неудачный вызов, если ошибка это допускает, и считает токены, о которых сообщает поставщик, в пределах лимитов из конфигурации. Поток, закончившийся раньше, всё равно учитывает то, что он использовал.',
    o200k: 73,
    estimate: 131,
  },
  {
    name: 'Hindi',
    text: 'गेटवे हर अनुरोध को एंडपॉइंट में बताए गए प्रदाता को भेजता है, त्रुटि अनुमति दे तो विफल कॉल को दोबारा करता है, और प्रदाता द्वारा बताए गए टोकन को कॉन्फ़िग की सीमाओं के विरुद्ध गिनता है।',
    o200k: 65,
    estimate: 83,
  },
  {
    name: 'emoji in a chat message',
    text: 'Great job team! 🎉🚀 Shipping today 🙌 ❤️ 👍🏽 👨‍👩‍👧‍👦 ✅ 🔥🔥🔥',
    o200k: 32,
    estimate: 37,
  },
];

describe('the estimate', () => {
  test.each(TEXTS)('$name: above what o200k_base counts, and not twice it', ({ text, o200k, estimate }) => {
    expect(estimatedTokens(text)).toBe(estimate);
    expect(estimate).toBeGreaterThanOrEqual(o200k);
    expect(estimate).toBeLessThan(2 * o200k);
  });

  test('a quarter token per ASCII letter, digit or space, half per other ASCII character, half per non-CJK letter, one per CJK character or surrogate half; rounded up', () => {
    expect(['', 'a', 'abcd', 'abcde', 'a b ', 'a\n', '{}', 'é', 'жж', '字', '字字', '😀'].map(estimatedTokens)).toEqual([0, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 2]);
    expect(tokenQuartersOf('Ab 9;\né字한ｱ😀')).toEqual(1 + 1 + 1 + 1 + 2 + 2 + 2 + 4 + 4 + 4 + 4 + 4);
  });

  test("a request's quarter tokens are its strings' (any depth), data URLs left out", () => {
    const request = {
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(10_000)}` } }] },
      ],
      tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object' } } }],
      max_tokens: 100,
    };
    // user + text + What is this? + image_url + function + look + object
    expect(requestTokenQuarters(request)).toBe(4 + 4 + (12 + 2) + (8 + 2) + 8 + 4 + 6);
  });

  test("a completions prompt's token ids are a token each", () => {
    expect(requestTokenQuarters({ prompt: [1212, 318, 257], max_tokens: 16 })).toBe(3 * 4);
    expect(requestTokenQuarters({ prompt: [[1212, 318], [257]], model: 'gpt' })).toBe(3 * 4 + 3);
  });

  test('a deeply nested or very long request is read without overflowing the stack', () => {
    let nested: unknown = 'abcd';
    for (let depth = 0; depth < 200_000; depth += 1) nested = [nested];
    expect(requestTokenQuarters(nested)).toBe(4);
    expect(requestTokenQuarters(new Array(300_000).fill('ab'))).toBe(600_000);
  });

  test('generated: completions text, chat content, refusal, reasoning, tool-call names and arguments', () => {
    expect(generatedTokenQuarters({ choices: [{ index: 0, text: 'Once upon', finish_reason: null }] })).toBe(9);
    expect(generatedTokenQuarters(chatChunk({ role: 'assistant', content: 'Hi', refusal: 'No', reasoning_content: 'Hmm' }))).toBe(7);
    expect(generatedTokenQuarters(chatChunk({ content: '你好' }))).toBe(8);
    expect(generatedTokenQuarters(chatChunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }] }))).toBe(12 + 12);
    expect(generatedTokenQuarters({ choices: [], usage: { total_tokens: 3 } })).toBe(0);
  });
});

describe('StreamTokens', () => {
  test('a stream that reported no usage: the prompt estimated from the request plus what it generated', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'Tell me a story' }] });
    expect(tokens.total()).toBeNull();
    tokens.observe(chatChunk({ role: 'assistant', content: 'Once upon a time' }));
    tokens.observe(chatChunk({ content: ', there' }));
    // Prompt: 4 + 15 = 19 characters, 5 tokens; completion: 23 characters, 6 tokens.
    expect(tokens.estimate()).toEqual({ prompt: 5, completion: 6, total: 11 });
    expect(tokens.total()).toBe(11);
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
