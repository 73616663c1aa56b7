/**
 * The history the tests of tool calls left without their results send: a coding agent's turn that
 * read a file and ran the tests at once, the file's result in, and the user stopping the test run
 * before its result (the call `ids.test` unanswered, at messages[2].tool_calls[1], before messages[4]).
 */
import type OpenAI from 'openai';

export function stoppedToolRun(ids: { read: string; test: string }, assistantText: string | null) {
  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } },
    { type: 'function', function: { name: 'run_tests', parameters: { type: 'object', properties: {} } } },
  ];
  const calls: OpenAI.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You are a coding agent.' },
    { role: 'user', content: 'Fix the failing test in parser.test.ts.' },
    {
      role: 'assistant',
      content: assistantText,
      tool_calls: [
        { id: ids.read, type: 'function', function: { name: 'read_file', arguments: '{"path":"test/parser.test.ts"}' } },
        { id: ids.test, type: 'function', function: { name: 'run_tests', arguments: '{}' } },
      ],
    },
    { role: 'tool', tool_call_id: ids.read, content: "import { parse } from '../src/parser';\n…" },
  ];
  const stop: OpenAI.ChatCompletionMessageParam = { role: 'user', content: 'Stop the tests, just tell me what the file checks.' };
  return {
    tools,
    /** The user's message right after the file's result: the test run's call has none. */
    interrupted: [...calls, stop],
    /** The same, with the stopped run answered by a tool message saying so: what the vendor takes. */
    answered: [...calls, { role: 'tool', tool_call_id: ids.test, content: 'Interrupted by the user.' }, stop] as OpenAI.ChatCompletionMessageParam[],
  };
}
