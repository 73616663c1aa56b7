/**
 * AI21's Jamba models (`jamba-large`, `jamba-mini`, dated versions such as `jamba-mini-1.7`) on its
 * chat completions API, which is OpenAI-shaped, so OpenAI's mappers do the work and this file adds
 * Jamba's quirks. Vendor references:
 * - Chat request: https://docs.ai21.com/reference/jamba-1-6-api-ref
 *   (`POST {base}/chat/completions`: model, messages, tools, documents, response_format,
 *   max_tokens, temperature, top_p, stop, n, stream)
 * - Chat response and stream: https://docs.ai21.com/reference/jamba-api-response
 *   (no `created` or `model`; SSE chunks `{"role":"assistant"}`, then content, usage on the last
 *   chunk, `data: [DONE]`)
 *
 * Requests: content given as a list of text parts is joined (other parts are a 400); `developer`
 * messages go as `system`; only the fields Jamba's messages have are sent (role, content,
 * `tool_calls`, `tool_call_id`), so names and reasoning fields are left out, and an assistant turn
 * of tool calls alone has an empty content (Jamba's content is a required string).
 * `max_completion_tokens` goes as `max_tokens`; `stream_options` is not sent (the last chunk always
 * carries usage); `response_format` is `text` or `json_object` (Jamba has JSON mode, no schemas);
 * `tool_choice: "auto"` is what Jamba does with tools anyway and is not sent, nor is OpenAI's
 * `allowed_tools` with mode `auto`, whose tools alone are sent; Jamba takes no `tool_choice`, so any
 * other choice is a 400 naming it; `parallel_tool_calls` as for other vendors without it
 * (shared/parameters.ts). OpenAI parameters Jamba's reference does not list are a 400 naming the
 * parameter; AI21's own (`documents`) pass through.
 *
 * Answers: `created` is the gateway's clock and `model` the configured one when AI21 leaves them
 * out; tool calls given beside the message (as the response page draws them) are read as the
 * message's, arguments given as an object become JSON text, and a choice that called tools and
 * ended with `stop` ends with `tool_calls`, as OpenAI's clients expect; a finish reason outside
 * OpenAI's set (one AI21 adds later) is `tool_calls` after tool calls, else `stop`. Completions on a Jamba model
 * go through the same API, the prompt as the one user message (the J2 complete API is gone).
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, CompletionsChunk, CompletionsRequest, CompletionsResponse } from '../../schema';
import { createOpenAIChatStream, createOpenAICompletionsStream, fromOpenAIChat, fromOpenAICompletions, mapOpenAIChoices, type OpenAINormaliser } from '../openai';
import { inOpenAIFinishReasons } from '../shared/finish-reasons';
import { refuseFunctionMessages } from '../shared/function-messages';
import { isRecord } from '../shared/json';
import { messageText, OPENAI_ONLY_PARAMETERS, rejectNativeNames, rejectUnsupportedParameters, withMaxTokens, withoutNoOpValues, withParallelToolCallsAllowed } from '../shared/parameters';
import { allowedToolsOf, withAllowedTools } from '../shared/tool-choice';
import type { StreamFold } from '../transport/sse';
import { AI21LABS_NAME } from './completions';

type Wire = Record<string, unknown>;

// ---- Wire types (only the fields we normalise) ----

interface JambaToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: unknown };
}

/** A choice of an answer (`message`) or of a stream chunk (`delta`); some answers put `tool_calls` beside the message. */
interface JambaChoice {
  index?: number;
  message?: { role?: string; content?: string | null; tool_calls?: JambaToolCall[] | null };
  delta?: { role?: string; content?: string | null; tool_calls?: JambaToolCall[] | null };
  tool_calls?: JambaToolCall[] | null;
  finish_reason?: string | null;
}

/** What an answer lacks that the unified one has: the configured model and the gateway's clock. */
export interface JambaAnswerContext {
  model: string;
  now: () => number;
}

// ---- Requests ----

