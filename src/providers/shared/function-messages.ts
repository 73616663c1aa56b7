/**
 * OpenAI's deprecated function calling in a conversation: an assistant message's `function_call`
 * and a `function` message holding its result (the openai v6 client still types both). Neither
 * carries a tool-call id, so a result cannot be paired exactly with the call it answers: they are
 * not rewritten as tool calls. Mistral refuses both with a 422 of its own (its roles are system,
 * user, assistant and tool; unknown fields are `extra_forbidden`), TGI's Messages API has no field
 * for `function_call` and hands any role to the model's chat template, and Together AI documents
 * neither. The gateway refuses them instead with a 400 naming the message, as Anthropic, Gemini,
 * Bedrock and Cohere refuse the role, and as every provider but `openai` refuses `functions`.
 */
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';

const USE_TOOL_CALLS = 'send the call as the assistant message\'s tool_calls (each with an id) and its result as a "tool" message with that tool_call_id';

/** 400 for the first message of OpenAI's deprecated function calling. */
export function refuseFunctionMessages(messages: readonly ChatMessage[], provider: string): void {
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.role === 'function') {
      throw GatewayError.invalidParam(`${path}.role: ${provider} does not take "function" messages (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}.`, `${path}.role`);
    }
    if (message.function_call !== undefined) {
      throw GatewayError.invalidParam(`${path}.function_call: ${provider} does not take an assistant's function_call (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}.`, `${path}.function_call`);
    }
  });
}
