/**
 * `parallel_tool_calls: false` on a provider with no switch for it (Gemini, Bedrock Converse,
 * Together AI, Cohere): their models may call several tools in one turn, so the gateway keeps only the
 * first tool call of each choice, as LlamaIndex's `force_single_tool_call` does on its side.
 * LlamaIndex sends `false` with every tool call it asks for, LangChain with
 * `with_structured_output(method="function_calling")`: refused, those apps could not use such
 * endpoints at all. Providers that honour the field themselves (OpenAI, Anthropic) give one call
 * anyway, so the rule is applied to every answer of such a request, whatever the provider.
 */
import { isRecord } from '../providers/shared/json';

/** Whether the request asks for at most one tool call per answer. */
export function asksForOneToolCall(request: Readonly<Record<string, unknown>>): boolean {
  return request.parallel_tool_calls === false;
}

/** A choice whose list holds more than its first tool call, with only that one; others as they are. */
function withFirstCall<Choice>(choice: Choice, listOf: (choice: Choice) => unknown, keep: (calls: unknown[]) => unknown[], rebuild: (choice: Choice, calls: unknown[]) => Choice): Choice {
  const calls = listOf(choice);
  if (!Array.isArray(calls)) return choice;
  const kept = keep(calls);
  return kept.length === calls.length ? choice : rebuild(choice, kept);
}

function mapChoices(body: unknown, map: (choice: unknown) => unknown): unknown {
  if (!isRecord(body) || !Array.isArray(body.choices)) return body;
  const choices = body.choices.map(map);
  return choices.every((choice, index) => choice === (body.choices as unknown[])[index]) ? body : { ...body, choices };
}

/** A chat answer with at most one tool call per choice (the first). */
export function firstToolCallOnly(answer: unknown): unknown {
  return mapChoices(answer, (choice) =>
    withFirstCall(
      choice,
      (item) => (isRecord(item) && isRecord(item.message) ? item.message.tool_calls : undefined),
      (calls) => calls.slice(0, 1),
      (item, calls) => {
        const record = item as Record<string, unknown>;
        return { ...record, message: { ...(record.message as Record<string, unknown>), tool_calls: calls } };
      },
    ),
  );
}

/** The position of a streamed tool-call piece among its choice's calls: its `index`, else its place in the list. */
const callIndexOf = (call: unknown, position: number): unknown => (isRecord(call) && call.index !== undefined ? call.index : position);

/** A chat stream chunk with only the pieces of each choice's first tool call (index 0). */
export function firstToolCallPiecesOnly(chunk: unknown): unknown {
  return mapChoices(chunk, (choice) =>
    withFirstCall(
      choice,
      (item) => (isRecord(item) && isRecord(item.delta) ? item.delta.tool_calls : undefined),
      (calls) => calls.filter((call, position) => callIndexOf(call, position) === 0),
      (item, calls) => {
        const record = item as Record<string, unknown>;
        // The unified delta always has `tool_calls`: null when it carries none.
        return { ...record, delta: { ...(record.delta as Record<string, unknown>), tool_calls: calls.length > 0 ? calls : null } };
      },
    ),
  );
}
