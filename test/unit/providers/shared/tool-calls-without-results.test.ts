/**
 * An assistant message whose tool calls are not all answered by tool messages before the next user or
 * assistant message (the user interrupted the tool run, a tool crashed, a framework dropped a result)
 * is a 400 naming the unanswered call before any call, for Claude on Anthropic's API, which refuses it
 * after the call naming its own index (test/fixtures/anthropic/error-400-tool-call-without-result.json),
 * and for Claude on Amazon Bedrock when tools are offered, which Converse refuses naming its own turn
 * ("Expected toolResult blocks at messages.2.content for the following Ids: …"); other Bedrock families
 * are sent it; and for Gemini, which refuses it naming nothing ("Please ensure that the number of function
 * response parts is equal to the number of function call parts of the function call turn."). Tool calls
 * last, with no result after them, go as they came.
 */
import { toAnthropicMessages } from '../../../../src/providers/anthropic/messages';
import { toConverseChat } from '../../../../src/providers/bedrock/converse/request';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import { geminiThinkingControl, toGeminiChat } from '../../../../src/providers/gemini';
import type { ChatRequest } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';

type Messages = ChatRequest['messages'];
const call = (id: string, name: string, args: object) => ({ id, type: 'function' as const, function: { name, arguments: JSON.stringify(args) } });
const READ = 'toolu_01HqfLWiAKQLsniF2fBGF2KD';
const TEST = 'toolu_01SJzDkeAZER935cpGFptTNk';

/** A coding agent's turn that read a file and ran the tests at once. */
const calls: Messages = [
  { role: 'system', content: 'You are a coding agent.' },
  { role: 'user', content: 'Fix the failing test in parser.test.ts.' },
  { role: 'assistant', content: "I'll read the test and run the suite.", tool_calls: [call(READ, 'read_file', { path: 'test/parser.test.ts' }), call(TEST, 'run_tests', {})] },
];
const readResult: Messages[number] = { role: 'tool', tool_call_id: READ, content: "import { parse } from '../src/parser';\n…" };
const testResult: Messages[number] = { role: 'tool', tool_call_id: TEST, content: '1 failed, 41 passed' };

const refusal = (action: () => unknown) => {
  const { status, param, message } = gatewayErrorOf(action);
  return { status, param, message };
};
const CLAUDE_RULE = `takes an assistant message's tool calls only when tool messages answer each of them before the next user or assistant message ("Each tool_use block must have a corresponding tool_result block in the next message");`;

test('Anthropic: the user stops the test run after the file was read: a 400 naming the call left without its result', () => {
  const interrupted: Messages = [...calls, readResult, { role: 'user', content: 'Stop the tests, just tell me what the file checks.' }];
  expect(refusal(() => toAnthropicMessages(interrupted))).toEqual({
    status: 400,
    param: 'messages[2].tool_calls[1]',
    message: `messages[2].tool_calls[1]: Anthropic ${CLAUDE_RULE} the call '${TEST}' has no answer before messages[4], a user message.`,
  });
});

test('Anthropic: a user message between the calls and their results, and a result dropped at the end, too', () => {
  const typedAhead: Messages = [...calls, { role: 'user', content: 'Only the parser tests, please.' }, readResult, testResult];
  expect(refusal(() => toAnthropicMessages(typedAhead))).toMatchObject({ param: 'messages[2].tool_calls[0]', message: expect.stringContaining(`the call '${READ}' has no answer before messages[3], a user message.`) });
  expect(refusal(() => toAnthropicMessages([...calls, testResult]))).toMatchObject({ param: 'messages[2].tool_calls[0]', message: expect.stringContaining('has no answer before the end of the conversation.') });
  // An assistant message after the calls is the same turn (Anthropic combines them): the user's message ends it.
  const answeredByText: Messages = [...calls, { role: 'assistant', content: 'The tests are running.' }, { role: 'user', content: 'And?' }];
  expect(refusal(() => toAnthropicMessages(answeredByText))).toMatchObject({ param: 'messages[2].tool_calls[0]', message: expect.stringContaining('before messages[4], a user message.') });
});

