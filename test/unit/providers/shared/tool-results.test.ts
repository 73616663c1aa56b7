/**
 * A tool message whose call is not in the assistant message before it (a history trimmed by a
 * context window) is a 400 naming the client's message before any call, for Claude on Anthropic's API
 * and on Amazon Bedrock, which refuse it after the call naming their own indexes
 * (test/fixtures/anthropic/error-400-tool-result-without-call.json), and for Gemini, which refuses it
 * naming nothing (test/fixtures/gemini/error-400-function-response-turn.json); other Bedrock families are sent it.
 */
import { toAnthropicMessages } from '../../../../src/providers/anthropic/messages';
import { toConverseChat } from '../../../../src/providers/bedrock/converse/request';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import { geminiThinkingControl, toGeminiChat } from '../../../../src/providers/gemini';
import type { ChatRequest } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';

type Messages = ChatRequest['messages'];
const RESULT_ID = 'toolu_01FfCGddPyWsq3gCLqXtsJki';
const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } }];
const call = (id: string) => ({ id, type: 'function' as const, function: { name: 'read_file', arguments: '{"path":"README.md"}' } });

/** A coding agent's history after its context window dropped the turn that called the tool. */
const trimmed: Messages = [
  { role: 'system', content: 'You are a coding agent.' },
  { role: 'tool', tool_call_id: RESULT_ID, content: '# LLM Gateway\n…' },
  { role: 'assistant', content: 'The README starts with its title.' },
  { role: 'user', content: 'And the licence?' },
];
const RULE = `takes a tool message only as the result of a tool call of the assistant message before it ("Each tool_result block must have a corresponding tool_use block in the previous message"); '${RESULT_ID}' is none of its calls.`;

const refusal = (action: () => unknown) => {
  const { status, param, message } = gatewayErrorOf(action);
  return { status, param, message };
};
const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');

test('Anthropic: a tool result without its call is a 400 naming the client message', () => {
  expect(refusal(() => toAnthropicMessages(trimmed))).toEqual({ status: 400, param: 'messages[1].tool_call_id', message: `messages[1].tool_call_id: Anthropic ${RULE}` });
});

test('Anthropic: a result answering a call of an earlier assistant message, not the one before it, too', () => {
  const messages: Messages = [
    { role: 'user', content: 'Read it' },
    { role: 'assistant', content: null, tool_calls: [call('toolu_01A')] },
    { role: 'tool', tool_call_id: 'toolu_01A', content: 'x' },
    { role: 'assistant', content: null, tool_calls: [call('toolu_01B')] },
    { role: 'tool', tool_call_id: 'toolu_01A', content: 'x again' },
  ];
  expect(refusal(() => toAnthropicMessages(messages))).toMatchObject({ param: 'messages[4].tool_call_id' });
});

test('Anthropic: results in another order than the calls, and a user message after them, go as they came', () => {
  const messages: Messages = [
    { role: 'user', content: 'Read both' },
    { role: 'assistant', content: 'Reading.', tool_calls: [call('toolu_01A'), call('toolu_01B')] },
    { role: 'tool', tool_call_id: 'toolu_01B', content: 'b' },
    { role: 'tool', tool_call_id: 'toolu_01A', content: 'a' },
    { role: 'user', content: 'Only the first, actually.' },
  ];
  expect(toAnthropicMessages(messages).messages[2]).toEqual({
    role: 'user',
    content: [
      { type: 'tool_result', tool_use_id: 'toolu_01B', content: 'b' },
      { type: 'tool_result', tool_use_id: 'toolu_01A', content: 'a' },
    ],
  });
});

