/* Generated from config-schema/gateway-config.schema.json by scripts/generate.ts. Do not edit; run `npm run generate`. */

/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "EndpointType".
 */
export type EndpointType = 'llm/v1/chat' | 'llm/v1/completions' | 'llm/v1/embeddings';
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Model".
 */
export type Model = {
  provider: ProviderName | PluginProviderName;
  /**
   * The provider's model name (Azure's deployment API: ignored, the deployment decides; Azure's v1 API, a base ending in /openai/v1: the deployment's name, required).
   */
  name?: string | null;
  /**
   * Provider settings (keys, base URL) and parameter defaults; a plugin provider's config is validated against the JSON Schema its package ships.
   */
  config?: {};
};
/**
 * Built-in provider id. Case and `-`/`_` are normalised (`OpenAI`, `AMAZON_BEDROCK` work). `mock` is a built-in fake for demos and tests.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "ProviderName".
 */
export type ProviderName =
  | 'openai'
  | 'anthropic'
  | 'gemini'
  | 'bedrock'
  | 'amazon-bedrock'
  | 'cohere'
  | 'mistral'
  | 'togetherai'
  | 'huggingface-text-generation-inference'
  | 'ai21labs'
  | 'mosaicml'
  | 'palm'
  | 'mlflow-model-serving'
  | 'mock';
/**
 * A provider declared by a package listed under `plugins`, spelt exactly as the package declares it: lowercase letters, digits, `.`, `_` and `-`, optionally scoped (`@acme/llm`).
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "PluginProviderName".
 */
export type PluginProviderName = string;
/**
 * A rate limit for the endpoint as a whole: all clients, every route that reaches it (`/endpoints`, `/gateway`, `/v1`, traffic and fallback routes), all `--workers` processes, and all hosts sharing a `rate_limit_store`. Set `calls`, `tokens` or both.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Limit".
 */
export type Limit = Limit1 & {
  /**
   * Requests admitted per window (0 refuses every request; at most 9007199254740991, the largest whole number counted exactly).
   */
  calls?: number;
  /**
   * Tokens per window, counted from the usage the provider reports (total_tokens); an answer or stream whose usage gives no total (none at all: a stream the client left, the upstream cut or a timeout ended; a server that reports none) counts an estimate of its prompt and of what it generated. Requests are refused while the window's tokens are spent. At most 9007199254740991, the largest whole number counted exactly.
   */
  tokens?: number;
  /**
   * second, minute, hour, day, month or year, optionally with a count: `2 minutes`. At most 10 years (a month is 30 days, a year 360, as MLflow's `limits` library counts): a longer window would never renew while the gateway runs, and its length in milliseconds must stay a whole number Redis takes as an expiry.
   */
  renewal_period: string;
  /**
   * Accepted for MLflow compatibility; not used.
   */
  key?: string | null;
};
export type Limit1 =
  | {
      calls: unknown;
    }
  | {
      tokens: unknown;
    };
/**
 * A rate limit for the endpoint as a whole: all clients, every route that reaches it (`/endpoints`, `/gateway`, `/v1`, traffic and fallback routes), all `--workers` processes, and all hosts sharing a `rate_limit_store`. Set `calls`, `tokens` or both.
 */
