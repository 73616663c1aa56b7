/**
 * Claude (Anthropic's API, and Claude on Amazon Bedrock) and Gemini take a tool result only for a
 * tool call of the assistant turn right before it, and refuse any other after the call: Claude naming
 * its own message index, counted without the system messages the gateway lifts out ("messages.0.content.0:
 * unexpected `tool_use_id` found in `tool_result` blocks: toolu_…. Each `tool_result` block must have a
 * corresponding `tool_use` block in the previous message."), Gemini naming nothing ("Please ensure
 * that function response turn comes immediately after a function call turn."). A history trimmed by a
 * context window that kept a tool message but not the call it answers is such a request: a 400 naming
 * the client's message before any call.
 *
 * The opposite case, a tool call left without its result (the user interrupted the tool run, the tool
 * crashed, a framework dropped a result), Claude refuses after the call naming its own index ("messages.2:
 * `tool_use` ids were found without `tool_result` blocks immediately after: toolu_…"), Gemini naming
 * nothing ("Please ensure that the number of function response parts is equal to the number of function
 * call parts of the function call turn."): a 400 naming the client's call before any call too
 * (refuseToolCallsWithoutResults).
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';

/** Each vendor's own words for the rule, quoted in the 400. */
export const TOOL_RESULT_RULES = {
  claude: 'Each tool_result block must have a corresponding tool_use block in the previous message',
  gemini: 'Please ensure that function response turn comes immediately after a function call turn',
} as const;

/** Each vendor's own words for the rule that every tool call of an assistant turn is answered in the turn after it. */
export const TOOL_CALL_RULES = {
  claude: 'Each tool_use block must have a corresponding tool_result block in the next message',
  gemini: 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn',
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

/** An assistant turn's tool calls (each with its field) and the ids the tool messages after it answered. */
interface OpenCalls {
  calls: { id: string; param: string }[];
  answered: Set<string>;
}

/** The calls of the assistant message at `index`, each named by its field. */
const callsOf = (message: ChatMessage, index: number): OpenCalls['calls'] => (message.tool_calls ?? []).map((call, k) => ({ id: call.id, param: `messages[${index}].tool_calls[${k}]` }));

/** The 400 for the first call of `open` no tool message answered before `where` (a message, or the end). */
function refuseUnanswered(open: OpenCalls | null, where: string, vendor: string, rule: string): void {
  const call = open?.calls.find(({ id }) => !open.answered.has(id));
  if (call === undefined) return;
  throw GatewayError.invalidParam(
    `${call.param}: ${vendor} takes an assistant message's tool calls only when tool messages answer each of them before the next user or assistant message ("${rule}"); the call ${quoted(call.id)} has no answer before ${where}.`,
    call.param,
  );
}

/**
 * A 400 naming the first tool call no tool message answers before the next user or assistant message,
 * or before the end once results have begun; system and developer messages between are lifted out of
 * the turns, so they end nothing. With `assistantTurns: 'merged'` (Claude: Anthropic combines consecutive
 * assistant messages, and so does the Converse mapping) an assistant message right after another is the
 * same turn, its calls added to the turn's; Gemini keeps them apart. An assistant message with tool calls
 * last, no result after it, goes as it came: the vendors' rule for a last assistant turn (a prefill) is
 * not known to refuse it. One pass.
 */
export function refuseToolCallsWithoutResults(messages: readonly ChatMessage[], vendor: string, rule: string, assistantTurns: 'merged' | 'apart'): void {
  let open: OpenCalls | null = null;
  let previousRole: string | null = null;
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (open !== null && typeof message.tool_call_id === 'string') open.answered.add(message.tool_call_id);
      previousRole = message.role;
      continue;
    }
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const sameTurn = assistantTurns === 'merged' && message.role === 'assistant' && previousRole === 'assistant';
    if (!sameTurn) {
      refuseUnanswered(open, `messages[${index}], ${message.role === 'user' ? 'a user' : 'an assistant'} message`, vendor, rule);
      open = null;
    }
    if (message.role === 'assistant' && (message.tool_calls ?? []).length > 0) {
      const turn: OpenCalls = open ?? { calls: [], answered: new Set() };
      for (const call of callsOf(message, index)) turn.calls.push(call);
      open = turn;
    }
    previousRole = message.role;
  }
  if (open !== null && open.answered.size > 0) refuseUnanswered(open, 'the end of the conversation', vendor, rule);
}
