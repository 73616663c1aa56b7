/**
 * Tool-call ids for Gemini function calls. Gemini usually sends no id, so one is derived from the
 * answer: the response id, candidate index, call index, name and arguments. The same answer always
 * gives the same ids (also streamed versus not), and two calls of one answer never share one, even
 * with equal name and arguments (MLflow's md5 of name and arguments does collide there).
 *
 * Gemini 3 refuses a conversation whose function calls come back without their
 * `thoughtSignature`. The unified tool call has no field for it, but every client echoes the id, so
 * the signature rides in the id after a separator and is restored when the call comes back.
 *
 * A call Gemini did not make (another provider's, in a FALLBACK route or a conversation moved between
 * endpoints, or one an app wrote into the history) has no signature. Gemini 3 refuses a model turn
 * whose first function call comes back unsigned, so that call goes with the stand-in Google documents
 * for such calls (https://ai.google.dev/gemini-api/docs/thought-signatures#faqs). Of the two
 * stand-ins, `skip_thought_signature_validator` is the one Vertex AI accepts too.
 */
import { createHash } from 'node:crypto';
import type { GeminiFunctionCall } from './wire';

const SIGNATURE_SEPARATOR = '.sig.';

/** Google's documented signature for a function call the model did not produce. */
export const UNSIGNED_CALL_SIGNATURE = 'skip_thought_signature_validator';

export interface ToolCallIdSource {
  call: GeminiFunctionCall;
  thoughtSignature?: string;
  /** `responseId` of the answer; undefined when Gemini sent none. */
  responseId: string | undefined;
  candidateIndex: number;
  /** Position of the call among the candidate's function calls. */
  callIndex: number;
}

export function geminiToolCallId({ call, thoughtSignature, responseId, candidateIndex, callIndex }: ToolCallIdSource): string {
  const base =
    call.id ??
    `call_${createHash('sha256')
      .update(JSON.stringify([responseId ?? '', candidateIndex, callIndex, call.name, call.args ?? {}]))
      .digest('hex')
      .slice(0, 24)}`;
  return thoughtSignature === undefined ? base : `${base}${SIGNATURE_SEPARATOR}${thoughtSignature}`;
}

/** The id to send back to Gemini, and the thought signature carried in it, if any. */
export function splitToolCallId(toolCallId: string): { id: string; thoughtSignature?: string } {
  const at = toolCallId.indexOf(SIGNATURE_SEPARATOR);
  if (at === -1) return { id: toolCallId };
  return { id: toolCallId.slice(0, at), thoughtSignature: toolCallId.slice(at + SIGNATURE_SEPARATOR.length) };
}
