/**
 * Tool history in a request that lets the model call no tool (no `tools`, or `tool_choice: "none"`),
 * such as an agent's final turn: its tool calls and results go to Converse as text.
 *
 * Why text: Converse refuses toolUse / toolResult blocks without a `toolConfig` (a
 * ValidationException, https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use-inference-call.html),
 * and a `toolConfig` needs at least one tool while its `toolChoice` has no "none"
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolChoice.html): a declared
 * tool, a placeholder (LiteLLM's `dummy_tool`) or the tools of the history, could be called, which
 * the client did not allow. Without a `toolConfig` the model cannot call any tool, and the text keeps
 * every call (id, name, arguments) and result.
 */
import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ToolCall } from '../../../schema';

/** `[tool call call_1: get_weather {"location":"Paris"}]`; arguments as the client sent them. */
export function toolCallAsText(call: ToolCall): ContentBlock {
  const text = call.function.arguments.trim() === '' ? '{}' : call.function.arguments;
  return { text: `[tool call ${call.id}: ${call.function.name} ${text}]` };
}

/** `[tool result call_1 (get_weather): 18°C, sunny]`; the name when the history holds the call. */
export function toolResultAsText(toolCallId: string, toolName: string | undefined, result: readonly ContentBlock[]): ContentBlock {
  const text = result.map((block) => block.text ?? '').join('\n');
  return { text: `[tool result ${toolCallId}${toolName !== undefined ? ` (${toolName})` : ''}: ${text}]` };
}
