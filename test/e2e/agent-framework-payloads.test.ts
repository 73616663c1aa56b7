/**
 * Agent frameworks pointed at the gateway's `/v1` (baseURL = gateway/v1, model = endpoint name), with
 * the request bodies they send, against fake vendor upstreams that refuse what the vendor refuses.
 * Each payload names the framework source it is taken from.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { serveCohereFixtures, serveGeminiFixtures, serveMistralFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

type WireMessage = { role: string; name?: unknown; tool_call_id?: string; tool_calls?: { id: string }[] };

/**
 * Mistral's request schema forbids unknown fields; only its tool messages have a `name`
 * (mistralai/client-python src/mistralai/models/{usermessage,systemmessage,assistantmessage,toolmessage}.py).
 * The 422 is the one Mistral answers (Gage-Technologies/mistral-go#3, nomtek/mistralai_client_dart#44).
 */
function serveStrictMistral(request: RecordedRequest, response: ServerResponse): void {
  // mistralai/client-python src/mistralai/models/embeddingrequest.py: model, input, metadata, output_dimension, output_dtype, encoding_format.
  const user = (request.body as { user?: unknown }).user;
  if (user !== undefined) {
    const detail = [{ type: 'extra_forbidden', loc: ['body', 'user'], msg: 'Extra inputs are not permitted', input: user }];
    return sendJson(response, 422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
  }
  const messages = ((request.body as { messages?: WireMessage[] }).messages ?? []);
  const named = messages.findIndex((message) => message.role !== 'tool' && message.name !== undefined);
  if (named >= 0) {
    const role = messages[named].role;
    const detail = [{ type: 'extra_forbidden', loc: ['body', 'messages', named, role, 'name'], msg: 'Extra inputs are not permitted', input: messages[named].name }];
    return sendJson(response, 422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
  }
  serveMistralFixtures(request, response);
}

/**
 * OpenAI's chat API refuses a tool-call id over 40 characters in the history, with this body
 * (agno-agi/agno#5382, microsoft/autogen#6377, openclaw/openclaw#875); Azure OpenAI serves the same API.
 */
function serveOpenAIWithIdLimit(request: RecordedRequest, response: ServerResponse): void {
  const messages = (request.body as { messages: WireMessage[] }).messages;
  for (const [index, message] of messages.entries()) {
    const at = (message.tool_calls ?? []).findIndex((call) => call.id.length > 40);
    if (at < 0) continue;
    const length = message.tool_calls![at].id.length;
    const param = `messages[${index}].tool_calls[${at}].id`;
    const error = { message: `Invalid '${param}': string too long. Expected a string with maximum length 40, but got a string with length ${length} instead.`, type: 'invalid_request_error', param, code: 'string_above_max_length' };
    return sendJson(response, 400, { error });
  }
  serveOpenAIFixtures(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { mistral: serveStrictMistral, gemini: serveGeminiFixtures('gemini-2.0-flash'), azure: serveOpenAIWithIdLimit, cohere: serveCohereFixtures },
  config: (urls) => `endpoints:
  - name: mistral-chat
    endpoint_type: llm/v1/chat
    model:
      provider: mistral
      name: mistral-large-latest
      config: { mistral_api_key: $MISTRAL_KEY, mistral_api_base: "${urls.mistral}/v1" }
  - name: gemini-chat
    endpoint_type: llm/v1/chat
    model:
      provider: gemini
      name: gemini-2.5-flash
      config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" }
  - name: azure-chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o
      config: { openai_api_type: azure, openai_api_key: $AZURE_KEY, openai_api_base: "${urls.azure}", openai_deployment_name: prod, openai_api_version: "2024-10-21" }
  - name: cohere-embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: cohere
      name: embed-english-v3.0
      config: { cohere_api_key: $COHERE_KEY, cohere_api_base: "${urls.cohere}/v1" }
  - name: mistral-embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: mistral
      name: mistral-embed
      config: { mistral_api_key: $MISTRAL_KEY, mistral_api_base: "${urls.mistral}/v1" }
  - name: gemini-embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: gemini
      name: gemini-embedding-001
      config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" }
`,
  env: { MISTRAL_KEY: 'mi-TESTKEY-never-shown', GEMINI_KEY: 'gm-TESTKEY-never-shown', AZURE_KEY: 'az-TESTKEY-never-shown', COHERE_KEY: 'co-TESTKEY-never-shown' },
});

async function post(path: string, body: unknown) {
  const response = await fetch(`${setup.gateway.url}/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const postChat = (body: unknown) => post('chat/completions', body);

describe('LangChain / LangGraph named messages', () => {
  // langchain-ai/langchain libs/partners/openai/langchain_openai/chat_models/base.py, _convert_message_to_dict:
  // `if (name := message.name or ...) is not None: message_dict["name"] = name` on every role but tool
  // (whose dict keeps only content, role and tool_call_id); LangGraph's agents name their AI messages.
  const langGraphHistory = {
    model: 'mistral-chat',
    messages: [
      { role: 'system', content: 'You are a research assistant.', name: 'supervisor' },
      { role: 'user', content: 'Weather in Paris?', name: 'alice' },
      { role: 'assistant', content: null, name: 'weather_agent', tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', content: '{"temp":21}', tool_call_id: 'call_abc123', name: 'get_weather' },
    ],
  };

  test("Mistral: `name` is left out of system, user and assistant messages, which Mistral refuses it on; a tool message's name is kept", async () => {
    const answer = await postChat(langGraphHistory);
    expect(answer.status).toBe(200);
    const sent = setup.upstreams.mistral.requests[0].body as { messages: WireMessage[] };
    expect(sent.messages.map((message) => [message.role, message.name])).toEqual([
      ['system', undefined],
      ['user', undefined],
      ['assistant', undefined],
      ['tool', 'get_weather'],
    ]);
  });
});

describe('a conversation moving from a Gemini endpoint to an OpenAI one', () => {
  const weather: OpenAI.Chat.Completions.ChatCompletionTool = {
    type: 'function',
    function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
  };

  test("Gemini's tool-call ids (carrying their thought signatures) reach Azure OpenAI within its 40 characters, each call still paired with its result", async () => {
    const question = { role: 'user' as const, content: 'Weather in Paris and São Paulo?' };
    const first = await setup.openai.chat.completions.create({ model: 'gemini-chat', messages: [question], tools: [weather] });
    const calls = first.choices[0].message.tool_calls ?? [];
    expect(calls.map((call) => call.id.length > 40)).toContain(true);

    // The history an agent loop sends next (openai-agents-python src/agents/models/chatcmpl_converter.py:
    // the assistant turn's tool_calls, then one tool message per call_id), now to the other endpoint.
    const results = calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: '{"temperature_c": 21}' }));
    const next = await setup.openai.chat.completions.create({
      model: 'azure-chat',
      messages: [question, { role: 'assistant', content: null, tool_calls: calls }, ...results],
      tools: [weather],
    });
    expect(next.choices[0].finish_reason).toBeDefined();

    const sent = setup.upstreams.azure.requests[0].body as { messages: WireMessage[] };
    const sentCalls = sent.messages[1].tool_calls!.map((call) => call.id);
    expect(sentCalls.every((id) => id.length <= 40)).toBe(true);
    expect(sent.messages.slice(2).map((message) => message.tool_call_id)).toEqual(sentCalls);
    expect(new Set(sentCalls).size).toBe(calls.length);
  });
});

describe("embeddings options Cohere's v1 /embed has no field for", () => {
  // vercel/ai packages/openai-compatible/src/embedding/openai-compatible-embedding-model.ts, doEmbed:
  // body { model, input, encoding_format: 'float', dimensions, user } (the last two from provider options).
  test("dimensions (a vector size the answer would not have), user and safety_identifier are a 400 naming them, and nothing is sent", async () => {
    for (const [param, value] of [['dimensions', 256], ['user', 'user-1234'], ['safety_identifier', 'user-1234']] as const) {
      const answer = await post('embeddings', { model: 'cohere-embeddings', input: ['sunny day'], encoding_format: 'float', [param]: value });
      expect([answer.status, (answer.body.error as { param: string }).param]).toEqual([400, param]);
    }
    expect(setup.upstreams.cohere.requests).toHaveLength(0);
    const plain = await post('embeddings', { model: 'cohere-embeddings', input: ['sunny day'], encoding_format: 'float' });
    expect(plain.status).toBe(200);
  });
});

describe("Mistral embeddings", () => {
  // The same AI SDK body as above; Mistral's embeddings schema has no `user`.
  test("user is a 400 naming it before any call (Mistral would answer 422 extra_forbidden); dimensions goes as output_dimension, encoding_format stays the gateway's", async () => {
    const refused = await post('embeddings', { model: 'mistral-embeddings', input: ['sunny day'], encoding_format: 'float', user: 'user-1234' });
    expect([refused.status, (refused.body.error as { param: string }).param]).toEqual([400, 'user']);
    expect(setup.upstreams.mistral.requests).toHaveLength(0);
    const answer = await post('embeddings', { model: 'mistral-embeddings', input: ['sunny day'], encoding_format: 'float', dimensions: 256 });
    expect(answer.status).toBe(200);
    expect(setup.upstreams.mistral.requests[0].body).toEqual({ model: 'mistral-embed', input: ['sunny day'], output_dimension: 256 });
  });
});

describe("LangChain's OpenAIEmbeddings (Python), which sends token ids by default", () => {
  // langchain-ai/langchain libs/partners/openai/langchain_openai/embeddings/base.py: with
  // check_embedding_ctx_length (default True) texts are cut to the context with tiktoken (cl100k_base for a
  // model name tiktoken does not know) and sent as token ids, `client.create(input=tokens[i : i + chunk_size], model=...)`;
  // the openai Python client adds encoding_format "base64". These are "What is the meaning of life?"'s.
  const tokens = [3923, 374, 279, 7438, 315, 2324, 30];

  test.each(['gemini', 'mistral', 'cohere'] as const)('%s: a 400 on input saying to send text and how, and nothing is sent', async (vendor) => {
    const refused = await post('embeddings', { input: [tokens], model: `${vendor}-embeddings`, encoding_format: 'base64' });
    expect([refused.status, (refused.body.error as { param: string }).param]).toEqual([400, 'input']);
    expect((refused.body.error as { message: string }).message).toMatch(
      /: token ids are not supported\. Send the text; LangChain's OpenAIEmbeddings \(Python\) sends token ids unless created with check_embedding_ctx_length=False\.$/,
    );
    expect(setup.upstreams[vendor].requests).toHaveLength(0);
    // With check_embedding_ctx_length=False it sends the texts.
    const answer = await post('embeddings', { input: ['What is the meaning of life?'], model: `${vendor}-embeddings`, encoding_format: 'base64' });
    expect(answer.status).toBe(200);
  });
});
