/**
 * The provider contract. A provider adapter turns one configured endpoint into a ProviderEndpoint
 * once, at config load (URLs and headers are built there; connection pools at the first call); the
 * request path only calls its methods. Translation is pure: request in unified shape, response in unified shape.
 */
import type {
  ChatChunk,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  EndpointType,
} from '../schema';
import type { Logger } from '../server/logging';
import type { CallSignal } from './abort';
import type { AnsweredBatches } from './shared/embeddings';
import type { UpstreamTimeouts } from './transport/http';

/** What a provider call gets besides the request. */
export interface RequestContext {
  /** Aborted when the client disconnects or the total timeout passes; pass it to every upstream call. */
  readonly signal: AbortSignal;
}

/**
 * What the gateway passes: also the same abort without the cost of an AbortSignal, which
 * `createUpstream`'s calls and undici take. The built-in providers use `abort`; reading `signal`
 * makes the AbortSignal (see abort.ts).
 */
export interface CallContext extends RequestContext {
  readonly abort: CallSignal;
  /**
   * Embeddings: the calls answered by this destination in earlier attempts of the same request, for
   * `embeddedInBatches` / `answersInOrder` (a retry resumes at the batch that failed) or
   * `answersOfEach` (one call per text: a retry sends only the texts whose call failed).
   */
  readonly answeredBatches?: AnsweredBatches;
}

/** The client's own request fields that set what `reasoning_effort` is sent as (Claude's `thinking` and `output_config.effort`). */
export const REASONING_EFFORT_FIELDS = Object.freeze(['thinking', 'output_config.effort'] as const);
export type ReasoningEffortField = (typeof REASONING_EFFORT_FIELDS)[number];

/** One configured endpoint, compiled. Methods exist only for what the provider supports. */
export interface ProviderEndpoint<Context extends RequestContext = RequestContext> {
  /**
   * The client fields that replace an endpoint's `reasoning_effort` default on this model (decided
   * at config load): a request carrying one is sent without the default. Absent: both fields.
   * Read from the built-in providers only (a plugin's endpoint keeps the default, see plugins/modules.ts).
   */
  readonly reasoningEffortFields?: readonly ReasoningEffortField[];
  /**
   * True when the vendor reports a stream's usage only if `stream_options.include_usage` asks for it
   * (OpenAI's API, TGI's Messages API), and accepts that field: a token limit then asks for it (see
   * server/endpoint-request.ts). False when the field must not be added: the API refuses it (Azure OpenAI before
   * 2024-09-01), or the endpoint is a plugin's, whose contract is to send its usage unasked (its
   * request carries only the client's own `stream_options`). Absent: the gateway adds it for
   * `/v1/responses`, and the provider's mapper sends it or leaves it out.
   * Built-in providers set it; the gateway sets false on a plugin's endpoint (plugins/modules.ts).
   */
  readonly streamUsageWhenAsked?: boolean;
  /**
   * True when the vendor's completions take `prompt` as a list of strings and answer every prompt
   * in one call, each choice's `index` prompt position × n + choice, and take token ids (OpenAI's API
   * and Azure OpenAI; not other servers behind `openai_api_base`, some of which take a string only): a
   * `/v1/completions` request with several prompts is then sent whole, `prompt` that list. Otherwise
   * each prompt is a call of its own, and token ids are refused (server/several-prompts.ts).
   * Built-in providers only.
   */
  readonly takesPromptList?: boolean;
  /**
   * True when the endpoint's answers take `n` but its streams return one choice (Jamba completions
   * on Bedrock, streamed through ConverseStream): an `n` default, the operator's choice for when the
   * client says nothing, is then not applied to a stream; a client's own `n` still meets the stream's check.
   * Built-in providers only.
   */
  readonly streamsOneChoice?: boolean;
  /**
   * True for Claude (Anthropic, Claude on Bedrock): answers carry signed `thinking_blocks` that must
   * come back unchanged with tool results, so the gateway keeps them for clients that drop them
   * (src/server/kept-thinking.ts). Built-in providers only.
   */
  readonly signedThinking?: boolean;
  /**
   * The credentials the endpoint has sent that its config does not hold (an Entra ID token, the AWS
   * credentials the SDK resolved for a role or from its default chain), which change as they are
   * renewed: its failures are redacted of them, as of its config's. Built-in providers only.
   */
  readonly sentCredentials?: () => readonly string[];
  chat?(request: ChatRequest, context: Context): Promise<ChatResponse>;
  chatStream?(request: ChatRequest, context: Context): AsyncIterable<ChatChunk>;
  completions?(request: CompletionsRequest, context: Context): Promise<CompletionsResponse>;
  completionsStream?(request: CompletionsRequest, context: Context): AsyncIterable<CompletionsChunk>;
  embeddings?(request: EmbeddingsRequest, context: Context): Promise<EmbeddingsResponse>;
}

/** What an adapter is given for one endpoint: config with secrets already resolved. */
export interface EndpointSettings<Config> {
  /** Endpoint name, for error messages. */
  name: string;
  endpointType: EndpointType;
  /** `model.name` from the config. */
  modelName: string | null;
  config: Config;
  /** The endpoint's connect / first-byte / idle timeouts: built-in providers pass them to `createUpstream`, plugins to their HTTP client or SDK (the gateway enforces only `total` on a plugin). */
  timeouts: UpstreamTimeouts;
  /** The largest answer read whole (`server.max_answer_size`): built-in providers pass it to `createUpstream`; plugins bound their own reads with it. */
  maxAnswerBytes: number;
  /** Clock in Unix seconds (injectable for tests). */
  now: () => number;
  /** Built-in providers only: where what is no one request's is logged (an Entra ID token server's outage). */
  logger?: Logger;
}

/** `Context`: the built-in providers take a CallContext; plugins, the documented RequestContext. */
export interface ProviderAdapter<Config = unknown, Context extends RequestContext = RequestContext> {
  /** Name used in messages, e.g. `OpenAI`. */
  displayName: string;
  /** Endpoint types this provider serves; others are refused at config load. */
  endpointTypes: readonly EndpointType[];
  /**
   * Called once per endpoint at config load. Throws Error with a message for a bad config, the
   * GatewayError a request check throws for a parameter default in the config (reported at
   * `model.config.<param>`, shared/parameter-defaults.ts), or a built-in provider's ConfigKeyError
   * for a setting it refuses (reported at its key, shared/config-key-error.ts). The
   * built-in adapters are also called by the config check, whose result is dropped: they build
   * nothing that outlives the call (pools and SDK clients are taken at the first request).
   */
  createEndpoint(settings: EndpointSettings<Config>): ProviderEndpoint<Context>;
}
