/* Generated from openapi/gateway.yaml by scripts/generate.ts. Do not edit; run `npm run generate`. */
export type paths = {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Prometheus metrics (text exposition format): requests, latency, time to first token, tokens by endpoint and client key, upstream errors, retries, rate-limit rejections. Needs a client key when `auth` is configured, unless `auth.public_metrics` is true. A key limited to some endpoints (`endpoints:`) may not read them: they name every endpoint and key. */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/2.0/endpoints/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The configured endpoints, in config order, 3000 a page. With client keys (`auth:`), only those the key may call (any other name is a 403 on every get route, whether it exists or not). */
        get: operations["listEndpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/2.0/endpoints/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getEndpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/2.0/gateway/routes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @deprecated */
        get: operations["listLegacyRoutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/2.0/gateway/routes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @deprecated */
        get: operations["getLegacyRoute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/3.0/gateway/endpoint/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getEndpointV3"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/3.0/gateway/route/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTrafficRoute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/endpoints/{name}/invocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Invoke an endpoint or traffic route. The body follows the endpoint's type: ChatRequest for `llm/v1/chat`, CompletionsRequest for `llm/v1/completions`, EmbeddingsRequest for `llm/v1/embeddings`. With `"stream": true` (chat, completions) the answer is an event stream of chunks ending with `data: [DONE]`. A failure before the first chunk is an ordinary error status; one after it ends the stream, without `[DONE]`, with an `event: error` whose data is a StreamError: `{"error": {"message", "type", "param", "code", "status"}}`. A stream that sends nothing for `server.stream_keepalive` seconds (15 by default) gets a keep-alive: an empty line here, the SSE comment `: keep-alive` on `/v1`. The first one sends the status (200), so a failure after it, even before the first chunk, is an `event: error` too. */
        post: operations["invokeEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gateway/{name}/invocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description The same as `/endpoints/{name}/invocations` (the URL the endpoint list advertises). */
        post: operations["invokeGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["openaiChat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description A completion of `prompt`. As on OpenAI, `prompt` may be a list of prompts (at most 20, streamed or not), and the answer holds each prompt's `n` choices in turn (`index` = prompt position × n + choice). OpenAI's API (the default `openai_api_base`) and Azure OpenAI get the list in one call and answer as they do. For any other provider, or server behind `openai_api_base`, each prompt is completed in a call of its own to the endpoint (the request's other fields unchanged; its retries and total timeout as for one prompt; at most 8 calls at once), with `usage` summed (a count is null unless every prompt's answer has it), `id`, `created` and `model` of the first prompt's answer; a prompt that fails (after its retries) fails the whole request with its error, and ends the other calls. The choice is each FALLBACK destination's. The request counts once against `calls` limits; every prompt's tokens count against token limits. */
        post: operations["openaiCompletions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["openaiEmbeddings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description OpenAI's Responses API on chat endpoints: `model` names an `llm/v1/chat` endpoint or a chat traffic route, served exactly as `/v1/chat/completions` (client keys, limits, retries, fallbacks, audit line, metrics). The request is translated to a chat request and the answer back. Unless `store` is false the answer is kept in memory (`response_store` in the config), so that `previous_response_id` and `item_reference` resolve and `GET /v1/responses/{response_id}` (and its `input_items`) read it; `conversation` is a 400. With `stream`, an event stream of ResponsesStreamEvent (`event:` lines named by type), ending with response.completed or response.incomplete, or after a failure mid-stream with response.failed. */
        post: operations["openaiResponses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A kept response, as it was answered. Only the client key that created it can read it; any other id (unknown, created with `store: false`, by another key, on another gateway host, dropped for age or room) is a 404. */
        get: operations["openaiGetResponse"];
        put?: never;
        post?: never;
        /** @description Drops a kept response at once; a response that continued it can then no longer be continued. The same 404 as GET for an id the key cannot read. */
        delete: operations["openaiDeleteResponse"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{response_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description OpenAI cancels only a response created with `background: true`, which the gateway does not run (such a request is a 400), so nothing can be cancelled: a kept response, answered when it was created, is OpenAI's 400 for a synchronous response ("Cannot cancel a synchronous response.", naming `response_id`); the same 404 as GET for an id the key cannot read (unknown, created with `store: false`, by another key, dropped, or the store off). */
        post: operations["openaiCancelResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{response_id}/input_items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The input items of a kept response: what the model was given for it, that is the input and output items of the responses it continued through `previous_response_id` that are still kept, then the request's own input (each `item_reference` as the item it named). A message's text becomes an `input_text` part (`output_text` for an assistant's), and an item sent without an id gets one made from the response's id, the same on every call. The same 404 as GET for an id the key cannot read; a bad query parameter is a 400 naming it. */
        get: operations["openaiListResponseInputItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The endpoints and traffic routes a client may call, in config order, as OpenAI's model list. With client keys (`auth:`), only those the key may call. Not in MLflow (404 there). */
        get: operations["openaiListModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openaiGetModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Health: {
            /** @constant */
            status: "OK";
        };
        /** @description One request validation problem, in the shape MLflow (pydantic) uses. */
        ValidationIssue: {
            /** @description The rule that failed, e.g. `missing`, `type`, `minimum`. */
            type: string;
            /** @description Where the problem is, starting with `body`. */
            loc: (string | number)[];
            msg: string;
            input?: unknown;
        };
        /** @description Error body of the MLflow-compatible routes. `detail` is a message, or for request validation a list of issues; `message`, present only beside such a list, holds one readable sentence naming the field and the rule. */
        ErrorResponse: {
            detail: string | components["schemas"]["ValidationIssue"][] | Record<string, never>;
            message?: string;
        };
        /** @enum {string} */
        EndpointType: "llm/v1/chat" | "llm/v1/completions" | "llm/v1/embeddings";
        /** @description MLflow's call limit; null when the endpoint has none (a token-only limit is in `token_limit`). */
        Limit: {
            /** @description Requests per window. */
            calls: number;
            renewal_period: string;
            key: string | null;
        };
        /** @description The endpoint's token budget (not in MLflow, whose clients ignore this field). */
        TokenLimit: {
            /** @description Tokens per window. */
            tokens: number;
            renewal_period: string;
        };
        Endpoint: {
            name: string;
            endpoint_type: components["schemas"]["EndpointType"];
            model: {
                name: string | null;
                provider: string;
            };
            /** @description Relative URL of the endpoint's invocation route (`/gateway/{name}/invocations`). */
            endpoint_url: string;
            limit: components["schemas"]["Limit"] | null;
            token_limit: components["schemas"]["TokenLimit"] | null;
        };
        EndpointList: {
            endpoints: components["schemas"]["Endpoint"][];
            /** @description Pass as `page_token` to get the next page; null on the last page. */
            next_page_token: string | null;
        };
        LegacyRoute: {
            name: string;
            route_type: components["schemas"]["EndpointType"];
            model: {
                name: string | null;
                provider: string;
            };
            route_url: string;
            limit: components["schemas"]["Limit"] | null;
            token_limit: components["schemas"]["TokenLimit"] | null;
        };
        LegacyRouteList: {
            routes: components["schemas"]["LegacyRoute"][];
            next_page_token: string | null;
        };
        TrafficRoute: {
            name: string;
            task_type: components["schemas"]["EndpointType"];
            destinations: {
                /** @description An endpoint or another route. */
                name: string;
                /** @description TRAFFIC_SPLIT only. */
                traffic_percentage?: number;
            }[];
            /** @enum {string} */
            routing_strategy: "TRAFFIC_SPLIT" | "FALLBACK";
        };
        TextContentPart: {
            /** @constant */
            type: "text";
            text: string;
        };
        ImageContentPart: {
            /** @constant */
            type: "image_url";
            image_url: {
                url: string;
                /** @enum {string|null} */
                detail?: "auto" | "low" | "high" | null;
            };
        };
        /** @description Audio as OpenAI's chat completions take it (base64 `data` and its `format`). Gemini takes it as inline bytes, Mistral as its own audio chunk (`{"type": "input_audio", "input_audio": "<base64>"}`), OpenAI, Azure OpenAI and Together AI as sent; the other built-in providers but `mock` (which reads text parts only) refuse the part with a 400 naming it. */
        AudioContentPart: {
            /** @constant */
            type: "input_audio";
            input_audio: {
                data: string;
                /** @enum {string} */
                format: "wav" | "mp3";
            };
        };
        /** @description A file as OpenAI's chat completions take it (PDFs and other documents). Anthropic and Amazon Bedrock Converse take `file_data` as a document block, Gemini as inline bytes, Mistral a PDF's `file_data` as a `document_url` chunk (other types and `file_id` are a 400); Together AI and TGI (whose chat APIs have no document part) and other providers without a mapping refuse the part with a 400 naming it. */
        FileContentPart: {
            /** @constant */
            type: "file";
            file: {
                /** @description The file as a base64 data URL (data:application/pdf;base64,...). */
                file_data?: string;
                /** @description An id from OpenAI's Files API (OpenAI only). */
                file_id?: string;
                filename?: string;
            };
        };
        ContentPart: components["schemas"]["TextContentPart"] | components["schemas"]["ImageContentPart"] | components["schemas"]["AudioContentPart"] | components["schemas"]["FileContentPart"];
        ToolCall: {
            id: string;
            /** @constant */
            type: "function";
            function: {
                name: string;
                /** @description The call's arguments as a JSON text. */
                arguments: string;
            };
        };
        SignedThinkingBlock: {
            /** @constant */
            type: "thinking";
            thinking: string;
            signature: string;
            /** @description Where the block was in its answer when not first (interleaved thinking): how many of the turn's other blocks came before it, its text counted as one block and each tool call as one. Claude gets the turn back with the block there. Absent on a block before all of them (as 0). In a stream, on each piece of the block. */
            content_index?: number;
        };
        RedactedThinkingBlock: {
            /** @constant */
            type: "redacted_thinking";
            /** @description The encrypted thinking, to be sent back unchanged. */
            data: string;
            /** @description See SignedThinkingBlock.content_index. */
            content_index?: number;
        };
        /** @description One thinking block of an answer, with the signature or encrypted data the vendor checks when it comes back. */
        ThinkingBlock: components["schemas"]["SignedThinkingBlock"] | components["schemas"]["RedactedThinkingBlock"];
        ChatMessage: {
            /** @description system, user, assistant or tool; also developer (OpenAI's newer name for system), which Anthropic, Amazon Bedrock, Gemini, Cohere, Mistral and AI21 Labs take as system instructions, MosaicML refuses (422), and other providers get as sent. */
            role: string;
            content?: string | components["schemas"]["ContentPart"][] | null;
            /** @description The assistant turn's tool calls; null (as answers give it) is the same as absent. */
            tool_calls?: components["schemas"]["ToolCall"][] | null;
            tool_call_id?: string | null;
            refusal?: string | null;
            name?: string | null;
            /** @description The model's thinking text (the readable text of `thinking_blocks`, Gemini's thought summaries, Mistral's or Cohere's thinking), as answers carry it. Accepted so that a client can send an answer's message back whole. On an assistant message of a request that reasons (one that asks for thinking with `reasoning_effort`, or Cohere's own `thinking`, or goes to a model that thinks unasked: Mistral's Magistral, a Cohere model named `reasoning`), Mistral gets it as a `thinking` content chunk before the text, and Cohere (on requests that go to its v2 API: tools, thinking) as a `thinking` content item; on other requests they do not get it. OpenAI-compatible servers behind another base, Together AI and TGI get the field as sent. Anthropic, Bedrock, Gemini, OpenAI's own API, Azure OpenAI and the other providers never get it (the signed `thinking_blocks` are what Anthropic checks, Gemini's signatures ride in tool-call ids; OpenAI's own API and Azure OpenAI refuse unknown fields). */
            reasoning_content?: string | null;
            /** @description The web pages an answer cited (UrlCitation), as answers carry them. Accepted so that a client can send an answer's message back whole; no provider gets them (none takes citations back, and OpenAI's own API, Azure OpenAI and Mistral refuse unknown message fields). */
            annotations?: unknown[] | null;
            /** @description An assistant turn's thinking blocks exactly as an answer gave them (Anthropic extended thinking, also Claude on Amazon Bedrock). Anthropic and Claude on Bedrock get them back in that turn's content where the answer had them (first, or where each block's `content_index` says), as they require during tool use; other providers ignore them. On a thinking request's tool loop, an assistant message with tool_calls sent without them gets those the gateway kept for its tool calls (response store); when the last one's are not kept, a 400 names this field. */
            thinking_blocks?: components["schemas"]["ThinkingBlock"][] | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Sampling temperature in the OpenAI range 0..2; providers with another range scale it. */
        Temperature: number | null;
        TopP: number | null;
        /** @description Number of choices to generate, at most 128 as OpenAI allows (no provider generates more in one call, and the gateway's mock would build each in memory). */
        N: number | null;
        /** @description Stop sequences. A bare string is accepted as a one-item list. */
        Stop: string | string[] | null;
        MaxTokens: number | null;
        FunctionDefinition: {
            name: string;
            description?: string | null;
            /** @description A JSON Schema, passed to the provider whole (no keyword is dropped). */
            parameters?: {
                [key: string]: unknown;
            } | null;
            strict?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        Tool: {
            /** @constant */
            type: "function";
            function: components["schemas"]["FunctionDefinition"];
        } & {
            [key: string]: unknown;
        };
        /** @description Unified chat request. Keys not listed here (top_k, presence_penalty, response_format, seed, user, ...) are passed through to providers that accept them. A null field counts as absent (as in MLflow), at any depth except inside a JSON Schema. */
        ChatRequest: {
            messages: components["schemas"]["ChatMessage"][];
            temperature?: components["schemas"]["Temperature"];
            top_p?: components["schemas"]["TopP"];
            n?: components["schemas"]["N"];
            stop?: components["schemas"]["Stop"];
            max_tokens?: components["schemas"]["MaxTokens"];
            stream?: boolean | null;
            stream_options?: {
                [key: string]: unknown;
            } | null;
            /** @description On `/v1` routes, the endpoint name. Not allowed on the invocation routes. */
            model?: string;
            tools?: components["schemas"]["Tool"][] | null;
            /** @description OpenAI's web search options (`search_context_size`, `user_location`), served by OpenAI's search models, Anthropic's web search tool and Gemini's Google Search, and refused by other providers; each provider checks the fields. Beside them the gateway takes `filters.allowed_domains` (the Responses API web search tool's domain filter, which OpenAI's chat field lacks): the domains the search keeps to (no scheme, subdomains included, a path allowed; an empty list is no filter). Anthropic endpoints serve it, within the endpoint's own `web_search.allowed_domains` (the domains both allow); OpenAI, Azure OpenAI and Gemini endpoints refuse it with a 400, as they cannot keep a search to it: `{"filters": {"allowed_domains": ["example.com"]}}`. */
            web_search_options?: unknown;
            /** @description "none", "auto", "required", or {"type":"function","function":{"name":...}}. OpenAI's {"type":"allowed_tools","allowed_tools":{"mode","tools"}} reaches Mistral, Together AI, TGI, Anthropic, Bedrock Converse and Cohere as the allowed tools alone with its mode as the choice, Gemini as allowedFunctionNames with mode ANY (required) or the allowed tools alone (auto), and AI21 Jamba, which has no tool choice, as the allowed tools alone (auto only); a form the provider cannot honour is a 400 naming tool_choice. */
            tool_choice?: string | {
                [key: string]: unknown;
            } | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A null field counts as absent (as in MLflow). */
        CompletionsRequest: {
            /** @description The prompt. A list holding one string (what LangChain's `OpenAI` LLM sends) is accepted as that string. `/v1/completions` also takes a list of 2 to 20 strings, streamed or not (see that route), and token ids as OpenAI does (a list of token ids, or a list of such lists), which only OpenAI's API and Azure OpenAI serve (any other provider or server behind `openai_api_base` refuses them with a 400 on `prompt`); the MLflow routes take one prompt as a string (several are a 422, token ids too). */
            prompt: string | string[] | number[] | number[][];
            temperature?: components["schemas"]["Temperature"];
            top_p?: components["schemas"]["TopP"];
            n?: components["schemas"]["N"];
            stop?: components["schemas"]["Stop"];
            max_tokens?: components["schemas"]["MaxTokens"];
            stream?: boolean | null;
            stream_options?: {
                [key: string]: unknown;
            } | null;
            /** @description On `/v1` routes, the endpoint name. Not allowed on the invocation routes. */
            model?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Keys not listed here are passed through to providers that accept them. `encoding_format` is `float` (the default) or `base64` on every provider: OpenAI, Azure OpenAI and servers behind `openai_api_base` get it as sent, and the float vectors other providers answer with are encoded by the gateway (another value is a 400). `dimensions` goes to OpenAI, Azure OpenAI, servers behind `openai_api_base` and MLflow model serving as sent, to Gemini as `outputDimensionality` (the shortened vectors scaled to unit length, as OpenAI's are), to Mistral as `output_dimension`, and to Amazon Bedrock's Titan, Titan Multimodal, Nova and Cohere Embed v4 models in their own fields (the sizes each takes); Cohere, Together AI, PaLM, MosaicML and Bedrock's Cohere Embed v3 refuse it with a 400. */
        EmbeddingsRequest: {
            /** @description A text, texts, token ids or lists of token ids. As OpenAI's API, no text may be empty and no list either (`""`, `[]`, `[""]`, `[[]]` are a 400 naming the input, 422 on the MLflow routes, before anything is sent). */
            input: string | string[] | number[] | number[][];
            /** @description On `/v1` routes, the endpoint name. Not allowed on the invocation routes. */
            model?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A web page the answer cites, in OpenAI's shape: `start_index` and `end_index` delimit the text of the message's `content` that the page supports (end exclusive), counted in Unicode code points (characters as Python counts them, so a character outside the Basic Multilingual Plane counts once, not as the two UTF-16 units of a JavaScript string). */
        UrlCitation: {
            /** @constant */
            type: "url_citation";
            url_citation: {
                url: string;
                title: string;
                start_index: number;
                end_index: number;
            };
        };
        ResponseMessage: {
            role: string;
            content: string | components["schemas"]["ContentPart"][] | null;
            tool_calls: components["schemas"]["ToolCall"][] | null;
            refusal: string | null;
            /** @description The model's thinking as text (the `thinking` of `thinking_blocks` joined, Gemini's thought summaries, Mistral's `thinking` content chunks, Cohere's `thinking` content items, the reasoning text of Amazon Bedrock's other models such as DeepSeek-R1 and gpt-oss, or an OpenAI-compatible server's own `reasoning_content`, which DeepSeek wants back on tool-call turns, or `reasoning`, vLLM's and Ollama's name for it); present only when the provider sent thinking. */
            reasoning_content?: string | null;
            /** @description The answer's thinking blocks with their signatures, present only when the provider sent thinking (Anthropic extended thinking, also Claude on Amazon Bedrock). Send them back on this assistant message in the next request. */
            thinking_blocks?: components["schemas"]["ThinkingBlock"][] | null;
            /** @description The web pages the answer cites, present only when the provider searched the web and cited what it found (OpenAI's search models and `web_search_options`). */
            annotations?: components["schemas"]["UrlCitation"][] | null;
        };
        /** @description stop, length, tool_calls or content_filter, or function_call for OpenAI's deprecated `functions` (null while a stream is still going). An OpenAI endpoint passes on the value its server sent. */
        FinishReason: string | null;
        TokenLogprob: {
            token?: string;
            logprob?: number;
            bytes?: number[] | null;
            top_logprobs?: ({
                token?: string;
                logprob?: number;
                bytes?: number[] | null;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        /** @description Token log probabilities of the choice, present only when the client asked for them (`logprobs: true`, `top_logprobs`) and the provider sent them: OpenAI's object as it came (`content`: one entry per token with `token`, `logprob`, `bytes` and `top_logprobs`; `refusal`), or Gemini's `logprobsResult` in that shape (`bytes` the token's UTF-8). In a stream chunk, the tokens of that chunk. Other OpenAI-compatible servers' objects are passed on as sent (Together AI's has `tokens` and `token_logprobs`). */
        ChatLogprobs: ({
            content?: components["schemas"]["TokenLogprob"][] | null;
            refusal?: components["schemas"]["TokenLogprob"][] | null;
        } & {
            [key: string]: unknown;
        }) | null;
        /** @description Azure OpenAI's content filter results for the choice's text (per category such as `hate` or `protected_material_text`: `filtered`, and `severity` or `detected`), a vendor extension passed on as Azure sent it; present only when the provider sent it. In a stream chunk, the results of that chunk's text. */
        ContentFilterResults: {
            [key: string]: unknown;
        };
        ChatChoice: {
            index: number;
            message: components["schemas"]["ResponseMessage"];
            finish_reason: components["schemas"]["FinishReason"];
            logprobs?: components["schemas"]["ChatLogprobs"];
            content_filter_results?: components["schemas"]["ContentFilterResults"];
        };
        /** @description What `prompt_tokens` includes, in OpenAI's shape. An OpenAI-compatible provider's object is passed on as it came (with any counts of its own, such as xAI's `text_tokens`). */
        PromptTokensDetails: {
            /** @description Prompt tokens read from the provider's prompt cache (OpenAI's `cached_tokens`, Anthropic's `cache_read_input_tokens`, Gemini's `cachedContentTokenCount`, Bedrock's `cacheReadInputTokens`, DeepSeek's `prompt_cache_hit_tokens`). */
            cached_tokens?: number | null;
            /** @description Prompt tokens written to the prompt cache (Anthropic's `cache_creation_input_tokens`, Bedrock's `cacheWriteInputTokens`; LiteLLM's name), billed above the input price. */
            cache_creation_tokens?: number | null;
            audio_tokens?: number | null;
        } & {
            [key: string]: unknown;
        };
        /** @description What `completion_tokens` includes, in OpenAI's shape. An OpenAI-compatible provider's object is passed on as it came. */
        CompletionTokensDetails: {
            /** @description Tokens the model spent thinking (OpenAI's `reasoning_tokens`, Gemini's `thoughtsTokenCount`). */
            reasoning_tokens?: number | null;
            audio_tokens?: number | null;
            accepted_prediction_tokens?: number | null;
            rejected_prediction_tokens?: number | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Token counts. `prompt_tokens` counts the whole prompt processed, cached parts included (for Anthropic and Amazon Bedrock, whose input count leaves out cache reads and writes, the gateway adds them). The two details objects are present only when the provider reported such counts. */
        Usage: {
            prompt_tokens: number | null;
            completion_tokens: number | null;
            total_tokens: number | null;
            prompt_tokens_details?: components["schemas"]["PromptTokensDetails"];
            completion_tokens_details?: components["schemas"]["CompletionTokensDetails"];
            /** @description The provider's own tools that ran for the answer, billed apart from tokens (LiteLLM's field, as Anthropic names it): present only when the provider reported one, as Anthropic does for web search. */
            server_tool_use?: {
                /** @description Web searches run (Anthropic's `usage.server_tool_use.web_search_requests`, each billed), added up over the calls of a turn the gateway continued (`pause_turn`). */
                web_search_requests?: number;
            };
        };
        /** @description Azure OpenAI's content filter results for the prompt (one entry per prompt: `prompt_index` and its `content_filter_results`), a vendor extension passed on as Azure sent it; present only when the provider sent it. In a stream, on the first chunk with choices (Azure sends it on a chunk of its own). */
        PromptFilterResults: {
            [key: string]: unknown;
        }[];
        ChatResponse: {
            id: string | null;
            /** @constant */
            object: "chat.completion";
            created: number;
            model: string;
            choices: components["schemas"]["ChatChoice"][];
            usage: components["schemas"]["Usage"];
            prompt_filter_results?: components["schemas"]["PromptFilterResults"];
        };
        /** @description Token log probabilities of the choice, present only when the client asked for them (`logprobs: N`) and the provider sent them: OpenAI's legacy object as it came (`tokens`, `token_logprobs`, `top_logprobs` as one token → logprob map per position, `text_offset`), or Gemini's `logprobsResult` in that shape (without `text_offset`). In a stream chunk, the tokens of that chunk. */
        CompletionsLogprobs: ({
            tokens?: string[];
            token_logprobs?: (number | null)[];
            top_logprobs?: ({
                [key: string]: number;
            } | null)[];
            text_offset?: number[];
        } & {
            [key: string]: unknown;
        }) | null;
        CompletionsChoice: {
            index: number;
            text: string;
            finish_reason: components["schemas"]["FinishReason"];
            logprobs?: components["schemas"]["CompletionsLogprobs"];
            content_filter_results?: components["schemas"]["ContentFilterResults"];
        };
        CompletionsResponse: {
            id: string | null;
            /** @constant */
            object: "text_completion";
            created: number;
            model: string;
            choices: components["schemas"]["CompletionsChoice"][];
            usage: components["schemas"]["Usage"];
            prompt_filter_results?: components["schemas"]["PromptFilterResults"];
        };
        Embedding: {
            /** @constant */
            object: "embedding";
            /** @description The vector, or a base64 string when `encoding_format` is `base64`. */
            embedding: number[] | string;
            index: number;
        };
        EmbeddingsUsage: {
            prompt_tokens: number | null;
            total_tokens: number | null;
        };
        EmbeddingsResponse: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Embedding"][];
            model: string;
            usage: components["schemas"]["EmbeddingsUsage"];
        };
        /** @description A piece of a thinking block in a stream: `thinking` text pieces, then the block's `signature` (a piece with `thinking: ""`); a redacted block comes whole. A signature closes its block. `index` is the block's position in the answer's `thinking_blocks`, on which pieces join (as tool call pieces do). */
        ThinkingBlockDelta: {
            index: number;
            /** @constant */
            type: "thinking";
            thinking?: string;
            signature?: string;
            /** @description See SignedThinkingBlock.content_index. */
            content_index?: number;
        } | {
            index: number;
            /** @constant */
            type: "redacted_thinking";
            /** @description The encrypted thinking, to be sent back unchanged. */
            data: string;
            /** @description See SignedThinkingBlock.content_index. */
            content_index?: number;
        };
        ToolCallDelta: {
            index: number;
            id: string | null;
            type: string | null;
            function: {
                name: string | null;
                arguments: string | null;
            };
        };
        ChatDelta: {
            role: string | null;
            content: string | null;
            /** @description A piece of the model's refusal (OpenAI streams it in place of content); present only when the provider sent one. */
            refusal?: string | null;
            /** @description A piece of the model's thinking text; present only when the provider streams thinking. */
            reasoning_content?: string | null;
            /** @description Pieces of the answer's thinking blocks (see ThinkingBlockDelta); present only when the provider streams thinking. */
            thinking_blocks?: components["schemas"]["ThinkingBlockDelta"][] | null;
            /** @description Web pages the answer cites (see UrlCitation), whole, each once, in the chunk that brings them; present only when the provider sent citations. The indexes count in the whole message's `content`. */
            annotations?: components["schemas"]["UrlCitation"][] | null;
            tool_calls: components["schemas"]["ToolCallDelta"][] | null;
        };
        ChatChunkChoice: {
            index: number;
            finish_reason: components["schemas"]["FinishReason"];
            delta: components["schemas"]["ChatDelta"];
            logprobs?: components["schemas"]["ChatLogprobs"];
            content_filter_results?: components["schemas"]["ContentFilterResults"];
        };
        ChatChunk: {
            id: string | null;
            /** @constant */
            object: "chat.completion.chunk";
            created: number;
            model: string;
            choices: components["schemas"]["ChatChunkChoice"][];
            /** @description Present only on the last chunk, when the provider reports usage for a stream. */
            usage?: components["schemas"]["Usage"] | null;
            prompt_filter_results?: components["schemas"]["PromptFilterResults"];
        };
        CompletionsChunkChoice: {
            index: number;
            finish_reason: components["schemas"]["FinishReason"];
            text: string | null;
            logprobs?: components["schemas"]["CompletionsLogprobs"];
            content_filter_results?: components["schemas"]["ContentFilterResults"];
        };
        CompletionsChunk: {
            id: string | null;
            /** @constant */
            object: "text_completion_chunk";
            created: number;
            model: string;
            choices: components["schemas"]["CompletionsChunkChoice"][];
            /** @description Present only on the last chunk, when the provider reports usage for a stream. */
            usage?: components["schemas"]["Usage"] | null;
            prompt_filter_results?: components["schemas"]["PromptFilterResults"];
        };
        /** @description The data of the `event: error` that ends a stream after a failure mid-stream (no `data: [DONE]` follows): OpenAI's error object, with the HTTP status the failure would have had before the first chunk. */
        StreamError: {
            error: {
                message: string;
                type: string;
                param: string | null;
                code: string | null;
                /** @description e.g. 502 upstream failure, 504 upstream timeout, 503 shutting down */
                status: number;
            };
        };
        /** @description Error body of the OpenAI-compatible `/v1` routes, in OpenAI's shape. */
        OpenAIErrorResponse: {
            error: {
                message: string;
                /** @description e.g. invalid_request_error, not_found_error, upstream_error */
                type: string;
                /** @description The request field at fault, when there is one. */
                param: string | null;
                /** @description The gateway's code (e.g. `upstream_rejected`, `rate_limit_exceeded`); for a request the provider refused, the provider's own code when it gave one (e.g. `context_length_exceeded`), as are `type` and `param`. */
                code: string | null;
            };
        };
        ResponsesInputText: {
            /** @constant */
            type: "input_text";
            text: string;
        };
        ResponsesInputImage: {
            /** @constant */
            type: "input_image";
            /** @description An https URL or a data URL (data:image/png;base64,...). */
            image_url: string;
            /** @enum {string|null} */
            detail?: "auto" | "low" | "high" | null;
        };
        /** @description A file (a PDF or another document), sent as the chat request's `file` part with the same `file_data` (a base64 data URL), `file_id` (OpenAI's Files API) and `filename`, so each provider takes it or refuses it as on `/v1/chat/completions`. One of `file_data` and `file_id` is needed; `file_url` is refused with a 400 (a chat file part has no URL). */
        ResponsesInputFile: {
            /** @constant */
            type: "input_file";
            /** @description The file as a base64 data URL (data:application/pdf;base64,...). */
            file_data?: string;
            /** @description An id from OpenAI's Files API (OpenAI only). */
            file_id?: string;
            filename?: string;
            /** @description Refused with a 400 naming it: download the file and send it as file_data. */
            file_url?: string;
        };
        ResponsesInputContent: components["schemas"]["ResponsesInputText"] | {
            /** @constant */
            type: "output_text";
            text: string;
            /** @description The text's citations, as an answer gave them; accepted and left out (no provider takes citations back). */
            annotations?: unknown[];
        } | {
            /** @constant */
            type: "refusal";
            refusal: string;
        } | components["schemas"]["ResponsesInputImage"] | components["schemas"]["ResponsesInputFile"];
        ResponsesInputMessage: {
            /** @constant */
            type?: "message";
            /** @enum {string} */
            role: "user" | "assistant" | "system" | "developer";
            /** @description A text, or a non-empty list of parts (an empty list is a 400 naming it, as OpenAI's API refuses one). An empty text goes on as an empty message (OpenAI takes it; pydantic-ai sends one with `instructions` alone); a provider that refuses empty text (Anthropic, Amazon Bedrock) refuses it with a 400 naming the item's field. */
            content: string | components["schemas"]["ResponsesInputContent"][];
        } & {
            [key: string]: unknown;
        };
        ResponsesFunctionCall: {
            /** @constant */
            type: "function_call";
            call_id: string;
            name: string;
            arguments: string;
        } & {
            [key: string]: unknown;
        };
        ResponsesFunctionCallOutput: {
            /** @constant */
            type: "function_call_output";
            call_id: string;
            /** @description The tool's result: a text, or a list of parts that become the chat `tool` message's content parts (text, image, file), which each provider takes or refuses as on `/v1/chat/completions`. */
            output: string | ({
                /** @constant */
                type: "input_text";
                text: string;
            } | {
                /** @constant */
                type: "input_image";
                /** @description An https URL or a data URL (data:image/png;base64,...). */
                image_url: string;
                /** @enum {string|null} */
                detail?: "auto" | "low" | "high" | null;
            } | {
                /** @constant */
                type: "input_file";
                /** @description The file as a base64 data URL (data:application/pdf;base64,...). */
                file_data?: string;
                /** @description An id from OpenAI's Files API (OpenAI only). */
                file_id?: string;
                filename?: string;
                /** @description Refused with a 400 naming it: download the file and send it as file_data. */
                file_url?: string;
            })[];
        } & {
            [key: string]: unknown;
        };
        /** @description An answer's reasoning item sent back. Its `encrypted_content`, when the gateway made it, gives the answer's thinking blocks back to the assistant turn that follows it (its message and function calls), or, sent after an assistant message or function call (Claude's interleaved thinking), to that turn, placed after its items sent before it; any other (OpenAI's own) is left out, as is the rest of the item. */
        ResponsesReasoningInput: {
            /** @constant */
            type: "reasoning";
            encrypted_content?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description An answer's web_search_call item sent back; accepted and left out of the chat request. */
        ResponsesWebSearchCallInput: {
            /** @constant */
            type: "web_search_call";
        } & {
            [key: string]: unknown;
        };
        /** @description An earlier item named by its id, as the Vercel AI SDK sends its items unless told `store: false`: a kept response's output item, or an input item it was sent with an `id`, from the response store (a miss is a 404 naming `input[i].id`). One naming a reasoning item (`rs_…`) is looked up for its thinking blocks, and left out when not kept; one naming a web search call (`ws_…`) is left out without a lookup, as the item itself is. With `response_store.enabled: false`, any other is refused with a 400 naming `input[i].id`. */
        ResponsesItemReference: {
            /** @constant */
            type: "item_reference";
            id: string;
        };
        /** @description A message, a function call the model made, or its output. An answer's output items may be sent back as they came: `reasoning` items are accepted and left out of the chat request but for Claude's thinking blocks in their `encrypted_content`, and `web_search_call` items are left out (the message's text holds what the search found). */
        ResponsesInputItem: components["schemas"]["ResponsesInputMessage"] | components["schemas"]["ResponsesFunctionCall"] | components["schemas"]["ResponsesFunctionCallOutput"] | components["schemas"]["ResponsesReasoningInput"] | components["schemas"]["ResponsesWebSearchCallInput"] | components["schemas"]["ResponsesItemReference"];
        ResponsesFunctionTool: {
            /**
             * @description The gateway serves function tools only.
             * @constant
             */
            type: "function";
            name: string;
            description?: string | null;
            /** @description A JSON Schema, passed to the provider whole. */
            parameters?: {
                [key: string]: unknown;
            } | null;
            strict?: boolean | null;
        };
        /** @description OpenAI's web search tool, served as the chat request's `web_search_options`, so each provider serves or refuses it as on `/v1/chat/completions` (OpenAI's search models, Anthropic's web search tool, ...). `search_context_size` is sent as is, `user_location` as chat's `{"type": "approximate", "approximate": {city, country, region, timezone}}`, a non-empty `filters.allowed_domains` as the gateway's `web_search_options.filters.allowed_domains` (served by Anthropic endpoints, within an endpoint's own list; refused by OpenAI and Gemini ones). What chat's web search cannot do is a 400 naming the field: a non-empty `filters.blocked_domains`, `external_web_access: false` (cached pages only) and image results (`search_content_types` with `image`). */
        ResponsesWebSearchTool: {
            /** @enum {string} */
            type: "web_search" | "web_search_2025_08_26" | "web_search_preview" | "web_search_preview_2025_03_11";
            /** @enum {string|null} */
            search_context_size?: "low" | "medium" | "high" | null;
            user_location?: {
                /** @constant */
                type?: "approximate";
                city?: string | null;
                country?: string | null;
                region?: string | null;
                timezone?: string | null;
            } | null;
            filters?: {
                allowed_domains?: string[] | null;
                blocked_domains?: string[] | null;
            } | null;
            external_web_access?: boolean | null;
            search_content_types?: ("text" | "image")[] | null;
        };
        /** @description Sent as the chat request's `response_format`. */
        ResponsesTextFormat: {
            /** @constant */
            type: "text";
        } | {
            /** @constant */
            type: "json_object";
        } | {
            /** @constant */
            type: "json_schema";
            name: string;
            description?: string | null;
            schema: {
                [key: string]: unknown;
            };
            strict?: boolean | null;
        };
        /** @description A Responses API request; `model` names an `llm/v1/chat` endpoint or a chat traffic route. Keys not listed here are passed on in the chat request, as on `/v1/chat/completions`, but for an `n` other than 1, a 400 (a Response holds one answer). A null field counts as absent. */
        ResponsesRequest: {
            /** @description The endpoint (or traffic route) name. */
            model: string;
            /** @description A user message's text, or the conversation as a list of items. An empty text is an empty user message, as an empty message item's: a provider that refuses one (Anthropic, Amazon Bedrock) refuses it with a 400 naming `input`. */
            input: string | components["schemas"]["ResponsesInputItem"][];
            /** @description Sent as a system message before the input. An empty string is no instructions (no system message is sent: it would carry nothing, and some providers refuse an empty one). */
            instructions?: string | null;
            /** @description Sent as the chat request's `max_tokens`. */
            max_output_tokens?: number | null;
            temperature?: components["schemas"]["Temperature"];
            top_p?: components["schemas"]["TopP"];
            stream?: boolean | null;
            /** @description Ignored (the gateway adds no obfuscation); a stream's last event carries the usage the provider reported, which the gateway asks for. */
            stream_options?: {
                [key: string]: unknown;
            } | null;
            /** @description Function tools, and at most one web search tool (`web_search`, `web_search_preview` and their dated variants), which is the chat request's `web_search_options`; another tool type (file_search, ...) is a 400 naming `tools[i].type`. */
            tools?: (components["schemas"]["ResponsesFunctionTool"] | components["schemas"]["ResponsesWebSearchTool"])[] | null;
            /** @description Naming the web search tool (`{"type": "web_search"}` or another variant's type) needs one in `tools`, and is not sent: the chat request cannot force a search. `none` turns the search off as well (no `web_search_options` is sent). Without function tools the chat request has no `tools` (`[]` is none) and no `parallel_tool_calls`, and no tool_choice but one that asks for a call without a web search tool (`required`, a function), which the provider refuses. */
            tool_choice?: ("auto" | "none" | "required") | {
                /** @constant */
                type: "function";
                name: string;
            } | {
                /** @enum {string} */
                type: "web_search" | "web_search_2025_08_26" | "web_search_preview" | "web_search_preview_2025_03_11";
            } | null;
            parallel_tool_calls?: boolean | null;
            text?: {
                format?: components["schemas"]["ResponsesTextFormat"];
                /** @description Sent as the chat request's `verbosity` (OpenAI's GPT-5 models; other providers refuse or ignore it as on chat). */
                verbosity?: string | null;
            } | null;
            /** @description `effort` is sent as the chat request's `reasoning_effort`; `summary` is accepted and ignored (the answer's reasoning text, when the provider sends one, is always returned as a reasoning item). */
            reasoning?: {
                effort?: string | null;
                summary?: string | null;
            } | null;
            user?: string | null;
            /** @description Echoed in the Response (and kept with it, for GET /v1/responses/{response_id}); not sent to the provider. */
            metadata?: {
                [key: string]: unknown;
            } | null;
            /** @description `false`: the answer is not kept. Otherwise (the default, as OpenAI's) the gateway keeps its input and output items in memory (`response_store` in the config: 16 MB and an hour by default), under the caller's client key, for `previous_response_id` and `item_reference`. */
            store?: boolean | null;
            /** @description `reasoning.encrypted_content` gives a reasoning item of an answer with signed thinking blocks (Claude on Anthropic or Amazon Bedrock) its `encrypted_content`, to send back with `store: false`; `web_search_call.action.sources` the search's cited pages; `message.output_text.logprobs` asks the provider for the answer's token log probabilities (the chat request's `logprobs: true`, with `top_logprobs`), given as the `output_text` part's `logprobs`. Other values are accepted and ignored. Codex and the Vercel AI SDK send it with reasoning models. */
            include?: string[] | null;
            /** @description How many most likely tokens to give at each step (0 to 20 on OpenAI; each provider takes or refuses the count as on `/v1/chat/completions`): sent as the chat request's `top_logprobs` when `include` has `message.output_text.logprobs`; without it, not sent, as OpenAI gives no log probabilities then. */
            top_logprobs?: number | null;
            /**
             * @description Accepted and ignored (the whole input is always sent; a context overflow is the provider's 400).
             * @enum {string|null}
             */
            truncation?: "auto" | "disabled" | null;
            /** @description `true` is refused with a 400 (a background response must be stored and fetched later); `false` is the default. */
            background?: boolean | null;
            /** @description A kept response to continue: its input and output items (and those of the responses it continued) come before `input`; its `instructions` do not carry over. One not kept (unknown, created with `store: false`, by another client key or on another gateway host, dropped for age or room) is a 400 with code `previous_response_not_found`. With `response_store.enabled: false`, a 400. */
            previous_response_id?: string | null;
            /** @description Refused with a 400 (the gateway keeps no conversations; use previous_response_id or send the whole input). */
            conversation?: unknown;
        } & {
            [key: string]: unknown;
        };
        /** @description A web page the text cites, in the Responses API's shape: the chat answer's `url_citation` with its fields brought up a level. `start_index` and `end_index` delimit the cited text (end exclusive), counted in Unicode code points as on `/v1/chat/completions`. */
        ResponsesUrlCitation: {
            /** @constant */
            type: "url_citation";
            url: string;
            title: string;
            start_index: number;
            end_index: number;
        };
        ResponsesOutputContent: {
            /** @constant */
            type: "output_text";
            text: string;
            /** @description The web pages the text cites, from the chat answer's `annotations` (present when the provider searched the web and cited what it found); empty otherwise. */
            annotations: components["schemas"]["ResponsesUrlCitation"][];
            /** @description With `include: ["message.output_text.logprobs"]`, the text's tokens and their log probabilities, from the chat answer's `logprobs.content` (an empty list when none came, as OpenAI gives it): `bytes` the token's UTF-8 bytes, `top_logprobs` the most likely tokens at its step. In a stream, each `response.output_text.delta` carries its chunk's tokens and `response.output_text.done` all of them, as OpenAI's, without `bytes`. */
            logprobs?: {
                token: string;
                logprob: number;
                bytes: number[];
                top_logprobs: {
                    token: string;
                    logprob: number;
                    bytes: number[];
                }[];
            }[];
        } | {
            /** @constant */
            type: "refusal";
            refusal: string;
        };
        ResponsesOutputMessage: {
            /** @constant */
            type: "message";
            id: string;
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
            /** @constant */
            role: "assistant";
            content: components["schemas"]["ResponsesOutputContent"][];
        };
        ResponsesOutputFunctionCall: {
            /** @constant */
            type: "function_call";
            id: string;
            /** @description The tool call's id: send it back on the function_call_output item. */
            call_id: string;
            name: string;
            arguments: string;
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
        };
        /** @description The answer's reasoning text (`reasoning_content` on `/v1/chat/completions`), whole, as one summary part: OpenAI puts a model's full reasoning in `content` (`reasoning_text` parts), but the Vercel AI SDK and the OpenAI Agents SDK read only `summary`. Claude's interleaved thinking (blocks after the text or between tool calls) is one reasoning item for each place it had among the answer's items, there, with the text of its own blocks. */
        ResponsesOutputReasoning: {
            /** @constant */
            type: "reasoning";
            id: string;
            /** @description The item's signed thinking blocks (Claude's), encoded, when `include` has `reasoning.encrypted_content`: send the item back unchanged, and they go back to Claude with the turn. */
            encrypted_content?: string;
            summary: {
                /** @constant */
                type: "summary_text";
                text: string;
            }[];
            /** @enum {string} */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /** @description The web search the answer's citations show, when the request had a web search tool and the answer cites pages: the chat answer does not say what was searched, so `action` has no `query`; its `sources` (when `include` asks for `web_search_call.action.sources`) are the cited pages. In an answer it comes before the message, as in OpenAI's; in a stream after the message, once the citations have come. */
        ResponsesOutputWebSearchCall: {
            /** @constant */
            type: "web_search_call";
            /** @description ws_ followed by a random id. */
            id: string;
            /** @enum {string} */
            status: "in_progress" | "searching" | "completed" | "failed";
            action: {
                /** @constant */
                type: "search";
                sources?: {
                    /** @constant */
                    type: "url";
                    url: string;
                }[];
            };
        };
        ResponsesOutputItem: components["schemas"]["ResponsesOutputMessage"] | components["schemas"]["ResponsesOutputFunctionCall"] | components["schemas"]["ResponsesOutputReasoning"] | components["schemas"]["ResponsesOutputWebSearchCall"];
        /** @description The chat answer's usage renamed; a detail the provider did not report is 0. When the provider did not report both the prompt's and the answer's counts, the Response's `usage` is null instead (no count is made up). */
        ResponsesUsage: {
            input_tokens: number;
            output_tokens: number;
            total_tokens: number;
            input_tokens_details: {
                cached_tokens: number;
            };
            output_tokens_details: {
                reasoning_tokens: number;
            };
        };
        /** @description The answer as a Response object. `status` is `incomplete` when the answer was cut at `max_output_tokens` or by a content filter (`incomplete_details.reason` says which), and so is its last output item. The request's settings are echoed as OpenAI's clients read them; `store` says whether the answer is kept. */
        ResponsesResponse: {
            /** @description resp_ followed by a random id: the previous_response_id that continues it. */
            id: string;
            /** @constant */
            object: "response";
            created_at: number;
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete" | "failed";
            /** @description Set on a `response.failed` event only. */
            error: {
                code: string | null;
                message: string;
            } | null;
            incomplete_details: {
                /** @enum {string} */
                reason: "max_output_tokens" | "content_filter";
            } | null;
            model: string;
            output: components["schemas"]["ResponsesOutputItem"][];
            /** @description Null when the provider did not report both the prompt's and the answer's token counts. */
            usage: components["schemas"]["ResponsesUsage"] | null;
            instructions?: string | null;
            max_output_tokens?: number | null;
            metadata?: {
                [key: string]: unknown;
            };
            parallel_tool_calls?: boolean;
            previous_response_id?: string | null;
            store?: boolean;
            temperature?: number | null;
            top_p?: number | null;
            tool_choice?: unknown;
            tools?: unknown[];
            text?: {
                [key: string]: unknown;
            };
            reasoning?: {
                [key: string]: unknown;
            } | null;
            user?: string | null;
        };
        /** @description One event of a Responses stream: the SSE `event:` line holds its `type`. response.created, response.in_progress, then per output item response.output_item.added, its parts' and text's events (response.content_part.added, response.output_text.delta, response.output_text.annotation.added, response.output_text.done, response.refusal.delta / .done, response.content_part.done; response.function_call_arguments.delta / .done; response.reasoning_summary_part.added, response.reasoning_summary_text.delta / .done, response.reasoning_summary_part.done; response.web_search_call.in_progress / .searching / .completed) and response.output_item.done; last response.completed or response.incomplete, or response.failed after a failure mid-stream. No `data: [DONE]`, as OpenAI's. */
        ResponsesStreamEvent: {
            type: string;
            sequence_number: number;
            response?: components["schemas"]["ResponsesResponse"];
            output_index?: number;
            content_index?: number;
            summary_index?: number;
            item_id?: string;
            item?: components["schemas"]["ResponsesOutputItem"];
            delta?: string;
            /** @description The annotation's index in its output_text part's `annotations`. */
            annotation_index?: number;
            annotation?: components["schemas"]["ResponsesUrlCitation"];
        } & {
            [key: string]: unknown;
        };
        ResponsesDeleted: {
            id: string;
            /** @constant */
            object: "response";
            /** @constant */
            deleted: true;
        };
        /** @description An input item as it was kept (a ResponsesInputItem, or an earlier response's ResponsesOutputItem), with its `id` and `type`; a message's text content is one `input_text` part (`output_text` for an assistant's). */
        ResponsesListedItem: {
            id: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** @description One page of a kept response's input items (`GET /v1/responses/{response_id}/input_items`). */
        ResponsesInputItemList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["ResponsesListedItem"][];
            /** @description The first item's id; null for an empty page (after the last item). */
            first_id: string | null;
            /** @description The last item's id: the next page's `after`. */
            last_id: string | null;
            has_more: boolean;
        };
        /** @description An endpoint or traffic route in the shape of OpenAI's model object; `id` is the name to pass as `model`. */
        Model: {
            id: string;
            /** @constant */
            object: "model";
            /** @description When the config that defines it was loaded (Unix seconds). */
            created: number;
            /** @description The endpoint's provider (e.g. `openai`), or `llm-gateway` for a traffic route. */
            owned_by: string;
        };
        ModelList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Model"][];
        };
    };
    responses: {
        /** @description The request is invalid; the message names the field and the rule. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description With client keys (`auth:`): no key was sent, or the key is not one of them. The endpoint list and metrics may be made public (`auth.public_endpoint_list`, `auth.public_metrics`). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description With client keys (`auth:`): the key is limited to some endpoints (`endpoints:`) and this name is not one of them; the same answer whether the name exists or not, as a call to it gets. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No endpoint or route has this name. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description 400 invalid parameter for the provider, 401 no client key or an unknown one (with `auth:`), 403 the client key may not call this endpoint, 404 unknown endpoint, 413 body over `server.max_body_size`, 422 request does not match the schema, 429 the endpoint's rate limit is reached or upstream 429 (with Retry-After), 501 not supported by the provider, 502 upstream failure, 503 rate-limit store unreachable (with `rate_limit_store.on_error: closed`), the request bodies held at once at `server.max_in_flight_body_size` (with Retry-After) or the gateway shutting down, 504 upstream timeout. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Any error, with its real status, in OpenAI's error shape. */
        OpenAIError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OpenAIErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description An endpoint (or traffic route) name from the config. */
        Name: string;
    };
    requestBodies: {
        Invocation: {
            content: {
                "application/json": components["schemas"]["ChatRequest"] | components["schemas"]["CompletionsRequest"] | components["schemas"]["EmbeddingsRequest"];
            };
        };
    };
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics of the whole deployment (every worker). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The client key is limited to some endpoints, and `auth.public_metrics` is false. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listEndpoints: {
        parameters: {
            query?: {
                /** @description The `next_page_token` of the previous page. */
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of endpoints, in config order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint (or traffic route) name from the config. */
                name: components["parameters"]["Name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Endpoint"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listLegacyRoutes: {
        parameters: {
            query?: {
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoints in the MLflow 2.x "route" shape. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegacyRouteList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getLegacyRoute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint (or traffic route) name from the config. */
                name: components["parameters"]["Name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint in the MLflow 2.x "route" shape. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegacyRoute"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getEndpointV3: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint (or traffic route) name from the config. */
                name: components["parameters"]["Name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Endpoint"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getTrafficRoute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint (or traffic route) name from the config. */
                name: components["parameters"]["Name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A traffic route from the config's `routes:`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrafficRoute"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    invokeEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint (or traffic route) name from the config. */
                name: components["parameters"]["Name"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Invocation"];
        responses: {
            /** @description ChatResponse, CompletionsResponse or EmbeddingsResponse by endpoint type; with `stream`, an event stream of ChatChunk or CompletionsChunk. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatResponse"] | components["schemas"]["CompletionsResponse"] | components["schemas"]["EmbeddingsResponse"];
                    "text/event-stream": components["schemas"]["ChatChunk"] | components["schemas"]["CompletionsChunk"] | components["schemas"]["StreamError"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    invokeGateway: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint (or traffic route) name from the config. */
                name: components["parameters"]["Name"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Invocation"];
        responses: {
            /** @description ChatResponse, CompletionsResponse or EmbeddingsResponse by endpoint type; with `stream`, an event stream of ChatChunk or CompletionsChunk. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatResponse"] | components["schemas"]["CompletionsResponse"] | components["schemas"]["EmbeddingsResponse"];
                    "text/event-stream": components["schemas"]["ChatChunk"] | components["schemas"]["CompletionsChunk"] | components["schemas"]["StreamError"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    openaiChat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRequest"] & unknown;
            };
        };
        responses: {
            /** @description A chat completion, or with `stream` an event stream of chunks ending with `data: [DONE]` (or, after a failure mid-stream, with an `event: error` as on the invocation route). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatResponse"];
                    "text/event-stream": components["schemas"]["ChatChunk"] | components["schemas"]["StreamError"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiCompletions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompletionsRequest"] & unknown;
            };
        };
        responses: {
            /** @description A completion, or with `stream` an event stream of chunks ending with `data: [DONE]` (or, after a failure mid-stream, with an `event: error` as on the invocation route). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletionsResponse"];
                    "text/event-stream": components["schemas"]["CompletionsChunk"] | components["schemas"]["StreamError"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiEmbeddings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmbeddingsRequest"] & unknown;
            };
        };
        responses: {
            /** @description Embeddings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmbeddingsResponse"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiResponses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsesRequest"];
            };
        };
        responses: {
            /** @description A Response object, or with `stream` an event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsesResponse"];
                    "text/event-stream": components["schemas"]["ResponsesStreamEvent"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiGetResponse: {
        parameters: {
            query?: {
                /** @description `reasoning.encrypted_content` shows its reasoning items' `encrypted_content`; other values are ignored. The openai client sends it as `include[]`. */
                include?: string[];
                /** @description Only `false`: the gateway keeps the answer, not its stream events (OpenAI streams a read of a `background` response only, which the gateway does not serve); `true` is a 400 naming `stream`. */
                stream?: boolean;
            };
            header?: never;
            path: {
                /** @description The `resp_…` id of a kept response (one created without `store: false`). */
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsesResponse"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiDeleteResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `resp_…` id of a kept response (one created without `store: false`). */
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dropped. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsesDeleted"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiCancelResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `resp_…` id of a kept response (one created without `store: false`). */
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiListResponseInputItems: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description `asc`: oldest first, as the model was given them; `desc` (the default): newest first. */
                order?: "asc" | "desc";
                /** @description The id of an item of this list (the previous page's `last_id`); the page starts after it. Any other id is a 400. */
                after?: string;
                /** @description `reasoning.encrypted_content` shows the reasoning items' `encrypted_content`; other values are ignored. The openai client sends it as `include[]`. */
                include?: string[];
            };
            header?: never;
            path: {
                /** @description The `resp_…` id of a kept response (one created without `store: false`). */
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsesInputItemList"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiListModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
    openaiGetModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An endpoint or traffic route name. With client keys (`auth:`), a name the key may not call is a 403, whether it exists or not, as a call to it is. */
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"];
                };
            };
            default: components["responses"]["OpenAIError"];
        };
    };
}
