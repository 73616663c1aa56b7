/**
 * Converse answers → unified chat and completions responses, and the stop-reason mapping shared
 * with the stream folds.
 */
import type { ContentBlock, ConverseCommandOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../errors';
import type { ChatResponse, CompletionsResponse, ThinkingBlock, ToolCall, UrlCitation, Usage } from '../../../schema';
import { withThinking } from '../../shared/thinking';
import { ThinkingPlaces } from '../../shared/thinking-places';
import { codePointLength, urlCitationsOver, withAnnotations } from '../../shared/url-citations';
import { addedUp, promptCacheDetails } from '../../shared/usage';
import type { AnswerContext } from '../shared';
import { citedPages, citedText } from './citations';
import { fromConverseReasoningBlock } from './thinking';

/**
 * With prompt caching, `inputTokens` counts only the prompt tokens neither read from nor written to
 * the cache (the prompt is all three: https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html,
 * and `totalTokens` already includes them); OpenAI's `prompt_tokens` includes them, so they are added
 * in, and are reported as `prompt_tokens_details` (`cached_tokens` for reads, `cache_creation_tokens`
 * for writes). A missing `totalTokens` is the two counts added up.
 */
export function fromConverseUsage(usage: TokenUsage | undefined): Usage {
  const input = usage?.inputTokens;
  const prompt = typeof input === 'number' ? input + (usage?.cacheReadInputTokens ?? 0) + (usage?.cacheWriteInputTokens ?? 0) : null;
  const completion = usage?.outputTokens ?? null;
  const unified: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage?.totalTokens ?? addedUp(prompt, completion) };
  const details = promptCacheDetails(usage?.cacheReadInputTokens, usage?.cacheWriteInputTokens);
  if (details !== undefined) unified.prompt_tokens_details = details;
  return unified;
}

function answerBlocks(output: ConverseCommandOutput): ContentBlock[] {
  const content = output.output?.message?.content;
  if (!Array.isArray(content)) throw GatewayError.unexpectedAnswer('Amazon Bedrock answered without an output message.');
  return content;
}

/** How an answer's reasoning reaches the client (decided per family at config load). */
export interface ReasoningOutput {
  /**
   * Claude: signed blocks as `thinking_blocks` (sent back during tool use) and their text as
   * `reasoning_content`. Other models (DeepSeek-R1, gpt-oss): the text as `reasoning_content` only,
   * as DeepSeek's and OpenAI-compatible APIs give it; their unsigned blocks are never sent back.
   */
  thinkingBlocks: boolean;
}

/** The readable reasoning of models whose blocks are not sent back, as `reasoning_content`. */
function withReasoningText(message: ChatResponse['choices'][number]['message'], blocks: readonly ContentBlock[]): ChatResponse['choices'][number]['message'] {
  const texts = blocks.flatMap((block) => (block.reasoningContent?.reasoningText !== undefined ? [block.reasoningContent.reasoningText.text ?? ''] : []));
  return texts.length === 0 ? message : { ...message, reasoning_content: texts.join('') };
}

/** A text block's text, or the text a citationsContent block cites for; undefined for any other block. */
function textOf(block: ContentBlock): string | undefined {
  return block.text ?? (block.citationsContent !== undefined ? citedText(block.citationsContent) : undefined);
}

/** Claude's reasoningContent blocks, each with its place among the answer's text and tool calls (../../shared/thinking-places.ts). */
function placedThinkingOf(blocks: readonly ContentBlock[]): ThinkingBlock[] {
  const places = new ThinkingPlaces();
  return blocks.flatMap((block) => {
    const text = textOf(block);
    if (text !== undefined) places.text(text);
    if (block.toolUse) places.toolCall();
    const thinking = fromConverseReasoningBlock(block);
    return thinking === null ? [] : [places.placed(thinking)];
  });
}

/**
 * The answer's text: its text blocks and the text its citationsContent blocks cite for, in order,
 * with the web pages those cite as annotations over their place (citations.ts).
 */
function readAnswerText(blocks: readonly ContentBlock[]): { text: string; annotations: UrlCitation[] } {
  const pieces: string[] = [];
  const annotations: UrlCitation[] = [];
  let length = 0;
  for (const block of blocks) {
    const piece = textOf(block);
    if (piece === undefined) continue;
    pieces.push(piece);
    const start = length;
    length += codePointLength(piece);
    if (block.citationsContent !== undefined) annotations.push(...urlCitationsOver(citedPages(block.citationsContent.citations), start, length));
  }
  return { text: pieces.join(''), annotations };
}

export function fromConverseChat(output: ConverseCommandOutput, context: AnswerContext, reasoning: ReasoningOutput): ChatResponse {
  const blocks = answerBlocks(output);
  const { text, annotations } = readAnswerText(blocks);
  const toolCalls: ToolCall[] = blocks.flatMap((block) =>
    block.toolUse ? [{ id: block.toolUse.toolUseId ?? '', type: 'function' as const, function: { name: block.toolUse.name ?? '', arguments: JSON.stringify(block.toolUse.input ?? {}) } }] : [],
  );
  const message: ChatResponse['choices'][number]['message'] = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    tool_calls: toolCalls.length > 0 ? toolCalls : null,
    refusal: null,
  };
  // Kept whole, in order, for the client to send back (Claude checks them during tool use), each placed among the other blocks.
  const thinking: ThinkingBlock[] = reasoning.thinkingBlocks ? placedThinkingOf(blocks) : [];
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [
      {
        index: 0,
        message: withAnnotations(reasoning.thinkingBlocks ? withThinking(message, thinking) : withReasoningText(message, blocks), annotations),
        finish_reason: mapConverseStopReason(output.stopReason, toolCalls.length > 0),
      },
    ],
    usage: fromConverseUsage(output.usage),
  };
}

export function fromConverseCompletions(output: ConverseCommandOutput, context: AnswerContext): CompletionsResponse {
  const { text } = readAnswerText(answerBlocks(output));
  return {
    id: context.id,
    object: 'text_completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, text, finish_reason: mapConverseStopReason(output.stopReason) }],
    usage: fromConverseUsage(output.usage),
  };
}

/**
 * Converse stop reasons in the unified set
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_ResponseSyntax).
 * `malformed_model_output`, `malformed_tool_use` and a reason Bedrock adds later are `tool_calls`
 * when the answer holds tool calls, else `stop`: clients may take only OpenAI's values (openai-dotnet
 * fails the whole answer on any other).
 */
export function mapConverseStopReason(reason: string | undefined, hasToolCalls = false): string | null {
  switch (reason) {
    case undefined:
      return null;
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'content_filtered':
    case 'guardrail_intervened':
      return 'content_filter';
    default:
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}
