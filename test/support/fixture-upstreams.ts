/**
 * Fake vendor handlers answering with the realistic fixtures of test/fixtures/<vendor>/: each picks
 * the fixture from the operation path, the model and the request (`stream`, `tools`). Shared by the
 * provider end-to-end tests (test/e2e/) and the contract tests (test/contract/).
 */
import type { ServerResponse } from 'node:http';
import { chunkEvent, converseEvent, type BedrockCall, type BedrockReply } from './fake-bedrock';
import { sendJson, sendStream, type RecordedRequest, type UpstreamHandler } from './fake-upstream';
import { readFixture, readFixtureBytes, readJsonFixture } from './fixtures';

export const TGI = 'huggingface-text-generation-inference';
export const SERVING = 'mlflow-model-serving';

const isStream = (request: RecordedRequest): boolean => (request.body as { stream?: boolean } | undefined)?.stream === true;
const hasTools = (request: RecordedRequest): boolean => (request.body as { tools?: unknown } | undefined)?.tools !== undefined;
const hasThinking = (request: RecordedRequest): boolean => (request.body as { thinking?: unknown } | undefined)?.thinking !== undefined;
/** The path after `/v1/`, without the query string. */
const operationOf = (request: RecordedRequest): string => request.url.split('?')[0].replace(/^\/v1\//, '');

/**
 * The fixture's vectors repeated or cut to `count`: the fakes answer one vector per input they
 * received, as the vendors do (the gateway refuses an answer with more or fewer).
 */
function onePerInput<Item>(items: readonly Item[], count: number): Item[] {
  return Array.from({ length: count }, (_, position) => items[position % items.length]);
}

/** How many inputs a list field of the request body holds (`texts`, `requests`, `inputs`); 0 when absent. */
const listLength = (request: RecordedRequest, field: string): number => {
  const list = (request.body as Record<string, unknown> | undefined)?.[field];
  return Array.isArray(list) ? list.length : 0;
};

/** How many inputs an OpenAI `input` holds: a string or a flat list of token ids is one. */
function openaiInputCount(request: RecordedRequest): number {
  const input = (request.body as { input?: unknown } | undefined)?.input;
  if (!Array.isArray(input)) return 1;
  return input.length > 0 && typeof input[0] === 'number' ? 1 : input.length;
}

/** An OpenAI-shaped embeddings fixture with one entry per input of the request, indexed in order. */
function openaiEmbeddingsFor<Entry extends object>(request: RecordedRequest, vendor: string): { data: Entry[] } & Record<string, unknown> {
  const answer = readJsonFixture<{ data: Entry[] } & Record<string, unknown>>(vendor, 'embeddings.response.json');
  return { ...answer, data: onePerInput(answer.data, openaiInputCount(request)).map((entry, index) => ({ ...entry, index })) };
}

/** `<name>.stream.sse` when the request streams, else `<name>.response.json`. */
function sendSseOrJson(vendor: string, name: string, request: RecordedRequest, response: ServerResponse, sseContentType?: string): void {
  if (isStream(request)) sendStream(response, readFixture(vendor, `${name}.stream.sse`), sseContentType);
  else sendJson(response, 200, readJsonFixture(vendor, `${name}.response.json`));
}

/** Always the same fixture: a `.sse` / `.ndjson` file is streamed, anything else sent as JSON. */
export function serveFixture(vendor: string, name: string): UpstreamHandler {
  return (_request, response) => {
    if (name.endsWith('.sse')) sendStream(response, readFixtureBytes(vendor, name));
    else if (name.endsWith('.ndjson')) sendStream(response, readFixtureBytes(vendor, name), 'application/stream+json');
    else sendJson(response, 200, readJsonFixture(vendor, name));
  };
}

/** OpenAI and Azure OpenAI (`…/deployments/{d}/chat/completions?api-version=…`). */
export function serveOpenAIFixtures(request: RecordedRequest, response: ServerResponse): void {
  const operation = request.url.split('?')[0].split('/').pop() as string;
  if (operation === 'embeddings') return sendJson(response, 200, openaiEmbeddingsFor(request, 'openai'));
  const base = operation === 'completions' && request.url.includes('/chat/') ? 'chat' : operation;
  sendSseOrJson('openai', base === 'chat' && hasTools(request) ? 'chat-tool-calls' : base, request, response);
}

type AnthropicBody = { tools?: { type?: string }[]; tool_choice?: { type?: string }; messages?: { content?: unknown }[]; output_config?: { format?: unknown } };

/** Whether a Messages API body holds tool_use or tool_result blocks. */
function hasToolBlocks(body: AnthropicBody): boolean {
  const blocks = (body.messages ?? []).flatMap((message) => (Array.isArray(message.content) ? (message.content as { type?: string }[]) : []));
  return blocks.some((block) => block.type === 'tool_use' || block.type === 'tool_result');
}

/**
 * The Messages API serves both types: requests for `completionsModel` get the completions fixtures;
 * requests with `output_config.format` the JSON answer (structured outputs), with the web search tool
 * the answer that searched and cites pages;
 * tool requests with `thinking` on get the extended-thinking answer, and with `tool_choice` none the
 * text answer. Tool history without tools is refused as Anthropic has refused it (anthropic-sdk-python#494).
 */
export function serveAnthropicFixtures(completionsModel: string): UpstreamHandler {
  return (request, response) => {
    const body = request.body as AnthropicBody;
    if (hasToolBlocks(body) && !body.tools?.length) {
      sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'Requests which include `tool_use` or `tool_result` blocks must define tools.' } });
      return;
    }
    const searches = body.tools?.some((tool) => tool.type === 'web_search_20250305') === true;
    const mayCallTools = hasTools(request) && !searches && body.tool_choice?.type !== 'none';
    const textName = body.output_config?.format !== undefined ? 'chat-structured-output' : searches ? 'chat-web-search' : 'chat';
    const chatName = mayCallTools ? (hasThinking(request) ? 'chat-thinking-tool-use' : 'chat-tool-use') : textName;
    const name = (request.body as { model: string }).model === completionsModel ? 'completions' : chatName;
    // As Anthropic sends it.
    sendSseOrJson('anthropic', name, request, response, 'text/event-stream; charset=utf-8');
  };
}

