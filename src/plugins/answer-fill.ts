/**
 * What the gateway completes in a plugin's answers and stream chunks before they are checked and
 * counted, so that a plugin written the way vendors answer still works:
 *
 * - `usage.total_tokens` when the plugin left it out (or null) but gave the counts it adds up to
 *   (`completion_tokens` among them, but for embeddings), so the client gets it too (token limits,
 *   the audit line and the token metrics add them up anyway: `usageTotal` in src/providers/shared/usage.ts).
 * - The nullable fields of a chat message or delta that the unified schema requires and OpenAI-shaped
 *   vendors leave out when empty (`tool_calls`, `refusal`; a delta's `role` after the first chunk;
 *   a tool-call delta's `id`, `type` and function `name`, which OpenAI sends on a call's first delta
 *   only, and `arguments`), and a chunk choice's `finish_reason`, as null: a vendor's chunks passed
 *   on as they arrive were a 502.
 * - A tool call's absent `type` as `function`, the only type a chat tool call has, in an answer and on
 *   a call's first delta (the one with its `id`): Mistral leaves it out, and the openai clients' stream
 *   helpers fail on a call without one.
 * - In a stream, a choice's chunks after its finish chunk are dropped: a client's accumulator would
 *   append their text to an answer it was told had ended. Usage after the finish is kept.
 * - In a chat stream, a chunk on which a choice finishes with tool calls (Mistral's way) is sent as
 *   two, the calls and then the finish, as the built-in providers' are (../providers/shared/finish-apart.ts).
 */
import type { ChatChunk } from '../schema';
import { withFinishApart } from '../providers/shared/finish-apart';
import { isRecord } from '../providers/shared/json';
import { generatedUsageTotal, usageTotal } from '../providers/shared/usage';

/**
 * `usage` with `total_tokens` added up from its other counts (by `usageTotal`'s rule), when it had
 * none and they are there. `generates` (a chat or completions usage): only with `completion_tokens`
 * too, as for OpenAI-shaped answers (fromOpenAIUsage), since one with the prompt's alone is partial
 * (a stream that sends it first), not a total; an embeddings usage's total is its prompt's.
 */
export function usageWithTotal(usage: unknown, generates = false): unknown {
  if (!isRecord(usage) || (usage.total_tokens !== undefined && usage.total_tokens !== null)) return usage;
  const total = generates ? generatedUsageTotal(usage) : usageTotal(usage);
  return total === null ? usage : { ...usage, total_tokens: total };
}

/** An answer or chunk with its usage's total filled in (the same object when there is nothing to fill); one with `choices` generates. */
export function withUsageTotal(answer: unknown): unknown {
  if (!isRecord(answer) || !isRecord(answer.usage)) return answer;
  const usage = usageWithTotal(answer.usage, Array.isArray(answer.choices));
  return usage === answer.usage ? answer : { ...answer, usage };
}

const MESSAGE_NULLABLE = ['content', 'tool_calls', 'refusal'] as const;
const DELTA_NULLABLE = ['role', 'content', 'tool_calls'] as const;
const TOOL_CALL_DELTA_NULLABLE = ['id', 'type'] as const;
const FUNCTION_DELTA_NULLABLE = ['name', 'arguments'] as const;

/** `record` with each of `keys` it lacks set to null (the same object when it lacks none). */
function withNulls(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  if (keys.every((key) => key in record)) return record;
  const filled = { ...record };
  for (const key of keys) if (!(key in filled)) filled[key] = null;
  return filled;
}

/** A tool call (or a call's first delta) with its absent `type` as `function`. */
function toolCallWithType(call: unknown): unknown {
  return isRecord(call) && !('type' in call) ? { ...call, type: 'function' } : call;
}

/** A message's tool calls with their absent `type`s filled (the same value when none is absent). */
function toolCallsWithTypes(calls: unknown): unknown {
  if (!Array.isArray(calls) || calls.every((call) => !isRecord(call) || 'type' in call)) return calls;
  return calls.map(toolCallWithType);
}