export type Limit2 = (
  | {
      calls: unknown;
    }
  | {
      tokens: unknown;
    }
) & {
  /**
   * Requests admitted per window (0 refuses every request; at most 9007199254740991, the largest whole number counted exactly).
   */
  calls?: number;
  /**
   * Tokens per window, counted from the usage the provider reports (total_tokens); an answer or stream whose usage gives no total (none at all: a stream the client left, the upstream cut or a timeout ended; a server that reports none) counts an estimate of its prompt and of what it generated. Requests are refused while the window's tokens are spent. At most 9007199254740991, the largest whole number counted exactly.
   */
  tokens?: number;
  /**
   * second, minute, hour, day, month or year, optionally with a count: `2 minutes`. At most 10 years (a month is 30 days, a year 360, as MLflow's `limits` library counts): a longer window would never renew while the gateway runs, and its length in milliseconds must stay a whole number Redis takes as an expiry.
   */
  renewal_period: string;
  /**
   * Accepted for MLflow compatibility; not used.
   */
  key?: string | null;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "OpenAIConfig".
 */
export type OpenAIConfig = ParameterDefaults & {
  /**
   * OpenAI or Azure key (for `azuread`, an Entra ID token; leave it out for the gateway to get and renew tokens itself from Azure's credential chain). A `$ENV_VAR` name, the path of a file holding the value, or the value itself. Required unless `openai_api_type` is `azuread`.
   */
  openai_api_key?: string;
  /**
   * `openai` (default), `azure` (key in `api-key` header) or `azuread` (bearer token). Case-insensitive.
   */
  openai_api_type?: 'openai' | 'azure' | 'azuread';
  /**
   * Base URL of the OpenAI API up to and including the version segment (default `https://api.openai.com/v1`); the operation path is appended. Point it at a proxy or a test server.
   */
  openai_api_base?: string;
  /**
   * Azure API version, sent as `?api-version=`.
   */
  openai_api_version?: string;
  /**
   * Azure deployment name.
   */
  openai_deployment_name?: string;
  /**
   * Sent as `OpenAI-Organization` (openai type only).
   */
  openai_organization?: string;
  /**
   * `azuread` without `openai_api_key` only: the client ID of the user-assigned managed identity (or workload identity) the gateway gets Entra ID tokens as, instead of `AZURE_CLIENT_ID` or the system-assigned identity.
   */
  azure_client_id?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "AnthropicConfig".
 */
export type AnthropicConfig = ParameterDefaults & {
  /**
   * Anthropic key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  anthropic_api_key: string;
  /**
   * `anthropic-version` header (default `2023-06-01`).
   */
  anthropic_version?: string;
  /**
   * Base URL of the Anthropic API up to and including the version segment (default `https://api.anthropic.com/v1`); the operation path is appended. Point it at a proxy or a test server.
   */
  anthropic_api_base?: string;
  /**
   * Anthropic beta features to turn on for every call of this endpoint (e.g. `context-1m-2025-08-07`), sent as the `anthropic-beta` header: a list of beta names, or one string of names separated by commas as in the header. Each name is refused at load if empty or holding a comma or whitespace. Betas can change billing, so only the config sets them; a client cannot.
   */
  anthropic_beta?: string | [string, ...string[]];
  /**
   * Chat endpoints only: what every web search tool this endpoint sends to Anthropic carries (a request's `web_search_options` adds the tool), so that the operator bounds what searches cost and where they look; a client cannot widen it. A gateway setting: MLflow has none.
   */
  web_search?: {
    /**
     * The most searches Anthropic runs for one call (its tool's `max_uses`); a search over it fails with `max_uses_exceeded` and Claude answers without. Each search is billed.
     */
    max_uses?: number;
    /**
     * Only pages of these domains are searched and cited (the tool's `allowed_domains`): host names without a scheme, e.g. `example.com` (its subdomains included) or `docs.example.com`, optionally with a path (`example.com/blog`).
     *
     * @minItems 1
     */
    allowed_domains?: [string, ...string[]];
    /**
     * Pages of these domains are never searched or cited (the tool's `blocked_domains`), written as in `allowed_domains`. Anthropic refuses both lists in one call, so an endpoint sets one or the other.
     *
     * @minItems 1
     */
    blocked_domains?: [string, ...string[]];
  };
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "GeminiConfig".
 */
export type GeminiConfig = ParameterDefaults & {
  /**
   * Google AI Studio key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  gemini_api_key: string;
  /**
   * Base URL of the Gemini API up to and including the version segment (default `https://generativelanguage.googleapis.com/v1beta`); the operation path is appended. Point it at a proxy or a test server.
   */
  gemini_api_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "PaLMConfig".
 */
export type PaLMConfig = ParameterDefaults & {
  /**
   * PaLM key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  palm_api_key: string;
  /**
   * Base URL of the PaLM API up to and including the version segment (default `https://generativelanguage.googleapis.com/v1beta3`); the operation path is appended. Point it at a proxy or a test server.
   */
  palm_api_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "CohereConfig".
 */
export type CohereConfig = ParameterDefaults & {
  /**
   * Cohere key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  cohere_api_key: string;
  /**
   * Base URL of the Cohere API up to and including the version segment (default `https://api.cohere.ai/v1`); the operation path is appended. Point it at a proxy or a test server.
   */
  cohere_api_base?: string;
  /**
   * Base URL of Cohere's v2 API, where chat requests with tools, tool history or thinking go (`/chat` is appended). Default: `cohere_api_base` with its final `/v1` as `/v2`; set it when that base does not end in `/v1` (a proxy path).
   */
  cohere_api_v2_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "AI21LabsConfig".
 */
export type AI21LabsConfig = ParameterDefaults & {
  /**
   * AI21 Labs key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  ai21labs_api_key: string;
  /**
   * Base URL of the AI21 Labs API up to and including the version segment (default `https://api.ai21.com/studio/v1`); the operation path is appended. Point it at a proxy or a test server.
   */
  ai21labs_api_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "MosaicMLConfig".
 */
export type MosaicMLConfig = ParameterDefaults & {
  /**
   * MosaicML key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  mosaicml_api_key: string;
  /**
   * Base URL of the MosaicML API up to and including the version segment (default `https://models.hosted-on.mosaicml.hosting`); the operation path is appended. Point it at a proxy or a test server.
   */
  mosaicml_api_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "MistralConfig".
 */
export type MistralConfig = ParameterDefaults & {
  /**
   * Mistral key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  mistral_api_key: string;
  /**
   * Base URL of the Mistral API up to and including the version segment (default `https://api.mistral.ai/v1`); the operation path is appended. Point it at a proxy or a test server.
   */
  mistral_api_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "TogetherAIConfig".
 */
export type TogetherAIConfig = ParameterDefaults & {
  /**
   * Together AI key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  togetherai_api_key: string;
  /**
   * Base URL of the Together AI API up to and including the version segment (default `https://api.together.xyz/v1`); the operation path is appended. Point it at a proxy or a test server.
   */
  togetherai_api_base?: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "MlflowModelServingConfig".
 */
export type MlflowModelServingConfig = ParameterDefaults & {
  /**
   * Base URL of the MLflow model server; `/invocations` is appended.
   */
  model_server_url: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "HuggingFaceTGIConfig".
 */
export type HuggingFaceTGIConfig = ParameterDefaults & {
  /**
   * Base URL of the Text Generation Inference server.
   */
  hf_server_url: string;
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "BedrockConfig".
 */
export type BedrockConfig = ParameterDefaults & {
  aws_config: AwsConfig;
  /**
   * Claude models only: Anthropic beta features to turn on for every call of this endpoint (e.g. `context-1m-2025-08-07`), sent as `anthropic_beta` in Converse's `additionalModelRequestFields`. A list of beta names, or one string of names separated by commas. Refused at load for a model id the gateway knows is not Claude, and for a name that is empty or holds a comma or whitespace.
   */
  anthropic_beta?: string | [string, ...string[]];
};
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "MockConfig".
 */
export type MockConfig = ParameterDefaults & {
  /**
   * Delay before each answer (and between stream chunks).
   */
  latency_ms?: number;
};

/**
 * The gateway's YAML config file: the MLflow AI Gateway format.
 */
export interface GatewayConfig {
  endpoints: Endpoint[];
  routes?: TrafficRoute[];
  /**
   * npm packages that declare provider plugins in their package.json (`llmGateway.providers`), looked up in the node_modules folders of this file's directory and of the working directory; or paths to package directories, relative to this file. See the README, "Writing a provider plugin".
   */
  plugins?: string[];
  rate_limit_store?: RateLimitStore;
  response_store?: ResponseStore;
  defaults?: Defaults;
  auth?: Auth;
  logging?: Logging;
  server?: ServerSettings;
}
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Endpoint".
 */
export interface Endpoint {
  /**
   * Letters, digits, `_`, `-` and `.` (it is part of a URL).
   */
  name: string;
  endpoint_type: EndpointType;
  model: Model;
  limit?: Limit;
  timeouts?: Timeouts;
  retries?: Retries;
}
/**
 * Upstream timeouts in seconds (fractions allowed; at most 2147483, about 24.8 days, the longest wait a Node.js timer holds: a longer one would fire at once). An endpoint's `timeouts` override `defaults.timeouts` key by key. A timeout is a 504 naming the endpoint and the timeout.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Timeouts".
 */
export interface Timeouts {
  /**
   * Opening the TCP/TLS connection to the provider (default 10).
   */
  connect?: number;
  /**
   * From sending the request to the first byte of the provider's answer (its headers) (default 300: without a stream, a reasoning model's headers come only with its whole answer).
   */
  first_byte?: number;
  /**
   * Longest silence between two chunks of the provider's answer, e.g. between stream events (default 300: a model that streams no reasoning is silent until its first token).
   */
  idle?: number;
  /**
   * The whole call to the endpoint, including retries, backoff waits and streaming the answer (default 600).
   */
  total?: number;
}
/**
 * Retries of failed upstream calls: connection errors, timeouts, 5xx and 429 (honouring `Retry-After`; not a 429 whose error says the quota is used up, `insufficient_quota`), never after a stream has sent its first chunk. Waits are exponential backoff with full jitter. An endpoint's `retries` override `defaults.retries` key by key.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Retries".
 */
export interface Retries {
  /**
   * Attempts in all, the first included; 1 turns retries off (default 3, at most 10: more attempts only multiply the load on a provider that is already failing, and `max_elapsed` bounds the time anyway).
   */
  max_attempts?: number;
  /**
   * Upper bound of the first wait; each later wait doubles it (default 0.25).
   */
  initial_backoff?: number;
  /**
   * Upper bound of any one wait (default 4).
   */
  max_backoff?: number;
  /**
   * No retry starts later than this after the first attempt started (default 30).
   */
  max_elapsed?: number;
  /**
   * A 429 whose `Retry-After` asks for a longer wait (seconds) is returned to the client at once instead of retried (default 10).
   */
  max_retry_after?: number;
}
/**
 * A name clients call like an endpoint. TRAFFIC_SPLIT (default) sends each request to one destination drawn by `traffic_percentage`; FALLBACK tries the destinations in order and moves to the next one on a retryable failure (connection error, timeout, 429, 5xx), and on a request the gateway refuses for that destination's provider before sending it (a parameter the provider cannot take); a provider's own 400 goes to the client. A destination names an endpoint or another route of the same task type; routes must not form a cycle.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "TrafficRoute".
 */
export interface TrafficRoute {
  /**
   * Letters, digits, `_`, `-` and `.` (it is part of a URL).
   */
  name: string;
  task_type: EndpointType;
  /**
   * @minItems 1
   */
  destinations: [
    {
      /**
       * An endpoint or another route of the same task type.
       */
      name: string;
      /**
       * TRAFFIC_SPLIT only: the share of requests, 0 to 100; the shares of a route add up to 100.
       */
      traffic_percentage?: number;
    },
    ...{
      /**
       * An endpoint or another route of the same task type.
       */
      name: string;
      /**
       * TRAFFIC_SPLIT only: the share of requests, 0 to 100; the shares of a route add up to 100.
       */
      traffic_percentage?: number;
    }[]
  ];
  /**
   * TRAFFIC_SPLIT (default) or FALLBACK.
   */
  routing_strategy?: 'TRAFFIC_SPLIT' | 'FALLBACK';
}
/**
 * Keeps rate-limit counters in Redis so that several gateway hosts share them. Without it, counters live in memory and are shared by the `--workers` processes of one gateway. One Redis server: `url`. Redis Sentinel: `sentinels` and `sentinel_master` (and `url` for the master's password, user or database; `sentinel_password` and `sentinel_username` for the Sentinels' own, `sentinel_tls` for TLS to them). Redis Cluster: `cluster_nodes` (and `url` for the nodes' password or user, or TLS).
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "RateLimitStore".
 */
export interface RateLimitStore {
  type: 'redis';
  /**
   * `redis://[[user]:password@]host[:port][/db]` or `rediss://…` (TLS). Like API keys, it may be a `$ENV_VAR` name or the path of a file holding the URL. With `sentinels` it is optional and gives only the master's user, password and database, and with `rediss://` TLS to the master (the Sentinels are reached over TLS only with `sentinel_tls`): its host and port are not used, as Sentinel names the master's address (so a single-server config moves to Sentinel by adding two keys, as with ioredis's `new Redis(url, { sentinels, name })`).
   */
  url?: string;
  /**
   * Redis Sentinel: the Sentinels to ask for the master's address, each `host:port` (`[::1]:26379` for IPv6), e.g. `["sentinel-1:26379", "sentinel-2:26379"]`. They are tried in order; after a failover the gateway reconnects to the master they name. Needs `sentinel_master`.
   *
   * @minItems 1
   */
  sentinels?: [string, ...string[]];
  /**
   * Redis Cluster: some of its nodes, each `host:port` (`[::1]:6379` for IPv6), from which the gateway learns the others and the slots (ioredis's `Cluster`). A request's counters for one endpoint or client key share a hash tag, so each update is one script on one node. `url` is then optional and gives only the nodes' user and password, and with `rediss://` TLS to every node (database 0: a cluster has no other). Not with `sentinels`.
   *
   * @minItems 1
   */
  cluster_nodes?: [string, ...string[]];
  /**
   * The master's name, as in the Sentinels' `sentinel monitor <name> …` (ioredis's `name`, e.g. `mymaster`).
   */
  sentinel_master?: string;
  /**
   * The Sentinels' own password (their `requirepass`, or the password of `sentinel_username`), when they have one; the master's goes in `url`. Like API keys, it may be a `$ENV_VAR` name or the path of a file holding it.
   */
  sentinel_password?: string;
  /**
   * The Sentinels' ACL user (a `user` line in their config, Redis 6.2 or later), authenticated with `sentinel_password`; without it, that password is the `default` user's. Like `url` (which holds the master's user), it may be a `$ENV_VAR` name or the path of a file holding it.
   */
  sentinel_username?: string;
  /**
   * `true`: the Sentinels are reached over TLS (Sentinels with a `tls-port`, ioredis's `sentinelTLS`), their certificate trusted as for a `rediss://` server (an internal CA through `NODE_EXTRA_CA_CERTS`). Default `false`: without TLS. TLS to the master is `url`'s `rediss://`, set apart.
   */
  sentinel_tls?: boolean;
  /**
   * When Redis cannot be reached: `open` (default) serves without limits and logs it; `closed` answers 503.
   */
  on_error?: 'open' | 'closed';
  /**
   * Longest wait for a Redis answer before `on_error` applies (default 250).
   */
  timeout_ms?: number;
}
/**
 * Keeps the Responses API's answers (`POST /v1/responses` without `store: false`) in memory, so that a later request may continue one with `previous_response_id` or name its output items with `item_reference`. Under `--workers` the cluster primary keeps them for every worker. Each host keeps its own: a follow-up must reach the host that answered. Our extension: MLflow has no Responses API.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "ResponseStore".
 */
export interface ResponseStore {
  /**
   * `false` keeps nothing: `previous_response_id` and an `item_reference` to a message or function call are then a 400 (default true).
   */
  enabled?: boolean;
  /**
   * Most memory the kept responses may take: bytes, or a size like `16mb` (default `16mb`, at most `1gb`: the store is in the gateway's heap, which Node limits to a few GB); counted as the JSON text kept (one byte a character, two for text beyond Latin-1, as V8 holds it). The oldest are dropped first to make room; a response larger than this is not kept.
   */
  max_size?: number | string;
  /**
   * Seconds a response is kept after it was answered or last continued (default 3600, at most 30 days).
   */
  max_age?: number;
}
/**
 * Settings every endpoint gets unless it sets its own.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Defaults".
 */
export interface Defaults {
  timeouts?: Timeouts;
  retries?: Retries;
}
/**
 * Client authentication. With it, every request needs one of the keys as `Authorization: Bearer <key>` or `x-api-key: <key>` (401 without, 403 for an endpoint the key may not call). `/health` is always open.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Auth".
 */
export interface Auth {
  /**
   * @minItems 1
   */
  api_keys: [ClientKey, ...ClientKey[]];
  /**
   * `/docs`, `/openapi.json` and `/` answer without a key (default true).
   */
  public_docs?: boolean;
  /**
   * The management routes (`/api/2.0/…`, `/api/3.0/…`: endpoint and route lists) answer without a key (default false).
   */
  public_endpoint_list?: boolean;
  /**
   * `/metrics` answers without a key (default false).
   */
  public_metrics?: boolean;
}
/**
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "ClientKey".
 */
export interface ClientKey {
  /**
   * Who holds the key; shown in logs and metrics (never the key).
   */
  name: string;
  /**
   * The key: `$ENV_VAR`, the path of a file holding it, `sha256:<64 hex digits>` (the SHA-256 of the key, so the config holds no secret), or the key itself.
   */
  key: string;
  /**
   * Endpoints and traffic routes this key may call; all when absent. Calling another one is a 403.
   */
  endpoints?: string[];
  limit?: Limit2;
}
/**
 * The audit log: one JSON line per request on stdout (level from LOG_LEVEL).
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "Logging".
 */
export interface Logging {
  /**
   * Also log request and response bodies (default false). They may hold personal data; secrets in headers are never logged.
   */
  bodies?: boolean;
  /**
   * With `bodies`, the most of each body a log line holds, counted in characters of its JSON: bytes, or a size like `100kb` (default `100kb`, so a line stays under the 256 KB that log services such as CloudWatch Logs accept; at most `16mb`). A longer body is logged as the start of its JSON text with the number of characters left out; a stream as its first chunks with the number of chunks left out.
   */
  max_body_size?: number | string;
}
/**
 * Limits on what clients send and on what upstreams answer, and what of a request goes on to them.
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "ServerSettings".
 */
export interface ServerSettings {
  /**
   * Largest request body: bytes, or a size like `10mb` (default `10mb`, at most `500mb`: a body is held in memory as one text to be parsed, and Node's longest text is about 512 MB). Larger bodies get a 413.
   */
  max_body_size?: number | string;
  /**
   * Most bytes of request bodies one gateway process holds at once (each `--workers` worker has this bound of its own): bytes, or a size like `512mb` (default: a quarter of the JavaScript heap limit, which Node sets from the memory of the machine or of the container, or from `--max-old-space-size`, divided by the number of workers, which share that memory). A body is held from its first byte until its answer ends: its parsed form and the request sent to the provider live as long as the call, and take about 2.5 times the body's size. A request whose body would pass the limit gets a 503 with `Retry-After` before its body is read, rather than the process running out of memory, which ends it with every request it serves. A body counts its declared `Content-Length`, or `max_body_size` when it is chunked or compressed (its size is known only once read); once read, a body that takes more once parsed (many tiny arrays, objects or values, up to 23 times its size) counts that instead, and gets the same 503 when that would pass the limit. A body is always taken when no other is held. Applies on reload.
   */
  max_in_flight_body_size?: number | string;
  /**
   * Largest upstream answer read whole (a JSON answer, or the body of an error): bytes, or a size like `256mb` (default `256mb`, at most `500mb`: the answer is held as one text to be parsed, and Node's longest text is about 512 MB). An answer that passes it is abandoned at once and the client gets a 502. Streams are forwarded as they arrive and have no total limit.
   */
  max_answer_size?: number | string;
  /**
   * Deepest nesting of arrays and objects in a request body (default 64, at most 1000: a body that is parsed is walked by recursive code, and deeper nesting could exhaust the stack). Deeper bodies get a 400 (422 on MLflow routes).
   */
  max_json_depth?: number;
  /**
   * Most keys one object of a request body may have (default 1000, at most 100000; arrays are not limited). A body with a larger object gets a 400 (422 on MLflow routes): objects of many thousands of keys cost the gateway several microseconds of CPU per key, so 100000 is already a fraction of a second per request.
   */
  max_json_keys?: number;
  /**
   * Time a client has to send a whole request, headers and body (default 60); slower clients get a 408. Read at start-up, not on reload.
   */
  request_timeout?: number;
  /**
   * Time a client has to send the request headers (default 20); read at start-up, not on reload.
   */
  headers_timeout?: number;
  /**
   * Seconds that requests and streams in flight when SIGTERM or SIGINT arrives may take to finish (default 10); then a request ends with a 503 and a stream with an error event. Read when the signal arrives, so a reload applies it. Under Kubernetes, keep it below the pod's terminationGracePeriodSeconds (default 30).
   */
  shutdown_timeout?: number;
  /**
   * Seconds a client's idle keep-alive connection stays open (default 65). Behind a load balancer or proxy that reuses its connections to the gateway, keep it above that proxy's idle timeout (AWS ALB and nginx: 60 s; Google Cloud load balancers: 600 s), or the proxy may send a request on a connection the gateway is closing and answer its client 502. Read at start-up, not on reload.
   */
  keep_alive_timeout?: number;
  /**
   * Seconds a stream may go without sending anything before the gateway sends a keep-alive (default 15; 0 sends none): on `/v1`, the SSE comment `: keep-alive`; on the MLflow routes, an empty line, as MLflow's Python clients take nothing but `data:` lines and drop blank ones. Clients ignore both. A load balancer or proxy that cuts idle connections (AWS ALB and nginx after 60 s) then keeps a stream whose model thinks for minutes before its first token, or pauses between tokens. The first keep-alive sends the response headers (200): a failure after it, before the first chunk, is an `error` event, not an HTTP status, and on a FALLBACK route with several destinations the `x-gateway-endpoint` header is left out (the destination that answers is not known yet). Retries and fallbacks still happen, as the client has had no chunk. Applies on reload.
   */
  stream_keepalive?: number;
  /**
   * Pass the client's W3C trace context on to the providers (default false): a valid `traceparent` header, and its `tracestate` when it has at most 512 characters, go unchanged with every HTTP call to a provider, retries and fallbacks included, so that a traced model server (TGI, MLflow model serving, vLLM) joins the caller's trace. Off by default, as a hosted vendor would see the platform's trace ids. Amazon Bedrock and provider plugins never get them. Applies on reload.
   */
  forward_trace_context?: boolean;
}
/**
 * Request parameters applied when the client sends none (chat and completions endpoints).
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "ParameterDefaults".
 */
export interface ParameterDefaults {
  temperature?: number;
  top_p?: number;
  top_k?: number;
  max_tokens?: number;
  /**
   * Default number of choices (at most 128, the most OpenAI's API takes: every choice is a whole answer, and the mock provider builds each in memory).
   */
  n?: number;
  stop?: string | [string, ...string[]];
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  /**
   * Each provider maps it as for a request's reasoning_effort (Anthropic and Claude on Bedrock: extended thinking; Gemini: thinkingConfig); like the other defaults it is also sent on completions endpoints whose provider takes it (OpenAI, Mistral, Together AI, MLflow model serving). A client's own `thinking` or `output_config.effort` takes its place. A value the provider would refuse for every request (on Anthropic's or Cohere's completions, or a level the model does not take) is refused at load.
   */
  reasoning_effort?: string;
}
/**
 * AWS credentials and region. Give a key pair, a role to assume, or neither (the default credential chain).
 *
 * This interface was referenced by `GatewayConfig`'s JSON-Schema
 * via the `definition` "AwsConfig".
 */
export interface AwsConfig {
  aws_region?: string;
  /**
   * AWS access key id. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  aws_access_key_id?: string;
  /**
   * AWS secret access key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  aws_secret_access_key?: string;
  /**
   * AWS session token. A `$ENV_VAR` name, the path of a file holding the value, or the value itself.
   */
  aws_session_token?: string;
  /**
   * Role to assume through STS; credentials are renewed before they expire.
   */
  aws_role_arn?: string;
  /**
   * Assumed-role session length (default 900).
   */
  session_length_seconds?: number;
  /**
   * Override of the bedrock-runtime endpoint (a VPC endpoint or a test server).
   */
  aws_endpoint_url?: string;
}