/** OpenAI parameters the Jamba chat reference does not list. */
const UNSUPPORTED_PARAMETERS = ['presence_penalty', 'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'seed', 'user', 'top_k', 'tool_choice', ...OPENAI_ONLY_PARAMETERS];

/** Completions have no tools to call and none of OpenAI's completions-only parameters at Jamba. */
const UNSUPPORTED_COMPLETIONS_PARAMETERS = [...UNSUPPORTED_PARAMETERS, 'tools', 'echo', 'suffix', 'best_of'];

/** `tool_choice: "auto"` is Jamba's behaviour with tools; any other choice is refused (in chat first by withJambaToolChoice, in completions by UNSUPPORTED_PARAMETERS). */
const JAMBA_NO_OP_VALUES = { tool_choice: 'auto' };

const JSON_MODES = ['text', 'json_object'];

function checkResponseFormat(responseFormat: unknown): void {
  if (responseFormat === undefined) return;
  const type = isRecord(responseFormat) ? responseFormat.type : undefined;
  if (typeof type === 'string' && JSON_MODES.includes(type)) return;
  throw GatewayError.invalidParam(
    `'response_format.type' must be text or json_object for ${AI21LABS_NAME} (Jamba has a JSON mode, not JSON Schema outputs).`,
    'response_format.type',
  );
}

/** The parameter checks and renames shared by chat and completions (pure: also run on an endpoint's defaults). */
function toJambaParameters(clientRequest: Wire, unsupported: readonly string[]): Wire {
  const request = withoutNoOpValues(clientRequest, JAMBA_NO_OP_VALUES);
  rejectUnsupportedParameters(request, unsupported, AI21LABS_NAME);
  checkResponseFormat(request.response_format);
  const { stream_options: _usageAlwaysSent, ...rest } = withMaxTokens(withParallelToolCallsAllowed(request, AI21LABS_NAME));
  return rest;
}

export function checkJambaChatParameters(request: Readonly<Wire>): Wire {
  return toJambaParameters(request, UNSUPPORTED_PARAMETERS);
}

/** As for Jurassic-2 completions, AI21's own spellings of unified names are the reference's 422. */
export function checkJambaCompletionsParameters(request: Readonly<Wire>): Wire {
  rejectNativeNames(request, { stopSequences: 'stop', numResults: 'n', maxTokens: 'max_tokens' });
  return toJambaParameters(request, UNSUPPORTED_COMPLETIONS_PARAMETERS);
}

/** A message as Jamba takes it: its documented fields only, the content as text. */
function toJambaMessage(message: ChatMessage, index: number): Wire {
  const role = message.role === 'developer' ? 'system' : message.role;
  const calls = message.tool_calls;
  const hasCalls = Array.isArray(calls) && calls.length > 0;
  const content = hasCalls && (message.content === undefined || message.content === null) ? '' : messageText(message, index, AI21LABS_NAME);
  const jamba: Wire = { role, content };
  if (hasCalls) jamba.tool_calls = calls;
  if (typeof message.tool_call_id === 'string') jamba.tool_call_id = message.tool_call_id;
  return jamba;
}

const ALLOWED_MODE = 'tool_choice.allowed_tools.mode';
const NO_TOOL_CHOICE = "Jamba's chat API has no tool_choice; the model calls a tool when it decides to";

/**
 * Jamba takes no `tool_choice` (its reference above and AI21's SDK have none), so only what it does
 * anyway can be honoured: "auto", and OpenAI's `allowed_tools` with mode `auto` as the allowed tools
 * alone. Mode `required`, or any other choice, asks for what nothing can make Jamba do: a 400.
 */
function withJambaToolChoice(request: ChatRequest): ChatRequest {
  const choice = request.tool_choice;
  if (choice === undefined || choice === 'auto') return request;
  const allowed = allowedToolsOf(request, AI21LABS_NAME);
  if (allowed === null) {
    throw GatewayError.invalidParam(`tool_choice: ${AI21LABS_NAME} accepts 'auto' or {"type":"allowed_tools",...} of function tools with mode "auto" (${NO_TOOL_CHOICE}), not ${quotedJson(choice)}.`, 'tool_choice');
  }
  if (allowed.mode === 'required') {
    throw GatewayError.invalidParam(`${ALLOWED_MODE}: ${AI21LABS_NAME} cannot be made to call a tool (${NO_TOOL_CHOICE}): send mode "auto", or leave tool_choice out.`, ALLOWED_MODE);
  }
  return withAllowedTools(request, AI21LABS_NAME);
}

/** The body of `POST {base}/chat/completions`; `model` and `stream` are the endpoint's, not the client's. */
export function toJambaChat(request: ChatRequest, { model, stream = false }: { model: string; stream?: boolean }): Wire {
  const { messages, model: _clientModel, stream: _clientStream, ...parameters } = checkJambaChatParameters(withJambaToolChoice(request)) as ChatRequest;
  refuseFunctionMessages(messages, AI21LABS_NAME);
  return { model, messages: messages.map(toJambaMessage), ...parameters, ...(stream ? { stream: true } : {}) };
}

/** Completions on a Jamba model: the prompt is the one user message. */
export function toJambaCompletions(request: CompletionsRequest, { model, stream = false }: { model: string; stream?: boolean }): Wire {
  const { prompt, model: _clientModel, stream: _clientStream, ...parameters } = checkJambaCompletionsParameters(request) as CompletionsRequest;
  return { model, messages: [{ role: 'user', content: prompt }], ...parameters, ...(stream ? { stream: true } : {}) };
}

// ---- Answers and streams ----

function normaliseToolCall(call: JambaToolCall): JambaToolCall {
  return { ...call, type: call.type ?? 'function' };
}

/**
 * A choice in OpenAI's shape: tool calls beside the message moved into it, typed; `stop` after
 * tool calls (`calledTools`: this choice called some, in this body or earlier in its stream) as
 * `tool_calls`.
 */
function normaliseChoice(choice: JambaChoice, calledTools: boolean): JambaChoice {
  const { tool_calls: besideMessage, ...rest } = choice;
  const message = rest.message && { ...rest.message, tool_calls: (rest.message.tool_calls ?? besideMessage)?.map(normaliseToolCall) ?? null };
  const delta = rest.delta && { ...rest.delta, ...(rest.delta.tool_calls ? { tool_calls: rest.delta.tool_calls.map(normaliseToolCall) } : {}) };
  return {
    ...rest,
    ...(message ? { message } : {}),
    ...(delta ? { delta } : {}),
    finish_reason: mapJambaFinishReason(choice.finish_reason, calledTools),
  };
}

const hasToolCalls = (choice: JambaChoice): boolean =>
  [choice.tool_calls, choice.message?.tool_calls, choice.delta?.tool_calls].some((calls) => Array.isArray(calls) && calls.length > 0);

/**
 * A normaliser for one answer or one stream: it fills in `created` and `model`, and remembers per
 * choice whether a tool was called (a stream's calls come before its finish reason).
 */
function createJambaNormaliser({ model, now }: JambaAnswerContext): OpenAINormaliser {
  const created = now();
  const calledTools = new Set<number>();
  return (body) => {
    const withEnvelope = { ...body, created: body.created ?? created, model: body.model ?? model };
    return mapOpenAIChoices<JambaChoice>(withEnvelope, (choice, choiceIndex) => {
      if (hasToolCalls(choice)) calledTools.add(choiceIndex);
      return normaliseChoice(choice, calledTools.has(choiceIndex));
    });
  };
}

export function fromJambaChat(body: unknown, context: JambaAnswerContext): ChatResponse {
  return fromOpenAIChat(body, createJambaNormaliser(context));
}

export function createJambaChatStream(context: JambaAnswerContext): StreamFold<ChatChunk> {
  return createOpenAIChatStream(createJambaNormaliser(context));
}

export function fromJambaCompletions(body: unknown, context: JambaAnswerContext): CompletionsResponse {
  return fromOpenAICompletions(body, createJambaNormaliser(context));
}

/** Chat-shaped chunks read as completions chunks (`delta.content` is the text). */
export function createJambaCompletionsStream(context: JambaAnswerContext): StreamFold<CompletionsChunk> {
  return createOpenAICompletionsStream(createJambaNormaliser(context));
}

/**
 * Jamba ends with `stop` (the end, or a stop sequence) or `length` (max_tokens); `stop` after tool
 * calls is OpenAI's `tool_calls`, and so is a reason AI21 adds later (else `stop`: shared/finish-reasons.ts).
 */
export function mapJambaFinishReason(reason: string | null | undefined, calledTools: boolean): string | null {
  if (reason === 'stop' && calledTools) return 'tool_calls';
  return inOpenAIFinishReasons(reason, calledTools);
}