test('a call in either of two consecutive assistant messages is in the turn before the result (Anthropic combines them, as the Converse mapping does)', () => {
  const messages: Messages = [
    { role: 'user', content: 'Read it' },
    { role: 'assistant', content: null, tool_calls: [call('toolu_01A')] },
    { role: 'system', content: 'Tool calls are logged.' },
    { role: 'assistant', content: 'Reading README.md.' },
    { role: 'tool', tool_call_id: 'toolu_01A', content: 'x' },
  ];
  expect(toAnthropicMessages(messages).messages.map((turn) => turn.role)).toEqual(['user', 'assistant', 'assistant', 'user']);
  expect(toConverseChat({ messages, tools } as ChatRequest, claude).messages?.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user']);
});

test('Claude on Bedrock: the same 400 when tools are offered; without tools the result goes as text', () => {
  expect(refusal(() => toConverseChat({ messages: trimmed, tools } as ChatRequest, claude))).toEqual({
    status: 400,
    param: 'messages[1].tool_call_id',
    message: `messages[1].tool_call_id: Amazon Bedrock (Anthropic Claude) ${RULE}`,
  });
  expect(toConverseChat({ messages: trimmed } as ChatRequest, claude).messages?.[0].content).toEqual([{ text: `[tool result ${RESULT_ID}: # LLM Gateway\n…]` }]);
});

test('another Bedrock family is sent it, as its rule is not known', () => {
  expect(toConverseChat({ messages: trimmed, tools } as ChatRequest, resolveBedrockFamily('amazon.nova-pro-v1:0')).messages?.[0].content).toEqual([
    { toolResult: { toolUseId: RESULT_ID, content: [{ text: '# LLM Gateway\n…' }] } },
  ]);
});

/**
 * A coding agent's history begun on a model served by Hugging Face TGI, which gives every tool call the
 * id "0", and moved to Gemini (a FALLBACK route), after its context window dropped the last turn that
 * called a tool: the result kept answers "0", which is the id of an earlier turn's call too.
 */
const trimmedWithReusedIds: Messages = [
  { role: 'system', content: 'You are a coding agent.' },
  { role: 'user', content: 'What does the README say?' },
  { role: 'assistant', content: null, tool_calls: [call('0')] },
  { role: 'tool', tool_call_id: '0', content: '# LLM Gateway\n…' },
  { role: 'assistant', content: 'The README starts with its title.' },
  { role: 'user', content: 'And the licence?' },
  { role: 'tool', tool_call_id: '0', content: 'MIT License\n\nCopyright (c) 2026 …' },
];
const toGemini = (messages: Messages) => toGeminiChat({ messages, tools }, geminiThinkingControl('gemini-2.5-flash'));
const GEMINI_RULE = `takes a tool message only as the result of a tool call of the assistant message before it ("Please ensure that function response turn comes immediately after a function call turn");`;

test('Gemini: a result answering a call of an earlier assistant message, not the one before it, is a 400 naming the client message', () => {
  expect(refusal(() => toGemini(trimmedWithReusedIds))).toEqual({ status: 400, param: 'messages[6].tool_call_id', message: `messages[6].tool_call_id: Gemini ${GEMINI_RULE} '0' is none of its calls.` });
  expect(refusal(() => toGemini(trimmed))).toEqual({ status: 400, param: 'messages[1].tool_call_id', message: `messages[1].tool_call_id: Gemini ${GEMINI_RULE} '${RESULT_ID}' is none of its calls.` });
});

test('Gemini: results of the calls of the assistant message before them, in any order, go as one turn after it', () => {
  const messages: Messages = [
    { role: 'user', content: 'Read both' },
    { role: 'assistant', content: null, tool_calls: [call('0')] },
    { role: 'tool', tool_call_id: '0', content: 'a' },
    { role: 'assistant', content: 'Reading.', tool_calls: [call('0'), call('1')] },
    { role: 'tool', tool_call_id: '1', content: 'b' },
    { role: 'tool', tool_call_id: '0', content: 'c' },
  ];
  expect(toGemini(messages).contents.slice(4)).toEqual([
    {
      role: 'user',
      parts: [
        { functionResponse: { id: '1', name: 'read_file', response: { output: 'b' } } },
        { functionResponse: { id: '0', name: 'read_file', response: { output: 'c' } } },
      ],
    },
  ]);
});
