/**
 * Gemini (Google AI Studio, v1beta REST), reference §6.3.
 *
 * Vendor references:
 * - generateContent / streamGenerateContent: https://ai.google.dev/api/generate-content
 * - Function calling: https://ai.google.dev/gemini-api/docs/function-calling
 * - Thinking: https://ai.google.dev/gemini-api/docs/thinking ; reasoning_effort as Google maps it:
 *   https://ai.google.dev/gemini-api/docs/openai#thinking
 * - Grounding with Google Search: https://ai.google.dev/gemini-api/docs/google-search
 * - Embeddings (embedContent, batchEmbedContents): https://ai.google.dev/api/embeddings
 * - Errors: https://ai.google.dev/gemini-api/docs/troubleshooting
 *
 * The key goes in the `x-goog-api-key` header, never in the URL, so a logged URL cannot leak it.
 * Chat: system and developer messages → `systemInstruction`; user → `user`, assistant → `model`
 * (text, then `functionCall` parts), tool results → `functionResponse` parts named after the
 * earlier call with the same id. Images as data URLs become `inlineData`, other URLs `fileData`
 * (with the media type the URL's extension names), an image's `detail` is not sent; audio becomes `inlineData`. A message's `name` and an assistant's `refusal` have no Gemini
 * counterpart and are not sent. Parameters: temperature (unscaled, Gemini's range is 0..2), top_p,
 * top_k, n → candidateCount, max_tokens (or max_completion_tokens) → maxOutputTokens, stop →
 * stopSequences, presence_penalty, frequency_penalty, seed, response_format → responseMimeType and
 * responseJsonSchema (a `$ref` with other keys beside it, which Gemini refuses, wrapped in a one-branch `anyOf`: output-schema.ts); chat's logprobs / top_logprobs and completions' logprobs count → responseLogprobs /
 * logprobs, and each candidate's logprobsResult → OpenAI's `logprobs.content`, or for completions the
 * legacy `tokens` / `token_logprobs` / `top_logprobs` (logprobs.ts); tool_choice →
 * toolConfig.functionCallingConfig (AUTO / NONE / ANY, a named function → ANY with allowedFunctionNames, OpenAI's allowed_tools: tools.ts, withGeminiAllowedTools; VALIDATED for strict functions, below); chat's reasoning_effort → thinkingConfig, a budget or
 * a level depending on the model (thinking.ts); chat's web_search_options → the googleSearch tool (web-search.ts). Only what the client or the endpoint defaults set is
 * sent (`parallel_tool_calls` is not: `true` is what Gemini does anyway, `false` the gateway honours
 * on the answer, server/one-tool-call.ts). Refused with a 400 naming the parameter: every other request key (user, logit_bias, ...), unknown roles, token-array embeddings
 * input. Gemini's own spellings (stopSequences, candidateCount, maxOutputTokens, topK, topP) get
 * the reference's 422 "Use <unified> instead".
 *
 * Tool schemas: `parameters` is sent as `parametersJsonSchema`, which takes full JSON Schema
 * (Gemini's older `parameters` field accepts only an OpenAPI subset and would force us to strip
 * keywords), read as responseJsonSchema's (output-schema.ts: a `$ref` with other keys beside it in a
 * one-branch `anyOf`, a `const` also as an `enum`). Gemini honours a documented subset ($defs, $ref,
 * anyOf, enum, format, min/max, ...); we strip nothing, and if Gemini rejects a construct its 400 message reaches the client. `strict`
 * is no field of Gemini's declarations: a strict function with tool_choice `auto` or none asks for
 * function calling mode VALIDATED (calls held to their schemas, which AUTO does not promise) on the
 * models that take it, Gemini 2.5 and later (tools.ts); `required` and a named function are ANY,
 * which holds calls to their schemas already.
 *
 * Answers: all text parts are joined; thought summaries (parts marked `thought`, asked for with any
 * reasoning_effort but none) become `reasoning_content` in answers and stream deltas, never content,
 * and an assistant message's `reasoning_content` is not sent back (Gemini has no such input; its
 * thought signatures ride in tool-call ids, and a first call Gemini did not make goes with Google's
 * stand-in signature, see tool-call-ids.ts); function calls become tool
 * calls whose ids are stable and unique (see tool-call-ids.ts); finish reasons are mapped to the
 * unified set (see mapGeminiFinishReason); a candidate's groundingMetadata (Google Search) becomes
 * `url_citation` annotations on its message, or in its stream deltas (web-search.ts); a prompt blocked outright gives one `content_filter`
 * choice whose `refusal` (a delta in streams) names the block reason, and an answer cut short by a
 * filter says so in its `refusal` too (finishExplanation). An answer whose function call failed
 * (MALFORMED_FUNCTION_CALL, ...) with nothing else in it is a retryable 502 (failedToolCall); in a
 * stream, only before its first chunk. Fewer candidates than `n` asked for are the answer, numbered in
 * the order they came (stream.ts). Streams report usage once, on the chunk that finishes the last
 * candidate, covering all of them (Gemini always counts it, so
 * `stream_options` is accepted and needs no translation). Errors: the vendor's `error.message`;
 * 400 `API_KEY_INVALID` counts as an auth failure (like 401/403: a 502 on `/v1`); a 429's `RetryInfo` delay
 * becomes `Retry-After`. Code layout: request.ts, response.ts, stream.ts, embeddings.ts, errors.ts,
 * logprobs.ts, output-schema.ts, thinking.ts, tool-call-ids.ts, tools.ts, web-search.ts, wire.ts (the vendor's types).
 */
