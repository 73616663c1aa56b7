/**
 * Claude's thinking blocks in a reasoning item's `encrypted_content`
 * (src/server/responses-api/encrypted-thinking.ts): what decodes, what is refused or left out, and
 * which assistant turn of the chat request gets the blocks (request.ts).
 */
import { encryptedContentOf, thinkingBlocksOf } from '../../../src/server/responses-api/encrypted-thinking';
import { toChatRequest } from '../../../src/server/responses-api/request';
import type { ResponsesInputItem, ThinkingBlock } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

const SIGNED: ThinkingBlock = { type: 'thinking', thinking: 'The user wants the weather.', signature: 'EqQBCkgIARABGAIiQL0sig' };
const REDACTED: ThinkingBlock = { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' };
const LATER: ThinkingBlock = { type: 'thinking', thinking: 'Now Tokyo.', signature: 'EqQBCkgIARABGAIiQLater' };

const encoded = (value: unknown) => `gw-thinking.v1.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;

describe('thinkingBlocksOf', () => {
  test('gives back the blocks encryptedContentOf encoded, with only their documented fields', () => {
    expect(thinkingBlocksOf({ encrypted_content: encryptedContentOf([SIGNED, REDACTED]) }, 'input[1]')).toEqual([SIGNED, REDACTED]);
    expect(thinkingBlocksOf({ encrypted_content: encoded([{ ...SIGNED, cache_control: { type: 'ephemeral' } }]) }, 'input[1]')).toEqual([SIGNED]);
  });

  test('none without encrypted_content, or with one the gateway did not make (OpenAI encrypts its own)', () => {
    expect(thinkingBlocksOf({}, 'input[1]')).toBeNull();
    expect(thinkingBlocksOf({ encrypted_content: 'gAAAAABpFwczbM_w==' }, 'input[1]')).toBeNull();
  });

  test.each([
    ['text that is not base64 JSON', 'gw-thinking.v1.not*json'],
    ['an empty list', encoded([])],
    ['a block without its signature', encoded([{ type: 'thinking', thinking: 'x' }])],
    ['a block of another type', encoded([{ type: 'text', text: 'x' }])],
  ])('the gateway prefix with %s is a 400 naming the item', (_what, text) => {
    const error = gatewayErrorOf(() => thinkingBlocksOf({ encrypted_content: text }, 'input[2]'));
    expect(error).toMatchObject({ status: 400, param: 'input[2].encrypted_content', message: expect.stringMatching(/^input\[2\]\.encrypted_content: is not as the gateway gave it/) });
  });
});

describe('toChatRequest with reasoning items', () => {
  let items = 0;
  const reasoning = (blocks: ThinkingBlock[]): ResponsesInputItem => ({ type: 'reasoning', id: `rs_${(items += 1)}`, summary: [], encrypted_content: encryptedContentOf(blocks) });
  const call = (id: string): ResponsesInputItem => ({ type: 'function_call', call_id: id, name: 'get_weather', arguments: '{}' });
  const output = (id: string): ResponsesInputItem => ({ type: 'function_call_output', call_id: id, output: '{}' });
  const toolCall = (id: string) => ({ id, type: 'function', function: { name: 'get_weather', arguments: '{}' } });
  const messagesOf = (input: ResponsesInputItem[]) => toChatRequest({ model: 'chat', input }).messages as unknown[];

  test("the blocks go on the answer's turn: its message, and the function calls that join it", () => {
    const input: ResponsesInputItem[] = [{ role: 'user', content: 'Weather?' }, reasoning([SIGNED, REDACTED]), { role: 'assistant', content: 'Let me look.' }, call('toolu_1'), output('toolu_1')];
    expect(messagesOf(input)).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: 'Let me look.', thinking_blocks: [SIGNED, REDACTED], tool_calls: [toolCall('toolu_1')] },
      { role: 'tool', tool_call_id: 'toolu_1', content: '{}' },
    ]);
  });

  test('a turn of function calls alone, and thinking between its calls (interleaved), is one turn with every block in order', () => {
    const input: ResponsesInputItem[] = [{ role: 'user', content: 'Paris and Tokyo?' }, reasoning([SIGNED]), call('toolu_1'), reasoning([LATER, REDACTED]), call('toolu_2'), output('toolu_1'), output('toolu_2')];
    const placed = { content_index: 1 };
    expect(messagesOf(input).slice(1, 2)).toEqual([{ role: 'assistant', thinking_blocks: [SIGNED, { ...LATER, ...placed }, { ...REDACTED, ...placed }], tool_calls: [toolCall('toolu_1'), toolCall('toolu_2')] }]);
  });

  test("an interleaved block's place is where its item is among the turn's items sent, not the place it had in the answer", () => {
    // The answer: thinking, text, thinking, call 1, thinking, call 2; its items carry the answer's places.
    const answer = [reasoning([SIGNED]), { role: 'assistant' as const, content: 'Let me look.' }, reasoning([{ ...LATER, content_index: 1 }]), call('toolu_1'), reasoning([{ ...REDACTED, content_index: 2 }]), call('toolu_2')];
    const results = [output('toolu_1'), output('toolu_2')];
    const calls = [toolCall('toolu_1'), toolCall('toolu_2')];
    expect(messagesOf([{ role: 'user', content: 'Paris and Tokyo?' }, ...answer, ...results])[1]).toEqual({
      role: 'assistant',
      content: 'Let me look.',
      thinking_blocks: [SIGNED, { ...LATER, content_index: 1 }, { ...REDACTED, content_index: 2 }],
      tool_calls: calls,
    });
    // Without the message item, each block is one place earlier: before call 1, between the calls.
    const withoutMessage = answer.filter((item) => item.type !== undefined);
    expect(messagesOf([{ role: 'user', content: 'Paris and Tokyo?' }, ...withoutMessage, ...results])[1]).toEqual({
      role: 'assistant',
      thinking_blocks: [SIGNED, LATER, { ...REDACTED, content_index: 1 }],
      tool_calls: calls,
    });
  });

  test("one item holding a whole answer's blocks before its message (as the gateway once gave them) keeps their places", () => {
    const blocks = [SIGNED, { ...LATER, content_index: 1 }, { ...REDACTED, content_index: 2 }];
    const input: ResponsesInputItem[] = [{ role: 'user', content: 'Paris and Tokyo?' }, reasoning(blocks), { role: 'assistant', content: 'Let me look.' }, call('toolu_1'), call('toolu_2')];
    expect(messagesOf(input)[1]).toMatchObject({ thinking_blocks: blocks });
  });

  test('the next answer after tool results is a turn of its own, with its own blocks; blocks before a user message go nowhere', () => {
    const input: ResponsesInputItem[] = [{ role: 'user', content: 'Weather?' }, reasoning([SIGNED]), call('toolu_1'), output('toolu_1'), reasoning([LATER]), call('toolu_2'), output('toolu_2'), reasoning([REDACTED]), { role: 'user', content: 'Thanks' }];
    expect(messagesOf(input)).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', thinking_blocks: [SIGNED], tool_calls: [toolCall('toolu_1')] },
      { role: 'tool', tool_call_id: 'toolu_1', content: '{}' },
      { role: 'assistant', thinking_blocks: [LATER], tool_calls: [toolCall('toolu_2')] },
      { role: 'tool', tool_call_id: 'toolu_2', content: '{}' },
      { role: 'user', content: 'Thanks' },
    ]);
  });
});
