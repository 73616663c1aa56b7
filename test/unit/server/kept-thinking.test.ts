/**
 * Which assistant messages of a request need Claude's kept thinking (src/server/kept-thinking.ts):
 * only a thinking request's last assistant message with tool calls and no `thinking_blocks` starts a
 * lookup; it is required when only tool results follow it, and only then does a store that does not
 * answer fail the request. A chat answer's blocks, placed counting its text, go back placed without
 * it when the turn comes back without it. End to end: test/e2e/kept-thinking.test.ts, interleaved-thinking.test.ts.
 */
import * as responseStore from '../../../src/response-store';
import type { ResponsesResponse, ThinkingBlock } from '../../../src/schema';
import { asksToThink, keepAnswerThinking, keepingStreamThinking, keepResponseThinking, thinkingRestorationOf, withKeptThinking } from '../../../src/server/kept-thinking';
import { encryptedContentOf } from '../../../src/server/responses-api/encrypted-thinking';
import { keepResponse } from '../../../src/server/responses-api/stored';
import type { StoreAccess } from '../../../src/server/responses-api/stored';
import { gatewayRejectionOf } from '../../support/errors';
import { collectUntilError } from '../../support/iterables';

const user = (content: string) => ({ role: 'user', content });
const calls = (id: string) => ({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name: 'f', arguments: '{}' } }] });
const result = (id: string) => ({ role: 'tool', tool_call_id: id, content: '{}' });
const withBlocks = (message: Record<string, unknown>) => ({ ...message, thinking_blocks: [{ type: 'redacted_thinking', data: 'AA==' }] });
const thinking = { thinking: { type: 'enabled', budget_tokens: 1024 } };

test.each([
  [{ thinking: { type: 'enabled', budget_tokens: 1024 } }, true],
  [{ thinking: { type: 'adaptive' } }, true],
  [{ thinking: { type: 'disabled' } }, false],
  [{ reasoning_effort: 'low' }, true],
  [{ reasoning_effort: 'none' }, false],
  [{ output_config: { effort: 'high' } }, false],
  [{}, false],
])('asksToThink(%j) is %s', (request, expected) => {
  expect(asksToThink(request)).toBe(expected);
});

test("a tool loop's last assistant message without its blocks is required, and the loop's earlier ones are restored too", () => {
  const messages = [user('old'), calls('a'), result('a'), { role: 'assistant', content: 'done' }, user('new'), calls('b'), result('b'), calls('c'), result('c'), result('c2')];
  expect(thinkingRestorationOf({ ...thinking, messages })).toEqual({ indexes: [7, 5], required: true });
});

test('a message sent back with its blocks is not looked up; the loop before it only when the last one lacks them', () => {
  expect(thinkingRestorationOf({ ...thinking, messages: [user('q'), calls('a'), result('a'), withBlocks(calls('b')), result('b')] })).toBeNull();
  expect(thinkingRestorationOf({ ...thinking, messages: [user('q'), withBlocks(calls('a')), result('a'), calls('b'), result('b')] })).toEqual({ indexes: [3], required: true });
});

test('a user message after the tool results: restored when kept, not required', () => {
  expect(thinkingRestorationOf({ ...thinking, messages: [user('q'), calls('a'), result('a'), user('and then?')] })).toEqual({ indexes: [1], required: false });
});

test('nothing to restore: no thinking, a last assistant message without tool calls, or none at all', () => {
  expect(thinkingRestorationOf({ messages: [user('q'), calls('a'), result('a')] })).toBeNull();
  expect(thinkingRestorationOf({ ...thinking, messages: [user('q'), calls('a'), result('a'), { role: 'assistant', content: 'It is 18 °C.' }, user('thanks')] })).toBeNull();
  expect(thinkingRestorationOf({ ...thinking, messages: [user('q')] })).toBeNull();
});

describe('withKeptThinking when the response store does not answer (the cluster primary under --workers)', () => {
  const access: StoreAccess = { plan: { enabled: true, maxBytes: 1024, maxAgeMs: 60_000 }, space: '' };
  beforeEach(() => {
    const find = jest.fn(async () => {
      throw new Error('the cluster primary did not answer a response-store find within 1000 ms');
    });
    jest.spyOn(responseStore, 'responseStoreOfProcess').mockReturnValue({ keep: jest.fn(), find, get: jest.fn(), remove: jest.fn(), inputItems: jest.fn() });
  });
  afterEach(() => jest.restoreAllMocks());

  test('a request Claude takes without the blocks (a user message follows the tool results) goes as sent', async () => {
    const request = { ...thinking, messages: [user('q'), calls('a'), result('a'), user('and then?')] };
    const restoration = thinkingRestorationOf(request)!;
    expect(restoration.required).toBe(false);
    expect(await withKeptThinking(request, restoration, { access })).toEqual(request);
  });

  test('a request Claude refuses without them is the 503 the client may retry', async () => {
    const request = { ...thinking, messages: [user('q'), calls('a'), result('a')] };
    const error = await gatewayRejectionOf(() => withKeptThinking(request, thinkingRestorationOf(request)!, { access }));
    expect(error).toMatchObject({ status: 503, code: 'response_store_unavailable', retryable: true });
  });
});