/** Whether a Gemini request asks for thought summaries (`reasoning_effort` on a chat). */
const hasThoughts = (request: RecordedRequest): boolean =>
  (request.body as { generationConfig?: { thinkingConfig?: { includeThoughts?: boolean } } } | undefined)?.generationConfig?.thinkingConfig?.includeThoughts === true;

/** Whether a Gemini request asks for Google Search (`web_search_options`). */
const hasGoogleSearch = (request: RecordedRequest): boolean =>
  ((request.body as { tools?: { googleSearch?: unknown }[] } | undefined)?.tools ?? []).some((tool) => tool.googleSearch !== undefined);

/**
 * Gemini, by operation; `generateContent` for `completionsModel` gets the completions fixture,
 * requests asking for Google Search the answer citing web pages, and requests asking for thought
 * summaries the thinking fixtures.
 */
export function serveGeminiFixtures(completionsModel: string): UpstreamHandler {
  return (request, response) => {
    const [, model, operation] = /models\/([^:]+):(\w+)/.exec(request.url) ?? [];
    const search = hasGoogleSearch(request) ? 'chat-google-search-citations' : undefined;
    switch (operation) {
      case 'streamGenerateContent': {
        const name = search ?? (hasTools(request) ? 'chat-tool-calls' : hasThoughts(request) ? 'chat-thinking' : 'chat');
        return sendStream(response, readFixture('gemini', `${name}.stream.sse`));
      }
      case 'generateContent': {
        const chat = hasThoughts(request) ? 'chat-thinking' : 'chat';
        const name = model === completionsModel ? 'completions' : (search ?? (hasTools(request) ? `${chat}-tool-calls` : chat));
        return sendJson(response, 200, readJsonFixture('gemini', `${name}.response.json`));
      }
      case 'embedContent':
        return sendJson(response, 200, readJsonFixture('gemini', 'embed-content.response.json'));
      case 'batchEmbedContents': {
        const answer = readJsonFixture<{ embeddings: unknown[] }>('gemini', 'batch-embed-contents.response.json');
        return sendJson(response, 200, { embeddings: onePerInput(answer.embeddings, listLength(request, 'requests')) });
      }
      default:
        return sendJson(response, 404, { error: { code: 404, message: `no route for ${request.url}`, status: 'NOT_FOUND' } });
    }
  };
}

