/**
 * What "the first token" of a stream is, for `gen_ai_server_time_to_first_token_seconds`: the
 * first chunk carrying something generated (text, a tool call, a refusal or reasoning). OpenAI and
 * its compatible servers open a stream with a chunk holding only the role (and `content: ""`),
 * sent before the model has produced anything, as do the gateway's translations of the vendors'
 * start events: counting it measured the time to the response headers, not to the first token.
 */

const isText = (value: unknown): boolean => typeof value === 'string' && value !== '';

/** One choice of a chat chunk (`delta`) or a completions chunk (`text`). */
function choiceCarriesToken(choice: unknown): boolean {
  if (typeof choice !== 'object' || choice === null) return false;
  const { text, delta } = choice as { text?: unknown; delta?: unknown };
  if (isText(text)) return true;
  if (typeof delta !== 'object' || delta === null) return false;
  const { content, tool_calls: toolCalls, refusal, reasoning_content: reasoning } = delta as Record<string, unknown>;
  return isText(content) || (Array.isArray(toolCalls) && toolCalls.length > 0) || isText(refusal) || isText(reasoning);
}

/** Whether a unified stream chunk carries a generated token (a role, a finish reason or usage alone do not). */
export function carriesToken(chunk: unknown): boolean {
  const choices = typeof chunk === 'object' && chunk !== null ? (chunk as { choices?: unknown }).choices : undefined;
  return Array.isArray(choices) && choices.some(choiceCarriesToken);
}