describe("withKeptThinking of a kept /v1/responses answer's parallel tool calls", () => {
  const access: StoreAccess = { plan: { enabled: true, maxBytes: 1_000_000, maxAgeMs: 60_000 }, space: 'parallel-calls' };
  const blocks: ThinkingBlock[] = [{ type: 'thinking', thinking: 'Three cities at once.', signature: 'sig' }];
  const callIds = ['call_paris', 'call_rome', 'call_oslo'];
  const response = {
    id: 'resp_parallel',
    object: 'response',
    created_at: 0,
    status: 'completed',
    model: 'claude',
    output: [
      { type: 'reasoning', id: 'rs_parallel', summary: [], encrypted_content: encryptedContentOf(blocks) },
      ...callIds.map((id) => ({ type: 'function_call', id: `fc_${id}`, call_id: id, name: 'f', arguments: '{}', status: 'completed' })),
    ],
  } as unknown as ResponsesResponse;
  afterEach(() => jest.restoreAllMocks());

  test('the response is asked for its reasoning items once, not once for each of its tool call ids', async () => {
    keepResponse(access, { response, input: 'The weather in three cities?' });
    keepResponseThinking(access, response);
    const find = jest.spyOn(responseStore.responseStoreOfProcess(), 'find');
    const assistant = { role: 'assistant', content: null, tool_calls: callIds.map((id) => ({ id, type: 'function', function: { name: 'f', arguments: '{}' } })) };
    const request = { ...thinking, messages: [user('The weather in three cities?'), assistant, ...callIds.map(result)] };
    const restored = await withKeptThinking(request, thinkingRestorationOf(request)!, { access });
    expect((restored.messages as Record<string, unknown>[])[1]).toEqual({ ...assistant, thinking_blocks: blocks });
    // One question for the tool call ids, one for the reasoning items they name.
    expect(find).toHaveBeenCalledTimes(2);
  });
});

describe("a chat answer's kept interleaved blocks, sent back with tool_calls and no thinking_blocks", () => {
  const access: StoreAccess = { plan: { enabled: true, maxBytes: 1_000_000, maxAgeMs: 60_000 }, space: 'chat-places' };
  const call = (id: string) => ({ id, type: 'function', function: { name: 'f', arguments: '{}' } });
  /** Thinking first, then (after the text, when there is one) before the first call, then between the calls. */
  const blocks: ThinkingBlock[] = [
    { type: 'thinking', thinking: 'Two cities.', signature: 'sig-1' },
    { type: 'thinking', thinking: 'Paris first.', signature: 'sig-2', content_index: 1 },
    { type: 'redacted_thinking', data: 'AA==', content_index: 2 },
  ];
  /** The same blocks for the turn without its text: each one place earlier, none before 0. */
  const withoutText: ThinkingBlock[] = [blocks[0], { type: 'thinking', thinking: 'Paris first.', signature: 'sig-2' }, { type: 'redacted_thinking', data: 'AA==', content_index: 1 }];
  let answers = 0;

  /** Keeps an answer as the gateway does (whole, or streamed), and restores the request that sends its turn back with `content`. */
  async function sentBack(answer: { text: string | null; stream: boolean }, content: string | null): Promise<unknown> {
    answers += 1;
    const ids = [`call_paris_${answers}`, `call_london_${answers}`];
    if (answer.stream) {
      const chunks = [
        { choices: [{ index: 0, delta: { role: 'assistant', thinking_blocks: blocks.map((block, index) => ({ index, ...block })) } }] },
        ...(answer.text === null ? [] : [{ choices: [{ index: 0, delta: { content: answer.text } }] }]),
        { choices: [{ index: 0, delta: { tool_calls: ids.map((id, index) => ({ index, ...call(id) })) }, finish_reason: 'tool_calls' }] },
      ];
      // The stream reaches the client unchanged; its thinking is kept once it has ended.
      expect(await collectUntilError(keepingStreamThinking((async function* () { yield* chunks; })(), { access }))).toEqual({ values: chunks });
    } else {
      keepAnswerThinking({ choices: [{ index: 0, message: { role: 'assistant', content: answer.text, tool_calls: ids.map(call), thinking_blocks: blocks } }] }, { access });
    }
    const request = { ...thinking, messages: [user('Paris and London?'), { role: 'assistant', content, tool_calls: ids.map(call) }, ...ids.map(result)] };
    const restored = await withKeptThinking(request, thinkingRestorationOf(request)!, { access });
    return (restored.messages as Record<string, unknown>[])[1].thinking_blocks;
  }

  test.each([false, true])('stream: %s: an answer with text sent back with content "" or null gets each block one place earlier; with its text, as answered', async (stream) => {
    expect(await sentBack({ text: 'Looking both up.', stream }, '')).toEqual(withoutText);
    expect(await sentBack({ text: 'Looking both up.', stream }, null)).toEqual(withoutText);
    expect(await sentBack({ text: 'Looking both up.', stream }, 'Looking both up.')).toEqual(blocks);
  });

  test.each([false, true])('stream: %s: an answer without text, whose places count none, keeps them', async (stream) => {
    expect(await sentBack({ text: null, stream }, null)).toEqual(blocks);
    expect(await sentBack({ text: null, stream }, '')).toEqual(blocks);
  });
});
