/**
 * Claude (Anthropic's API, and Claude on Amazon Bedrock) takes a tool result only for a tool call of
 * the assistant turn right before it, and refuses any other after the call, naming its own message
 * index, counted without the system messages the gateway lifts out ("messages.0.content.0: unexpected
 * `tool_use_id` found in `tool_result` blocks: toolu_…. Each `tool_result` block must have a
 * corresponding `tool_use` block in the previous message."). A history trimmed by a context window
 * that kept a tool message but not the call it answers is such a request: a 400 naming the client's
 * message before any call. Gemini refuses it the same way (its request.ts).
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';

/** A 400 naming the first tool message whose id is not a tool call of the last assistant message before it. */
export function refuseToolResultsWithoutCalls(messages: readonly ChatMessage[], vendor: string): void {
  let calls: ReadonlySet<string> = new Set();
  messages.forEach((message, index) => {
    if (message.role === 'assistant') calls = new Set((message.tool_calls ?? []).map((call) => call.id));
    const id = message.tool_call_id;
    if (message.role !== 'tool' || typeof id !== 'string' || calls.has(id)) return;
    const param = `messages[${index}].tool_call_id`;
    throw GatewayError.invalidParam(
      `${param}: ${vendor} takes a tool message only as the result of a tool call of the assistant message before it ("Each tool_result block must have a corresponding tool_use block in the previous message"); ${quoted(id)} is none of its calls.`,
      param,
    );
  });
}
