/* Generated from config-schema/gateway-config.schema.json by scripts/generate.ts. Do not edit; run `npm run generate`. */
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://llm-gateway.dev/schemas/gateway-config.json","title":"GatewayConfig","description":"The gateway's YAML config file: the MLflow AI Gateway format.","type":"object","required":["endpoints"],"properties":{"endpoints":{"type":"array","items":{"$ref":"#/definitions/Endpoint"}},"routes":{"type":"array","items":{"$ref":"#/definitions/TrafficRoute"}},"plugins":{"type":"array","items":{"type":"string","minLength":1},"uniqueItems":true,"description":"npm packages that declare provider plugins in their package.json (`llmGateway.providers`), looked up in the node_modules folders of this file's directory and of the working directory; or paths to package directories, relative to this file. See the README, \"Writing a provider plugin\"."},"rate_limit_store":{"$ref":"#/definitions/RateLimitStore"},"response_store":{"$ref":"#/definitions/ResponseStore"},"defaults":{"$ref":"#/definitions/Defaults"},"auth":{"$ref":"#/definitions/Auth"},"logging":{"$ref":"#/definitions/Logging"},"server":{"$ref":"#/definitions/ServerSettings"}},"definitions":{"ParameterDefaults":{"type":"object","description":"Request parameters applied when the client sends none (chat and completions endpoints).","properties":{"temperature":{"type":"number","minimum":0,"maximum":2},"top_p":{"type":"number","minimum":0,"maximum":1},"top_k":{"type":"integer","minimum":1},"max_tokens":{"type":"integer","minimum":1},"n":{"type":"integer","minimum":1,"maximum":128,"description":"Default number of choices (at most 128, the most OpenAI's API takes: every choice is a whole answer, and the mock provider builds each in memory)."},"stop":{"anyOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string"},"minItems":1}]},"presence_penalty":{"type":"number","minimum":-2,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximum":2},"seed":{"type":"integer"},"reasoning_effort":{"type":"string","minLength":1,"description":"Each provider maps it as for a request's reasoning_effort (Anthropic and Claude on Bedrock: extended thinking; Gemini: thinkingConfig); like the other defaults it is also sent on completions endpoints whose provider takes it (OpenAI, Mistral, Together AI, MLflow model serving). A client's own `thinking` or `output_config.effort` takes its place. A value the provider would refuse for every request (on Anthropic's or Cohere's completions, or a level the model does not take) is refused at load."}}},"OpenAIConfig":{"type":"object","properties":{"openai_api_key":{"type":"string","minLength":1,"description":"OpenAI or Azure key (for `azuread`, an Entra ID token; leave it out for the gateway to get and renew tokens itself from Azure's credential chain). A `$ENV_VAR` name, the path of a file holding the value, or the value itself. Required unless `openai_api_type` is `azuread`."},"openai_api_type":{"type":"string","enum":["openai","azure","azuread"],"description":"`openai` (default), `azure` (key in `api-key` header) or `azuread` (bearer token). Case-insensitive."},"openai_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the OpenAI API up to and including the version segment (default `https://api.openai.com/v1`); the operation path is appended. Point it at a proxy or a test server."},"openai_api_version":{"type":"string","description":"Azure API version, sent as `?api-version=`."},"openai_deployment_name":{"type":"string","description":"Azure deployment name."},"openai_organization":{"type":"string","description":"Sent as `OpenAI-Organization` (openai type only)."},"azure_client_id":{"type":"string","minLength":1,"description":"`azuread` without `openai_api_key` only: the client ID of the user-assigned managed identity (or workload identity) the gateway gets Entra ID tokens as, instead of `AZURE_CLIENT_ID` or the system-assigned identity."}},"if":{"properties":{"openai_api_type":{"const":"azuread"}},"required":["openai_api_type"]},"else":{"properties":{"openai_api_key":{}},"required":["openai_api_key"]},"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"AnthropicConfig":{"type":"object","properties":{"anthropic_api_key":{"type":"string","minLength":1,"description":"Anthropic key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"anthropic_version":{"type":"string","description":"`anthropic-version` header (default `2023-06-01`)."},"anthropic_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Anthropic API up to and including the version segment (default `https://api.anthropic.com/v1`); the operation path is appended. Point it at a proxy or a test server."},"anthropic_beta":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}],"description":"Anthropic beta features to turn on for every call of this endpoint (e.g. `context-1m-2025-08-07`), sent as the `anthropic-beta` header: a list of beta names, or one string of names separated by commas as in the header. Each name is refused at load if empty or holding a comma or whitespace. Betas can change billing, so only the config sets them; a client cannot."},"web_search":{"type":"object","additionalProperties":false,"properties":{"max_uses":{"type":"integer","minimum":1,"description":"The most searches Anthropic runs for one call (its tool's `max_uses`); a search over it fails with `max_uses_exceeded` and Claude answers without. Each search is billed."},"allowed_domains":{"type":"array","items":{"type":"string"},"minItems":1,"description":"Only pages of these domains are searched and cited (the tool's `allowed_domains`): host names without a scheme, e.g. `example.com` (its subdomains included) or `docs.example.com`, optionally with a path (`example.com/blog`)."},"blocked_domains":{"type":"array","items":{"type":"string"},"minItems":1,"description":"Pages of these domains are never searched or cited (the tool's `blocked_domains`), written as in `allowed_domains`. Anthropic refuses both lists in one call, so an endpoint sets one or the other."}},"description":"Chat endpoints only: what every web search tool this endpoint sends to Anthropic carries (a request's `web_search_options` adds the tool), so that the operator bounds what searches cost and where they look; a client cannot widen it. A gateway setting: MLflow has none."}},"required":["anthropic_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"GeminiConfig":{"type":"object","properties":{"gemini_api_key":{"type":"string","minLength":1,"description":"Google AI Studio key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"gemini_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Gemini API up to and including the version segment (default `https://generativelanguage.googleapis.com/v1beta`); the operation path is appended. Point it at a proxy or a test server."}},"required":["gemini_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"PaLMConfig":{"type":"object","properties":{"palm_api_key":{"type":"string","minLength":1,"description":"PaLM key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"palm_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the PaLM API up to and including the version segment (default `https://generativelanguage.googleapis.com/v1beta3`); the operation path is appended. Point it at a proxy or a test server."}},"required":["palm_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"CohereConfig":{"type":"object","properties":{"cohere_api_key":{"type":"string","minLength":1,"description":"Cohere key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"cohere_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Cohere API up to and including the version segment (default `https://api.cohere.ai/v1`); the operation path is appended. Point it at a proxy or a test server."},"cohere_api_v2_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of Cohere's v2 API, where chat requests with tools, tool history or thinking go (`/chat` is appended). Default: `cohere_api_base` with its final `/v1` as `/v2`; set it when that base does not end in `/v1` (a proxy path)."}},"required":["cohere_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"AI21LabsConfig":{"type":"object","properties":{"ai21labs_api_key":{"type":"string","minLength":1,"description":"AI21 Labs key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"ai21labs_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the AI21 Labs API up to and including the version segment (default `https://api.ai21.com/studio/v1`); the operation path is appended. Point it at a proxy or a test server."}},"required":["ai21labs_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"MosaicMLConfig":{"type":"object","properties":{"mosaicml_api_key":{"type":"string","minLength":1,"description":"MosaicML key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"mosaicml_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the MosaicML API up to and including the version segment (default `https://models.hosted-on.mosaicml.hosting`); the operation path is appended. Point it at a proxy or a test server."}},"required":["mosaicml_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"MistralConfig":{"type":"object","properties":{"mistral_api_key":{"type":"string","minLength":1,"description":"Mistral key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"mistral_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Mistral API up to and including the version segment (default `https://api.mistral.ai/v1`); the operation path is appended. Point it at a proxy or a test server."}},"required":["mistral_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"TogetherAIConfig":{"type":"object","properties":{"togetherai_api_key":{"type":"string","minLength":1,"description":"Together AI key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"togetherai_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Together AI API up to and including the version segment (default `https://api.together.xyz/v1`); the operation path is appended. Point it at a proxy or a test server."}},"required":["togetherai_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"MlflowModelServingConfig":{"type":"object","properties":{"model_server_url":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the MLflow model server; `/invocations` is appended."}},"required":["model_server_url"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"HuggingFaceTGIConfig":{"type":"object","properties":{"hf_server_url":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Text Generation Inference server."}},"required":["hf_server_url"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"BedrockConfig":{"type":"object","properties":{"aws_config":{"$ref":"#/definitions/AwsConfig"},"anthropic_beta":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}],"description":"Claude models only: Anthropic beta features to turn on for every call of this endpoint (e.g. `context-1m-2025-08-07`), sent as `anthropic_beta` in Converse's `additionalModelRequestFields`. A list of beta names, or one string of names separated by commas. Refused at load for a model id the gateway knows is not Claude, and for a name that is empty or holds a comma or whitespace."}},"required":["aws_config"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"MockConfig":{"type":"object","properties":{"latency_ms":{"type":"integer","minimum":0,"maximum":60000,"description":"Delay before each answer (and between stream chunks)."}},"required":[],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]},"AwsConfig":{"type":"object","description":"AWS credentials and region. Give a key pair, a role to assume, or neither (the default credential chain).","properties":{"aws_region":{"type":"string"},"aws_access_key_id":{"type":"string","minLength":1,"description":"AWS access key id. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"aws_secret_access_key":{"type":"string","minLength":1,"description":"AWS secret access key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"aws_session_token":{"type":"string","minLength":1,"description":"AWS session token. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"aws_role_arn":{"type":"string","description":"Role to assume through STS; credentials are renewed before they expire."},"session_length_seconds":{"type":"integer","minimum":900,"maximum":43200,"description":"Assumed-role session length (default 900)."},"aws_endpoint_url":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Override of the bedrock-runtime endpoint (a VPC endpoint or a test server)."}},"dependencies":{"aws_access_key_id":["aws_secret_access_key"],"aws_secret_access_key":["aws_access_key_id"],"aws_session_token":["aws_access_key_id"]}},"ProviderName":{"type":"string","enum":["openai","anthropic","gemini","bedrock","amazon-bedrock","cohere","mistral","togetherai","huggingface-text-generation-inference","ai21labs","mosaicml","palm","mlflow-model-serving","mock"],"description":"Built-in provider id. Case and `-`/`_` are normalised (`OpenAI`, `AMAZON_BEDROCK` work). `mock` is a built-in fake for demos and tests."},"PluginProviderName":{"type":"string","pattern":"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$","description":"A provider declared by a package listed under `plugins`, spelt exactly as the package declares it: lowercase letters, digits, `.`, `_` and `-`, optionally scoped (`@acme/llm`)."},"EndpointType":{"type":"string","enum":["llm/v1/chat","llm/v1/completions","llm/v1/embeddings"]},"Model":{"type":"object","required":["provider"],"properties":{"provider":{"anyOf":[{"$ref":"#/definitions/ProviderName"},{"$ref":"#/definitions/PluginProviderName"}]},"name":{"type":["string","null"],"description":"The provider's model name (Azure's deployment API: ignored, the deployment decides; Azure's v1 API, a base ending in /openai/v1: the deployment's name, required)."},"config":{"type":"object","description":"Provider settings (keys, base URL) and parameter defaults; a plugin provider's config is validated against the JSON Schema its package ships."}},"allOf":[{"if":{"properties":{"provider":{"enum":["openai"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/OpenAIConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["anthropic"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/AnthropicConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["gemini"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/GeminiConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["palm"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/PaLMConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["cohere"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/CohereConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["ai21labs"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/AI21LabsConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mosaicml"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MosaicMLConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mistral"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MistralConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["togetherai"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/TogetherAIConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mlflow-model-serving"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MlflowModelServingConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["huggingface-text-generation-inference"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/HuggingFaceTGIConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["bedrock","amazon-bedrock"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/BedrockConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mock"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MockConfig"}}}}]},"Limit":{"type":"object","required":["renewal_period"],"properties":{"calls":{"type":"integer","minimum":0,"description":"Requests admitted per window (0 refuses every request; at most 9007199254740991, the largest whole number counted exactly).","maximum":9007199254740991},"tokens":{"type":"integer","minimum":0,"description":"Tokens per window, counted from the usage the provider reports (total_tokens); an answer or stream whose usage gives no total (none at all: a stream the client left, the upstream cut or a timeout ended; a server that reports none) counts an estimate of its prompt and of what it generated. Requests are refused while the window's tokens are spent. At most 9007199254740991, the largest whole number counted exactly.","maximum":9007199254740991},"renewal_period":{"type":"string","pattern":"^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$","description":"second, minute, hour, day, month or year, optionally with a count: `2 minutes`. At most 10 years (a month is 30 days, a year 360, as MLflow's `limits` library counts): a longer window would never renew while the gateway runs, and its length in milliseconds must stay a whole number Redis takes as an expiry."},"key":{"type":["string","null"],"description":"Accepted for MLflow compatibility; not used."}},"description":"A rate limit for the endpoint as a whole: all clients, every route that reaches it (`/endpoints`, `/gateway`, `/v1`, traffic and fallback routes), all `--workers` processes, and all hosts sharing a `rate_limit_store`. Set `calls`, `tokens` or both.","anyOf":[{"properties":{"calls":true},"required":["calls"]},{"properties":{"tokens":true},"required":["tokens"]}]},"Endpoint":{"type":"object","required":["name","endpoint_type","model"],"properties":{"name":{"type":"string","pattern":"^[\\p{L}\\p{N}_.\\-]+$","description":"Letters, digits, `_`, `-` and `.` (it is part of a URL)."},"endpoint_type":{"$ref":"#/definitions/EndpointType"},"model":{"$ref":"#/definitions/Model"},"limit":{"$ref":"#/definitions/Limit"},"timeouts":{"$ref":"#/definitions/Timeouts"},"retries":{"$ref":"#/definitions/Retries"}}},"TrafficRoute":{"type":"object","required":["name","task_type","destinations"],"properties":{"name":{"type":"string","pattern":"^[\\p{L}\\p{N}_.\\-]+$","description":"Letters, digits, `_`, `-` and `.` (it is part of a URL)."},"task_type":{"$ref":"#/definitions/EndpointType"},"destinations":{"type":"array","minItems":1,"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string","description":"An endpoint or another route of the same task type."},"traffic_percentage":{"type":"integer","minimum":0,"maximum":100,"description":"TRAFFIC_SPLIT only: the share of requests, 0 to 100; the shares of a route add up to 100."}}}},"routing_strategy":{"type":"string","enum":["TRAFFIC_SPLIT","FALLBACK"],"description":"TRAFFIC_SPLIT (default) or FALLBACK."}},"description":"A name clients call like an endpoint. TRAFFIC_SPLIT (default) sends each request to one destination drawn by `traffic_percentage`; FALLBACK tries the destinations in order and moves to the next one on a retryable failure (connection error, timeout, 429, 5xx), and on a request the gateway refuses for that destination's provider before sending it (a parameter the provider cannot take); a provider's own 400 goes to the client. A destination names an endpoint or another route of the same task type; routes must not form a cycle.","if":{"properties":{"routing_strategy":{"const":"FALLBACK"}},"required":["routing_strategy"]},"then":{"properties":{"destinations":{"items":{"properties":{"traffic_percentage":false}}}}},"else":{"properties":{"destinations":{"items":{"properties":{"traffic_percentage":true},"required":["traffic_percentage"]}}}}},"RateLimitStore":{"type":"object","description":"Keeps rate-limit counters in Redis so that several gateway hosts share them. Without it, counters live in memory and are shared by the `--workers` processes of one gateway. One Redis server: `url`. Redis Sentinel: `sentinels` and `sentinel_master` (and `url` for the master's password, user or database; `sentinel_password` and `sentinel_username` for the Sentinels' own, `sentinel_tls` for TLS to them). Redis Cluster: `cluster_nodes` (and `url` for the nodes' password or user, or TLS).","required":["type"],"if":{"properties":{"sentinels":false,"cluster_nodes":false}},"then":{"properties":{"url":true},"required":["url"]},"dependencies":{"sentinels":["sentinel_master"],"sentinel_master":["sentinels"],"sentinel_password":["sentinels"],"sentinel_username":["sentinels","sentinel_password"],"sentinel_tls":["sentinels"]},"properties":{"type":{"type":"string","enum":["redis"]},"url":{"type":"string","minLength":1,"description":"`redis://[[user]:password@]host[:port][/db]` or `rediss://…` (TLS). Like API keys, it may be a `$ENV_VAR` name or the path of a file holding the URL. With `sentinels` it is optional and gives only the master's user, password and database, and with `rediss://` TLS to the master (the Sentinels are reached over TLS only with `sentinel_tls`): its host and port are not used, as Sentinel names the master's address (so a single-server config moves to Sentinel by adding two keys, as with ioredis's `new Redis(url, { sentinels, name })`)."},"sentinels":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1},"description":"Redis Sentinel: the Sentinels to ask for the master's address, each `host:port` (`[::1]:26379` for IPv6), e.g. `[\"sentinel-1:26379\", \"sentinel-2:26379\"]`. They are tried in order; after a failover the gateway reconnects to the master they name. Needs `sentinel_master`."},"cluster_nodes":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1},"description":"Redis Cluster: some of its nodes, each `host:port` (`[::1]:6379` for IPv6), from which the gateway learns the others and the slots (ioredis's `Cluster`). A request's counters for one endpoint or client key share a hash tag, so each update is one script on one node. `url` is then optional and gives only the nodes' user and password, and with `rediss://` TLS to every node (database 0: a cluster has no other). Not with `sentinels`."},"sentinel_master":{"type":"string","minLength":1,"description":"The master's name, as in the Sentinels' `sentinel monitor <name> …` (ioredis's `name`, e.g. `mymaster`)."},"sentinel_password":{"type":"string","minLength":1,"description":"The Sentinels' own password (their `requirepass`, or the password of `sentinel_username`), when they have one; the master's goes in `url`. Like API keys, it may be a `$ENV_VAR` name or the path of a file holding it."},"sentinel_username":{"type":"string","minLength":1,"description":"The Sentinels' ACL user (a `user` line in their config, Redis 6.2 or later), authenticated with `sentinel_password`; without it, that password is the `default` user's. Like `url` (which holds the master's user), it may be a `$ENV_VAR` name or the path of a file holding it."},"sentinel_tls":{"type":"boolean","description":"`true`: the Sentinels are reached over TLS (Sentinels with a `tls-port`, ioredis's `sentinelTLS`), their certificate trusted as for a `rediss://` server (an internal CA through `NODE_EXTRA_CA_CERTS`). Default `false`: without TLS. TLS to the master is `url`'s `rediss://`, set apart."},"on_error":{"type":"string","enum":["open","closed"],"description":"When Redis cannot be reached: `open` (default) serves without limits and logs it; `closed` answers 503."},"timeout_ms":{"type":"integer","minimum":1,"maximum":10000,"description":"Longest wait for a Redis answer before `on_error` applies (default 250)."}}},"ResponseStore":{"type":"object","description":"Keeps the Responses API's answers (`POST /v1/responses` without `store: false`) in memory, so that a later request may continue one with `previous_response_id` or name its output items with `item_reference`. Under `--workers` the cluster primary keeps them for every worker. Each host keeps its own: a follow-up must reach the host that answered. Our extension: MLflow has no Responses API.","properties":{"enabled":{"type":"boolean","description":"`false` keeps nothing: `previous_response_id` and an `item_reference` to a message or function call are then a 400 (default true)."},"max_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Most memory the kept responses may take: bytes, or a size like `16mb` (default `16mb`, at most `1gb`: the store is in the gateway's heap, which Node limits to a few GB); counted as the JSON text kept (one byte a character, two for text beyond Latin-1, as V8 holds it). The oldest are dropped first to make room; a response larger than this is not kept.","maximum":1073741824},"max_age":{"type":"number","exclusiveMinimum":0,"maximum":2592000,"description":"Seconds a response is kept after it was answered or last continued (default 3600, at most 30 days)."}}},"Timeouts":{"type":"object","description":"Upstream timeouts in seconds (fractions allowed; at most 2147483, about 24.8 days, the longest wait a Node.js timer holds: a longer one would fire at once). An endpoint's `timeouts` override `defaults.timeouts` key by key. A timeout is a 504 naming the endpoint and the timeout.","properties":{"connect":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Opening the TCP/TLS connection to the provider (default 10)."},"first_byte":{"type":"number","minimum":0.001,"maximum":2147483,"description":"From sending the request to the first byte of the provider's answer (its headers) (default 300: without a stream, a reasoning model's headers come only with its whole answer)."},"idle":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Longest silence between two chunks of the provider's answer, e.g. between stream events (default 300: a model that streams no reasoning is silent until its first token)."},"total":{"type":"number","minimum":0.001,"maximum":2147483,"description":"The whole call to the endpoint, including retries, backoff waits and streaming the answer (default 600)."}}},"Retries":{"type":"object","description":"Retries of failed upstream calls: connection errors, timeouts, 5xx and 429 (honouring `Retry-After`; not a 429 whose error says the quota is used up, `insufficient_quota`), never after a stream has sent its first chunk. Waits are exponential backoff with full jitter. An endpoint's `retries` override `defaults.retries` key by key.","properties":{"max_attempts":{"type":"integer","minimum":1,"description":"Attempts in all, the first included; 1 turns retries off (default 3, at most 10: more attempts only multiply the load on a provider that is already failing, and `max_elapsed` bounds the time anyway).","maximum":10},"initial_backoff":{"type":"number","exclusiveMinimum":0,"maximum":2147483,"description":"Upper bound of the first wait; each later wait doubles it (default 0.25)."},"max_backoff":{"type":"number","exclusiveMinimum":0,"maximum":2147483,"description":"Upper bound of any one wait (default 4)."},"max_elapsed":{"type":"number","exclusiveMinimum":0,"maximum":2147483,"description":"No retry starts later than this after the first attempt started (default 30)."},"max_retry_after":{"type":"number","minimum":0,"maximum":2147483,"description":"A 429 whose `Retry-After` asks for a longer wait (seconds) is returned to the client at once instead of retried (default 10)."}}},"Defaults":{"type":"object","description":"Settings every endpoint gets unless it sets its own.","properties":{"timeouts":{"$ref":"#/definitions/Timeouts"},"retries":{"$ref":"#/definitions/Retries"}}},"ClientKey":{"type":"object","additionalProperties":false,"required":["name","key"],"properties":{"name":{"type":"string","pattern":"^[\\p{L}\\p{N}_.\\-]+$","description":"Who holds the key; shown in logs and metrics (never the key)."},"key":{"type":"string","minLength":1,"description":"The key: `$ENV_VAR`, the path of a file holding it, `sha256:<64 hex digits>` (the SHA-256 of the key, so the config holds no secret), or the key itself."},"endpoints":{"type":"array","items":{"type":"string"},"description":"Endpoints and traffic routes this key may call; all when absent. Calling another one is a 403."},"limit":{"$ref":"#/definitions/Limit","description":"This key's own rate limit (calls and/or tokens per period), over every endpoint it calls; counted like endpoint limits (memory, across --workers, or rate_limit_store)."}}},"Auth":{"type":"object","additionalProperties":false,"required":["api_keys"],"description":"Client authentication. With it, every request needs one of the keys as `Authorization: Bearer <key>` or `x-api-key: <key>` (401 without, 403 for an endpoint the key may not call). `/health` is always open.","properties":{"api_keys":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/ClientKey"}},"public_docs":{"type":"boolean","description":"`/docs`, `/openapi.json` and `/` answer without a key (default true)."},"public_endpoint_list":{"type":"boolean","description":"The management routes (`/api/2.0/…`, `/api/3.0/…`: endpoint and route lists) answer without a key (default false)."},"public_metrics":{"type":"boolean","description":"`/metrics` answers without a key (default false)."}}},"Logging":{"type":"object","description":"The audit log: one JSON line per request on stdout (level from LOG_LEVEL).","properties":{"bodies":{"type":"boolean","description":"Also log request and response bodies (default false). They may hold personal data; secrets in headers are never logged."},"max_body_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"With `bodies`, the most of each body a log line holds, counted in characters of its JSON: bytes, or a size like `100kb` (default `100kb`, so a line stays under the 256 KB that log services such as CloudWatch Logs accept; at most `16mb`). A longer body is logged as the start of its JSON text with the number of characters left out; a stream as its first chunks with the number of chunks left out.","maximum":16777216}}},"ServerSettings":{"type":"object","description":"Limits on what clients send and on what upstreams answer, and what of a request goes on to them.","properties":{"max_body_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Largest request body: bytes, or a size like `10mb` (default `10mb`, at most `500mb`: a body is held in memory as one text to be parsed, and Node's longest text is about 512 MB). Larger bodies get a 413.","maximum":524288000},"max_in_flight_body_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Most bytes of request bodies one gateway process holds at once (each `--workers` worker has this bound of its own): bytes, or a size like `512mb` (default: a quarter of the JavaScript heap limit, which Node sets from the memory of the machine or of the container, or from `--max-old-space-size`, divided by the number of workers, which share that memory). A body is held from its first byte until its answer ends: its parsed form and the request sent to the provider live as long as the call, and take about 2.5 times the body's size. A request whose body would pass the limit gets a 503 with `Retry-After` before its body is read, rather than the process running out of memory, which ends it with every request it serves. A body counts its declared `Content-Length`, or `max_body_size` when it is chunked or compressed (its size is known only once read); once read, a body that takes more once parsed (many tiny arrays, objects or values, up to 23 times its size) counts that instead, and gets the same 503 when that would pass the limit. A body is always taken when no other is held. Applies on reload."},"max_answer_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Largest upstream answer read whole (a JSON answer, or the body of an error): bytes, or a size like `256mb` (default `256mb`, at most `500mb`: the answer is held as one text to be parsed, and Node's longest text is about 512 MB). An answer that passes it is abandoned at once and the client gets a 502. Streams are forwarded as they arrive and have no total limit.","maximum":524288000},"max_json_depth":{"type":"integer","minimum":2,"description":"Deepest nesting of arrays and objects in a request body (default 64, at most 1000: a body that is parsed is walked by recursive code, and deeper nesting could exhaust the stack). Deeper bodies get a 400 (422 on MLflow routes).","maximum":1000},"max_json_keys":{"type":"integer","minimum":1,"description":"Most keys one object of a request body may have (default 1000, at most 100000; arrays are not limited). A body with a larger object gets a 400 (422 on MLflow routes): objects of many thousands of keys cost the gateway several microseconds of CPU per key, so 100000 is already a fraction of a second per request.","maximum":100000},"request_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Time a client has to send a whole request, headers and body (default 60); slower clients get a 408. Read at start-up, not on reload."},"headers_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Time a client has to send the request headers (default 20); read at start-up, not on reload."},"shutdown_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Seconds that requests and streams in flight when SIGTERM or SIGINT arrives may take to finish (default 10); then a request ends with a 503 and a stream with an error event. Read when the signal arrives, so a reload applies it. Under Kubernetes, keep it below the pod's terminationGracePeriodSeconds (default 30)."},"keep_alive_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Seconds a client's idle keep-alive connection stays open (default 65). Behind a load balancer or proxy that reuses its connections to the gateway, keep it above that proxy's idle timeout (AWS ALB and nginx: 60 s; Google Cloud load balancers: 600 s), or the proxy may send a request on a connection the gateway is closing and answer its client 502. Read at start-up, not on reload."},"stream_keepalive":{"type":"number","minimum":0,"maximum":2147483,"description":"Seconds a stream may go without sending anything before the gateway sends a keep-alive (default 15; 0 sends none): on `/v1`, the SSE comment `: keep-alive`; on the MLflow routes, an empty line, as MLflow's Python clients take nothing but `data:` lines and drop blank ones. Clients ignore both. A load balancer or proxy that cuts idle connections (AWS ALB and nginx after 60 s) then keeps a stream whose model thinks for minutes before its first token, or pauses between tokens. The first keep-alive sends the response headers (200): a failure after it, before the first chunk, is an `error` event, not an HTTP status, and on a FALLBACK route with several destinations the `x-gateway-endpoint` header is left out (the destination that answers is not known yet). Retries and fallbacks still happen, as the client has had no chunk. Applies on reload."},"forward_trace_context":{"type":"boolean","description":"Pass the client's W3C trace context on to the providers (default false): a valid `traceparent` header, and its `tracestate` when it has at most 512 characters, go unchanged with every HTTP call to a provider, retries and fallbacks included, so that a traced model server (TGI, MLflow model serving, vLLM) joins the caller's trace. Off by default, as a hosted vendor would see the platform's trace ids. Amazon Bedrock and provider plugins never get them. Applies on reload."}}}}};
const schema49 = {"type":"object","description":"Keeps rate-limit counters in Redis so that several gateway hosts share them. Without it, counters live in memory and are shared by the `--workers` processes of one gateway. One Redis server: `url`. Redis Sentinel: `sentinels` and `sentinel_master` (and `url` for the master's password, user or database; `sentinel_password` and `sentinel_username` for the Sentinels' own, `sentinel_tls` for TLS to them). Redis Cluster: `cluster_nodes` (and `url` for the nodes' password or user, or TLS).","required":["type"],"if":{"properties":{"sentinels":false,"cluster_nodes":false}},"then":{"properties":{"url":true},"required":["url"]},"dependencies":{"sentinels":["sentinel_master"],"sentinel_master":["sentinels"],"sentinel_password":["sentinels"],"sentinel_username":["sentinels","sentinel_password"],"sentinel_tls":["sentinels"]},"properties":{"type":{"type":"string","enum":["redis"]},"url":{"type":"string","minLength":1,"description":"`redis://[[user]:password@]host[:port][/db]` or `rediss://…` (TLS). Like API keys, it may be a `$ENV_VAR` name or the path of a file holding the URL. With `sentinels` it is optional and gives only the master's user, password and database, and with `rediss://` TLS to the master (the Sentinels are reached over TLS only with `sentinel_tls`): its host and port are not used, as Sentinel names the master's address (so a single-server config moves to Sentinel by adding two keys, as with ioredis's `new Redis(url, { sentinels, name })`)."},"sentinels":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1},"description":"Redis Sentinel: the Sentinels to ask for the master's address, each `host:port` (`[::1]:26379` for IPv6), e.g. `[\"sentinel-1:26379\", \"sentinel-2:26379\"]`. They are tried in order; after a failover the gateway reconnects to the master they name. Needs `sentinel_master`."},"cluster_nodes":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1},"description":"Redis Cluster: some of its nodes, each `host:port` (`[::1]:6379` for IPv6), from which the gateway learns the others and the slots (ioredis's `Cluster`). A request's counters for one endpoint or client key share a hash tag, so each update is one script on one node. `url` is then optional and gives only the nodes' user and password, and with `rediss://` TLS to every node (database 0: a cluster has no other). Not with `sentinels`."},"sentinel_master":{"type":"string","minLength":1,"description":"The master's name, as in the Sentinels' `sentinel monitor <name> …` (ioredis's `name`, e.g. `mymaster`)."},"sentinel_password":{"type":"string","minLength":1,"description":"The Sentinels' own password (their `requirepass`, or the password of `sentinel_username`), when they have one; the master's goes in `url`. Like API keys, it may be a `$ENV_VAR` name or the path of a file holding it."},"sentinel_username":{"type":"string","minLength":1,"description":"The Sentinels' ACL user (a `user` line in their config, Redis 6.2 or later), authenticated with `sentinel_password`; without it, that password is the `default` user's. Like `url` (which holds the master's user), it may be a `$ENV_VAR` name or the path of a file holding it."},"sentinel_tls":{"type":"boolean","description":"`true`: the Sentinels are reached over TLS (Sentinels with a `tls-port`, ioredis's `sentinelTLS`), their certificate trusted as for a `rediss://` server (an internal CA through `NODE_EXTRA_CA_CERTS`). Default `false`: without TLS. TLS to the master is `url`'s `rediss://`, set apart."},"on_error":{"type":"string","enum":["open","closed"],"description":"When Redis cannot be reached: `open` (default) serves without limits and logs it; `closed` answers 503."},"timeout_ms":{"type":"integer","minimum":1,"maximum":10000,"description":"Longest wait for a Redis answer before `on_error` applies (default 250)."}}};
const schema50 = {"type":"object","description":"Keeps the Responses API's answers (`POST /v1/responses` without `store: false`) in memory, so that a later request may continue one with `previous_response_id` or name its output items with `item_reference`. Under `--workers` the cluster primary keeps them for every worker. Each host keeps its own: a follow-up must reach the host that answered. Our extension: MLflow has no Responses API.","properties":{"enabled":{"type":"boolean","description":"`false` keeps nothing: `previous_response_id` and an `item_reference` to a message or function call are then a 400 (default true)."},"max_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Most memory the kept responses may take: bytes, or a size like `16mb` (default `16mb`, at most `1gb`: the store is in the gateway's heap, which Node limits to a few GB); counted as the JSON text kept (one byte a character, two for text beyond Latin-1, as V8 holds it). The oldest are dropped first to make room; a response larger than this is not kept.","maximum":1073741824},"max_age":{"type":"number","exclusiveMinimum":0,"maximum":2592000,"description":"Seconds a response is kept after it was answered or last continued (default 3600, at most 30 days)."}}};
const schema57 = {"type":"object","description":"The audit log: one JSON line per request on stdout (level from LOG_LEVEL).","properties":{"bodies":{"type":"boolean","description":"Also log request and response bodies (default false). They may hold personal data; secrets in headers are never logged."},"max_body_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"With `bodies`, the most of each body a log line holds, counted in characters of its JSON: bytes, or a size like `100kb` (default `100kb`, so a line stays under the 256 KB that log services such as CloudWatch Logs accept; at most `16mb`). A longer body is logged as the start of its JSON text with the number of characters left out; a stream as its first chunks with the number of chunks left out.","maximum":16777216}}};
const schema58 = {"type":"object","description":"Limits on what clients send and on what upstreams answer, and what of a request goes on to them.","properties":{"max_body_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Largest request body: bytes, or a size like `10mb` (default `10mb`, at most `500mb`: a body is held in memory as one text to be parsed, and Node's longest text is about 512 MB). Larger bodies get a 413.","maximum":524288000},"max_in_flight_body_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Most bytes of request bodies one gateway process holds at once (each `--workers` worker has this bound of its own): bytes, or a size like `512mb` (default: a quarter of the JavaScript heap limit, which Node sets from the memory of the machine or of the container, or from `--max-old-space-size`, divided by the number of workers, which share that memory). A body is held from its first byte until its answer ends: its parsed form and the request sent to the provider live as long as the call, and take about 2.5 times the body's size. A request whose body would pass the limit gets a 503 with `Retry-After` before its body is read, rather than the process running out of memory, which ends it with every request it serves. A body counts its declared `Content-Length`, or `max_body_size` when it is chunked or compressed (its size is known only once read); once read, a body that takes more once parsed (many tiny arrays, objects or values, up to 23 times its size) counts that instead, and gets the same 503 when that would pass the limit. A body is always taken when no other is held. Applies on reload."},"max_answer_size":{"type":["integer","string"],"pattern":"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$","minimum":1,"description":"Largest upstream answer read whole (a JSON answer, or the body of an error): bytes, or a size like `256mb` (default `256mb`, at most `500mb`: the answer is held as one text to be parsed, and Node's longest text is about 512 MB). An answer that passes it is abandoned at once and the client gets a 502. Streams are forwarded as they arrive and have no total limit.","maximum":524288000},"max_json_depth":{"type":"integer","minimum":2,"description":"Deepest nesting of arrays and objects in a request body (default 64, at most 1000: a body that is parsed is walked by recursive code, and deeper nesting could exhaust the stack). Deeper bodies get a 400 (422 on MLflow routes).","maximum":1000},"max_json_keys":{"type":"integer","minimum":1,"description":"Most keys one object of a request body may have (default 1000, at most 100000; arrays are not limited). A body with a larger object gets a 400 (422 on MLflow routes): objects of many thousands of keys cost the gateway several microseconds of CPU per key, so 100000 is already a fraction of a second per request.","maximum":100000},"request_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Time a client has to send a whole request, headers and body (default 60); slower clients get a 408. Read at start-up, not on reload."},"headers_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Time a client has to send the request headers (default 20); read at start-up, not on reload."},"shutdown_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Seconds that requests and streams in flight when SIGTERM or SIGINT arrives may take to finish (default 10); then a request ends with a 503 and a stream with an error event. Read when the signal arrives, so a reload applies it. Under Kubernetes, keep it below the pod's terminationGracePeriodSeconds (default 30)."},"keep_alive_timeout":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Seconds a client's idle keep-alive connection stays open (default 65). Behind a load balancer or proxy that reuses its connections to the gateway, keep it above that proxy's idle timeout (AWS ALB and nginx: 60 s; Google Cloud load balancers: 600 s), or the proxy may send a request on a connection the gateway is closing and answer its client 502. Read at start-up, not on reload."},"stream_keepalive":{"type":"number","minimum":0,"maximum":2147483,"description":"Seconds a stream may go without sending anything before the gateway sends a keep-alive (default 15; 0 sends none): on `/v1`, the SSE comment `: keep-alive`; on the MLflow routes, an empty line, as MLflow's Python clients take nothing but `data:` lines and drop blank ones. Clients ignore both. A load balancer or proxy that cuts idle connections (AWS ALB and nginx after 60 s) then keeps a stream whose model thinks for minutes before its first token, or pauses between tokens. The first keep-alive sends the response headers (200): a failure after it, before the first chunk, is an `error` event, not an HTTP status, and on a FALLBACK route with several destinations the `x-gateway-endpoint` header is left out (the destination that answers is not known yet). Retries and fallbacks still happen, as the client has had no chunk. Applies on reload."},"forward_trace_context":{"type":"boolean","description":"Pass the client's W3C trace context on to the providers (default false): a valid `traceparent` header, and its `tracestate` when it has at most 512 characters, go unchanged with every HTTP call to a provider, retries and fallbacks included, so that a traced model server (TGI, MLflow model serving, vLLM) joins the caller's trace. Off by default, as a hosted vendor would see the platform's trace ids. Amazon Bedrock and provider plugins never get them. Applies on reload."}}};
const schema12 = {"type":"object","required":["name","endpoint_type","model"],"properties":{"name":{"type":"string","pattern":"^[\\p{L}\\p{N}_.\\-]+$","description":"Letters, digits, `_`, `-` and `.` (it is part of a URL)."},"endpoint_type":{"$ref":"#/definitions/EndpointType"},"model":{"$ref":"#/definitions/Model"},"limit":{"$ref":"#/definitions/Limit"},"timeouts":{"$ref":"#/definitions/Timeouts"},"retries":{"$ref":"#/definitions/Retries"}}};
const schema13 = {"type":"string","enum":["llm/v1/chat","llm/v1/completions","llm/v1/embeddings"]};
const schema44 = {"type":"object","required":["renewal_period"],"properties":{"calls":{"type":"integer","minimum":0,"description":"Requests admitted per window (0 refuses every request; at most 9007199254740991, the largest whole number counted exactly).","maximum":9007199254740991},"tokens":{"type":"integer","minimum":0,"description":"Tokens per window, counted from the usage the provider reports (total_tokens); an answer or stream whose usage gives no total (none at all: a stream the client left, the upstream cut or a timeout ended; a server that reports none) counts an estimate of its prompt and of what it generated. Requests are refused while the window's tokens are spent. At most 9007199254740991, the largest whole number counted exactly.","maximum":9007199254740991},"renewal_period":{"type":"string","pattern":"^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$","description":"second, minute, hour, day, month or year, optionally with a count: `2 minutes`. At most 10 years (a month is 30 days, a year 360, as MLflow's `limits` library counts): a longer window would never renew while the gateway runs, and its length in milliseconds must stay a whole number Redis takes as an expiry."},"key":{"type":["string","null"],"description":"Accepted for MLflow compatibility; not used."}},"description":"A rate limit for the endpoint as a whole: all clients, every route that reaches it (`/endpoints`, `/gateway`, `/v1`, traffic and fallback routes), all `--workers` processes, and all hosts sharing a `rate_limit_store`. Set `calls`, `tokens` or both.","anyOf":[{"properties":{"calls":true},"required":["calls"]},{"properties":{"tokens":true},"required":["tokens"]}]};
const schema45 = {"type":"object","description":"Upstream timeouts in seconds (fractions allowed; at most 2147483, about 24.8 days, the longest wait a Node.js timer holds: a longer one would fire at once). An endpoint's `timeouts` override `defaults.timeouts` key by key. A timeout is a 504 naming the endpoint and the timeout.","properties":{"connect":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Opening the TCP/TLS connection to the provider (default 10)."},"first_byte":{"type":"number","minimum":0.001,"maximum":2147483,"description":"From sending the request to the first byte of the provider's answer (its headers) (default 300: without a stream, a reasoning model's headers come only with its whole answer)."},"idle":{"type":"number","minimum":0.001,"maximum":2147483,"description":"Longest silence between two chunks of the provider's answer, e.g. between stream events (default 300: a model that streams no reasoning is silent until its first token)."},"total":{"type":"number","minimum":0.001,"maximum":2147483,"description":"The whole call to the endpoint, including retries, backoff waits and streaming the answer (default 600)."}}};
const schema46 = {"type":"object","description":"Retries of failed upstream calls: connection errors, timeouts, 5xx and 429 (honouring `Retry-After`; not a 429 whose error says the quota is used up, `insufficient_quota`), never after a stream has sent its first chunk. Waits are exponential backoff with full jitter. An endpoint's `retries` override `defaults.retries` key by key.","properties":{"max_attempts":{"type":"integer","minimum":1,"description":"Attempts in all, the first included; 1 turns retries off (default 3, at most 10: more attempts only multiply the load on a provider that is already failing, and `max_elapsed` bounds the time anyway).","maximum":10},"initial_backoff":{"type":"number","exclusiveMinimum":0,"maximum":2147483,"description":"Upper bound of the first wait; each later wait doubles it (default 0.25)."},"max_backoff":{"type":"number","exclusiveMinimum":0,"maximum":2147483,"description":"Upper bound of any one wait (default 4)."},"max_elapsed":{"type":"number","exclusiveMinimum":0,"maximum":2147483,"description":"No retry starts later than this after the first attempt started (default 30)."},"max_retry_after":{"type":"number","minimum":0,"maximum":2147483,"description":"A 429 whose `Retry-After` asks for a longer wait (seconds) is returned to the client at once instead of retried (default 10)."}}};
const pattern0 = new RegExp("^[\\p{L}\\p{N}_.\\-]+$", "u");
const pattern15 = new RegExp("^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$", "u");
const schema14 = {"type":"object","required":["provider"],"properties":{"provider":{"anyOf":[{"$ref":"#/definitions/ProviderName"},{"$ref":"#/definitions/PluginProviderName"}]},"name":{"type":["string","null"],"description":"The provider's model name (Azure's deployment API: ignored, the deployment decides; Azure's v1 API, a base ending in /openai/v1: the deployment's name, required)."},"config":{"type":"object","description":"Provider settings (keys, base URL) and parameter defaults; a plugin provider's config is validated against the JSON Schema its package ships."}},"allOf":[{"if":{"properties":{"provider":{"enum":["openai"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/OpenAIConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["anthropic"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/AnthropicConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["gemini"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/GeminiConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["palm"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/PaLMConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["cohere"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/CohereConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["ai21labs"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/AI21LabsConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mosaicml"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MosaicMLConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mistral"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MistralConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["togetherai"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/TogetherAIConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mlflow-model-serving"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MlflowModelServingConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["huggingface-text-generation-inference"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/HuggingFaceTGIConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["bedrock","amazon-bedrock"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/BedrockConfig"}},"required":["config"]}},{"if":{"properties":{"provider":{"enum":["mock"]}},"required":["provider"]},"then":{"properties":{"config":{"$ref":"#/definitions/MockConfig"}}}}]};
const schema42 = {"type":"string","enum":["openai","anthropic","gemini","bedrock","amazon-bedrock","cohere","mistral","togetherai","huggingface-text-generation-inference","ai21labs","mosaicml","palm","mlflow-model-serving","mock"],"description":"Built-in provider id. Case and `-`/`_` are normalised (`OpenAI`, `AMAZON_BEDROCK` work). `mock` is a built-in fake for demos and tests."};
const schema43 = {"type":"string","pattern":"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$","description":"A provider declared by a package listed under `plugins`, spelt exactly as the package declares it: lowercase letters, digits, `.`, `_` and `-`, optionally scoped (`@acme/llm`)."};
const schema15 = {"type":"object","properties":{"openai_api_key":{"type":"string","minLength":1,"description":"OpenAI or Azure key (for `azuread`, an Entra ID token; leave it out for the gateway to get and renew tokens itself from Azure's credential chain). A `$ENV_VAR` name, the path of a file holding the value, or the value itself. Required unless `openai_api_type` is `azuread`."},"openai_api_type":{"type":"string","enum":["openai","azure","azuread"],"description":"`openai` (default), `azure` (key in `api-key` header) or `azuread` (bearer token). Case-insensitive."},"openai_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the OpenAI API up to and including the version segment (default `https://api.openai.com/v1`); the operation path is appended. Point it at a proxy or a test server."},"openai_api_version":{"type":"string","description":"Azure API version, sent as `?api-version=`."},"openai_deployment_name":{"type":"string","description":"Azure deployment name."},"openai_organization":{"type":"string","description":"Sent as `OpenAI-Organization` (openai type only)."},"azure_client_id":{"type":"string","minLength":1,"description":"`azuread` without `openai_api_key` only: the client ID of the user-assigned managed identity (or workload identity) the gateway gets Entra ID tokens as, instead of `AZURE_CLIENT_ID` or the system-assigned identity."}},"if":{"properties":{"openai_api_type":{"const":"azuread"}},"required":["openai_api_type"]},"else":{"properties":{"openai_api_key":{}},"required":["openai_api_key"]},"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};
const schema16 = {"type":"object","description":"Request parameters applied when the client sends none (chat and completions endpoints).","properties":{"temperature":{"type":"number","minimum":0,"maximum":2},"top_p":{"type":"number","minimum":0,"maximum":1},"top_k":{"type":"integer","minimum":1},"max_tokens":{"type":"integer","minimum":1},"n":{"type":"integer","minimum":1,"maximum":128,"description":"Default number of choices (at most 128, the most OpenAI's API takes: every choice is a whole answer, and the mock provider builds each in memory)."},"stop":{"anyOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string"},"minItems":1}]},"presence_penalty":{"type":"number","minimum":-2,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximum":2},"seed":{"type":"integer"},"reasoning_effort":{"type":"string","minLength":1,"description":"Each provider maps it as for a request's reasoning_effort (Anthropic and Claude on Bedrock: extended thinking; Gemini: thinkingConfig); like the other defaults it is also sent on completions endpoints whose provider takes it (OpenAI, Mistral, Together AI, MLflow model serving). A client's own `thinking` or `output_config.effort` takes its place. A value the provider would refuse for every request (on Anthropic's or Cohere's completions, or a level the model does not take) is refused at load."}}};
const func2 = require("ajv/dist/runtime/ucs2length").default;
const formats0 = require("ajv-formats/dist/formats").fullFormats.uri;
const pattern1 = new RegExp("^[Hh][Tt][Tt][Pp][Ss]?://", "u");

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
const _errs30 = errors;
let valid6 = true;
const _errs31 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.openai_api_type === undefined) && (missing0 = "openai_api_type")){
const err29 = {};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
else {
if(data.openai_api_type !== undefined){
if("azuread" !== data.openai_api_type){
const err30 = {};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
}
var _valid1 = _errs31 === errors;
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
if(!_valid1){
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.openai_api_key === undefined){
const err31 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "openai_api_key"},message:"must have required property '"+"openai_api_key"+"'",schema:schema15.else.required,parentSchema:schema15.else,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
var _valid1 = _errs33 === errors;
valid6 = _valid1;
}
if(!valid6){
const err32 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema",schema:schema15.if,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.openai_api_key !== undefined){
let data12 = data.openai_api_key;
if(typeof data12 === "string"){
if(func2(data12) < 1){
const err33 = {instancePath:instancePath+"/openai_api_key",schemaPath:"#/properties/openai_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.openai_api_key,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/openai_api_key",schemaPath:"#/properties/openai_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.openai_api_key.type,parentSchema:schema15.properties.openai_api_key,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.openai_api_type !== undefined){
let data13 = data.openai_api_type;
if(typeof data13 !== "string"){
const err35 = {instancePath:instancePath+"/openai_api_type",schemaPath:"#/properties/openai_api_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.openai_api_type.type,parentSchema:schema15.properties.openai_api_type,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(!(((data13 === "openai") || (data13 === "azure")) || (data13 === "azuread"))){
const err36 = {instancePath:instancePath+"/openai_api_type",schemaPath:"#/properties/openai_api_type/enum",keyword:"enum",params:{allowedValues: schema15.properties.openai_api_type.enum},message:"must be equal to one of the allowed values",schema:schema15.properties.openai_api_type.enum,parentSchema:schema15.properties.openai_api_type,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.openai_api_base !== undefined){
let data14 = data.openai_api_base;
if(typeof data14 === "string"){
if(!pattern1.test(data14)){
const err37 = {instancePath:instancePath+"/openai_api_base",schemaPath:"#/properties/openai_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema15.properties.openai_api_base,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(!(formats0(data14))){
const err38 = {instancePath:instancePath+"/openai_api_base",schemaPath:"#/properties/openai_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema15.properties.openai_api_base,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/openai_api_base",schemaPath:"#/properties/openai_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.openai_api_base.type,parentSchema:schema15.properties.openai_api_base,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.openai_api_version !== undefined){
let data15 = data.openai_api_version;
if(typeof data15 !== "string"){
const err40 = {instancePath:instancePath+"/openai_api_version",schemaPath:"#/properties/openai_api_version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.openai_api_version.type,parentSchema:schema15.properties.openai_api_version,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.openai_deployment_name !== undefined){
let data16 = data.openai_deployment_name;
if(typeof data16 !== "string"){
const err41 = {instancePath:instancePath+"/openai_deployment_name",schemaPath:"#/properties/openai_deployment_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.openai_deployment_name.type,parentSchema:schema15.properties.openai_deployment_name,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.openai_organization !== undefined){
let data17 = data.openai_organization;
if(typeof data17 !== "string"){
const err42 = {instancePath:instancePath+"/openai_organization",schemaPath:"#/properties/openai_organization/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.openai_organization.type,parentSchema:schema15.properties.openai_organization,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.azure_client_id !== undefined){
let data18 = data.azure_client_id;
if(typeof data18 === "string"){
if(func2(data18) < 1){
const err43 = {instancePath:instancePath+"/azure_client_id",schemaPath:"#/properties/azure_client_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.azure_client_id,data:data18};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/azure_client_id",schemaPath:"#/properties/azure_client_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.azure_client_id.type,parentSchema:schema15.properties.azure_client_id,data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

const schema17 = {"type":"object","properties":{"anthropic_api_key":{"type":"string","minLength":1,"description":"Anthropic key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"anthropic_version":{"type":"string","description":"`anthropic-version` header (default `2023-06-01`)."},"anthropic_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Anthropic API up to and including the version segment (default `https://api.anthropic.com/v1`); the operation path is appended. Point it at a proxy or a test server."},"anthropic_beta":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}],"description":"Anthropic beta features to turn on for every call of this endpoint (e.g. `context-1m-2025-08-07`), sent as the `anthropic-beta` header: a list of beta names, or one string of names separated by commas as in the header. Each name is refused at load if empty or holding a comma or whitespace. Betas can change billing, so only the config sets them; a client cannot."},"web_search":{"type":"object","additionalProperties":false,"properties":{"max_uses":{"type":"integer","minimum":1,"description":"The most searches Anthropic runs for one call (its tool's `max_uses`); a search over it fails with `max_uses_exceeded` and Claude answers without. Each search is billed."},"allowed_domains":{"type":"array","items":{"type":"string"},"minItems":1,"description":"Only pages of these domains are searched and cited (the tool's `allowed_domains`): host names without a scheme, e.g. `example.com` (its subdomains included) or `docs.example.com`, optionally with a path (`example.com/blog`)."},"blocked_domains":{"type":"array","items":{"type":"string"},"minItems":1,"description":"Pages of these domains are never searched or cited (the tool's `blocked_domains`), written as in `allowed_domains`. Anthropic refuses both lists in one call, so an endpoint sets one or the other."}},"description":"Chat endpoints only: what every web search tool this endpoint sends to Anthropic carries (a request's `web_search_options` adds the tool), so that the operator bounds what searches cost and where they look; a client cannot widen it. A gateway setting: MLflow has none."}},"required":["anthropic_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.anthropic_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "anthropic_api_key"},message:"must have required property '"+"anthropic_api_key"+"'",schema:schema17.required,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.anthropic_api_key !== undefined){
let data11 = data.anthropic_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/anthropic_api_key",schemaPath:"#/properties/anthropic_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.anthropic_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/anthropic_api_key",schemaPath:"#/properties/anthropic_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.anthropic_api_key.type,parentSchema:schema17.properties.anthropic_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.anthropic_version !== undefined){
let data12 = data.anthropic_version;
if(typeof data12 !== "string"){
const err32 = {instancePath:instancePath+"/anthropic_version",schemaPath:"#/properties/anthropic_version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.anthropic_version.type,parentSchema:schema17.properties.anthropic_version,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.anthropic_api_base !== undefined){
let data13 = data.anthropic_api_base;
if(typeof data13 === "string"){
if(!pattern1.test(data13)){
const err33 = {instancePath:instancePath+"/anthropic_api_base",schemaPath:"#/properties/anthropic_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema17.properties.anthropic_api_base,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(!(formats0(data13))){
const err34 = {instancePath:instancePath+"/anthropic_api_base",schemaPath:"#/properties/anthropic_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema17.properties.anthropic_api_base,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/anthropic_api_base",schemaPath:"#/properties/anthropic_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.anthropic_api_base.type,parentSchema:schema17.properties.anthropic_api_base,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.anthropic_beta !== undefined){
let data14 = data.anthropic_beta;
const _errs37 = errors;
let valid7 = false;
const _errs38 = errors;
if(typeof data14 !== "string"){
const err36 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.anthropic_beta.anyOf[0].type,parentSchema:schema17.properties.anthropic_beta.anyOf[0],data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid1 = _errs38 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const _errs40 = errors;
if(Array.isArray(data14)){
if(data14.length < 1){
const err37 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema17.properties.anthropic_beta.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
let data15 = data14[i1];
if(typeof data15 !== "string"){
const err38 = {instancePath:instancePath+"/anthropic_beta/" + i1,schemaPath:"#/properties/anthropic_beta/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.anthropic_beta.anyOf[1].items.type,parentSchema:schema17.properties.anthropic_beta.anyOf[1].items,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.anthropic_beta.anyOf[1].type,parentSchema:schema17.properties.anthropic_beta.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid1 = _errs40 === errors;
valid7 = valid7 || _valid1;
}
if(!valid7){
const err40 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema17.properties.anthropic_beta.anyOf,parentSchema:schema17.properties.anthropic_beta,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
}
}
if(data.web_search !== undefined){
let data16 = data.web_search;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key0 in data16){
if(!(((key0 === "max_uses") || (key0 === "allowed_domains")) || (key0 === "blocked_domains"))){
const err41 = {instancePath:instancePath+"/web_search",schemaPath:"#/properties/web_search/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17.properties.web_search,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data16.max_uses !== undefined){
let data17 = data16.max_uses;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err42 = {instancePath:instancePath+"/web_search/max_uses",schemaPath:"#/properties/web_search/properties/max_uses/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema17.properties.web_search.properties.max_uses.type,parentSchema:schema17.properties.web_search.properties.max_uses,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 1 || isNaN(data17)){
const err43 = {instancePath:instancePath+"/web_search/max_uses",schemaPath:"#/properties/web_search/properties/max_uses/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema17.properties.web_search.properties.max_uses,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
if(data16.allowed_domains !== undefined){
let data18 = data16.allowed_domains;
if(Array.isArray(data18)){
if(data18.length < 1){
const err44 = {instancePath:instancePath+"/web_search/allowed_domains",schemaPath:"#/properties/web_search/properties/allowed_domains/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema17.properties.web_search.properties.allowed_domains,data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
const len2 = data18.length;
for(let i2=0; i2<len2; i2++){
let data19 = data18[i2];
if(typeof data19 !== "string"){
const err45 = {instancePath:instancePath+"/web_search/allowed_domains/" + i2,schemaPath:"#/properties/web_search/properties/allowed_domains/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.web_search.properties.allowed_domains.items.type,parentSchema:schema17.properties.web_search.properties.allowed_domains.items,data:data19};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath:instancePath+"/web_search/allowed_domains",schemaPath:"#/properties/web_search/properties/allowed_domains/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.web_search.properties.allowed_domains.type,parentSchema:schema17.properties.web_search.properties.allowed_domains,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data16.blocked_domains !== undefined){
let data20 = data16.blocked_domains;
if(Array.isArray(data20)){
if(data20.length < 1){
const err47 = {instancePath:instancePath+"/web_search/blocked_domains",schemaPath:"#/properties/web_search/properties/blocked_domains/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema17.properties.web_search.properties.blocked_domains,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
const len3 = data20.length;
for(let i3=0; i3<len3; i3++){
let data21 = data20[i3];
if(typeof data21 !== "string"){
const err48 = {instancePath:instancePath+"/web_search/blocked_domains/" + i3,schemaPath:"#/properties/web_search/properties/blocked_domains/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.web_search.properties.blocked_domains.items.type,parentSchema:schema17.properties.web_search.properties.blocked_domains.items,data:data21};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/web_search/blocked_domains",schemaPath:"#/properties/web_search/properties/blocked_domains/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.web_search.properties.blocked_domains.type,parentSchema:schema17.properties.web_search.properties.blocked_domains,data:data20};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/web_search",schemaPath:"#/properties/web_search/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.properties.web_search.type,parentSchema:schema17.properties.web_search,data:data16};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema19 = {"type":"object","properties":{"gemini_api_key":{"type":"string","minLength":1,"description":"Google AI Studio key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"gemini_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Gemini API up to and including the version segment (default `https://generativelanguage.googleapis.com/v1beta`); the operation path is appended. Point it at a proxy or a test server."}},"required":["gemini_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.gemini_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gemini_api_key"},message:"must have required property '"+"gemini_api_key"+"'",schema:schema19.required,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.gemini_api_key !== undefined){
let data11 = data.gemini_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/gemini_api_key",schemaPath:"#/properties/gemini_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.gemini_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/gemini_api_key",schemaPath:"#/properties/gemini_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.gemini_api_key.type,parentSchema:schema19.properties.gemini_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.gemini_api_base !== undefined){
let data12 = data.gemini_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/gemini_api_base",schemaPath:"#/properties/gemini_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema19.properties.gemini_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/gemini_api_base",schemaPath:"#/properties/gemini_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema19.properties.gemini_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/gemini_api_base",schemaPath:"#/properties/gemini_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.gemini_api_base.type,parentSchema:schema19.properties.gemini_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema21 = {"type":"object","properties":{"palm_api_key":{"type":"string","minLength":1,"description":"PaLM key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"palm_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the PaLM API up to and including the version segment (default `https://generativelanguage.googleapis.com/v1beta3`); the operation path is appended. Point it at a proxy or a test server."}},"required":["palm_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.palm_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "palm_api_key"},message:"must have required property '"+"palm_api_key"+"'",schema:schema21.required,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.palm_api_key !== undefined){
let data11 = data.palm_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/palm_api_key",schemaPath:"#/properties/palm_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.palm_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/palm_api_key",schemaPath:"#/properties/palm_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.palm_api_key.type,parentSchema:schema21.properties.palm_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.palm_api_base !== undefined){
let data12 = data.palm_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/palm_api_base",schemaPath:"#/properties/palm_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema21.properties.palm_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/palm_api_base",schemaPath:"#/properties/palm_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema21.properties.palm_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/palm_api_base",schemaPath:"#/properties/palm_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.palm_api_base.type,parentSchema:schema21.properties.palm_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

const schema23 = {"type":"object","properties":{"cohere_api_key":{"type":"string","minLength":1,"description":"Cohere key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"cohere_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Cohere API up to and including the version segment (default `https://api.cohere.ai/v1`); the operation path is appended. Point it at a proxy or a test server."},"cohere_api_v2_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of Cohere's v2 API, where chat requests with tools, tool history or thinking go (`/chat` is appended). Default: `cohere_api_base` with its final `/v1` as `/v2`; set it when that base does not end in `/v1` (a proxy path)."}},"required":["cohere_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.cohere_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cohere_api_key"},message:"must have required property '"+"cohere_api_key"+"'",schema:schema23.required,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.cohere_api_key !== undefined){
let data11 = data.cohere_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/cohere_api_key",schemaPath:"#/properties/cohere_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.cohere_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/cohere_api_key",schemaPath:"#/properties/cohere_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.cohere_api_key.type,parentSchema:schema23.properties.cohere_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.cohere_api_base !== undefined){
let data12 = data.cohere_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/cohere_api_base",schemaPath:"#/properties/cohere_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema23.properties.cohere_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/cohere_api_base",schemaPath:"#/properties/cohere_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema23.properties.cohere_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/cohere_api_base",schemaPath:"#/properties/cohere_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.cohere_api_base.type,parentSchema:schema23.properties.cohere_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.cohere_api_v2_base !== undefined){
let data13 = data.cohere_api_v2_base;
if(typeof data13 === "string"){
if(!pattern1.test(data13)){
const err35 = {instancePath:instancePath+"/cohere_api_v2_base",schemaPath:"#/properties/cohere_api_v2_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema23.properties.cohere_api_v2_base,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(!(formats0(data13))){
const err36 = {instancePath:instancePath+"/cohere_api_v2_base",schemaPath:"#/properties/cohere_api_v2_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema23.properties.cohere_api_v2_base,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/cohere_api_v2_base",schemaPath:"#/properties/cohere_api_v2_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.cohere_api_v2_base.type,parentSchema:schema23.properties.cohere_api_v2_base,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}

const schema25 = {"type":"object","properties":{"ai21labs_api_key":{"type":"string","minLength":1,"description":"AI21 Labs key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"ai21labs_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the AI21 Labs API up to and including the version segment (default `https://api.ai21.com/studio/v1`); the operation path is appended. Point it at a proxy or a test server."}},"required":["ai21labs_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ai21labs_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ai21labs_api_key"},message:"must have required property '"+"ai21labs_api_key"+"'",schema:schema25.required,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.ai21labs_api_key !== undefined){
let data11 = data.ai21labs_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/ai21labs_api_key",schemaPath:"#/properties/ai21labs_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.ai21labs_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/ai21labs_api_key",schemaPath:"#/properties/ai21labs_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.ai21labs_api_key.type,parentSchema:schema25.properties.ai21labs_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.ai21labs_api_base !== undefined){
let data12 = data.ai21labs_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/ai21labs_api_base",schemaPath:"#/properties/ai21labs_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema25.properties.ai21labs_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/ai21labs_api_base",schemaPath:"#/properties/ai21labs_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema25.properties.ai21labs_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/ai21labs_api_base",schemaPath:"#/properties/ai21labs_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.ai21labs_api_base.type,parentSchema:schema25.properties.ai21labs_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}

const schema27 = {"type":"object","properties":{"mosaicml_api_key":{"type":"string","minLength":1,"description":"MosaicML key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"mosaicml_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the MosaicML API up to and including the version segment (default `https://models.hosted-on.mosaicml.hosting`); the operation path is appended. Point it at a proxy or a test server."}},"required":["mosaicml_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.mosaicml_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mosaicml_api_key"},message:"must have required property '"+"mosaicml_api_key"+"'",schema:schema27.required,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.mosaicml_api_key !== undefined){
let data11 = data.mosaicml_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/mosaicml_api_key",schemaPath:"#/properties/mosaicml_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.mosaicml_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/mosaicml_api_key",schemaPath:"#/properties/mosaicml_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.mosaicml_api_key.type,parentSchema:schema27.properties.mosaicml_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.mosaicml_api_base !== undefined){
let data12 = data.mosaicml_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/mosaicml_api_base",schemaPath:"#/properties/mosaicml_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema27.properties.mosaicml_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/mosaicml_api_base",schemaPath:"#/properties/mosaicml_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema27.properties.mosaicml_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/mosaicml_api_base",schemaPath:"#/properties/mosaicml_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.mosaicml_api_base.type,parentSchema:schema27.properties.mosaicml_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}

const schema29 = {"type":"object","properties":{"mistral_api_key":{"type":"string","minLength":1,"description":"Mistral key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"mistral_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Mistral API up to and including the version segment (default `https://api.mistral.ai/v1`); the operation path is appended. Point it at a proxy or a test server."}},"required":["mistral_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.mistral_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mistral_api_key"},message:"must have required property '"+"mistral_api_key"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.mistral_api_key !== undefined){
let data11 = data.mistral_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/mistral_api_key",schemaPath:"#/properties/mistral_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.properties.mistral_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/mistral_api_key",schemaPath:"#/properties/mistral_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.mistral_api_key.type,parentSchema:schema29.properties.mistral_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.mistral_api_base !== undefined){
let data12 = data.mistral_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/mistral_api_base",schemaPath:"#/properties/mistral_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema29.properties.mistral_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/mistral_api_base",schemaPath:"#/properties/mistral_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema29.properties.mistral_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/mistral_api_base",schemaPath:"#/properties/mistral_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.mistral_api_base.type,parentSchema:schema29.properties.mistral_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}

const schema31 = {"type":"object","properties":{"togetherai_api_key":{"type":"string","minLength":1,"description":"Together AI key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"togetherai_api_base":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Together AI API up to and including the version segment (default `https://api.together.xyz/v1`); the operation path is appended. Point it at a proxy or a test server."}},"required":["togetherai_api_key"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.togetherai_api_key === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "togetherai_api_key"},message:"must have required property '"+"togetherai_api_key"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.togetherai_api_key !== undefined){
let data11 = data.togetherai_api_key;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err30 = {instancePath:instancePath+"/togetherai_api_key",schemaPath:"#/properties/togetherai_api_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.togetherai_api_key,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/togetherai_api_key",schemaPath:"#/properties/togetherai_api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.togetherai_api_key.type,parentSchema:schema31.properties.togetherai_api_key,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.togetherai_api_base !== undefined){
let data12 = data.togetherai_api_base;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err32 = {instancePath:instancePath+"/togetherai_api_base",schemaPath:"#/properties/togetherai_api_base/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema31.properties.togetherai_api_base,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats0(data12))){
const err33 = {instancePath:instancePath+"/togetherai_api_base",schemaPath:"#/properties/togetherai_api_base/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema31.properties.togetherai_api_base,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/togetherai_api_base",schemaPath:"#/properties/togetherai_api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.togetherai_api_base.type,parentSchema:schema31.properties.togetherai_api_base,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}

const schema33 = {"type":"object","properties":{"model_server_url":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the MLflow model server; `/invocations` is appended."}},"required":["model_server_url"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.model_server_url === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model_server_url"},message:"must have required property '"+"model_server_url"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.model_server_url !== undefined){
let data11 = data.model_server_url;
if(typeof data11 === "string"){
if(!pattern1.test(data11)){
const err30 = {instancePath:instancePath+"/model_server_url",schemaPath:"#/properties/model_server_url/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema33.properties.model_server_url,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(!(formats0(data11))){
const err31 = {instancePath:instancePath+"/model_server_url",schemaPath:"#/properties/model_server_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema33.properties.model_server_url,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/model_server_url",schemaPath:"#/properties/model_server_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.model_server_url.type,parentSchema:schema33.properties.model_server_url,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}

const schema35 = {"type":"object","properties":{"hf_server_url":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Base URL of the Text Generation Inference server."}},"required":["hf_server_url"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.hf_server_url === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "hf_server_url"},message:"must have required property '"+"hf_server_url"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.hf_server_url !== undefined){
let data11 = data.hf_server_url;
if(typeof data11 === "string"){
if(!pattern1.test(data11)){
const err30 = {instancePath:instancePath+"/hf_server_url",schemaPath:"#/properties/hf_server_url/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema35.properties.hf_server_url,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(!(formats0(data11))){
const err31 = {instancePath:instancePath+"/hf_server_url",schemaPath:"#/properties/hf_server_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema35.properties.hf_server_url,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/hf_server_url",schemaPath:"#/properties/hf_server_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.hf_server_url.type,parentSchema:schema35.properties.hf_server_url,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}

const schema37 = {"type":"object","properties":{"aws_config":{"$ref":"#/definitions/AwsConfig"},"anthropic_beta":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}],"description":"Claude models only: Anthropic beta features to turn on for every call of this endpoint (e.g. `context-1m-2025-08-07`), sent as `anthropic_beta` in Converse's `additionalModelRequestFields`. A list of beta names, or one string of names separated by commas. Refused at load for a model id the gateway knows is not Claude, and for a name that is empty or holds a comma or whitespace."}},"required":["aws_config"],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};
const schema39 = {"type":"object","description":"AWS credentials and region. Give a key pair, a role to assume, or neither (the default credential chain).","properties":{"aws_region":{"type":"string"},"aws_access_key_id":{"type":"string","minLength":1,"description":"AWS access key id. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"aws_secret_access_key":{"type":"string","minLength":1,"description":"AWS secret access key. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"aws_session_token":{"type":"string","minLength":1,"description":"AWS session token. A `$ENV_VAR` name, the path of a file holding the value, or the value itself."},"aws_role_arn":{"type":"string","description":"Role to assume through STS; credentials are renewed before they expire."},"session_length_seconds":{"type":"integer","minimum":900,"maximum":43200,"description":"Assumed-role session length (default 900)."},"aws_endpoint_url":{"type":"string","format":"uri","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://","description":"Override of the bedrock-runtime endpoint (a VPC endpoint or a test server)."}},"dependencies":{"aws_access_key_id":["aws_secret_access_key"],"aws_secret_access_key":["aws_access_key_id"],"aws_session_token":["aws_access_key_id"]}};

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.aws_config === undefined){
const err29 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "aws_config"},message:"must have required property '"+"aws_config"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data.aws_config !== undefined){
let data11 = data.aws_config;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.aws_access_key_id !== undefined){
if(data11.aws_secret_access_key === undefined){
const err30 = {instancePath:instancePath+"/aws_config",schemaPath:"#/definitions/AwsConfig/dependencies",keyword:"dependencies",params:{property: "aws_access_key_id",
    missingProperty: "aws_secret_access_key",
    depsCount: 1,
    deps: "aws_secret_access_key"},message:"must have property aws_secret_access_key when property aws_access_key_id is present",schema:schema39.dependencies,parentSchema:schema39,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data11.aws_secret_access_key !== undefined){
if(data11.aws_access_key_id === undefined){
const err31 = {instancePath:instancePath+"/aws_config",schemaPath:"#/definitions/AwsConfig/dependencies",keyword:"dependencies",params:{property: "aws_secret_access_key",
    missingProperty: "aws_access_key_id",
    depsCount: 1,
    deps: "aws_access_key_id"},message:"must have property aws_access_key_id when property aws_secret_access_key is present",schema:schema39.dependencies,parentSchema:schema39,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data11.aws_session_token !== undefined){
if(data11.aws_access_key_id === undefined){
const err32 = {instancePath:instancePath+"/aws_config",schemaPath:"#/definitions/AwsConfig/dependencies",keyword:"dependencies",params:{property: "aws_session_token",
    missingProperty: "aws_access_key_id",
    depsCount: 1,
    deps: "aws_access_key_id"},message:"must have property aws_access_key_id when property aws_session_token is present",schema:schema39.dependencies,parentSchema:schema39,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data11.aws_region !== undefined){
let data12 = data11.aws_region;
if(typeof data12 !== "string"){
const err33 = {instancePath:instancePath+"/aws_config/aws_region",schemaPath:"#/definitions/AwsConfig/properties/aws_region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.aws_region.type,parentSchema:schema39.properties.aws_region,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data11.aws_access_key_id !== undefined){
let data13 = data11.aws_access_key_id;
if(typeof data13 === "string"){
if(func2(data13) < 1){
const err34 = {instancePath:instancePath+"/aws_config/aws_access_key_id",schemaPath:"#/definitions/AwsConfig/properties/aws_access_key_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.aws_access_key_id,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/aws_config/aws_access_key_id",schemaPath:"#/definitions/AwsConfig/properties/aws_access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.aws_access_key_id.type,parentSchema:schema39.properties.aws_access_key_id,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data11.aws_secret_access_key !== undefined){
let data14 = data11.aws_secret_access_key;
if(typeof data14 === "string"){
if(func2(data14) < 1){
const err36 = {instancePath:instancePath+"/aws_config/aws_secret_access_key",schemaPath:"#/definitions/AwsConfig/properties/aws_secret_access_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.aws_secret_access_key,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/aws_config/aws_secret_access_key",schemaPath:"#/definitions/AwsConfig/properties/aws_secret_access_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.aws_secret_access_key.type,parentSchema:schema39.properties.aws_secret_access_key,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data11.aws_session_token !== undefined){
let data15 = data11.aws_session_token;
if(typeof data15 === "string"){
if(func2(data15) < 1){
const err38 = {instancePath:instancePath+"/aws_config/aws_session_token",schemaPath:"#/definitions/AwsConfig/properties/aws_session_token/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.aws_session_token,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/aws_config/aws_session_token",schemaPath:"#/definitions/AwsConfig/properties/aws_session_token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.aws_session_token.type,parentSchema:schema39.properties.aws_session_token,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data11.aws_role_arn !== undefined){
let data16 = data11.aws_role_arn;
if(typeof data16 !== "string"){
const err40 = {instancePath:instancePath+"/aws_config/aws_role_arn",schemaPath:"#/definitions/AwsConfig/properties/aws_role_arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.aws_role_arn.type,parentSchema:schema39.properties.aws_role_arn,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data11.session_length_seconds !== undefined){
let data17 = data11.session_length_seconds;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err41 = {instancePath:instancePath+"/aws_config/session_length_seconds",schemaPath:"#/definitions/AwsConfig/properties/session_length_seconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.session_length_seconds.type,parentSchema:schema39.properties.session_length_seconds,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 43200 || isNaN(data17)){
const err42 = {instancePath:instancePath+"/aws_config/session_length_seconds",schemaPath:"#/definitions/AwsConfig/properties/session_length_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 43200},message:"must be <= 43200",schema:43200,parentSchema:schema39.properties.session_length_seconds,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data17 < 900 || isNaN(data17)){
const err43 = {instancePath:instancePath+"/aws_config/session_length_seconds",schemaPath:"#/definitions/AwsConfig/properties/session_length_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 900},message:"must be >= 900",schema:900,parentSchema:schema39.properties.session_length_seconds,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
if(data11.aws_endpoint_url !== undefined){
let data18 = data11.aws_endpoint_url;
if(typeof data18 === "string"){
if(!pattern1.test(data18)){
const err44 = {instancePath:instancePath+"/aws_config/aws_endpoint_url",schemaPath:"#/definitions/AwsConfig/properties/aws_endpoint_url/pattern",keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://"},message:"must match pattern \""+"^[Hh][Tt][Tt][Pp][Ss]?://"+"\"",schema:"^[Hh][Tt][Tt][Pp][Ss]?://",parentSchema:schema39.properties.aws_endpoint_url,data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(!(formats0(data18))){
const err45 = {instancePath:instancePath+"/aws_config/aws_endpoint_url",schemaPath:"#/definitions/AwsConfig/properties/aws_endpoint_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema39.properties.aws_endpoint_url,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/aws_config/aws_endpoint_url",schemaPath:"#/definitions/AwsConfig/properties/aws_endpoint_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.aws_endpoint_url.type,parentSchema:schema39.properties.aws_endpoint_url,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/aws_config",schemaPath:"#/definitions/AwsConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data:data11};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.anthropic_beta !== undefined){
let data19 = data.anthropic_beta;
const _errs48 = errors;
let valid10 = false;
const _errs49 = errors;
if(typeof data19 !== "string"){
const err48 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.anthropic_beta.anyOf[0].type,parentSchema:schema37.properties.anthropic_beta.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var _valid1 = _errs49 === errors;
valid10 = valid10 || _valid1;
if(!valid10){
const _errs51 = errors;
if(Array.isArray(data19)){
if(data19.length < 1){
const err49 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema37.properties.anthropic_beta.anyOf[1],data:data19};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
const len1 = data19.length;
for(let i1=0; i1<len1; i1++){
let data20 = data19[i1];
if(typeof data20 !== "string"){
const err50 = {instancePath:instancePath+"/anthropic_beta/" + i1,schemaPath:"#/properties/anthropic_beta/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.anthropic_beta.anyOf[1].items.type,parentSchema:schema37.properties.anthropic_beta.anyOf[1].items,data:data20};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.anthropic_beta.anyOf[1].type,parentSchema:schema37.properties.anthropic_beta.anyOf[1],data:data19};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
var _valid1 = _errs51 === errors;
valid10 = valid10 || _valid1;
}
if(!valid10){
const err52 = {instancePath:instancePath+"/anthropic_beta",schemaPath:"#/properties/anthropic_beta/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema37.properties.anthropic_beta.anyOf,parentSchema:schema37.properties.anthropic_beta,data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err53 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
validate35.errors = vErrors;
return errors === 0;
}

const schema40 = {"type":"object","properties":{"latency_ms":{"type":"integer","minimum":0,"maximum":60000,"description":"Delay before each answer (and between stream chunks)."}},"required":[],"allOf":[{"$ref":"#/definitions/ParameterDefaults"}]};

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.temperature !== undefined){
let data0 = data.temperature;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/temperature",schemaPath:"#/definitions/ParameterDefaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.temperature.type,parentSchema:schema16.properties.temperature,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.top_p !== undefined){
let data1 = data.top_p;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/top_p",schemaPath:"#/definitions/ParameterDefaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.top_p.type,parentSchema:schema16.properties.top_p,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.top_k !== undefined){
let data2 = data.top_k;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.top_k.type,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/top_k",schemaPath:"#/definitions/ParameterDefaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.top_k,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.max_tokens !== undefined){
let data3 = data.max_tokens;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_tokens.type,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/definitions/ParameterDefaults/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_tokens,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.n !== undefined){
let data4 = data.n;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.n.type,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/definitions/ParameterDefaults/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.n,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs15 = errors;
let valid3 = false;
const _errs16 = errors;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[0].type,parentSchema:schema16.properties.stop.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs18 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/stop/" + i0,schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.stop.anyOf[1].items.type,parentSchema:schema16.properties.stop.anyOf[1].items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.stop.anyOf[1].type,parentSchema:schema16.properties.stop.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/definitions/ParameterDefaults/properties/stop/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.properties.stop.anyOf,parentSchema:schema16.properties.stop,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.presence_penalty !== undefined){
let data7 = data.presence_penalty;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7 < -2 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/presence_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/presence_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.presence_penalty.type,parentSchema:schema16.properties.presence_penalty,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.frequency_penalty !== undefined){
let data8 = data.frequency_penalty;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2 || isNaN(data8)){
const err22 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data8 < -2 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/minimum",keyword:"minimum",params:{comparison: ">=", limit: -2},message:"must be >= -2",schema:-2,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/frequency_penalty",schemaPath:"#/definitions/ParameterDefaults/properties/frequency_penalty/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.properties.frequency_penalty.type,parentSchema:schema16.properties.frequency_penalty,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data9 = data.seed;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/definitions/ParameterDefaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.seed.type,parentSchema:schema16.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reasoning_effort !== undefined){
let data10 = data.reasoning_effort;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err26 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/reasoning_effort",schemaPath:"#/definitions/ParameterDefaults/properties/reasoning_effort/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.reasoning_effort.type,parentSchema:schema16.properties.reasoning_effort,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/definitions/ParameterDefaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.latency_ms !== undefined){
let data11 = data.latency_ms;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err29 = {instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.latency_ms.type,parentSchema:schema40.properties.latency_ms,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 60000 || isNaN(data11)){
const err30 = {instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000",schema:60000,parentSchema:schema40.properties.latency_ms,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err31 = {instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.latency_ms,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate37.errors = vErrors;
return errors === 0;
}

const pattern14 = new RegExp("^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$", "u");

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.provider === undefined) && (missing0 = "provider")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "openai")){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[0].then.required,parentSchema:schema14.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.config !== undefined){
if(!(validate13(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
const err3 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[0].if,parentSchema:schema14.allOf[0],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const _errs8 = errors;
let valid4 = true;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.provider === undefined) && (missing1 = "provider")){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "anthropic")){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err6 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[1].then.required,parentSchema:schema14.allOf[1].then,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.config !== undefined){
if(!(validate15(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
}
var _valid1 = _errs11 === errors;
valid4 = _valid1;
}
if(!valid4){
const err7 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[1].if,parentSchema:schema14.allOf[1],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const _errs14 = errors;
let valid7 = true;
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.provider === undefined) && (missing2 = "provider")){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "gemini")){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
var _valid2 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err10 = {instancePath,schemaPath:"#/allOf/2/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[2].then.required,parentSchema:schema14.allOf[2].then,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.config !== undefined){
if(!(validate17(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
var _valid2 = _errs17 === errors;
valid7 = _valid2;
}
if(!valid7){
const err11 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[2].if,parentSchema:schema14.allOf[2],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const _errs20 = errors;
let valid10 = true;
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.provider === undefined) && (missing3 = "provider")){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "palm")){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
var _valid3 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err14 = {instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[3].then.required,parentSchema:schema14.allOf[3].then,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.config !== undefined){
if(!(validate19(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
var _valid3 = _errs23 === errors;
valid10 = _valid3;
}
if(!valid10){
const err15 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[3].if,parentSchema:schema14.allOf[3],data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const _errs26 = errors;
let valid13 = true;
const _errs27 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.provider === undefined) && (missing4 = "provider")){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "cohere")){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
var _valid4 = _errs27 === errors;
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs29 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err18 = {instancePath,schemaPath:"#/allOf/4/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[4].then.required,parentSchema:schema14.allOf[4].then,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data.config !== undefined){
if(!(validate21(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
var _valid4 = _errs29 === errors;
valid13 = _valid4;
}
if(!valid13){
const err19 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[4].if,parentSchema:schema14.allOf[4],data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const _errs32 = errors;
let valid16 = true;
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.provider === undefined) && (missing5 = "provider")){
const err20 = {};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "ai21labs")){
const err21 = {};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
var _valid5 = _errs33 === errors;
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs35 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err22 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[5].then.required,parentSchema:schema14.allOf[5].then,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data.config !== undefined){
if(!(validate23(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
var _valid5 = _errs35 === errors;
valid16 = _valid5;
}
if(!valid16){
const err23 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[5].if,parentSchema:schema14.allOf[5],data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const _errs38 = errors;
let valid19 = true;
const _errs39 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((data.provider === undefined) && (missing6 = "provider")){
const err24 = {};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "mosaicml")){
const err25 = {};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
}
var _valid6 = _errs39 === errors;
errors = _errs38;
if(vErrors !== null){
if(_errs38){
vErrors.length = _errs38;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs41 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err26 = {instancePath,schemaPath:"#/allOf/6/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[6].then.required,parentSchema:schema14.allOf[6].then,data};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data.config !== undefined){
if(!(validate25(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
}
var _valid6 = _errs41 === errors;
valid19 = _valid6;
}
if(!valid19){
const err27 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[6].if,parentSchema:schema14.allOf[6],data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const _errs44 = errors;
let valid22 = true;
const _errs45 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing7;
if((data.provider === undefined) && (missing7 = "provider")){
const err28 = {};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "mistral")){
const err29 = {};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
}
var _valid7 = _errs45 === errors;
errors = _errs44;
if(vErrors !== null){
if(_errs44){
vErrors.length = _errs44;
}
else {
vErrors = null;
}
}
if(_valid7){
const _errs47 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err30 = {instancePath,schemaPath:"#/allOf/7/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[7].then.required,parentSchema:schema14.allOf[7].then,data};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data.config !== undefined){
if(!(validate27(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
}
var _valid7 = _errs47 === errors;
valid22 = _valid7;
}
if(!valid22){
const err31 = {instancePath,schemaPath:"#/allOf/7/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[7].if,parentSchema:schema14.allOf[7],data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const _errs50 = errors;
let valid25 = true;
const _errs51 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing8;
if((data.provider === undefined) && (missing8 = "provider")){
const err32 = {};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "togetherai")){
const err33 = {};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
}
var _valid8 = _errs51 === errors;
errors = _errs50;
if(vErrors !== null){
if(_errs50){
vErrors.length = _errs50;
}
else {
vErrors = null;
}
}
if(_valid8){
const _errs53 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err34 = {instancePath,schemaPath:"#/allOf/8/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[8].then.required,parentSchema:schema14.allOf[8].then,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data.config !== undefined){
if(!(validate29(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
var _valid8 = _errs53 === errors;
valid25 = _valid8;
}
if(!valid25){
const err35 = {instancePath,schemaPath:"#/allOf/8/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[8].if,parentSchema:schema14.allOf[8],data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const _errs56 = errors;
let valid28 = true;
const _errs57 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing9;
if((data.provider === undefined) && (missing9 = "provider")){
const err36 = {};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "mlflow-model-serving")){
const err37 = {};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
}
var _valid9 = _errs57 === errors;
errors = _errs56;
if(vErrors !== null){
if(_errs56){
vErrors.length = _errs56;
}
else {
vErrors = null;
}
}
if(_valid9){
const _errs59 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err38 = {instancePath,schemaPath:"#/allOf/9/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[9].then.required,parentSchema:schema14.allOf[9].then,data};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data.config !== undefined){
if(!(validate31(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
var _valid9 = _errs59 === errors;
valid28 = _valid9;
}
if(!valid28){
const err39 = {instancePath,schemaPath:"#/allOf/9/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[9].if,parentSchema:schema14.allOf[9],data};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
const _errs62 = errors;
let valid31 = true;
const _errs63 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing10;
if((data.provider === undefined) && (missing10 = "provider")){
const err40 = {};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "huggingface-text-generation-inference")){
const err41 = {};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
}
var _valid10 = _errs63 === errors;
errors = _errs62;
if(vErrors !== null){
if(_errs62){
vErrors.length = _errs62;
}
else {
vErrors = null;
}
}
if(_valid10){
const _errs65 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err42 = {instancePath,schemaPath:"#/allOf/10/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[10].then.required,parentSchema:schema14.allOf[10].then,data};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data.config !== undefined){
if(!(validate33(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
}
var _valid10 = _errs65 === errors;
valid31 = _valid10;
}
if(!valid31){
const err43 = {instancePath,schemaPath:"#/allOf/10/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[10].if,parentSchema:schema14.allOf[10],data};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
const _errs68 = errors;
let valid34 = true;
const _errs69 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing11;
if((data.provider === undefined) && (missing11 = "provider")){
const err44 = {};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
if(data.provider !== undefined){
let data22 = data.provider;
if(!((data22 === "bedrock") || (data22 === "amazon-bedrock"))){
const err45 = {};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
}
var _valid11 = _errs69 === errors;
errors = _errs68;
if(vErrors !== null){
if(_errs68){
vErrors.length = _errs68;
}
else {
vErrors = null;
}
}
if(_valid11){
const _errs71 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err46 = {instancePath,schemaPath:"#/allOf/11/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema14.allOf[11].then.required,parentSchema:schema14.allOf[11].then,data};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data.config !== undefined){
if(!(validate35(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
}
}
var _valid11 = _errs71 === errors;
valid34 = _valid11;
}
if(!valid34){
const err47 = {instancePath,schemaPath:"#/allOf/11/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[11].if,parentSchema:schema14.allOf[11],data};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
const _errs74 = errors;
let valid37 = true;
const _errs75 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing12;
if((data.provider === undefined) && (missing12 = "provider")){
const err48 = {};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
else {
if(data.provider !== undefined){
if(!(data.provider === "mock")){
const err49 = {};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
}
var _valid12 = _errs75 === errors;
errors = _errs74;
if(vErrors !== null){
if(_errs74){
vErrors.length = _errs74;
}
else {
vErrors = null;
}
}
if(_valid12){
const _errs77 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config !== undefined){
if(!(validate37(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
}
var _valid12 = _errs77 === errors;
valid37 = _valid12;
}
if(!valid37){
const err50 = {instancePath,schemaPath:"#/allOf/12/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema14.allOf[12].if,parentSchema:schema14.allOf[12],data};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.provider === undefined){
const err51 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema14.required,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(data.provider !== undefined){
let data26 = data.provider;
const _errs80 = errors;
let valid41 = false;
const _errs81 = errors;
if(typeof data26 !== "string"){
const err52 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/ProviderName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.type,parentSchema:schema42,data:data26};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(!((((((((((((((data26 === "openai") || (data26 === "anthropic")) || (data26 === "gemini")) || (data26 === "bedrock")) || (data26 === "amazon-bedrock")) || (data26 === "cohere")) || (data26 === "mistral")) || (data26 === "togetherai")) || (data26 === "huggingface-text-generation-inference")) || (data26 === "ai21labs")) || (data26 === "mosaicml")) || (data26 === "palm")) || (data26 === "mlflow-model-serving")) || (data26 === "mock"))){
const err53 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/ProviderName/enum",keyword:"enum",params:{allowedValues: schema42.enum},message:"must be equal to one of the allowed values",schema:schema42.enum,parentSchema:schema42,data:data26};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
var _valid13 = _errs81 === errors;
valid41 = valid41 || _valid13;
if(!valid41){
const _errs84 = errors;
if(typeof data26 === "string"){
if(!pattern14.test(data26)){
const err54 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/PluginProviderName/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$"+"\"",schema:"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$",parentSchema:schema43,data:data26};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/PluginProviderName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.type,parentSchema:schema43,data:data26};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
var _valid13 = _errs84 === errors;
valid41 = valid41 || _valid13;
}
if(!valid41){
const err56 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.properties.provider.anyOf,parentSchema:schema14.properties.provider,data:data26};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
else {
errors = _errs80;
if(vErrors !== null){
if(_errs80){
vErrors.length = _errs80;
}
else {
vErrors = null;
}
}
}
}
if(data.name !== undefined){
let data27 = data.name;
if((typeof data27 !== "string") && (data27 !== null)){
const err57 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: schema14.properties.name.type},message:"must be string,null",schema:schema14.properties.name.type,parentSchema:schema14.properties.name,data:data27};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data.config !== undefined){
let data28 = data.config;
if(!(data28 && typeof data28 == "object" && !Array.isArray(data28))){
const err58 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.properties.config.type,parentSchema:schema14.properties.config,data:data28};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.endpoint_type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint_type"},message:"must have required property '"+"endpoint_type"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.model === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}_.\\-]+$"},message:"must match pattern \""+"^[\\p{L}\\p{N}_.\\-]+$"+"\"",schema:"^[\\p{L}\\p{N}_.\\-]+$",parentSchema:schema12.properties.name,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.endpoint_type !== undefined){
let data1 = data.endpoint_type;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/endpoint_type",schemaPath:"#/definitions/EndpointType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!(((data1 === "llm/v1/chat") || (data1 === "llm/v1/completions")) || (data1 === "llm/v1/embeddings"))){
const err6 = {instancePath:instancePath+"/endpoint_type",schemaPath:"#/definitions/EndpointType/enum",keyword:"enum",params:{allowedValues: schema13.enum},message:"must be equal to one of the allowed values",schema:schema13.enum,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.model !== undefined){
if(!(validate12(data.model, {instancePath:instancePath+"/model",parentData:data,parentDataProperty:"model",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.limit !== undefined){
let data3 = data.limit;
const _errs10 = errors;
let valid3 = false;
const _errs11 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.calls === undefined){
const err7 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/anyOf/0/required",keyword:"required",params:{missingProperty: "calls"},message:"must have required property '"+"calls"+"'",schema:schema44.anyOf[0].required,parentSchema:schema44.anyOf[0],data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs12 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.tokens === undefined){
const err8 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/anyOf/1/required",keyword:"required",params:{missingProperty: "tokens"},message:"must have required property '"+"tokens"+"'",schema:schema44.anyOf[1].required,parentSchema:schema44.anyOf[1],data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid0 = _errs12 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err9 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema44.anyOf,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.renewal_period === undefined){
const err10 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/required",keyword:"required",params:{missingProperty: "renewal_period"},message:"must have required property '"+"renewal_period"+"'",schema:schema44.required,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.calls !== undefined){
let data4 = data3.calls;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/limit/calls",schemaPath:"#/definitions/Limit/properties/calls/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema44.properties.calls.type,parentSchema:schema44.properties.calls,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 9007199254740991 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/limit/calls",schemaPath:"#/definitions/Limit/properties/calls/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema44.properties.calls,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 < 0 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/limit/calls",schemaPath:"#/definitions/Limit/properties/calls/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema44.properties.calls,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data3.tokens !== undefined){
let data5 = data3.tokens;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err14 = {instancePath:instancePath+"/limit/tokens",schemaPath:"#/definitions/Limit/properties/tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema44.properties.tokens.type,parentSchema:schema44.properties.tokens,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 9007199254740991 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/limit/tokens",schemaPath:"#/definitions/Limit/properties/tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema44.properties.tokens,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err16 = {instancePath:instancePath+"/limit/tokens",schemaPath:"#/definitions/Limit/properties/tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema44.properties.tokens,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data3.renewal_period !== undefined){
let data6 = data3.renewal_period;
if(typeof data6 === "string"){
if(!pattern15.test(data6)){
const err17 = {instancePath:instancePath+"/limit/renewal_period",schemaPath:"#/definitions/Limit/properties/renewal_period/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$"+"\"",schema:"^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$",parentSchema:schema44.properties.renewal_period,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/limit/renewal_period",schemaPath:"#/definitions/Limit/properties/renewal_period/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.renewal_period.type,parentSchema:schema44.properties.renewal_period,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.key !== undefined){
let data7 = data3.key;
if((typeof data7 !== "string") && (data7 !== null)){
const err19 = {instancePath:instancePath+"/limit/key",schemaPath:"#/definitions/Limit/properties/key/type",keyword:"type",params:{type: schema44.properties.key.type},message:"must be string,null",schema:schema44.properties.key.type,parentSchema:schema44.properties.key,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.timeouts !== undefined){
let data8 = data.timeouts;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.connect !== undefined){
let data9 = data8.connect;
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 2147483 || isNaN(data9)){
const err21 = {instancePath:instancePath+"/timeouts/connect",schemaPath:"#/definitions/Timeouts/properties/connect/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.connect,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data9 < 0.001 || isNaN(data9)){
const err22 = {instancePath:instancePath+"/timeouts/connect",schemaPath:"#/definitions/Timeouts/properties/connect/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.connect,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/timeouts/connect",schemaPath:"#/definitions/Timeouts/properties/connect/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.connect.type,parentSchema:schema45.properties.connect,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data8.first_byte !== undefined){
let data10 = data8.first_byte;
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 2147483 || isNaN(data10)){
const err24 = {instancePath:instancePath+"/timeouts/first_byte",schemaPath:"#/definitions/Timeouts/properties/first_byte/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.first_byte,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data10 < 0.001 || isNaN(data10)){
const err25 = {instancePath:instancePath+"/timeouts/first_byte",schemaPath:"#/definitions/Timeouts/properties/first_byte/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.first_byte,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/timeouts/first_byte",schemaPath:"#/definitions/Timeouts/properties/first_byte/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.first_byte.type,parentSchema:schema45.properties.first_byte,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data8.idle !== undefined){
let data11 = data8.idle;
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 2147483 || isNaN(data11)){
const err27 = {instancePath:instancePath+"/timeouts/idle",schemaPath:"#/definitions/Timeouts/properties/idle/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.idle,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data11 < 0.001 || isNaN(data11)){
const err28 = {instancePath:instancePath+"/timeouts/idle",schemaPath:"#/definitions/Timeouts/properties/idle/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.idle,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/timeouts/idle",schemaPath:"#/definitions/Timeouts/properties/idle/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.idle.type,parentSchema:schema45.properties.idle,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data8.total !== undefined){
let data12 = data8.total;
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 2147483 || isNaN(data12)){
const err30 = {instancePath:instancePath+"/timeouts/total",schemaPath:"#/definitions/Timeouts/properties/total/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.total,data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data12 < 0.001 || isNaN(data12)){
const err31 = {instancePath:instancePath+"/timeouts/total",schemaPath:"#/definitions/Timeouts/properties/total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.total,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/timeouts/total",schemaPath:"#/definitions/Timeouts/properties/total/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.total.type,parentSchema:schema45.properties.total,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/timeouts",schemaPath:"#/definitions/Timeouts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data:data8};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.retries !== undefined){
let data13 = data.retries;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.max_attempts !== undefined){
let data14 = data13.max_attempts;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err34 = {instancePath:instancePath+"/retries/max_attempts",schemaPath:"#/definitions/Retries/properties/max_attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.properties.max_attempts.type,parentSchema:schema46.properties.max_attempts,data:data14};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 10 || isNaN(data14)){
const err35 = {instancePath:instancePath+"/retries/max_attempts",schemaPath:"#/definitions/Retries/properties/max_attempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema46.properties.max_attempts,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data14 < 1 || isNaN(data14)){
const err36 = {instancePath:instancePath+"/retries/max_attempts",schemaPath:"#/definitions/Retries/properties/max_attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema46.properties.max_attempts,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data13.initial_backoff !== undefined){
let data15 = data13.initial_backoff;
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 > 2147483 || isNaN(data15)){
const err37 = {instancePath:instancePath+"/retries/initial_backoff",schemaPath:"#/definitions/Retries/properties/initial_backoff/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.initial_backoff,data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data15 <= 0 || isNaN(data15)){
const err38 = {instancePath:instancePath+"/retries/initial_backoff",schemaPath:"#/definitions/Retries/properties/initial_backoff/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema46.properties.initial_backoff,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/retries/initial_backoff",schemaPath:"#/definitions/Retries/properties/initial_backoff/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.initial_backoff.type,parentSchema:schema46.properties.initial_backoff,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data13.max_backoff !== undefined){
let data16 = data13.max_backoff;
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 > 2147483 || isNaN(data16)){
const err40 = {instancePath:instancePath+"/retries/max_backoff",schemaPath:"#/definitions/Retries/properties/max_backoff/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.max_backoff,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data16 <= 0 || isNaN(data16)){
const err41 = {instancePath:instancePath+"/retries/max_backoff",schemaPath:"#/definitions/Retries/properties/max_backoff/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema46.properties.max_backoff,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/retries/max_backoff",schemaPath:"#/definitions/Retries/properties/max_backoff/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.max_backoff.type,parentSchema:schema46.properties.max_backoff,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data13.max_elapsed !== undefined){
let data17 = data13.max_elapsed;
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 2147483 || isNaN(data17)){
const err43 = {instancePath:instancePath+"/retries/max_elapsed",schemaPath:"#/definitions/Retries/properties/max_elapsed/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.max_elapsed,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data17 <= 0 || isNaN(data17)){
const err44 = {instancePath:instancePath+"/retries/max_elapsed",schemaPath:"#/definitions/Retries/properties/max_elapsed/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema46.properties.max_elapsed,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/retries/max_elapsed",schemaPath:"#/definitions/Retries/properties/max_elapsed/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.max_elapsed.type,parentSchema:schema46.properties.max_elapsed,data:data17};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data13.max_retry_after !== undefined){
let data18 = data13.max_retry_after;
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 2147483 || isNaN(data18)){
const err46 = {instancePath:instancePath+"/retries/max_retry_after",schemaPath:"#/definitions/Retries/properties/max_retry_after/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.max_retry_after,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data18 < 0 || isNaN(data18)){
const err47 = {instancePath:instancePath+"/retries/max_retry_after",schemaPath:"#/definitions/Retries/properties/max_retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema46.properties.max_retry_after,data:data18};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/retries/max_retry_after",schemaPath:"#/definitions/Retries/properties/max_retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.max_retry_after.type,parentSchema:schema46.properties.max_retry_after,data:data18};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/retries",schemaPath:"#/definitions/Retries/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data:data13};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema47 = {"type":"object","required":["name","task_type","destinations"],"properties":{"name":{"type":"string","pattern":"^[\\p{L}\\p{N}_.\\-]+$","description":"Letters, digits, `_`, `-` and `.` (it is part of a URL)."},"task_type":{"$ref":"#/definitions/EndpointType"},"destinations":{"type":"array","minItems":1,"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string","description":"An endpoint or another route of the same task type."},"traffic_percentage":{"type":"integer","minimum":0,"maximum":100,"description":"TRAFFIC_SPLIT only: the share of requests, 0 to 100; the shares of a route add up to 100."}}}},"routing_strategy":{"type":"string","enum":["TRAFFIC_SPLIT","FALLBACK"],"description":"TRAFFIC_SPLIT (default) or FALLBACK."}},"description":"A name clients call like an endpoint. TRAFFIC_SPLIT (default) sends each request to one destination drawn by `traffic_percentage`; FALLBACK tries the destinations in order and moves to the next one on a retryable failure (connection error, timeout, 429, 5xx), and on a request the gateway refuses for that destination's provider before sending it (a parameter the provider cannot take); a provider's own 400 goes to the client. A destination names an endpoint or another route of the same task type; routes must not form a cycle.","if":{"properties":{"routing_strategy":{"const":"FALLBACK"}},"required":["routing_strategy"]},"then":{"properties":{"destinations":{"items":{"properties":{"traffic_percentage":false}}}}},"else":{"properties":{"destinations":{"items":{"properties":{"traffic_percentage":true},"required":["traffic_percentage"]}}}}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.routing_strategy === undefined) && (missing0 = "routing_strategy")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.routing_strategy !== undefined){
if("FALLBACK" !== data.routing_strategy){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.destinations !== undefined){
let data1 = data.destinations;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.traffic_percentage !== undefined){
const err2 = {instancePath:instancePath+"/destinations/" + i0+"/traffic_percentage",schemaPath:"#/then/properties/destinations/items/properties/traffic_percentage/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema47.then.properties.destinations.items.properties.traffic_percentage,data:data2.traffic_percentage};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
}
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs7 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.destinations !== undefined){
let data4 = data.destinations;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.traffic_percentage === undefined){
const err3 = {instancePath:instancePath+"/destinations/" + i1,schemaPath:"#/else/properties/destinations/items/required",keyword:"required",params:{missingProperty: "traffic_percentage"},message:"must have required property '"+"traffic_percentage"+"'",schema:schema47.else.properties.destinations.items.required,parentSchema:schema47.else.properties.destinations.items,data:data5};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
}
}
var _valid0 = _errs7 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err4 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema47.if,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.task_type === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task_type"},message:"must have required property '"+"task_type"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.destinations === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "destinations"},message:"must have required property '"+"destinations"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.name !== undefined){
let data6 = data.name;
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}_.\\-]+$"},message:"must match pattern \""+"^[\\p{L}\\p{N}_.\\-]+$"+"\"",schema:"^[\\p{L}\\p{N}_.\\-]+$",parentSchema:schema47.properties.name,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.name.type,parentSchema:schema47.properties.name,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.task_type !== undefined){
let data7 = data.task_type;
if(typeof data7 !== "string"){
const err10 = {instancePath:instancePath+"/task_type",schemaPath:"#/definitions/EndpointType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!(((data7 === "llm/v1/chat") || (data7 === "llm/v1/completions")) || (data7 === "llm/v1/embeddings"))){
const err11 = {instancePath:instancePath+"/task_type",schemaPath:"#/definitions/EndpointType/enum",keyword:"enum",params:{allowedValues: schema13.enum},message:"must be equal to one of the allowed values",schema:schema13.enum,parentSchema:schema13,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.destinations !== undefined){
let data8 = data.destinations;
if(Array.isArray(data8)){
if(data8.length < 1){
const err12 = {instancePath:instancePath+"/destinations",schemaPath:"#/properties/destinations/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema47.properties.destinations,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.name === undefined){
const err13 = {instancePath:instancePath+"/destinations/" + i2,schemaPath:"#/properties/destinations/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema47.properties.destinations.items.required,parentSchema:schema47.properties.destinations.items,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data9.name !== undefined){
let data10 = data9.name;
if(typeof data10 !== "string"){
const err14 = {instancePath:instancePath+"/destinations/" + i2+"/name",schemaPath:"#/properties/destinations/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.destinations.items.properties.name.type,parentSchema:schema47.properties.destinations.items.properties.name,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data9.traffic_percentage !== undefined){
let data11 = data9.traffic_percentage;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err15 = {instancePath:instancePath+"/destinations/" + i2+"/traffic_percentage",schemaPath:"#/properties/destinations/items/properties/traffic_percentage/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.properties.destinations.items.properties.traffic_percentage.type,parentSchema:schema47.properties.destinations.items.properties.traffic_percentage,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 100 || isNaN(data11)){
const err16 = {instancePath:instancePath+"/destinations/" + i2+"/traffic_percentage",schemaPath:"#/properties/destinations/items/properties/traffic_percentage/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema47.properties.destinations.items.properties.traffic_percentage,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err17 = {instancePath:instancePath+"/destinations/" + i2+"/traffic_percentage",schemaPath:"#/properties/destinations/items/properties/traffic_percentage/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema47.properties.destinations.items.properties.traffic_percentage,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/destinations/" + i2,schemaPath:"#/properties/destinations/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.properties.destinations.items.type,parentSchema:schema47.properties.destinations.items,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/destinations",schemaPath:"#/properties/destinations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.destinations.type,parentSchema:schema47.properties.destinations,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.routing_strategy !== undefined){
let data12 = data.routing_strategy;
if(typeof data12 !== "string"){
const err20 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/properties/routing_strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.routing_strategy.type,parentSchema:schema47.properties.routing_strategy,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!((data12 === "TRAFFIC_SPLIT") || (data12 === "FALLBACK"))){
const err21 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/properties/routing_strategy/enum",keyword:"enum",params:{allowedValues: schema47.properties.routing_strategy.enum},message:"must be equal to one of the allowed values",schema:schema47.properties.routing_strategy.enum,parentSchema:schema47.properties.routing_strategy,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate41.errors = vErrors;
return errors === 0;
}

const schema51 = {"type":"object","description":"Settings every endpoint gets unless it sets its own.","properties":{"timeouts":{"$ref":"#/definitions/Timeouts"},"retries":{"$ref":"#/definitions/Retries"}}};

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.timeouts !== undefined){
let data0 = data.timeouts;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.connect !== undefined){
let data1 = data0.connect;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483 || isNaN(data1)){
const err0 = {instancePath:instancePath+"/timeouts/connect",schemaPath:"#/definitions/Timeouts/properties/connect/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.connect,data:data1};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data1 < 0.001 || isNaN(data1)){
const err1 = {instancePath:instancePath+"/timeouts/connect",schemaPath:"#/definitions/Timeouts/properties/connect/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.connect,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/timeouts/connect",schemaPath:"#/definitions/Timeouts/properties/connect/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.connect.type,parentSchema:schema45.properties.connect,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.first_byte !== undefined){
let data2 = data0.first_byte;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 2147483 || isNaN(data2)){
const err3 = {instancePath:instancePath+"/timeouts/first_byte",schemaPath:"#/definitions/Timeouts/properties/first_byte/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.first_byte,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data2 < 0.001 || isNaN(data2)){
const err4 = {instancePath:instancePath+"/timeouts/first_byte",schemaPath:"#/definitions/Timeouts/properties/first_byte/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.first_byte,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/timeouts/first_byte",schemaPath:"#/definitions/Timeouts/properties/first_byte/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.first_byte.type,parentSchema:schema45.properties.first_byte,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data0.idle !== undefined){
let data3 = data0.idle;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 2147483 || isNaN(data3)){
const err6 = {instancePath:instancePath+"/timeouts/idle",schemaPath:"#/definitions/Timeouts/properties/idle/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.idle,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3 < 0.001 || isNaN(data3)){
const err7 = {instancePath:instancePath+"/timeouts/idle",schemaPath:"#/definitions/Timeouts/properties/idle/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.idle,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/timeouts/idle",schemaPath:"#/definitions/Timeouts/properties/idle/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.idle.type,parentSchema:schema45.properties.idle,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.total !== undefined){
let data4 = data0.total;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 2147483 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/timeouts/total",schemaPath:"#/definitions/Timeouts/properties/total/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema45.properties.total,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data4 < 0.001 || isNaN(data4)){
const err10 = {instancePath:instancePath+"/timeouts/total",schemaPath:"#/definitions/Timeouts/properties/total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema45.properties.total,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/timeouts/total",schemaPath:"#/definitions/Timeouts/properties/total/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema45.properties.total.type,parentSchema:schema45.properties.total,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/timeouts",schemaPath:"#/definitions/Timeouts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data:data0};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.retries !== undefined){
let data5 = data.retries;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.max_attempts !== undefined){
let data6 = data5.max_attempts;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err13 = {instancePath:instancePath+"/retries/max_attempts",schemaPath:"#/definitions/Retries/properties/max_attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.properties.max_attempts.type,parentSchema:schema46.properties.max_attempts,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 10 || isNaN(data6)){
const err14 = {instancePath:instancePath+"/retries/max_attempts",schemaPath:"#/definitions/Retries/properties/max_attempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema46.properties.max_attempts,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6 < 1 || isNaN(data6)){
const err15 = {instancePath:instancePath+"/retries/max_attempts",schemaPath:"#/definitions/Retries/properties/max_attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema46.properties.max_attempts,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data5.initial_backoff !== undefined){
let data7 = data5.initial_backoff;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 2147483 || isNaN(data7)){
const err16 = {instancePath:instancePath+"/retries/initial_backoff",schemaPath:"#/definitions/Retries/properties/initial_backoff/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.initial_backoff,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data7 <= 0 || isNaN(data7)){
const err17 = {instancePath:instancePath+"/retries/initial_backoff",schemaPath:"#/definitions/Retries/properties/initial_backoff/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema46.properties.initial_backoff,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/retries/initial_backoff",schemaPath:"#/definitions/Retries/properties/initial_backoff/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.initial_backoff.type,parentSchema:schema46.properties.initial_backoff,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data5.max_backoff !== undefined){
let data8 = data5.max_backoff;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 2147483 || isNaN(data8)){
const err19 = {instancePath:instancePath+"/retries/max_backoff",schemaPath:"#/definitions/Retries/properties/max_backoff/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.max_backoff,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data8 <= 0 || isNaN(data8)){
const err20 = {instancePath:instancePath+"/retries/max_backoff",schemaPath:"#/definitions/Retries/properties/max_backoff/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema46.properties.max_backoff,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/retries/max_backoff",schemaPath:"#/definitions/Retries/properties/max_backoff/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.max_backoff.type,parentSchema:schema46.properties.max_backoff,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data5.max_elapsed !== undefined){
let data9 = data5.max_elapsed;
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 2147483 || isNaN(data9)){
const err22 = {instancePath:instancePath+"/retries/max_elapsed",schemaPath:"#/definitions/Retries/properties/max_elapsed/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.max_elapsed,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data9 <= 0 || isNaN(data9)){
const err23 = {instancePath:instancePath+"/retries/max_elapsed",schemaPath:"#/definitions/Retries/properties/max_elapsed/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema46.properties.max_elapsed,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/retries/max_elapsed",schemaPath:"#/definitions/Retries/properties/max_elapsed/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.max_elapsed.type,parentSchema:schema46.properties.max_elapsed,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data5.max_retry_after !== undefined){
let data10 = data5.max_retry_after;
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 2147483 || isNaN(data10)){
const err25 = {instancePath:instancePath+"/retries/max_retry_after",schemaPath:"#/definitions/Retries/properties/max_retry_after/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema46.properties.max_retry_after,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err26 = {instancePath:instancePath+"/retries/max_retry_after",schemaPath:"#/definitions/Retries/properties/max_retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema46.properties.max_retry_after,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/retries/max_retry_after",schemaPath:"#/definitions/Retries/properties/max_retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema46.properties.max_retry_after.type,parentSchema:schema46.properties.max_retry_after,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/retries",schemaPath:"#/definitions/Retries/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}

const schema54 = {"type":"object","additionalProperties":false,"required":["api_keys"],"description":"Client authentication. With it, every request needs one of the keys as `Authorization: Bearer <key>` or `x-api-key: <key>` (401 without, 403 for an endpoint the key may not call). `/health` is always open.","properties":{"api_keys":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/ClientKey"}},"public_docs":{"type":"boolean","description":"`/docs`, `/openapi.json` and `/` answer without a key (default true)."},"public_endpoint_list":{"type":"boolean","description":"The management routes (`/api/2.0/…`, `/api/3.0/…`: endpoint and route lists) answer without a key (default false)."},"public_metrics":{"type":"boolean","description":"`/metrics` answers without a key (default false)."}}};
const schema55 = {"type":"object","additionalProperties":false,"required":["name","key"],"properties":{"name":{"type":"string","pattern":"^[\\p{L}\\p{N}_.\\-]+$","description":"Who holds the key; shown in logs and metrics (never the key)."},"key":{"type":"string","minLength":1,"description":"The key: `$ENV_VAR`, the path of a file holding it, `sha256:<64 hex digits>` (the SHA-256 of the key, so the config holds no secret), or the key itself."},"endpoints":{"type":"array","items":{"type":"string"},"description":"Endpoints and traffic routes this key may call; all when absent. Calling another one is a 403."},"limit":{"$ref":"#/definitions/Limit","description":"This key's own rate limit (calls and/or tokens per period), over every endpoint it calls; counted like endpoint limits (memory, across --workers, or rate_limit_store)."}}};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema55.required,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.key === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema55.required,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "name") || (key0 === "key")) || (key0 === "endpoints")) || (key0 === "limit"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}_.\\-]+$"},message:"must match pattern \""+"^[\\p{L}\\p{N}_.\\-]+$"+"\"",schema:"^[\\p{L}\\p{N}_.\\-]+$",parentSchema:schema55.properties.name,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.properties.name.type,parentSchema:schema55.properties.name,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.key !== undefined){
let data1 = data.key;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err5 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema55.properties.key,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.properties.key.type,parentSchema:schema55.properties.key,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.endpoints !== undefined){
let data2 = data.endpoints;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 !== "string"){
const err7 = {instancePath:instancePath+"/endpoints/" + i0,schemaPath:"#/properties/endpoints/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.properties.endpoints.items.type,parentSchema:schema55.properties.endpoints.items,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/endpoints",schemaPath:"#/properties/endpoints/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema55.properties.endpoints.type,parentSchema:schema55.properties.endpoints,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.limit !== undefined){
let data4 = data.limit;
const _errs13 = errors;
let valid4 = false;
const _errs14 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.calls === undefined){
const err9 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/anyOf/0/required",keyword:"required",params:{missingProperty: "calls"},message:"must have required property '"+"calls"+"'",schema:schema44.anyOf[0].required,parentSchema:schema44.anyOf[0],data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs14 === errors;
valid4 = valid4 || _valid0;
if(!valid4){
const _errs15 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.tokens === undefined){
const err10 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/anyOf/1/required",keyword:"required",params:{missingProperty: "tokens"},message:"must have required property '"+"tokens"+"'",schema:schema44.anyOf[1].required,parentSchema:schema44.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid0 = _errs15 === errors;
valid4 = valid4 || _valid0;
}
if(!valid4){
const err11 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema44.anyOf,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.renewal_period === undefined){
const err12 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/required",keyword:"required",params:{missingProperty: "renewal_period"},message:"must have required property '"+"renewal_period"+"'",schema:schema44.required,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4.calls !== undefined){
let data5 = data4.calls;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err13 = {instancePath:instancePath+"/limit/calls",schemaPath:"#/definitions/Limit/properties/calls/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema44.properties.calls.type,parentSchema:schema44.properties.calls,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 9007199254740991 || isNaN(data5)){
const err14 = {instancePath:instancePath+"/limit/calls",schemaPath:"#/definitions/Limit/properties/calls/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema44.properties.calls,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/limit/calls",schemaPath:"#/definitions/Limit/properties/calls/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema44.properties.calls,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data4.tokens !== undefined){
let data6 = data4.tokens;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err16 = {instancePath:instancePath+"/limit/tokens",schemaPath:"#/definitions/Limit/properties/tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema44.properties.tokens.type,parentSchema:schema44.properties.tokens,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 9007199254740991 || isNaN(data6)){
const err17 = {instancePath:instancePath+"/limit/tokens",schemaPath:"#/definitions/Limit/properties/tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema44.properties.tokens,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err18 = {instancePath:instancePath+"/limit/tokens",schemaPath:"#/definitions/Limit/properties/tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema44.properties.tokens,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data4.renewal_period !== undefined){
let data7 = data4.renewal_period;
if(typeof data7 === "string"){
if(!pattern15.test(data7)){
const err19 = {instancePath:instancePath+"/limit/renewal_period",schemaPath:"#/definitions/Limit/properties/renewal_period/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$"+"\"",schema:"^\\s*[0-9]*\\s*(?:[Ss][Ee][Cc][Oo][Nn][Dd]|[Mm][Ii][Nn][Uu][Tt][Ee]|[Hh][Oo][Uu][Rr]|[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\\s*$",parentSchema:schema44.properties.renewal_period,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/limit/renewal_period",schemaPath:"#/definitions/Limit/properties/renewal_period/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.renewal_period.type,parentSchema:schema44.properties.renewal_period,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data4.key !== undefined){
let data8 = data4.key;
if((typeof data8 !== "string") && (data8 !== null)){
const err21 = {instancePath:instancePath+"/limit/key",schemaPath:"#/definitions/Limit/properties/key/type",keyword:"type",params:{type: schema44.properties.key.type},message:"must be string,null",schema:schema44.properties.key.type,parentSchema:schema44.properties.key,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/limit",schemaPath:"#/definitions/Limit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema55.type,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate46.errors = vErrors;
return errors === 0;
}


function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.api_keys === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "api_keys"},message:"must have required property '"+"api_keys"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "api_keys") || (key0 === "public_docs")) || (key0 === "public_endpoint_list")) || (key0 === "public_metrics"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.api_keys !== undefined){
let data0 = data.api_keys;
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/api_keys",schemaPath:"#/properties/api_keys/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema54.properties.api_keys,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate46(data0[i0], {instancePath:instancePath+"/api_keys/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath:instancePath+"/api_keys",schemaPath:"#/properties/api_keys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema54.properties.api_keys.type,parentSchema:schema54.properties.api_keys,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.public_docs !== undefined){
let data2 = data.public_docs;
if(typeof data2 !== "boolean"){
const err4 = {instancePath:instancePath+"/public_docs",schemaPath:"#/properties/public_docs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema54.properties.public_docs.type,parentSchema:schema54.properties.public_docs,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.public_endpoint_list !== undefined){
let data3 = data.public_endpoint_list;
if(typeof data3 !== "boolean"){
const err5 = {instancePath:instancePath+"/public_endpoint_list",schemaPath:"#/properties/public_endpoint_list/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema54.properties.public_endpoint_list.type,parentSchema:schema54.properties.public_endpoint_list,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.public_metrics !== undefined){
let data4 = data.public_metrics;
if(typeof data4 !== "boolean"){
const err6 = {instancePath:instancePath+"/public_metrics",schemaPath:"#/properties/public_metrics/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema54.properties.public_metrics.type,parentSchema:schema54.properties.public_metrics,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.type,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate45.errors = vErrors;
return errors === 0;
}

const pattern17 = new RegExp("^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://llm-gateway.dev/schemas/gateway-config.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoints === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoints"},message:"must have required property '"+"endpoints"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.endpoints !== undefined){
let data0 = data.endpoints;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data0[i0], {instancePath:instancePath+"/endpoints/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath:instancePath+"/endpoints",schemaPath:"#/properties/endpoints/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.endpoints.type,parentSchema:schema11.properties.endpoints,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.routes !== undefined){
let data2 = data.routes;
if(Array.isArray(data2)){
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
if(!(validate41(data2[i1], {instancePath:instancePath+"/routes/" + i1,parentData:data2,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/routes",schemaPath:"#/properties/routes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.routes.type,parentSchema:schema11.properties.routes,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.plugins !== undefined){
let data4 = data.plugins;
if(Array.isArray(data4)){
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
let data5 = data4[i2];
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err3 = {instancePath:instancePath+"/plugins/" + i2,schemaPath:"#/properties/plugins/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.plugins.items,data:data5};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/plugins/" + i2,schemaPath:"#/properties/plugins/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.plugins.items.type,parentSchema:schema11.properties.plugins.items,data:data5};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let i3 = data4.length;
let j0;
if(i3 > 1){
const indices0 = {};
for(;i3--;){
let item0 = data4[i3];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err5 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)",schema:true,parentSchema:schema11.properties.plugins,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
break;
}
indices0[item0] = i3;
}
}
}
else {
const err6 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.plugins.type,parentSchema:schema11.properties.plugins,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.rate_limit_store !== undefined){
let data6 = data.rate_limit_store;
const _errs14 = errors;
let valid9 = true;
const _errs15 = errors;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.sentinels !== undefined){
var valid10 = false;
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
var valid10 = true;
}
if(valid10){
if(data6.cluster_nodes !== undefined){
var valid10 = false;
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
var valid10 = true;
}
}
}
var _valid0 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs16 = errors;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.url === undefined){
const err9 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/then/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema49.then.required,parentSchema:schema49.then,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs16 === errors;
valid9 = _valid0;
}
if(!valid9){
const err10 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema49.if,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.type === undefined){
const err11 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema49.required,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data6.sentinels !== undefined){
if(data6.sentinel_master === undefined){
const err12 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/dependencies",keyword:"dependencies",params:{property: "sentinels",
    missingProperty: "sentinel_master",
    depsCount: 1,
    deps: "sentinel_master"},message:"must have property sentinel_master when property sentinels is present",schema:schema49.dependencies,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.sentinel_master !== undefined){
if(data6.sentinels === undefined){
const err13 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/dependencies",keyword:"dependencies",params:{property: "sentinel_master",
    missingProperty: "sentinels",
    depsCount: 1,
    deps: "sentinels"},message:"must have property sentinels when property sentinel_master is present",schema:schema49.dependencies,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data6.sentinel_password !== undefined){
if(data6.sentinels === undefined){
const err14 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/dependencies",keyword:"dependencies",params:{property: "sentinel_password",
    missingProperty: "sentinels",
    depsCount: 1,
    deps: "sentinels"},message:"must have property sentinels when property sentinel_password is present",schema:schema49.dependencies,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data6.sentinel_username !== undefined){
if(data6.sentinels === undefined){
const err15 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/dependencies",keyword:"dependencies",params:{property: "sentinel_username",
    missingProperty: "sentinels",
    depsCount: 2,
    deps: "sentinels, sentinel_password"},message:"must have properties sentinels, sentinel_password when property sentinel_username is present",schema:schema49.dependencies,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data6.sentinel_password === undefined){
const err16 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/dependencies",keyword:"dependencies",params:{property: "sentinel_username",
    missingProperty: "sentinel_password",
    depsCount: 2,
    deps: "sentinels, sentinel_password"},message:"must have properties sentinels, sentinel_password when property sentinel_username is present",schema:schema49.dependencies,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.sentinel_tls !== undefined){
if(data6.sentinels === undefined){
const err17 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/dependencies",keyword:"dependencies",params:{property: "sentinel_tls",
    missingProperty: "sentinels",
    depsCount: 1,
    deps: "sentinels"},message:"must have property sentinels when property sentinel_tls is present",schema:schema49.dependencies,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.type !== undefined){
let data9 = data6.type;
if(typeof data9 !== "string"){
const err18 = {instancePath:instancePath+"/rate_limit_store/type",schemaPath:"#/definitions/RateLimitStore/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.type.type,parentSchema:schema49.properties.type,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(data9 === "redis")){
const err19 = {instancePath:instancePath+"/rate_limit_store/type",schemaPath:"#/definitions/RateLimitStore/properties/type/enum",keyword:"enum",params:{allowedValues: schema49.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.type.enum,parentSchema:schema49.properties.type,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data6.url !== undefined){
let data10 = data6.url;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err20 = {instancePath:instancePath+"/rate_limit_store/url",schemaPath:"#/definitions/RateLimitStore/properties/url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.url,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/rate_limit_store/url",schemaPath:"#/definitions/RateLimitStore/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.url.type,parentSchema:schema49.properties.url,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data6.sentinels !== undefined){
let data11 = data6.sentinels;
if(Array.isArray(data11)){
if(data11.length < 1){
const err22 = {instancePath:instancePath+"/rate_limit_store/sentinels",schemaPath:"#/definitions/RateLimitStore/properties/sentinels/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.sentinels,data:data11};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const len3 = data11.length;
for(let i4=0; i4<len3; i4++){
let data12 = data11[i4];
if(typeof data12 === "string"){
if(func2(data12) < 1){
const err23 = {instancePath:instancePath+"/rate_limit_store/sentinels/" + i4,schemaPath:"#/definitions/RateLimitStore/properties/sentinels/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.sentinels.items,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/rate_limit_store/sentinels/" + i4,schemaPath:"#/definitions/RateLimitStore/properties/sentinels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.sentinels.items.type,parentSchema:schema49.properties.sentinels.items,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
let i5 = data11.length;
let j1;
if(i5 > 1){
const indices1 = {};
for(;i5--;){
let item1 = data11[i5];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err25 = {instancePath:instancePath+"/rate_limit_store/sentinels",schemaPath:"#/definitions/RateLimitStore/properties/sentinels/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i5+" are identical)",schema:true,parentSchema:schema49.properties.sentinels,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
break;
}
indices1[item1] = i5;
}
}
}
else {
const err26 = {instancePath:instancePath+"/rate_limit_store/sentinels",schemaPath:"#/definitions/RateLimitStore/properties/sentinels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.sentinels.type,parentSchema:schema49.properties.sentinels,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data6.cluster_nodes !== undefined){
let data13 = data6.cluster_nodes;
if(Array.isArray(data13)){
if(data13.length < 1){
const err27 = {instancePath:instancePath+"/rate_limit_store/cluster_nodes",schemaPath:"#/definitions/RateLimitStore/properties/cluster_nodes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.cluster_nodes,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const len4 = data13.length;
for(let i6=0; i6<len4; i6++){
let data14 = data13[i6];
if(typeof data14 === "string"){
if(func2(data14) < 1){
const err28 = {instancePath:instancePath+"/rate_limit_store/cluster_nodes/" + i6,schemaPath:"#/definitions/RateLimitStore/properties/cluster_nodes/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.cluster_nodes.items,data:data14};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/rate_limit_store/cluster_nodes/" + i6,schemaPath:"#/definitions/RateLimitStore/properties/cluster_nodes/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.cluster_nodes.items.type,parentSchema:schema49.properties.cluster_nodes.items,data:data14};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
let i7 = data13.length;
let j2;
if(i7 > 1){
const indices2 = {};
for(;i7--;){
let item2 = data13[i7];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err30 = {instancePath:instancePath+"/rate_limit_store/cluster_nodes",schemaPath:"#/definitions/RateLimitStore/properties/cluster_nodes/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i7+" are identical)",schema:true,parentSchema:schema49.properties.cluster_nodes,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
break;
}
indices2[item2] = i7;
}
}
}
else {
const err31 = {instancePath:instancePath+"/rate_limit_store/cluster_nodes",schemaPath:"#/definitions/RateLimitStore/properties/cluster_nodes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.cluster_nodes.type,parentSchema:schema49.properties.cluster_nodes,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data6.sentinel_master !== undefined){
let data15 = data6.sentinel_master;
if(typeof data15 === "string"){
if(func2(data15) < 1){
const err32 = {instancePath:instancePath+"/rate_limit_store/sentinel_master",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_master/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.sentinel_master,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/rate_limit_store/sentinel_master",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_master/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.sentinel_master.type,parentSchema:schema49.properties.sentinel_master,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data6.sentinel_password !== undefined){
let data16 = data6.sentinel_password;
if(typeof data16 === "string"){
if(func2(data16) < 1){
const err34 = {instancePath:instancePath+"/rate_limit_store/sentinel_password",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_password/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.sentinel_password,data:data16};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/rate_limit_store/sentinel_password",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.sentinel_password.type,parentSchema:schema49.properties.sentinel_password,data:data16};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data6.sentinel_username !== undefined){
let data17 = data6.sentinel_username;
if(typeof data17 === "string"){
if(func2(data17) < 1){
const err36 = {instancePath:instancePath+"/rate_limit_store/sentinel_username",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_username/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.sentinel_username,data:data17};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/rate_limit_store/sentinel_username",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.sentinel_username.type,parentSchema:schema49.properties.sentinel_username,data:data17};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data6.sentinel_tls !== undefined){
let data18 = data6.sentinel_tls;
if(typeof data18 !== "boolean"){
const err38 = {instancePath:instancePath+"/rate_limit_store/sentinel_tls",schemaPath:"#/definitions/RateLimitStore/properties/sentinel_tls/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema49.properties.sentinel_tls.type,parentSchema:schema49.properties.sentinel_tls,data:data18};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data6.on_error !== undefined){
let data19 = data6.on_error;
if(typeof data19 !== "string"){
const err39 = {instancePath:instancePath+"/rate_limit_store/on_error",schemaPath:"#/definitions/RateLimitStore/properties/on_error/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.on_error.type,parentSchema:schema49.properties.on_error,data:data19};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(!((data19 === "open") || (data19 === "closed"))){
const err40 = {instancePath:instancePath+"/rate_limit_store/on_error",schemaPath:"#/definitions/RateLimitStore/properties/on_error/enum",keyword:"enum",params:{allowedValues: schema49.properties.on_error.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.on_error.enum,parentSchema:schema49.properties.on_error,data:data19};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data6.timeout_ms !== undefined){
let data20 = data6.timeout_ms;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err41 = {instancePath:instancePath+"/rate_limit_store/timeout_ms",schemaPath:"#/definitions/RateLimitStore/properties/timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.timeout_ms.type,parentSchema:schema49.properties.timeout_ms,data:data20};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 > 10000 || isNaN(data20)){
const err42 = {instancePath:instancePath+"/rate_limit_store/timeout_ms",schemaPath:"#/definitions/RateLimitStore/properties/timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema49.properties.timeout_ms,data:data20};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data20 < 1 || isNaN(data20)){
const err43 = {instancePath:instancePath+"/rate_limit_store/timeout_ms",schemaPath:"#/definitions/RateLimitStore/properties/timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema49.properties.timeout_ms,data:data20};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
}
else {
const err44 = {instancePath:instancePath+"/rate_limit_store",schemaPath:"#/definitions/RateLimitStore/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.response_store !== undefined){
let data21 = data.response_store;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.enabled !== undefined){
let data22 = data21.enabled;
if(typeof data22 !== "boolean"){
const err45 = {instancePath:instancePath+"/response_store/enabled",schemaPath:"#/definitions/ResponseStore/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema50.properties.enabled.type,parentSchema:schema50.properties.enabled,data:data22};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data21.max_size !== undefined){
let data23 = data21.max_size;
if((!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))) && (typeof data23 !== "string")){
const err46 = {instancePath:instancePath+"/response_store/max_size",schemaPath:"#/definitions/ResponseStore/properties/max_size/type",keyword:"type",params:{type: schema50.properties.max_size.type},message:"must be integer,string",schema:schema50.properties.max_size.type,parentSchema:schema50.properties.max_size,data:data23};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 > 1073741824 || isNaN(data23)){
const err47 = {instancePath:instancePath+"/response_store/max_size",schemaPath:"#/definitions/ResponseStore/properties/max_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1073741824},message:"must be <= 1073741824",schema:1073741824,parentSchema:schema50.properties.max_size,data:data23};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(data23 < 1 || isNaN(data23)){
const err48 = {instancePath:instancePath+"/response_store/max_size",schemaPath:"#/definitions/ResponseStore/properties/max_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.max_size,data:data23};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(typeof data23 === "string"){
if(!pattern17.test(data23)){
const err49 = {instancePath:instancePath+"/response_store/max_size",schemaPath:"#/definitions/ResponseStore/properties/max_size/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$",parentSchema:schema50.properties.max_size,data:data23};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
if(data21.max_age !== undefined){
let data24 = data21.max_age;
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 > 2592000 || isNaN(data24)){
const err50 = {instancePath:instancePath+"/response_store/max_age",schemaPath:"#/definitions/ResponseStore/properties/max_age/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2592000},message:"must be <= 2592000",schema:2592000,parentSchema:schema50.properties.max_age,data:data24};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data24 <= 0 || isNaN(data24)){
const err51 = {instancePath:instancePath+"/response_store/max_age",schemaPath:"#/definitions/ResponseStore/properties/max_age/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema50.properties.max_age,data:data24};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
else {
const err52 = {instancePath:instancePath+"/response_store/max_age",schemaPath:"#/definitions/ResponseStore/properties/max_age/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.max_age.type,parentSchema:schema50.properties.max_age,data:data24};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/response_store",schemaPath:"#/definitions/ResponseStore/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data:data21};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.defaults !== undefined){
if(!(validate43(data.defaults, {instancePath:instancePath+"/defaults",parentData:data,parentDataProperty:"defaults",rootData}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
if(data.auth !== undefined){
if(!(validate45(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
}
if(data.logging !== undefined){
let data27 = data.logging;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.bodies !== undefined){
let data28 = data27.bodies;
if(typeof data28 !== "boolean"){
const err54 = {instancePath:instancePath+"/logging/bodies",schemaPath:"#/definitions/Logging/properties/bodies/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema57.properties.bodies.type,parentSchema:schema57.properties.bodies,data:data28};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data27.max_body_size !== undefined){
let data29 = data27.max_body_size;
if((!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))) && (typeof data29 !== "string")){
const err55 = {instancePath:instancePath+"/logging/max_body_size",schemaPath:"#/definitions/Logging/properties/max_body_size/type",keyword:"type",params:{type: schema57.properties.max_body_size.type},message:"must be integer,string",schema:schema57.properties.max_body_size.type,parentSchema:schema57.properties.max_body_size,data:data29};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 16777216 || isNaN(data29)){
const err56 = {instancePath:instancePath+"/logging/max_body_size",schemaPath:"#/definitions/Logging/properties/max_body_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16777216},message:"must be <= 16777216",schema:16777216,parentSchema:schema57.properties.max_body_size,data:data29};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data29 < 1 || isNaN(data29)){
const err57 = {instancePath:instancePath+"/logging/max_body_size",schemaPath:"#/definitions/Logging/properties/max_body_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema57.properties.max_body_size,data:data29};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(typeof data29 === "string"){
if(!pattern17.test(data29)){
const err58 = {instancePath:instancePath+"/logging/max_body_size",schemaPath:"#/definitions/Logging/properties/max_body_size/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$",parentSchema:schema57.properties.max_body_size,data:data29};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
}
else {
const err59 = {instancePath:instancePath+"/logging",schemaPath:"#/definitions/Logging/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema57.type,parentSchema:schema57,data:data27};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.server !== undefined){
let data30 = data.server;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.max_body_size !== undefined){
let data31 = data30.max_body_size;
if((!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))) && (typeof data31 !== "string")){
const err60 = {instancePath:instancePath+"/server/max_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_body_size/type",keyword:"type",params:{type: schema58.properties.max_body_size.type},message:"must be integer,string",schema:schema58.properties.max_body_size.type,parentSchema:schema58.properties.max_body_size,data:data31};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 > 524288000 || isNaN(data31)){
const err61 = {instancePath:instancePath+"/server/max_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_body_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 524288000},message:"must be <= 524288000",schema:524288000,parentSchema:schema58.properties.max_body_size,data:data31};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data31 < 1 || isNaN(data31)){
const err62 = {instancePath:instancePath+"/server/max_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_body_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema58.properties.max_body_size,data:data31};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(typeof data31 === "string"){
if(!pattern17.test(data31)){
const err63 = {instancePath:instancePath+"/server/max_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_body_size/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$",parentSchema:schema58.properties.max_body_size,data:data31};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
if(data30.max_in_flight_body_size !== undefined){
let data32 = data30.max_in_flight_body_size;
if((!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))) && (typeof data32 !== "string")){
const err64 = {instancePath:instancePath+"/server/max_in_flight_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_in_flight_body_size/type",keyword:"type",params:{type: schema58.properties.max_in_flight_body_size.type},message:"must be integer,string",schema:schema58.properties.max_in_flight_body_size.type,parentSchema:schema58.properties.max_in_flight_body_size,data:data32};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 < 1 || isNaN(data32)){
const err65 = {instancePath:instancePath+"/server/max_in_flight_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_in_flight_body_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema58.properties.max_in_flight_body_size,data:data32};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(typeof data32 === "string"){
if(!pattern17.test(data32)){
const err66 = {instancePath:instancePath+"/server/max_in_flight_body_size",schemaPath:"#/definitions/ServerSettings/properties/max_in_flight_body_size/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$",parentSchema:schema58.properties.max_in_flight_body_size,data:data32};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
if(data30.max_answer_size !== undefined){
let data33 = data30.max_answer_size;
if((!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))) && (typeof data33 !== "string")){
const err67 = {instancePath:instancePath+"/server/max_answer_size",schemaPath:"#/definitions/ServerSettings/properties/max_answer_size/type",keyword:"type",params:{type: schema58.properties.max_answer_size.type},message:"must be integer,string",schema:schema58.properties.max_answer_size.type,parentSchema:schema58.properties.max_answer_size,data:data33};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 > 524288000 || isNaN(data33)){
const err68 = {instancePath:instancePath+"/server/max_answer_size",schemaPath:"#/definitions/ServerSettings/properties/max_answer_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 524288000},message:"must be <= 524288000",schema:524288000,parentSchema:schema58.properties.max_answer_size,data:data33};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(data33 < 1 || isNaN(data33)){
const err69 = {instancePath:instancePath+"/server/max_answer_size",schemaPath:"#/definitions/ServerSettings/properties/max_answer_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema58.properties.max_answer_size,data:data33};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(typeof data33 === "string"){
if(!pattern17.test(data33)){
const err70 = {instancePath:instancePath+"/server/max_answer_size",schemaPath:"#/definitions/ServerSettings/properties/max_answer_size/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*([Bb]|[Kk][Bb]|[Mm][Bb]|[Gg][Bb])?\\s*$",parentSchema:schema58.properties.max_answer_size,data:data33};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
if(data30.max_json_depth !== undefined){
let data34 = data30.max_json_depth;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err71 = {instancePath:instancePath+"/server/max_json_depth",schemaPath:"#/definitions/ServerSettings/properties/max_json_depth/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema58.properties.max_json_depth.type,parentSchema:schema58.properties.max_json_depth,data:data34};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 > 1000 || isNaN(data34)){
const err72 = {instancePath:instancePath+"/server/max_json_depth",schemaPath:"#/definitions/ServerSettings/properties/max_json_depth/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema58.properties.max_json_depth,data:data34};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data34 < 2 || isNaN(data34)){
const err73 = {instancePath:instancePath+"/server/max_json_depth",schemaPath:"#/definitions/ServerSettings/properties/max_json_depth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2",schema:2,parentSchema:schema58.properties.max_json_depth,data:data34};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
if(data30.max_json_keys !== undefined){
let data35 = data30.max_json_keys;
if(!(((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35))) && (isFinite(data35)))){
const err74 = {instancePath:instancePath+"/server/max_json_keys",schemaPath:"#/definitions/ServerSettings/properties/max_json_keys/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema58.properties.max_json_keys.type,parentSchema:schema58.properties.max_json_keys,data:data35};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if((typeof data35 == "number") && (isFinite(data35))){
if(data35 > 100000 || isNaN(data35)){
const err75 = {instancePath:instancePath+"/server/max_json_keys",schemaPath:"#/definitions/ServerSettings/properties/max_json_keys/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema58.properties.max_json_keys,data:data35};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(data35 < 1 || isNaN(data35)){
const err76 = {instancePath:instancePath+"/server/max_json_keys",schemaPath:"#/definitions/ServerSettings/properties/max_json_keys/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema58.properties.max_json_keys,data:data35};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
if(data30.request_timeout !== undefined){
let data36 = data30.request_timeout;
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 > 2147483 || isNaN(data36)){
const err77 = {instancePath:instancePath+"/server/request_timeout",schemaPath:"#/definitions/ServerSettings/properties/request_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema58.properties.request_timeout,data:data36};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(data36 < 0.001 || isNaN(data36)){
const err78 = {instancePath:instancePath+"/server/request_timeout",schemaPath:"#/definitions/ServerSettings/properties/request_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema58.properties.request_timeout,data:data36};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/server/request_timeout",schemaPath:"#/definitions/ServerSettings/properties/request_timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema58.properties.request_timeout.type,parentSchema:schema58.properties.request_timeout,data:data36};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data30.headers_timeout !== undefined){
let data37 = data30.headers_timeout;
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 > 2147483 || isNaN(data37)){
const err80 = {instancePath:instancePath+"/server/headers_timeout",schemaPath:"#/definitions/ServerSettings/properties/headers_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema58.properties.headers_timeout,data:data37};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(data37 < 0.001 || isNaN(data37)){
const err81 = {instancePath:instancePath+"/server/headers_timeout",schemaPath:"#/definitions/ServerSettings/properties/headers_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema58.properties.headers_timeout,data:data37};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/server/headers_timeout",schemaPath:"#/definitions/ServerSettings/properties/headers_timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema58.properties.headers_timeout.type,parentSchema:schema58.properties.headers_timeout,data:data37};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data30.shutdown_timeout !== undefined){
let data38 = data30.shutdown_timeout;
if((typeof data38 == "number") && (isFinite(data38))){
if(data38 > 2147483 || isNaN(data38)){
const err83 = {instancePath:instancePath+"/server/shutdown_timeout",schemaPath:"#/definitions/ServerSettings/properties/shutdown_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema58.properties.shutdown_timeout,data:data38};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(data38 < 0.001 || isNaN(data38)){
const err84 = {instancePath:instancePath+"/server/shutdown_timeout",schemaPath:"#/definitions/ServerSettings/properties/shutdown_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema58.properties.shutdown_timeout,data:data38};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
else {
const err85 = {instancePath:instancePath+"/server/shutdown_timeout",schemaPath:"#/definitions/ServerSettings/properties/shutdown_timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema58.properties.shutdown_timeout.type,parentSchema:schema58.properties.shutdown_timeout,data:data38};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data30.keep_alive_timeout !== undefined){
let data39 = data30.keep_alive_timeout;
if((typeof data39 == "number") && (isFinite(data39))){
if(data39 > 2147483 || isNaN(data39)){
const err86 = {instancePath:instancePath+"/server/keep_alive_timeout",schemaPath:"#/definitions/ServerSettings/properties/keep_alive_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema58.properties.keep_alive_timeout,data:data39};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(data39 < 0.001 || isNaN(data39)){
const err87 = {instancePath:instancePath+"/server/keep_alive_timeout",schemaPath:"#/definitions/ServerSettings/properties/keep_alive_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.001},message:"must be >= 0.001",schema:0.001,parentSchema:schema58.properties.keep_alive_timeout,data:data39};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
else {
const err88 = {instancePath:instancePath+"/server/keep_alive_timeout",schemaPath:"#/definitions/ServerSettings/properties/keep_alive_timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema58.properties.keep_alive_timeout.type,parentSchema:schema58.properties.keep_alive_timeout,data:data39};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data30.stream_keepalive !== undefined){
let data40 = data30.stream_keepalive;
if((typeof data40 == "number") && (isFinite(data40))){
if(data40 > 2147483 || isNaN(data40)){
const err89 = {instancePath:instancePath+"/server/stream_keepalive",schemaPath:"#/definitions/ServerSettings/properties/stream_keepalive/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483},message:"must be <= 2147483",schema:2147483,parentSchema:schema58.properties.stream_keepalive,data:data40};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if(data40 < 0 || isNaN(data40)){
const err90 = {instancePath:instancePath+"/server/stream_keepalive",schemaPath:"#/definitions/ServerSettings/properties/stream_keepalive/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema58.properties.stream_keepalive,data:data40};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
else {
const err91 = {instancePath:instancePath+"/server/stream_keepalive",schemaPath:"#/definitions/ServerSettings/properties/stream_keepalive/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema58.properties.stream_keepalive.type,parentSchema:schema58.properties.stream_keepalive,data:data40};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data30.forward_trace_context !== undefined){
let data41 = data30.forward_trace_context;
if(typeof data41 !== "boolean"){
const err92 = {instancePath:instancePath+"/server/forward_trace_context",schemaPath:"#/definitions/ServerSettings/properties/forward_trace_context/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema58.properties.forward_trace_context.type,parentSchema:schema58.properties.forward_trace_context,data:data41};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
else {
const err93 = {instancePath:instancePath+"/server",schemaPath:"#/definitions/ServerSettings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema58.type,parentSchema:schema58,data:data30};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
else {
const err94 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}
