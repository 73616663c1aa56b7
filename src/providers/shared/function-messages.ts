/**
 * OpenAI's deprecated function calling in a conversation: an assistant message's `function_call`
 * and a `function` message holding its result (the openai v6 client still types both). Neither
 * carries a tool-call id, so a result cannot be paired exactly with the call it answers: they are
 * not rewritten as tool calls. Mistral refuses both with a 422 of its own (its roles are system,
 * user, assistant and tool; unknown fields are `extra_forbidden`), TGI's Messages API has no field
 * for `function_call` and hands any role to the model's chat template, Together AI documents
 * neither, AI21's Jamba takes neither (its roles are system, user, assistant and tool), and the
 * mappers of Anthropic, Gemini, Bedrock Converse, Cohere, PaLM and MosaicML read an assistant
 * message's content and tool calls only, so its `function_call` vanished from the history the
 * model saw. The gateway refuses them instead with a 400 naming the message, as every provider but
 * `openai` refuses `functions`; only `openai` and MLflow model serving pass them on.
 */
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';

const USE_TOOL_CALLS = 'send the call as the assistant message\'s tool_calls (each with an id) and its result as a "tool" message with that tool_call_id';

function functionCallRefusal(index: number, provider: string): GatewayError {
  const param = `messages[${index}].function_call`;
  return GatewayError.invalidParam(`${param}: ${provider} does not take an assistant's function_call (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}.`, param);
}

/** 400 for the first message of OpenAI's deprecated function calling: a `function` message or an assistant's `function_call`. */
export function refuseFunctionMessages(messages: readonly ChatMessage[], provider: string): void {
  messages.forEach((message, index) => {
    if (message.role === 'function') {
      const param = `messages[${index}].role`;
      throw GatewayError.invalidParam(`${param}: ${provider} does not take "function" messages (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}.`, param);
    }
    if (message.function_call !== undefined) throw functionCallRefusal(index, provider);
  });
}

/**
 * 400 for the first assistant's `function_call`, for PaLM and MosaicML, which keep MLflow's reading
 * of a `function` message's role (PaLM's author, MosaicML's 422 naming the roles it takes).
 */
export function refuseFunctionCalls(messages: readonly ChatMessage[], provider: string): void {
  const index = messages.findIndex((message) => message.function_call !== undefined);
  if (index !== -1) throw functionCallRefusal(index, provider);
}
