/**
 * Gemini wire types (Google AI Studio, v1beta REST, camelCase JSON): only the fields we write or
 * read. Reference: https://ai.google.dev/api/generate-content and https://ai.google.dev/api/embeddings
 */

/** The vendor's name in the gateway's messages. */
export const GEMINI = 'Gemini';

export interface GeminiFunctionCall {
  /** Sent by some models; we derive an id when it is missing. */
  id?: string;
  name: string;
  args?: Record<string, unknown>;
}

export interface GeminiFunctionResponse {
  id?: string;
  name: string;
  response: Record<string, unknown>;
}

/** One part of a content: exactly one of text, media, function call or function response. */
export interface GeminiPart {
  text?: string;
  /** A thought summary (only with `includeThoughts`); never shown as answer text. */
  thought?: boolean;
  /** Opaque signature of the model's reasoning; Gemini 3 needs it back on function calls. */
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: GeminiFunctionCall;
  functionResponse?: GeminiFunctionResponse;
}

export interface GeminiContent {
  role?: 'user' | 'model';
  parts: GeminiPart[];
}

/** Thinking control: a token budget (Gemini 2.5) or a level (Gemini 3), never both. */
export interface GeminiThinkingConfig {
  thinkingBudget?: number;
  thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high';
  /** Asks for thought summaries: parts marked `thought: true`. */
  includeThoughts?: boolean;
}

export interface GeminiGenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  candidateCount?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  presencePenalty?: number;
  frequencyPenalty?: number;
  seed?: number;
  responseMimeType?: string;
  responseJsonSchema?: Record<string, unknown>;
  /** Asks for the chosen tokens' log probabilities (`logprobsResult`). */
  responseLogprobs?: boolean;
  /** How many most likely tokens to report at each step (needs `responseLogprobs`). */
  logprobs?: number;
  thinkingConfig?: GeminiThinkingConfig;
}

export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  /** The JSON Schema, whole (Gemini's `parameters` field takes only its OpenAPI subset). */
  parametersJsonSchema?: Record<string, unknown>;
}

/** `VALIDATED`: `AUTO` with the calls held to their schemas (tools.ts). */
export type GeminiFunctionCallingMode = 'AUTO' | 'ANY' | 'NONE' | 'VALIDATED';

export interface GeminiToolConfig {
  functionCallingConfig: { mode: GeminiFunctionCallingMode; allowedFunctionNames?: string[] };
}

/** One entry of `tools`: the client's functions, or Google Search grounding (`web_search_options`). */
export interface GeminiTool {
  functionDeclarations?: GeminiFunctionDeclaration[];
  /** Gemini searches the web itself. The API reference's spelling (https://ai.google.dev/api/caching#Tool); the guides' `google_search` is the same field. */
  googleSearch?: Record<string, never>;
}

export interface GeminiGenerateContentRequest {
  contents: GeminiContent[];
  systemInstruction?: { parts: GeminiPart[] };
  generationConfig?: GeminiGenerationConfig;
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
}

export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] };
  /** Absent while a stream is still going. */
  finishReason?: string;
  /** Gemini's own words on the finish, when it gives any (e.g. the malformed call's text). */
  finishMessage?: string;
  /** With `responseLogprobs`: the tokens of this answer (or of this stream event). */
  logprobsResult?: GeminiLogprobsResult;
  /** Ratings of the answer; `blocked` marks the categories that stopped it. */
  safetyRatings?: { category?: string; blocked?: boolean }[];
  /** With Google Search: the pages found and which text each supports (citations.ts reads it defensively). */
  groundingMetadata?: GeminiGroundingMetadata;
  index?: number;
}

/** https://ai.google.dev/api/generate-content#GroundingMetadata ; only what becomes citations. */
export interface GeminiGroundingMetadata {
  /** The pages found; Vertex AI adds `domain`. Other kinds of chunk (retrieved documents, places) have no `web`. */
  groundingChunks?: { web?: { uri?: string; title?: string; domain?: string } }[];
  groundingSupports?: GeminiGroundingSupport[];
}

/** A span of the answer and the chunks (by index) that support it. */
export interface GeminiGroundingSupport {
  /** In UTF-8 bytes from the start of part `partIndex`, end exclusive; JSON leaves out zeros, so a missing index is 0. */
  segment?: { partIndex?: number; startIndex?: number; endIndex?: number; text?: string };
  groundingChunkIndices?: number[];
}

export interface GeminiLogprobsCandidate {
  token?: string;
  tokenId?: number;
  logProbability?: number;
}

/** One entry per decoding step in both lists. */
export interface GeminiLogprobsResult {
  chosenCandidates?: GeminiLogprobsCandidate[];
  topCandidates?: { candidates?: GeminiLogprobsCandidate[] }[];
}

export interface GeminiUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  /** Reasoning tokens of thinking models, counted in `totalTokenCount` but not in `candidatesTokenCount`. */
  thoughtsTokenCount?: number;
  /** Tokens of the results of tools Gemini ran itself (Google Search…), fed back to the model as input; not part of `promptTokenCount`. */
  toolUsePromptTokenCount?: number;
  /** Tokens of the prompt's cached content (part of `promptTokenCount`). */
  cachedContentTokenCount?: number;
  totalTokenCount?: number;
}

/** A `generateContent` answer, and each event of a `streamGenerateContent` stream. */
export interface GeminiGenerateContentResponse {
  candidates?: GeminiCandidate[];
  /** Set, with no candidates, when the prompt itself was blocked. */
  promptFeedback?: { blockReason?: string };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
}

export interface GeminiEmbedContentRequest {
  content: { parts: GeminiPart[] };
  outputDimensionality?: number;
}

export interface GeminiBatchEmbedContentsRequest {
  requests: (GeminiEmbedContentRequest & { model: string })[];
}

export interface GeminiEmbedContentResponse {
  embedding?: { values?: number[] };
}

export interface GeminiBatchEmbedContentsResponse {
  embeddings?: { values?: number[] }[];
}