/** A tool-call delta with its absent nullable fields (its function's too) set to null, and the `type` of a call's first delta (with its `id`) as `function`. */
function toolCallDeltaWithNulls(call: unknown): unknown {
  if (!isRecord(call)) return call;
  const filled = withNulls(typeof call.id === 'string' ? (toolCallWithType(call) as Record<string, unknown>) : call, TOOL_CALL_DELTA_NULLABLE);
  const fn = isRecord(filled.function) ? withNulls(filled.function, FUNCTION_DELTA_NULLABLE) : filled.function;
  return fn === filled.function ? filled : { ...filled, function: fn };
}

/** A delta with its absent nullable fields, and those of its tool-call deltas, set to null. */
function deltaWithNulls(delta: Record<string, unknown>): Record<string, unknown> {
  const filled = withNulls(delta, DELTA_NULLABLE);
  if (!Array.isArray(filled.tool_calls)) return filled;
  const calls: unknown[] = filled.tool_calls;
  const filledCalls = calls.map(toolCallDeltaWithNulls);
  return filledCalls.every((call, index) => call === calls[index]) ? filled : { ...filled, tool_calls: filledCalls };
}

/** A chat choice (answer or chunk) with its absent nullable fields set to null; completions choices are left as they are. */
function choiceWithNulls(choice: unknown): unknown {
  if (!isRecord(choice)) return choice;
  if (isRecord(choice.message)) {
    const withKeys = withNulls(choice.message, MESSAGE_NULLABLE);
    const calls = toolCallsWithTypes(withKeys.tool_calls);
    const message = calls === withKeys.tool_calls ? withKeys : { ...withKeys, tool_calls: calls };
    return message === choice.message ? choice : { ...choice, message };
  }
  if (!isRecord(choice.delta)) return choice;
  const delta = deltaWithNulls(choice.delta);
  const filled = delta === choice.delta ? choice : { ...choice, delta };
  return 'finish_reason' in filled ? filled : { ...filled, finish_reason: null };
}

/** An answer or chunk with what this file fills in: absent nullable chat fields, the usage's total. */
export function filledAnswer(answer: unknown): unknown {
  const withTotal = withUsageTotal(answer);
  if (!isRecord(withTotal) || !Array.isArray(withTotal.choices)) return withTotal;
  const choices: unknown[] = withTotal.choices;
  const filled = choices.map(choiceWithNulls);
  return filled.every((choice, index) => choice === choices[index]) ? withTotal : { ...withTotal, choices: filled };
}

/**
 * A chunk without the choices whose index is in `finished`; null when nothing is left to send (it
 * had only such choices and no usage). Adds the indexes of the choices it finishes to `finished`.
 */
export function chunkAfterFinishes(chunk: unknown, finished: Set<unknown>): unknown {
  if (!isRecord(chunk) || !Array.isArray(chunk.choices)) return chunk;
  const choices: unknown[] = chunk.choices;
  const kept = finished.size === 0 ? choices : choices.filter((choice) => !(isRecord(choice) && finished.has(choice.index)));
  for (const choice of kept) if (isRecord(choice) && choice.finish_reason !== null && choice.finish_reason !== undefined) finished.add(choice.index);
  if (kept.length === choices.length) return chunk;
  if (kept.length === 0 && (chunk.usage === null || chunk.usage === undefined)) return null;
  return { ...chunk, choices: kept };
}

/** Whether a chunk is a chat chunk of the shape withFinishApart reads; any other is left to the schema check, which names what is wrong. */
const isSplittable = (chunk: unknown): chunk is ChatChunk =>
  isRecord(chunk) &&
  Array.isArray(chunk.choices) &&
  chunk.choices.every((choice) => isRecord(choice) && isRecord(choice.delta) && (choice.delta.tool_calls === null || Array.isArray(choice.delta.tool_calls)));

/** A plugin's stream with the fills and splits above applied to each chunk. */
export async function* filledChunks(chunks: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  const finished = new Set<unknown>();
  for await (const chunk of chunks) {
    const kept = chunkAfterFinishes(chunk, finished);
    // A null the plugin yielded itself is not "nothing left to send": the schema check refuses it.
    if (kept === null && chunk !== null) continue;
    const filled = filledAnswer(kept);
    if (isSplittable(filled)) yield* withFinishApart(filled);
    else yield filled;
  }
}
