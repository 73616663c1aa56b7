/** A stream's tokens: the usage it reported, else an estimate from the request and what it generated. */
import type { EndpointLimiter } from '../../../src/limits/limiter';
import { generatedCharacters, meterStream, requestCharacters, StreamTokens, tokensOfCharacters } from '../../../src/limits/stream-tokens';
import { CallAbort } from '../../../src/providers/abort';

function recordingLimiter(): { limiter: EndpointLimiter; recorded: number[] } {
  const recorded: number[] = [];
  return { recorded, limiter: { admit: async () => true, giveBack: () => undefined, recordTokens: (tokens: number) => recorded.push(tokens), countsTokens: true } };
}

const chatChunk = (delta: Record<string, unknown>) => ({ choices: [{ index: 0, delta, finish_reason: null }] });

describe('the estimate', () => {
  test('four characters a token, rounded up', () => {
    expect([0, 1, 4, 5, 8].map(tokensOfCharacters)).toEqual([0, 1, 1, 2, 2]);
  });

  test("a request's characters are its strings' (any depth), data URLs left out", () => {
    const request = {
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(10_000)}` } }] },
      ],
      tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object' } } }],
      max_tokens: 100,
    };
    // user + text + What is this? + image_url + function + look + object
    expect(requestCharacters(request)).toBe(4 + 4 + 13 + 9 + 8 + 4 + 6);
  });

  test('a deeply nested or very long request is read without overflowing the stack', () => {
    let nested: unknown = 'abcd';
    for (let depth = 0; depth < 200_000; depth += 1) nested = [nested];
    expect(requestCharacters(nested)).toBe(4);
    expect(requestCharacters(new Array(300_000).fill('ab'))).toBe(600_000);
  });

  test('generated characters: completions text, chat content, refusal, reasoning, tool-call names and arguments', () => {
    expect(generatedCharacters({ choices: [{ index: 0, text: 'Once upon', finish_reason: null }] })).toBe(9);
    expect(generatedCharacters(chatChunk({ role: 'assistant', content: 'Hi', refusal: 'No', reasoning_content: 'Hmm' }))).toBe(7);
    expect(generatedCharacters(chatChunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }] }))).toBe(19);
    expect(generatedCharacters({ choices: [], usage: { total_tokens: 3 } })).toBe(0);
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
