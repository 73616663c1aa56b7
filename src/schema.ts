/** Short names for the unified API types generated from openapi/ (see generated/api.ts). */
import type { components } from '../generated/api';

type Schemas = components['schemas'];
/**
 * A chat request as providers (built-in and plugins) get it. The gateway drops every null before
 * translation, so a message's `tool_calls` is a list or absent, though a client may send the null
 * an answer's message holds (the SDK's `ClientChatRequest`).
 */
export type ChatRequest = WithField<Schemas['ChatRequest'], 'messages', ChatMessage[]>;
export type ChatMessage = WithField<Schemas['ChatMessage'], 'tool_calls', ToolCall[]>;

/**
 * `Type` with `key` of type `Value` (optional as before). A mapped type, not Omit: the generated
 * types have an index signature, which Omit would keep alone.
 */
type WithField<Type, Key extends keyof Type, Value> = { [Name in keyof Type]: Name extends Key ? Value : Type[Name] };
/** A chat request as a client may send it (the SDK's type). */
export type ClientChatRequest = Schemas['ChatRequest'];
export type ContentPart = Schemas['ContentPart'];
export type Tool = Schemas['Tool'];
export type ToolCall = Schemas['ToolCall'];
export type ChatResponse = Schemas['ChatResponse'];
export type ChatChoice = Schemas['ChatChoice'];
export type ChatChunk = Schemas['ChatChunk'];
export type ToolCallDelta = Schemas['ToolCallDelta'];
export type ThinkingBlock = Schemas['ThinkingBlock'];
export type ThinkingBlockDelta = Schemas['ThinkingBlockDelta'];
export type CompletionsRequest = Schemas['CompletionsRequest'];
export type CompletionsResponse = Schemas['CompletionsResponse'];
export type CompletionsChunk = Schemas['CompletionsChunk'];
export type EmbeddingsRequest = Schemas['EmbeddingsRequest'];
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
