/**
 * The unified shape of a model's thinking in answers, shared by the providers that have it
 * (Anthropic, Claude on Bedrock): LiteLLM's `reasoning_content` (the readable text) and
 * `thinking_blocks` (each block with the signature or data the vendor checks when it comes back),
 * https://docs.litellm.ai/docs/reasoning_content .
 */
import type { ChatResponse, ThinkingBlock } from '../../schema';

type ResponseMessage = ChatResponse['choices'][number]['message'];

/** The readable thinking: the text of the signed blocks joined (redacted ones have none). */
export function reasoningContentOf(blocks: readonly ThinkingBlock[]): string {
  return blocks.map((block) => (block.type === 'thinking' ? block.thinking : '')).join('');
}

/** The thinking fields appear only on answers that thought, so other answers keep OpenAI's exact shape. */
export function withThinking(message: ResponseMessage, thinking: ThinkingBlock[]): ResponseMessage {
  return thinking.length === 0 ? message : { ...message, reasoning_content: reasoningContentOf(thinking), thinking_blocks: thinking };
}
