/**
 * Claude (Anthropic's API, and Claude on Amazon Bedrock) and Gemini take a tool result only for a
 * tool call of the assistant turn right before it, and refuse any other after the call: Claude naming
 * its own message index, counted without the system messages the gateway lifts out ("messages.0.content.0:
 * unexpected `tool_use_id` found in `tool_result` blocks: toolu_…. Each `tool_result` block must have a
 * corresponding `tool_use` block in the previous message."), Gemini naming nothing ("Please ensure
 * that function response turn comes immediately after a function call turn."). A history trimmed by a
 * context window that kept a tool message but not the call it answers is such a request: a 400 naming
 * the client's message before any call.
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';

/** Each vendor's own words for the rule, quoted in the 400. */
export const TOOL_RESULT_RULES = {
  claude: 'Each tool_result block must have a corresponding tool_use block in the previous message',
  gemini: 'Please ensure that function response turn comes immediately after a function call turn',
} as const;

/** The 400 for the tool message at `index` whose `id` is none of the calls of the assistant message before it. */
export function toolResultWithoutCall(index: number, id: string, vendor: string, rule: string): GatewayError {
  const param = `messages[${index}].tool_call_id`;
  return GatewayError.invalidParam(
    `${param}: ${vendor} takes a tool message only as the result of a tool call of the assistant message before it ("${rule}"); ${quoted(id)} is none of its calls.`,
    param,
  );
}

/**
 * A 400 naming the first tool message whose id is not a tool call of the assistant turn before it.
 * Consecutive assistant messages (system messages aside, which are lifted out) are one turn: Anthropic
 * combines them, and so does the Converse mapping, so a call in either is in the turn.
 */
export function refuseToolResultsWithoutCalls(messages: readonly ChatMessage[], vendor: string, rule: string): void {
  let calls = new Set<string>();
  let previousRole: string | null = null;
  messages.forEach((message, index) => {
    if (message.role === 'system' || message.role === 'developer') return;
    if (message.role === 'assistant') {
      if (previousRole !== 'assistant') calls = new Set();
      for (const call of message.tool_calls ?? []) calls.add(call.id);
    }
    previousRole = message.role;
    const id = message.tool_call_id;
    if (message.role !== 'tool' || typeof id !== 'string' || calls.has(id)) return;
    throw toolResultWithoutCall(index, id, vendor, rule);
  });
}
