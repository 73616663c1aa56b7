/**
 * What a client does with a streamed answer it wants to send back: joins the deltas into the
 * assistant message (text, tool calls, reasoning text and thinking blocks, as LiteLLM's clients do).
 */
import type OpenAI from 'openai';

type Delta = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta & { reasoning_content?: string; thinking_blocks?: ({ index: number } & Record<string, string>)[] };

export interface AssembledTurn {
  content: string;
  reasoning: string;
  calls: { id: string; name: string; arguments: string }[];
  blocks: Record<string, string>[];
  /** The turn as a request message, with its thinking blocks. */
  message: OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam;
}

export async function assembleAssistantTurn(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<AssembledTurn> {
  let content = '';
  let reasoning = '';
  const calls: AssembledTurn['calls'] = [];
  const blocks: AssembledTurn['blocks'] = [];
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta as Delta | undefined;
    content += delta?.content ?? '';
    reasoning += delta?.reasoning_content ?? '';
    for (const call of delta?.tool_calls ?? []) {
      calls[call.index] ??= { id: call.id ?? '', name: call.function?.name ?? '', arguments: '' };
      calls[call.index].arguments += call.function?.arguments ?? '';
    }
    // Pieces join on their block's index, as tool call pieces do: a redacted block comes whole, thinking text joins, the signature closes it.
    for (const { index, ...piece } of delta?.thinking_blocks ?? []) {
      const block = blocks[index];
      if (block === undefined) blocks[index] = { ...piece };
      else Object.assign(block, { thinking: block.thinking + (piece.thinking ?? ''), ...(piece.signature !== undefined ? { signature: piece.signature } : {}) });
    }
  }
  const message = {
    role: 'assistant',
    content,
    tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
    thinking_blocks: blocks,
  } as OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam;
  return { content, reasoning, calls, blocks, message };
}
