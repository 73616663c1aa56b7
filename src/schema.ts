/** Short names for the unified API types generated from openapi/ (see generated/api.ts). */
import type { components } from '../generated/api';

type Schemas = components['schemas'];
export type ChatRequest = Schemas['ChatRequest'];
export type ChatMessage = Schemas['ChatMessage'];
export type ContentPart = Schemas['ContentPart'];
export type Tool = Schemas['Tool'];
export type ToolCall = Schemas['ToolCall'];
export type ChatResponse = Schemas['ChatResponse'];
export type ChatChoice = Schemas['ChatChoice'];
export type ChatChunk = Schemas['ChatChunk'];
export type ToolCallDelta = Schemas['ToolCallDelta'];
export type CompletionsRequest = Schemas['CompletionsRequest'];
export type CompletionsResponse = Schemas['CompletionsResponse'];
export type CompletionsChunk = Schemas['CompletionsChunk'];
export type EmbeddingsRequest = Schemas['EmbeddingsRequest'];
export type EmbeddingsResponse = Schemas['EmbeddingsResponse'];
export type Usage = Schemas['Usage'];
export type EndpointView = Schemas['Endpoint'];
export type EndpointListView = Schemas['EndpointList'];
export type LegacyRouteView = Schemas['LegacyRoute'];
export type TrafficRouteView = Schemas['TrafficRoute'];
export type ModelView = Schemas['Model'];
export type ModelListView = Schemas['ModelList'];
export type ErrorResponse = Schemas['ErrorResponse'];
export type OpenAIErrorResponse = Schemas['OpenAIErrorResponse'];
export type { EndpointType, ProviderName, GatewayConfig } from '../generated/config';