/**
 * Cohere v1 streams newline-delimited JSON. `/embed` refuses a v3+ model without `input_type`, as
 * Cohere does (https://docs.cohere.com/v1/reference/embed: "Required for embedding models v3 and higher").
 */
export function serveCohereFixtures(request: RecordedRequest, response: ServerResponse): void {
  const operation = operationOf(request);
  const embed = request.body as { model?: string; input_type?: string };
  if (operation === 'embed' && embed.input_type === undefined && /-v[3-9]/.test(embed.model ?? '')) {
    return sendJson(response, 400, { message: 'invalid request: valid input_type must be provided with the provided model' });
  }
  if (operation === 'embed') {
    const answer = readJsonFixture<{ embeddings: unknown[] }>('cohere', 'embeddings.response.json');
    return sendJson(response, 200, { ...answer, embeddings: onePerInput(answer.embeddings, listLength(request, 'texts')) });
  }
  // Tool requests go to v2 chat, which streams server-sent events.
  if (request.url.endsWith('/v2/chat')) return sendSseOrJson('cohere', 'chat-v2-tool-calls', request, response);
  const name = { chat: 'chat', generate: 'completions' }[operation]!;
  if (isStream(request)) sendStream(response, readFixture('cohere', `${name}.stream.ndjson`), 'application/stream+json');
  else sendJson(response, 200, readJsonFixture('cohere', `${name}.response.json`));
}

/**
 * Mistral serves completions through chat, and answers embeddings as float lists whatever their
 * `encoding_format` (`base64` too: test/fixtures/mistral/README.md).
 */
export function serveMistralFixtures(request: RecordedRequest, response: ServerResponse): void {
  if (operationOf(request) === 'embeddings') return sendJson(response, 200, openaiEmbeddingsFor(request, 'mistral'));
  sendSseOrJson('mistral', hasTools(request) ? 'chat-tool-calls' : 'chat', request, response);
}

export function serveTogetherAIFixtures(request: RecordedRequest, response: ServerResponse): void {
  if (operationOf(request) === 'embeddings') return sendJson(response, 200, openaiEmbeddingsFor(request, 'togetherai'));
  const name = { 'chat/completions': 'chat', completions: 'completions' }[operationOf(request)]!;
  sendSseOrJson('togetherai', name, request, response);
}

/** TGI: `/generate` and `/generate_stream` for completions, the Messages API for chat. */
export function serveTgiFixtures(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.endsWith('/generate_stream')) sendStream(response, readFixtureBytes(TGI, 'generate.stream.sse'));
  else if (request.url.endsWith('/v1/chat/completions')) sendSseOrJson(TGI, 'chat', request, response);
  else sendJson(response, 200, readJsonFixture(TGI, 'generate.response.json'));
}

/** AI21: Jamba's chat API (chat, and completions on a Jamba model), else Jurassic-2's `/{model}/complete`. */
export function serveAi21Fixtures(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.endsWith('/chat/completions')) sendSseOrJson('ai21labs', hasTools(request) ? 'chat-tool-calls' : 'chat', request, response);
  else sendJson(response, 200, readJsonFixture('ai21labs', 'complete.response.json'));
}