test('parallel calls written as consecutive assistant messages, one call each, then their results: one turn for Claude, served; two turns for Gemini, refused', () => {
  const split: Messages = [
    ...calls.slice(0, 2),
    { role: 'assistant', content: null, tool_calls: [call(READ, 'read_file', { path: 'test/parser.test.ts' })] },
    { role: 'assistant', content: null, tool_calls: [call(TEST, 'run_tests', {})] },
    readResult,
    testResult,
    { role: 'user', content: 'Go on.' },
  ];
  // Sent as two assistant messages, which Anthropic combines into one turn.
  expect(toAnthropicMessages(split).messages.slice(1, 3)).toMatchObject([
    { role: 'assistant', content: [{ type: 'tool_use', id: READ }] },
    { role: 'assistant', content: [{ type: 'tool_use', id: TEST }] },
  ]);
  const unanswered: Messages = [...split.slice(0, 4), testResult, { role: 'user', content: 'Go on.' }];
  expect(refusal(() => toAnthropicMessages(unanswered))).toMatchObject({ param: 'messages[2].tool_calls[0]' });
  expect(refusal(() => toGemini(split))).toMatchObject({ status: 400, param: 'messages[4].tool_call_id' });
});

test('Anthropic: every call answered (in any order, a system message between), or the calls last with no result, go as they came', () => {
  const answered: Messages = [...calls, testResult, readResult, { role: 'user', content: 'Go on.' }];
  expect(toAnthropicMessages(answered).messages.slice(2)).toEqual([
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: TEST, content: '1 failed, 41 passed' },
        { type: 'tool_result', tool_use_id: READ, content: "import { parse } from '../src/parser';\n…" },
      ],
    },
    { role: 'user', content: 'Go on.' },
  ]);
  // A framework's note between the results is lifted into `system`; Anthropic joins the user turns around it.
  expect(() => toAnthropicMessages([...calls, testResult, { role: 'system', content: 'The suite took 12 s.' }, readResult])).not.toThrow();
  expect(toAnthropicMessages(calls).messages[1]).toMatchObject({ role: 'assistant', content: [{ type: 'text' }, { type: 'tool_use', id: READ }, { type: 'tool_use', id: TEST }] });
});

const tools: ChatRequest['tools'] = ['read_file', 'run_tests'].map((name) => ({ type: 'function', function: { name, parameters: { type: 'object', properties: {} } } }));
const interrupted: Messages = [...calls, readResult, { role: 'user', content: 'Stop the tests, just tell me what the file checks.' }];

test('Claude on Bedrock: the same 400 when tools are offered; without tools the calls go as text', () => {
  const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
  expect(refusal(() => toConverseChat({ messages: interrupted, tools } as ChatRequest, claude))).toEqual({
    status: 400,
    param: 'messages[2].tool_calls[1]',
    message: `messages[2].tool_calls[1]: Amazon Bedrock (Anthropic Claude) ${CLAUDE_RULE} the call '${TEST}' has no answer before messages[4], a user message.`,
  });
  expect(toConverseChat({ messages: interrupted } as ChatRequest, claude).messages?.[1].content).toContainEqual({ text: expect.stringContaining(TEST) });
});

test('another Bedrock family is sent it, as its rule is not known', () => {
  const sent = toConverseChat({ messages: interrupted, tools } as ChatRequest, resolveBedrockFamily('amazon.nova-pro-v1:0')).messages;
  expect(sent?.[2]).toEqual({ role: 'user', content: [{ toolResult: { toolUseId: READ, content: [{ text: "import { parse } from '../src/parser';\n…" }] } }, { text: 'Stop the tests, just tell me what the file checks.' }] });
});

const toGemini = (messages: Messages) => toGeminiChat({ messages, tools }, geminiThinkingControl('gemini-2.5-flash'));
const GEMINI_RULE = `takes an assistant message's tool calls only when tool messages answer each of them before the next user or assistant message ("Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn");`;

test('Gemini: the stopped run, a user message before the results, a result dropped at the end: a 400 naming the unanswered call', () => {
  expect(refusal(() => toGemini(interrupted))).toEqual({
    status: 400,
    param: 'messages[2].tool_calls[1]',
    message: `messages[2].tool_calls[1]: Gemini ${GEMINI_RULE} the call '${TEST}' has no answer before messages[4], a user message.`,
  });
  expect(refusal(() => toGemini([...calls, { role: 'user', content: 'Only the parser tests, please.' }, readResult, testResult]))).toMatchObject({ param: 'messages[2].tool_calls[0]' });
  expect(refusal(() => toGemini([...calls, testResult]))).toMatchObject({ param: 'messages[2].tool_calls[0]', message: expect.stringContaining('before the end of the conversation.') });
});

test('Gemini: every call answered goes as one turn of responses; the calls last go as they came', () => {
  expect(toGemini([...calls, testResult, readResult]).contents[2].parts).toHaveLength(2);
  expect(toGemini(calls).contents[1].parts.filter((part) => part.functionCall !== undefined)).toHaveLength(2);
});
