/**
 * A plugin chat stream's leading role-only chunks are held and their role put on the next chunk
 * (leading-role.ts): what the client receives, that a stream with nothing else ends empty, and that
 * nothing is held once content has come.
 */
import { withHeldRoles, withRoleOnFirstContent } from '../../../src/plugins/leading-role';
import { isRoleOnlyChunk } from '../../../src/providers/shared/role-only';

const base = { id: 'chatcmpl-AZ1', object: 'chat.completion.chunk', created: 1748251380, model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_34a54ae93c' };
const choice = (delta: object, finishReason: string | null = null, index = 0) => ({ index, delta: { role: null, content: null, tool_calls: null, ...delta }, logprobs: null, finish_reason: finishReason });
/** OpenAI's first chunk: https://platform.openai.com/docs/api-reference/chat-streaming/streaming */
const ROLE_CHUNK = { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }] };
const text = (content: string, index = 0) => ({ ...base, choices: [choice({ content }, null, index)] });
const FINISH = { ...base, choices: [choice({}, 'stop')] };
const USAGE = { ...base, choices: [], usage: { prompt_tokens: 3, completion_tokens: 0, total_tokens: 3 } };

async function* chunks(...items: unknown[]): AsyncGenerator<unknown> {
  for (const item of items) {
    if (item instanceof Error) throw item;
    yield item;
  }
}

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const received: unknown[] = [];
  for await (const chunk of stream) received.push(chunk);
  return received;
}

describe('isRoleOnlyChunk', () => {
  test.each([
    ['OpenAI’s first chunk', ROLE_CHUNK],
    ['a role alone, the other fields absent', { choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] }],
    ['empty tool_calls and reasoning', { ...base, choices: [choice({ role: 'assistant', tool_calls: [], reasoning_content: '' })] }],
  ])('%s is role-only', (_name, chunk) => {
    expect(isRoleOnlyChunk(chunk)).toBe(true);
  });

  test.each([
    ['content', { ...base, choices: [choice({ role: 'assistant', content: 'Hi' })] }],
    ['a tool call', { ...base, choices: [choice({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] })] }],
    ['thinking', { ...base, choices: [choice({ role: 'assistant', reasoning_content: 'Hmm' })] }],
    ['a refusal', { ...base, choices: [choice({ role: 'assistant', refusal: 'No.' })] }],
    ['a finish', { ...base, choices: [choice({ role: 'assistant' }, 'stop')] }],
    ['usage', { ...ROLE_CHUNK, usage: { prompt_tokens: 1, completion_tokens: 0, total_tokens: 1 } }],
    ['no role', text('')],
    ['no choices', { ...base, choices: [] }],
    ['a choice of two with content', { ...base, choices: [choice({ role: 'assistant' }), choice({ role: 'assistant', content: 'B' }, null, 1)] }],
    ['not an object', 'data'],
  ])('a chunk with %s is not', (_name, chunk) => {
    expect(isRoleOnlyChunk(chunk)).toBe(false);
  });
});

describe('withRoleOnFirstContent', () => {
  test('the role goes on the first chunk with content, which keeps its own fields', async () => {
    const first = { ...text('Un'), id: 'chatcmpl-AZ2' };
    expect(await collect(withRoleOnFirstContent(chunks(ROLE_CHUNK, first, text(' café'), FINISH)))).toEqual([
      { ...first, choices: [choice({ role: 'assistant', content: 'Un' })] },
      text(' café'),
      FINISH,
    ]);
  });

  test('a first chunk with a role and content is passed on as it is', async () => {
    const first = { ...base, choices: [choice({ role: 'assistant', content: 'Un' })] };
    expect(await collect(withRoleOnFirstContent(chunks(first, FINISH)))).toEqual([first, FINISH]);
  });

  test('two choices (n = 2): each role goes on its own choice of the next chunk', async () => {
    const roles = { ...base, choices: [choice({ role: 'assistant' }), choice({ role: 'assistant' }, null, 1)] };
    const both = { ...base, choices: [choice({ content: 'A' }), choice({ content: 'B' }, null, 1)] };
    expect(await collect(withRoleOnFirstContent(chunks(roles, both)))).toEqual([{ ...base, choices: [choice({ role: 'assistant', content: 'A' }), choice({ role: 'assistant', content: 'B' }, null, 1)] }]);
  });

  test('held roles the next chunk has no choice for are sent unchanged before it', async () => {
    const second = { ...base, choices: [choice({ role: 'assistant' }, null, 1)] };
    expect(await collect(withRoleOnFirstContent(chunks(ROLE_CHUNK, second, text('A'))))).toEqual([ROLE_CHUNK, second, text('A')]);
  });

  test('a held usage-only chunk goes before the chunk that takes the role, and gives it none of its fields', async () => {
    expect(await collect(withRoleOnFirstContent(chunks(ROLE_CHUNK, USAGE, text('A'))))).toEqual([USAGE, { ...text('A'), choices: [choice({ role: 'assistant', content: 'A' })] }]);
  });

  test('a stream that ends after its role-only and usage-only chunks ends empty', async () => {
    expect(await collect(withRoleOnFirstContent(chunks(ROLE_CHUNK)))).toEqual([]);
    expect(await collect(withRoleOnFirstContent(chunks(ROLE_CHUNK, USAGE)))).toEqual([]);
    expect(await collect(withRoleOnFirstContent(chunks()))).toEqual([]);
  });

  test('a failure after the role-only chunk is the first result: nothing was sent for it', async () => {
    const overloaded = new Error('overloaded');
    const iterator = withRoleOnFirstContent(chunks(ROLE_CHUNK, overloaded))[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toBe(overloaded);
  });

  test('after the first chunk with content, each next() is the plugin iterator’s own promise', async () => {
    const pending = new Promise<IteratorResult<unknown>>(() => undefined);
    const results = [{ done: false, value: ROLE_CHUNK }, { done: false, value: text('A') }];
    const source: AsyncIterator<unknown> = { next: () => (results.length > 0 ? Promise.resolve(results.shift()!) : pending) };
    const iterator = withRoleOnFirstContent({ [Symbol.asyncIterator]: () => source })[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { ...text('A'), choices: [choice({ role: 'assistant', content: 'A' })] } });
    expect(iterator.next()).toBe(pending);
  });

  test('return() reaches the plugin’s stream', async () => {
    let returned = false;
    const source: AsyncIterator<unknown> = {
      next: async () => ({ done: false, value: text('A') }),
      return: async () => {
        returned = true;
        return { done: true, value: undefined };
      },
    };
    const iterator = withRoleOnFirstContent({ [Symbol.asyncIterator]: () => source })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return!();
    expect(returned).toBe(true);
  });
});

test('withHeldRoles keeps a role the next chunk already has', () => {
  const next = { ...base, choices: [choice({ role: 'assistant', content: 'A' })] };
  expect(withHeldRoles([ROLE_CHUNK], next)).toEqual([{ ...ROLE_CHUNK, ...next }]);
});
