/**
 * Tool-call ids sent back to vendors with a strict id syntax. Anthropic (`tool_use.id`) and Bedrock
 * Converse (`toolUseId`, at most 64 characters) accept only `[a-zA-Z0-9_-]`, OpenAI and Azure OpenAI
 * at most 40 characters (checked with the same rule, a digest being as good a key), but a conversation may
 * carry ids another provider or the client wrote: a Gemini id carries its thought signature
 * (base64, with `+`, `/`, `=`, after `.sig.`), some clients write `functions.get_time:1`, and a
 * route that splits or falls back across providers mixes them. Such an id goes as a digest of
 * itself, the same for the call and for the tool result that answers it, so the two still pair up;
 * an id the vendor accepts goes unchanged.
 */
import { createHash } from 'node:crypto';

const ACCEPTED_ID = /^[a-zA-Z0-9_-]+$/;

/** `id` if it is made of letters, digits, `_` and `-` and is at most `maxLength` long; else `call_` + 24 hex digits of its SHA-256. */
export function strictToolCallId(id: string, maxLength = Number.POSITIVE_INFINITY): string {
  if (ACCEPTED_ID.test(id) && id.length <= maxLength) return id;
  return `call_${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
}
