/**
 * Chat (and completions of the conversational families) through the Bedrock Converse API.
 *
 * Vendor references:
 * - Converse: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * - ConverseStream events: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * - Tool use: https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use-inference-call.html
 * - Claude's extended thinking: https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * - Claude's adaptive thinking (output_config.effort): https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
 * - gpt-oss request fields: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * - Prompt caching (cachePoint): https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html
 * - Structured outputs (outputConfig.textFormat): https://docs.aws.amazon.com/bedrock/latest/userguide/structured-output.html
 *
 * Mapping (request.ts; the conversation in messages.ts, content parts in content.ts): `system` and
 * `developer` messages become `system` blocks; `tool` messages become `toolResult` blocks of a user
 * turn (their text, and their images for the models whose tool results take them: refused-features.ts); assistant `tool_calls` become `toolUse` blocks (ids outside Converse's id syntax go as a
 * digest, see shared/tool-call-ids.ts); consecutive turns of the same Converse role are merged
 * (Converse requires alternating roles); a turn left with no block (an empty assistant or user
 * message alone) is a 400 naming the message, as Converse refuses it. Images are accepted as
 * `data:` URLs only (Converse takes bytes, not links); OpenAI's `file` parts with a base64
 * `file_data` become `document` blocks (API_runtime_DocumentBlock.html: format by media type, a
 * name Converse's character rules accept). `tools` keep their full JSON Schema;
 * `tool_choice` `auto`/`required`/a named function map to `auto`/`any`/`tool` (OpenAI's `allowed_tools`:
 * only the allowed tools, with `auto` or `any`, shared/tool-choice.ts); `none` has no
 * Converse equivalent, so with it (or without tools) no `toolConfig` is sent and the tool history
 * goes as text (tool-history.ts). Sampling parameters go to `inferenceConfig` (temperature scaled
 * per family), Claude's `top_k`, `thinking` and `output_config` to `additionalModelRequestFields`, and
 * `reasoning_effort` there in the family's own field (reasoning-effort.ts: gpt-oss's as sent,
 * Claude's as `thinking`, Nova 2's as `reasoningConfig`). `response_format` `json_schema` becomes
 * `outputConfig.textFormat` (output-format.ts). Any other parameter is a 400 naming it.
 * A part's or tool's `cache_control` becomes a `cachePoint` block after it (a message's: after its
 * last block) for the families that
 * cache prompts (cache-points.ts; Claude, and Nova but not after tools); other models refuse the
 * block, so it is not sent to them. The endpoint's `anthropic_beta` betas (Claude only) join
 * `additionalModelRequestFields` as Claude's `anthropic_beta` list (../claude-betas.ts).
 *
 * Thinking (thinking.ts): Claude's `reasoningContent` blocks and stream deltas become
 * `reasoning_content` / `thinking_blocks` as for Anthropic, and a Claude assistant message's
 * `thinking_blocks` go back as `reasoningContent` blocks where the answer had them in its turn. Other models'
 * reasoning (DeepSeek-R1, gpt-oss, Nova 2: text without a signature) becomes `reasoning_content` only and
 * is never sent back (DeepSeek refuses its reasoning in the input). Cited text (`citationsContent`
 * blocks) stays in the answer's text, web pages cited become `url_citation` annotations, document
 * citations are left out, as on Anthropic (citations.ts). Answers are read in
 * response.ts, streams folded in stream.ts; a streamed request with tools to a model whose
 * ConverseStream refuses them is answered by Converse and replayed as a stream (whole-answer-stream.ts).
 */
export { toConverseMessages } from './messages';
export { streamsToolsFromWholeAnswer, toConverseChat, toConverseCompletions, type ConverseBody } from './request';
export { fromConverseChat, fromConverseCompletions, fromConverseUsage, mapConverseStopReason, type ReasoningOutput } from './response';
export { createConverseChatStream, createConverseCompletionsStream } from './stream';
export { wholeAnswerAsStream } from './whole-answer-stream';
