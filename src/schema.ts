/** Short names for the unified API types generated from openapi/ (see generated/api.ts). */
import type { components } from '../generated/api';

type Schemas = components['schemas'];
/**
 * A chat request as providers (built-in and plugins) get it. The gateway drops every null before
 * translation (null counts as absent, as in MLflow), so the fields a client may send as null (the
 * SDK's `ClientChatRequest`: `max_tokens`, `tools`, a message's `name`, the null `tool_calls` an
 * answer's message holds, ...) are absent instead.
 */
export type ChatRequest = NullsDropped<WithFields<Schemas['ChatRequest'], { messages: ChatMessage[]; tools: Tool[] }>>;
export type ChatMessage = NullsDropped<Schemas['ChatMessage'], 'tool_calls' | 'tool_call_id' | 'name'>;
export type Tool = WithFields<Schemas['Tool'], { function: NullsDropped<Schemas['FunctionDefinition']> }>;

/**
 * `Type` with each field named in `Fields` of the type given there (optional as before). A mapped
 * type, not Omit: the generated types have an index signature, which Omit would keep alone.
 */
type WithFields<Type, Fields> = { [Name in keyof Type]: Name extends keyof Fields ? Fields[Name] : Type[Name] };
/** `Type` whose fields `Key` (all by default) cannot be null. */
type NullsDropped<Type, Key extends keyof Type = keyof Type> = { [Name in keyof Type]: Name extends Key ? Exclude<Type[Name], null> : Type[Name] };
/** A chat request as a client may send it (the SDK's type). */
export type ClientChatRequest = Schemas['ChatRequest'];
export type ContentPart = Schemas['ContentPart'];
export type ToolCall = Schemas['ToolCall'];
export type ChatResponse = Schemas['ChatResponse'];
export type ChatChoice = Schemas['ChatChoice'];
export type ChatChunk = Schemas['ChatChunk'];
export type ToolCallDelta = Schemas['ToolCallDelta'];
export type ThinkingBlock = Schemas['ThinkingBlock'];
export type ThinkingBlockDelta = Schemas['ThinkingBlockDelta'];
/** A web page an answer cites (OpenAI's `url_citation` annotation). */
export type UrlCitation = Schemas['UrlCitation'];
/**
 * A completions request as providers get it: without the nulls a client may send, `prompt` one text.
 * Only a provider that `takesPromptList` (OpenAI's API, Azure OpenAI) is sent `prompt` as the client sent it (a list of
 * texts, token ids); the gateway refuses token ids for any other before calling it (several-prompts.ts).
 */
export type CompletionsRequest = NullsDropped<Schemas['CompletionsRequest']> & { prompt: string };
/** A completions request as a client of the MLflow routes sends it (the SDK's type): one text prompt. */
export type ClientCompletionsRequest = Schemas['CompletionsRequest'] & { prompt: string };
export type CompletionsResponse = Schemas['CompletionsResponse'];
export type CompletionsChoice = Schemas['CompletionsChoice'];
export type CompletionsChunk = Schemas['CompletionsChunk'];
export type EmbeddingsRequest = Schemas['EmbeddingsRequest'];
/** A Responses API request (`/v1/responses`) without the nulls a client may send (dropped before translation). */
export type ResponsesRequest = NullsDropped<Schemas['ResponsesRequest']>;
export type ResponsesInputItem = Schemas['ResponsesInputItem'];
export type ResponsesInputContent = Schemas['ResponsesInputContent'];
export type ResponsesFunctionTool = Schemas['ResponsesFunctionTool'];
export type ResponsesTextFormat = Schemas['ResponsesTextFormat'];
export type ResponsesResponse = Schemas['ResponsesResponse'];
export type ResponsesDeleted = Schemas['ResponsesDeleted'];
export type ResponsesInputItemList = Schemas['ResponsesInputItemList'];
export type ResponsesListedItem = Schemas['ResponsesListedItem'];
export type ResponsesOutputItem = Schemas['ResponsesOutputItem'];
export type ResponsesOutputContent = Schemas['ResponsesOutputContent'];
export type ResponsesUrlCitation = Schemas['ResponsesUrlCitation'];
export type ResponsesUsage = Schemas['ResponsesUsage'];
export type ResponsesStreamEvent = Schemas['ResponsesStreamEvent'];
export type EmbeddingsResponse = Schemas['EmbeddingsResponse'];
export type Usage = Schemas['Usage'];
export type PromptTokensDetails = Schemas['PromptTokensDetails'];
export type CompletionTokensDetails = Schemas['CompletionTokensDetails'];
export type EndpointView = Schemas['Endpoint'];
export type EndpointListView = Schemas['EndpointList'];
export type LegacyRouteView = Schemas['LegacyRoute'];
export type TrafficRouteView = Schemas['TrafficRoute'];
export type ModelView = Schemas['Model'];
export type ModelListView = Schemas['ModelList'];
export type ErrorResponse = Schemas['ErrorResponse'];
export type OpenAIErrorResponse = Schemas['OpenAIErrorResponse'];
export type StreamError = Schemas['StreamError'];
export type { EndpointType, ProviderName, GatewayConfig } from '../generated/config';