import type { GeminiConfig } from '../../../generated/config';
import { noteServedRequest } from '../abort';
import { answersInOrder, checkedCallVectors, encodingFormatOf } from '../shared/embeddings';
import { parameterDefaultsOf } from '../shared/parameter-defaults';
import { createUpstream } from '../transport/http';
import { foldEvents } from '../transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import { contentsOfCall, fromGeminiEmbeddings, geminiEmbeddingVectors, textsOfCall, toGeminiEmbeddings, type GeminiEmbeddingsCall } from './embeddings';
import { geminiErrorHints, geminiErrorMessage } from './errors';
import { checkGeminiParameterDefaults, toGeminiChat, toGeminiCompletions } from './request';
import { fromGeminiChat, fromGeminiCompletions, usableGeminiAnswer } from './response';
import { createGeminiChatStream, createGeminiCompletionsStream } from './stream';
import { geminiThinkingControl } from './thinking';
import { geminiTakesValidatedMode } from './tools';
import { GEMINI, type GeminiGenerateContentRequest } from './wire';

export { toGeminiChat, toGeminiCompletions, toGeminiContents } from './request';
export { fromGeminiChat, fromGeminiCompletions, fromGeminiUsage, mapGeminiFinishReason } from './response';
export { createGeminiChatStream, createGeminiCompletionsStream } from './stream';
export { fromGeminiEmbeddings, geminiEmbeddingVectors, toGeminiEmbeddings } from './embeddings';
export { geminiErrorHints, geminiErrorMessage, geminiStreamError } from './errors';
export { geminiToolCallId, splitToolCallId } from './tool-call-ids';
export { geminiThinkingControl, toGeminiThinkingConfig, type GeminiThinkingControl } from './thinking';
export { geminiTakesValidatedMode } from './tools';

export const GEMINI_DEFAULT_API_BASE = 'https://generativelanguage.googleapis.com/v1beta';

/** Operation paths of one model, relative to the API base (computed once at config load). */
export function geminiPaths(model: string) {
  const resource = `models/${encodeURIComponent(model)}`;
  return {
    generate: `${resource}:generateContent`,
    stream: `${resource}:streamGenerateContent?alt=sse`,
    embed: `${resource}:embedContent`,
    batchEmbed: `${resource}:batchEmbedContents`,
  };
}

export const geminiAdapter = {
  displayName: 'Gemini',
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<GeminiConfig>): ProviderEndpoint<CallContext> {
    const { name: endpointName, modelName: model, config, now } = settings;
    if (!model) throw new Error("A Gemini endpoint needs 'model.name' (e.g. gemini-2.5-flash).");
    const paths = geminiPaths(model);
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: config.gemini_api_base ?? GEMINI_DEFAULT_API_BASE,
      headers: { 'x-goog-api-key': config.gemini_api_key },
      endpointName,
      providerName: 'Gemini',
      errorMessage: geminiErrorMessage,
      errorHints: geminiErrorHints,
    });
    const streamContext = (body: GeminiGenerateContentRequest) => ({
      model,
      created: now(),
      endpointName,
      candidateCount: body.generationConfig?.candidateCount,
      grounded: body.tools?.some((tool) => tool.googleSearch !== undefined),
    });
    switch (settings.endpointType) {
      case 'llm/v1/chat': {
        const thinking = geminiThinkingControl(model);
        const chatOptions = { validatedMode: geminiTakesValidatedMode(model) };
        checkGeminiParameterDefaults(parameterDefaultsOf(config), thinking);
        return {
          chat: async (request, { abort }) => {
            const answer = await upstream.postJson(paths.generate, toGeminiChat(request, thinking, chatOptions), { signal: abort });
            return fromGeminiChat(usableGeminiAnswer(answer, endpointName), { model, created: now() });
          },
          chatStream: (request, { abort }) => {
            const body = toGeminiChat(request, thinking, chatOptions);
            return foldEvents(upstream.postStream(paths.stream, body, { signal: abort }), createGeminiChatStream(streamContext(body)));
          },
        };
      }
      case 'llm/v1/completions':
        checkGeminiParameterDefaults(parameterDefaultsOf(config), undefined);
        return {
          completions: async (request, { abort }) => {
            const answer = await upstream.postJson(paths.generate, toGeminiCompletions(request), { signal: abort });
            return fromGeminiCompletions(usableGeminiAnswer(answer, endpointName), { model, created: now() });
          },
          completionsStream: (request, { abort }) => {
            const body = toGeminiCompletions(request);
            return foldEvents(upstream.postStream(paths.stream, body, { signal: abort }), createGeminiCompletionsStream(streamContext(body)));
          },
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { abort, answeredBatches }) => {
            const calls = toGeminiEmbeddings(request, { model });
            const encodingFormat = encodingFormatOf(request, GEMINI);
            // Each answer is read (and counted) as it arrives, so that only readable ones are kept for a retry.
            const send = async (call: GeminiEmbeddingsCall) => {
              const answer = await upstream.postJson(call.operation === 'embedContent' ? paths.embed : paths.batchEmbed, call.body, { signal: abort });
              return checkedCallVectors(geminiEmbeddingVectors(answer), { inputs: textsOfCall(call), split: calls.length > 1 });
            };
            // Gemini reports no usage for embeddings: a call answered before a later one failed counts its texts' estimate.
            const onServed = (_vectors: unknown, call: GeminiEmbeddingsCall) => noteServedRequest(abort, { usage: null, sent: contentsOfCall(call), partOfRequest: true });
            return fromGeminiEmbeddings(await answersInOrder(calls, send, answeredBatches, onServed), { model, encodingFormat, dimensionsAsked: request.dimensions !== undefined });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<GeminiConfig, CallContext>;
