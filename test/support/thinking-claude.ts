/**
 * A fake Anthropic Messages API for tool loops with extended thinking: the first turn answers with
 * the thinking tool-use fixture (JSON or stream), each answer with a tool call id of its own as
 * Anthropic's are; a later turn with `thinking` on is answered only if its last assistant message
 * starts with the thinking blocks produced, signature included, as Anthropic requires
 * (https://platform.claude.com/docs/en/build-with-claude/thinking-tool-workflows), else with
 * Anthropic's own 400. Without `thinking`, Anthropic does not require them.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, sendStream, type RecordedRequest } from './fake-upstream';
import { readFixture, readJsonFixture } from './fixtures';

const FIRST_ANSWER = readJsonFixture('anthropic', 'chat-thinking-tool-use.response.json') as { content: Record<string, unknown>[] };
const FIRST_STREAM = readFixture('anthropic', 'chat-thinking-tool-use.stream.sse').toString();
const FIXTURE_TOOL_CALL_ID = 'toolu_01D7FLrfh4GYq7yT1ULFeyMV';

/** The thinking and redacted_thinking blocks of the first answer, which must come back unchanged. */
export const PRODUCED_THINKING = FIRST_ANSWER.content.slice(0, 2);

export const FINAL_TEXT = 'It is 18 °C in Paris.';
/** The text of the streamed final answer (the `chat.stream.sse` fixture). */
export const FINAL_STREAM_TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';

const FINAL_ANSWER = {
  id: 'msg_01Wq3cXk8vTn5RbLm2Hy7PzD',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [{ type: 'text', text: FINAL_TEXT }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 730, output_tokens: 14 },
};

/** Anthropic's answer to a tool-result turn whose assistant turn lost its thinking. */
const MISSING_THINKING = {
  type: 'error',
  error: {
    type: 'invalid_request_error',
    message:
      'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking',
  },
};

export interface AnthropicBody {
  stream?: boolean;
  thinking?: unknown;
  messages: { role: string; content: string | Record<string, unknown>[] }[];
}

function startsWithProducedThinking(content: AnthropicBody['messages'][number]['content']): boolean {
  return Array.isArray(content) && JSON.stringify(content.slice(0, PRODUCED_THINKING.length)) === JSON.stringify(PRODUCED_THINKING);
}

/** The gateway's endpoints on the fake at `upstreamUrl`: `claude`, and `claude-thinks`, which thinks by default (`reasoning_effort: low`). */
export const thinkingClaudeEndpoints = (upstreamUrl: string) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${upstreamUrl}/v1" } }
  - name: claude-thinks
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${upstreamUrl}/v1", reasoning_effort: low } }
`;

let answers = 0;

export function fakeThinkingClaude(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as AnthropicBody;
  const assistant = body.messages.filter((message) => message.role === 'assistant').at(-1);
  if (assistant === undefined) {
    answers += 1;
    const id = `toolu_${process.pid}_${answers}`;
    if (body.stream) return sendStream(response, FIRST_STREAM.replaceAll(FIXTURE_TOOL_CALL_ID, id));
    return sendJson(response, 200, JSON.parse(JSON.stringify(FIRST_ANSWER).replaceAll(FIXTURE_TOOL_CALL_ID, id)));
  }
  if (body.thinking !== undefined && !startsWithProducedThinking(assistant.content)) return sendJson(response, 400, MISSING_THINKING);
  if (body.stream) return sendStream(response, readFixture('anthropic', 'chat.stream.sse'));
  sendJson(response, 200, FINAL_ANSWER);
}