/** MosaicML, by the model in the path: `llama2…` chat, `instructor…` embeddings, else completions. */
export function serveMosaicmlFixtures(request: RecordedRequest, response: ServerResponse): void {
  const model = request.url.split('/')[1];
  if (model.startsWith('instructor')) {
    const answer = readJsonFixture<{ outputs: unknown[] }>('mosaicml', 'embeddings.response.json');
    return sendJson(response, 200, { ...answer, outputs: onePerInput(answer.outputs, listLength(request, 'inputs')) });
  }
  sendJson(response, 200, readJsonFixture('mosaicml', `${model.startsWith('llama2') ? 'chat' : 'completions'}.response.json`));
}

/** PaLM, by the method after the colon (`generateText`, `generateMessage`, `batchEmbedText`). */
export function servePalmFixtures(request: RecordedRequest, response: ServerResponse): void {
  const method = request.url.split(':').pop();
  if (method === 'batchEmbedText') {
    const answer = readJsonFixture<{ embeddings: unknown[] }>('palm', 'batchEmbedText.response.json');
    return sendJson(response, 200, { embeddings: onePerInput(answer.embeddings, listLength(request, 'texts')) });
  }
  sendJson(response, 200, readJsonFixture('palm', `${method}.response.json`));
}

/** An MLflow scoring server: a list of inputs to `/embed/invocations` gets vectors, anything else texts. */
export function serveMlflowServingFixtures(request: RecordedRequest, response: ServerResponse): void {
  if (Array.isArray((request.body as { inputs: unknown[] }).inputs) && request.url === '/embed/invocations') {
    const answer = readJsonFixture<{ predictions: unknown[] }>(SERVING, 'embeddings.response.json');
    return sendJson(response, 200, { predictions: onePerInput(answer.predictions, listLength(request, 'inputs')) });
  }
  sendJson(response, 200, readJsonFixture(SERVING, 'text-choices.response.json'));
}

type EventFixture = { event: string; body: unknown }[];

/** A ConverseStream fixture (`*.events.json`) as event-stream messages. */
export const converseEvents = (name: string) => readJsonFixture<EventFixture>('bedrock', name).map(({ event, body }) => converseEvent(event, body));
/** An InvokeModelWithResponseStream fixture as `chunk` messages of native JSON. */
export const nativeEvents = (name: string) => readJsonFixture<EventFixture>('bedrock', name).map(({ body }) => chunkEvent(body));

/** Native InvokeModel fixtures by model-id prefix. */
const INVOKE_FIXTURES: readonly [prefix: string, name: string][] = [
  ['amazon.titan-text', 'titan-text'],
  ['amazon.titan-embed', 'titan-embed'],
  ['cohere.command', 'cohere-command'],
  ['cohere.embed', 'cohere-embed'],
  ['ai21.j2', 'ai21-jurassic'],
  ['ai21.jamba', 'ai21-jamba'],
];

/** The fake Bedrock runtime's fixtures, by operation, model family and whether tools were sent. */
export function serveBedrockFixtures(call: BedrockCall): BedrockReply {
  const tools = (call.body as { toolConfig?: unknown } | undefined)?.toolConfig !== undefined;
  switch (call.operation) {
    case 'converse':
      return { json: readJsonFixture('bedrock', tools ? 'converse-tool-use.response.json' : 'converse-chat.response.json') };
    case 'converse-stream':
      return { events: converseEvents(tools ? 'converse-tool-use.events.json' : 'converse-chat.events.json') };
    case 'invoke': {
      const name = INVOKE_FIXTURES.find(([prefix]) => call.modelId.startsWith(prefix))?.[1];
      if (name === 'cohere-embed') {
        const answer = readJsonFixture<{ embeddings: unknown[] }>('bedrock', 'cohere-embed.response.json');
        const texts = (call.body as { texts?: unknown[] }).texts?.length ?? 0;
        return { json: { ...answer, embeddings: onePerInput(answer.embeddings, texts) } };
      }
      return name ? { json: readJsonFixture('bedrock', `${name}.response.json`) } : { error: { status: 400, type: 'ValidationException', message: `no fixture for ${call.modelId}` } };
    }
    case 'invoke-with-response-stream':
      return { events: nativeEvents(call.modelId.startsWith('cohere') ? 'cohere-command.events.json' : 'titan-text.events.json') };
  }
}
