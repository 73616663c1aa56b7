/** What the gateway completes and drops in a plugin's answers and chunks (src/plugins/answer-fill.ts). */
import { chunkAfterFinishes, filledAnswer, filledChunks, usageWithTotal } from '../../../src/plugins/answer-fill';

describe('usageWithTotal', () => {
  it.each([
    [{ prompt_tokens: 2, completion_tokens: 3 }, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 }],
    [{ prompt_tokens: 2, completion_tokens: 3, total_tokens: null }, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 }],
    [{ prompt_tokens: 4 }, { prompt_tokens: 4, total_tokens: 4 }],
    // A total the plugin reported is its own, even when it differs from the sum.
    [{ prompt_tokens: 2, completion_tokens: 3, total_tokens: 9 }, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 9 }],
    // Without both counts there is nothing to add up.
    [{ prompt_tokens: 2, completion_tokens: null }, { prompt_tokens: 2, completion_tokens: null }],
    [{ completion_tokens: 3 }, { completion_tokens: 3 }],
    [{ prompt_tokens: -1, completion_tokens: 3 }, { prompt_tokens: -1, completion_tokens: 3 }],
  ])('%j becomes %j', (usage, expected) => {
    expect(usageWithTotal(usage)).toEqual(expected);
  });

  it('leaves a chat or completions usage with prompt_tokens alone without a total (partial: a stream may send it first)', () => {
    expect(usageWithTotal({ prompt_tokens: 4 }, true)).toEqual({ prompt_tokens: 4 });
    expect(usageWithTotal({ prompt_tokens: 4, completion_tokens: null }, true)).toEqual({ prompt_tokens: 4, completion_tokens: null });
    expect(usageWithTotal({ prompt_tokens: 4, completion_tokens: 1 }, true)).toEqual({ prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 });
  });
});

describe('filledAnswer', () => {
  it('returns the same object when nothing is missing', () => {
    const answer = {
      choices: [{ index: 0, message: { role: 'assistant', content: 'a', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    expect(filledAnswer(answer)).toBe(answer);
  });

  it('leaves completions choices and answers without choices as they are', () => {
    const completion = { choices: [{ index: 0, text: 'a' }] };
    expect(filledAnswer(completion)).toBe(completion);
    expect(filledAnswer('not an answer')).toBe('not an answer');
  });

  it("keeps a delta's own values and fills only what is absent", () => {
    expect(filledAnswer({ choices: [{ index: 0, delta: { role: 'assistant', content: 'a' } }] })).toEqual({
      choices: [{ index: 0, delta: { role: 'assistant', content: 'a', tool_calls: null }, finish_reason: null }],
    });
  });

  it("fills a tool-call delta's absent id, type, name and arguments, as OpenAI leaves them out after a call's first delta", () => {
    const first = { index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } };
    const chunk = (call: object) => ({ choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: null }] });
    expect(filledAnswer(chunk({ index: 0, function: { arguments: '{"location":' } }))).toEqual({
      choices: [{ index: 0, delta: { role: null, content: null, tool_calls: [{ index: 0, id: null, type: null, function: { name: null, arguments: '{"location":' } }] }, finish_reason: null }],
    });
    const whole = { choices: [{ index: 0, delta: { role: null, content: null, tool_calls: [first] }, finish_reason: null }] };
    expect(filledAnswer(whole)).toBe(whole);
  });

  it("gives a tool call without a type, in an answer or on a call's first delta, type function (Mistral leaves it out)", () => {
    const call = { id: 'D681PevKs', function: { name: 'get_weather', arguments: '{}' }, index: 0 };
    expect(filledAnswer({ choices: [{ index: 0, message: { role: 'assistant', content: '', tool_calls: [call] }, finish_reason: 'tool_calls' }] })).toEqual({
      choices: [{ index: 0, message: { role: 'assistant', content: '', tool_calls: [{ ...call, type: 'function' }], refusal: null }, finish_reason: 'tool_calls' }],
    });
    const [first, piece] = [call, { index: 0, function: { arguments: '}' } }].map((delta) => (filledAnswer({ choices: [{ index: 0, delta: { tool_calls: [delta] } }] }) as { choices: { delta: { tool_calls: unknown[] } }[] }).choices[0].delta.tool_calls[0]);
    expect(first).toEqual({ ...call, type: 'function' });
    expect(piece).toEqual({ index: 0, id: null, type: null, function: { name: null, arguments: '}' } });
  });
});

describe('chunkAfterFinishes', () => {
  const choice = (index: number, finish_reason: string | null = null) => ({ index, delta: { content: 'x' }, finish_reason });

  it('passes chunks through until a choice finishes, then drops that choice, and a chunk left with nothing', () => {
    const finished = new Set<unknown>();
    const first = { choices: [choice(0), choice(1)] };
    expect(chunkAfterFinishes(first, finished)).toBe(first);
    expect(chunkAfterFinishes({ choices: [choice(0, 'stop')] }, finished)).toEqual({ choices: [choice(0, 'stop')] });
    expect(chunkAfterFinishes({ choices: [choice(0), choice(1)] }, finished)).toEqual({ choices: [choice(1)] });
    expect(chunkAfterFinishes({ choices: [choice(0)] }, finished)).toBeNull();
    expect(chunkAfterFinishes({ choices: [choice(0)], usage: { total_tokens: 3 } }, finished)).toEqual({ choices: [], usage: { total_tokens: 3 } });
  });
});

describe('filledChunks', () => {
  const collect = async (chunks: unknown[]) => {
    const out: unknown[] = [];
    for await (const chunk of filledChunks((async function* () { yield* chunks; })())) out.push(chunk);
    return out;
  };
  const call = { index: 0, id: 'D681PevKs', type: 'function', function: { name: 'get_weather', arguments: '{}' } };
  const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };

  it('sends a chunk that finishes a choice with tool calls as two: the calls, then the finish with the usage', async () => {
    expect(await collect([{ id: 'c', choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: 'tool_calls' }], usage }])).toEqual([
      { id: 'c', choices: [{ index: 0, delta: { role: null, content: null, tool_calls: [call] }, finish_reason: null }] },
      { id: 'c', choices: [{ index: 0, delta: { role: null, content: null, tool_calls: null }, finish_reason: 'tool_calls' }], usage },
    ]);
  });

  it('passes a null the plugin yielded on to the schema check, rather than dropping it as a chunk left with nothing', async () => {
    const chunk = { choices: [{ index: 0, delta: { role: null, content: 'a', tool_calls: null }, finish_reason: null }] };
    expect(await collect([chunk, null, chunk])).toEqual([chunk, null, chunk]);
  });

  it('leaves completions chunks and malformed chat chunks as they are', async () => {
    const completion = { choices: [{ index: 0, text: 'a', finish_reason: 'stop' }] };
    const malformed = { choices: [{ index: 0, delta: { role: null, content: null, tool_calls: 'x' }, finish_reason: 'stop' }] };
    expect(await collect([completion])).toEqual([completion]);
    expect(await collect([malformed])).toEqual([malformed]);
  });
});
