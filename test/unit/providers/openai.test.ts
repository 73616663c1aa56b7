import type { OpenAIConfig } from '../../../generated/config';
import { GatewayError } from '../../../src/errors';
import {
  ALL_REASONING,
  createOpenAIChatStream,
  createOpenAICompletionsStream,
  fromOpenAIChat,
  fromOpenAICompletions,
  fromOpenAIEmbeddings,
  openaiAdapter,
  openaiErrorMessage,
  resolveOpenAITarget,
  THINKING_BLOCKS,
  toOpenAIChat,
  toOpenAICompletions,
  toOpenAIEmbeddings,
} from '../../../src/providers/openai';
import { closeAllPools, joinUrl } from '../../../src/providers/transport/http';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatChunk, ChatRequest, CompletionsChunk, EndpointType } from '../../../src/schema';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, replayOutcome, summariseChat, summariseCompletions } from '../../support/stream-replay';
import { callContext } from '../../support/call-context';
import { historyWithToolCalls, SIGNED_GEMINI_TOOL_CALL_ID, toolCallIdDigest } from '../../support/tool-call-ids';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';

const fixtureBytes = (name: string): Buffer => readFixtureBytes('openai', name);

describe('resolveOpenAITarget', () => {
  it('openai: default base, bearer key, organization header, configured model', () => {
    const target = resolveOpenAITarget({ openai_api_key: 'sk-1', openai_organization: 'org-9' }, 'gpt-4o-mini');
    expect(target).toEqual({
      apiType: 'openai',
      providerName: 'OpenAI',
      baseUrl: 'https://api.openai.com/v1',
      headers: { Authorization: 'Bearer sk-1', 'OpenAI-Organization': 'org-9' },
      model: 'gpt-4o-mini',
      omittedReasoning: ALL_REASONING,
      toolCallIdMaxLength: 40,
    });
    expect(joinUrl(target.baseUrl, 'chat/completions')).toBe('https://api.openai.com/v1/chat/completions');
  });

  it("reasoning_content is left out for OpenAI's and Azure's own APIs only (servers behind a custom base may want it back)", () => {
    expect(resolveOpenAITarget({ openai_api_key: 'sk-1', openai_api_base: 'https://API.openai.com/v1' }, 'o3').omittedReasoning).toBe(ALL_REASONING);
    expect(resolveOpenAITarget({ openai_api_key: 'sk-1', openai_api_base: 'https://api.deepseek.com/v1' }, 'deepseek-chat').omittedReasoning).toBe(THINKING_BLOCKS);
    expect(resolveOpenAITarget(azureConfig, null).omittedReasoning).toBe(ALL_REASONING);
  });

  it("tool-call ids are held to 40 characters for OpenAI's and Azure's own APIs only (other servers take any id)", () => {
    expect(resolveOpenAITarget({ openai_api_key: 'sk-1', openai_api_base: 'https://API.openai.com/v1' }, 'gpt-4o').toolCallIdMaxLength).toBe(40);
    expect(resolveOpenAITarget({ openai_api_key: 'sk-1', openai_api_base: 'http://vllm.local:8000/v1' }, 'qwen').toolCallIdMaxLength).toBeUndefined();
    expect(resolveOpenAITarget(azureConfig, null).toolCallIdMaxLength).toBe(40);
  });

  it("Azure's v1 API as an openai endpoint is Azure's own API by its host (Azure's, or API Management's default with /openai/v1)", () => {
    const azureBases = [
      'https://res.openai.azure.com/openai/v1/',
      'https://res.cognitiveservices.azure.com/openai/v1',
      'https://RES.services.ai.azure.com/openai/v1',
      'https://apim-contoso.azure-api.net/aoai/openai/v1/',
    ];
    for (const base of azureBases) {
      const target = resolveOpenAITarget({ openai_api_key: 'azure-key', openai_api_base: base }, 'gpt-4o-prod');
      expect([base, target.omittedReasoning, target.toolCallIdMaxLength]).toEqual([base, ALL_REASONING, 40]);
    }
  });

  it('a /openai/v1 path on another host is not Azure: Groq, a custom-domain proxy, API Management on another path', () => {
    const otherBases = ['https://api.groq.com/openai/v1', 'https://apim.contoso.com/aoai/openai/v1/', 'https://apim-contoso.azure-api.net/vllm/v1', 'http://vllm.local/openai/v1/models'];
    for (const base of otherBases) {
      const target = resolveOpenAITarget({ openai_api_key: 'k', openai_api_base: base }, 'llama-3.3-70b-versatile');
      expect([base, target.omittedReasoning, target.toolCallIdMaxLength]).toEqual([base, THINKING_BLOCKS, undefined]);
    }
  });

  it('azure or azuread with a /openai/v1 base (any host) is Azure\'s v1 API: the model as the deployment, no api-version, key in api-key or as bearer', () => {
    const azure = resolveOpenAITarget({ openai_api_key: 'apim-key', openai_api_type: 'azure', openai_api_base: 'https://llm.contoso.com/aoai/openai/v1' }, 'gpt-4o-prod');
    expect(azure).toEqual({
      apiType: 'azure',
      providerName: 'Azure OpenAI',
      baseUrl: 'https://llm.contoso.com/aoai/openai/v1',
      headers: { 'api-key': 'apim-key' },
      model: 'gpt-4o-prod',
      omittedReasoning: ALL_REASONING,
      toolCallIdMaxLength: 40,
    });
    expect(joinUrl(azure.baseUrl, 'chat/completions')).toBe('https://llm.contoso.com/aoai/openai/v1/chat/completions');
    const azuread = resolveOpenAITarget({ openai_api_key: 'entra-token', openai_api_type: 'azuread', openai_api_base: 'https://res.openai.azure.com/openai/v1/' }, 'gpt-4o-prod');
    expect(azuread).toMatchObject({ headers: { Authorization: 'Bearer entra-token' }, model: 'gpt-4o-prod' });
  });

  it('openai with a version appends ?api-version= like the reference', () => {
    const target = resolveOpenAITarget({ openai_api_key: 'sk-1', openai_api_base: 'http://proxy.local/v1/', openai_api_version: '2024-02-01' }, 'gpt-4o');
    expect(joinUrl(target.baseUrl, 'embeddings')).toBe('http://proxy.local/v1/embeddings?api-version=2024-02-01');
  });

  const azureConfig: OpenAIConfig = {
    openai_api_key: 'azure-key',
    openai_api_type: 'azure',
    openai_api_base: 'https://res.openai.azure.com/',
    openai_deployment_name: 'gpt-4o-prod',
    openai_api_version: '2024-10-21',
  };

  it('azure: deployment URL with api-version, api-key header, no model', () => {
    const target = resolveOpenAITarget(azureConfig, 'gpt-4o');
    expect(target).toMatchObject({ apiType: 'azure', providerName: 'Azure OpenAI', headers: { 'api-key': 'azure-key' }, model: null });
    expect(joinUrl(target.baseUrl, 'chat/completions')).toBe(
      'https://res.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21',
    );
  });

  it('azuread: same URL, Entra ID token as bearer; the type is case-insensitive', () => {
    const target = resolveOpenAITarget({ ...azureConfig, openai_api_type: 'AzureAD' as 'azuread' }, null);
    expect(target).toMatchObject({ apiType: 'azuread', headers: { Authorization: 'Bearer azure-key' }, model: null });
    expect(joinUrl(target.baseUrl, 'completions')).toBe('https://res.openai.azure.com/openai/deployments/gpt-4o-prod/completions?api-version=2024-10-21');
  });

  // Which keys each type may carry is checked by the config loader (test/unit/config/rules.test.ts).
  it('refuses an Azure config it cannot build a URL from, and unknown types', () => {
    expect(() => resolveOpenAITarget({ ...azureConfig, openai_api_version: undefined }, null)).toThrow(
      "OpenAI route configuration must specify 'openai_api_base', 'openai_deployment_name', and 'openai_api_version' if 'openai_api_type' is 'azure' or 'azuread'.",
    );
    expect(() => resolveOpenAITarget({ openai_api_key: 'k', openai_api_type: 'vertex' as 'azure' }, 'm')).toThrow("Invalid OpenAI API type 'vertex'");
  });
});

describe('request mapping', () => {
  const tools = [
    {
      type: 'function' as const,
      function: {
        name: 'book_trip',
        description: 'Books a trip',
        strict: true,
        parameters: {
          type: 'object',
          $defs: { city: { type: 'string', minLength: 2 } },
          properties: {
            travellers: {
              type: 'array',
              minItems: 1,
              items: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } }, required: ['name'] },
            },
            to: { $ref: '#/$defs/city' },
            date: { type: 'string', format: 'date', default: '2025-01-01' },
            budget: { anyOf: [{ type: 'number' }, { type: 'null' }] },
          },
          required: ['travellers', 'to'],
          additionalProperties: false,
        },
      },
    },
  ];
  const request: ChatRequest = {
    messages: [{ role: 'user', content: 'Book Paris for two' }],
    tools,
    tool_choice: 'auto',
    stop: 'END',
    stream: false,
    seed: 7,
  };

  it('openai chat: the request unchanged plus model; full tool JSON Schema; no invented defaults', () => {
    const body = toOpenAIChat(request, { model: 'gpt-4o' });
    expect(body).toEqual({
      messages: [{ role: 'user', content: 'Book Paris for two' }],
      tools: JSON.parse(JSON.stringify(tools)),
      tool_choice: 'auto',
      stop: 'END',
      seed: 7,
      model: 'gpt-4o',
    });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('n');
    expect(request.stream).toBe(false);
  });

  it('with toolCallIdMaxLength: a longer tool-call id goes as its digest, the same for the call and its result; shorter ones and other messages are unchanged', () => {
    const history = historyWithToolCalls([SIGNED_GEMINI_TOOL_CALL_ID, 'call_PTLP8xhu3uwZk4l3nlnrrJha']);
    const body = toOpenAIChat(history, { model: null, toolCallIdMaxLength: 40 }) as ChatRequest;
    const digest = toolCallIdDigest(SIGNED_GEMINI_TOOL_CALL_ID);
    expect(body.messages[1].tool_calls?.map((call) => call.id)).toEqual([digest, 'call_PTLP8xhu3uwZk4l3nlnrrJha']);
    expect(body.messages.slice(2).map((message) => message.tool_call_id)).toEqual([digest, 'call_PTLP8xhu3uwZk4l3nlnrrJha']);
    expect(body.messages[0]).toEqual(history.messages[0]);
    const short = historyWithToolCalls(['call_PTLP8xhu3uwZk4l3nlnrrJha']);
    expect(toOpenAIChat(short, { model: null, toolCallIdMaxLength: 40 }).messages).toBe(short.messages);
    // Without a limit (a server behind a custom base), ids go as the client wrote them.
    expect(toOpenAIChat(history, { model: null }).messages).toBe(history.messages);
  });

  it('azure chat stream: no model, stream: true', () => {
    expect(toOpenAIChat({ messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } }, { model: null, stream: true })).toEqual({
      messages: [{ role: 'user', content: 'hi' }],
      stream_options: { include_usage: true },
      stream: true,
    });
  });

  it('completions and embeddings', () => {
    expect(toOpenAICompletions({ prompt: 'Say café', max_tokens: 5 }, { model: 'gpt-3.5-turbo-instruct', stream: true })).toEqual({
      prompt: 'Say café',
      max_tokens: 5,
      model: 'gpt-3.5-turbo-instruct',
      stream: true,
    });
    expect(toOpenAIEmbeddings({ input: ['a', 'b'], encoding_format: 'base64' }, { model: 'text-embedding-3-small' })).toEqual({
      model: 'text-embedding-3-small',
      input: ['a', 'b'],
      encoding_format: 'base64',
    });
    expect(toOpenAIEmbeddings({ input: 'a' }, { model: null })).toEqual({ input: 'a' });
  });
});

/** The details OpenAI sends with every answer (all zero here), passed on as they came. */
const OPENAI_ZERO_DETAILS = {
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};

describe('response mapping', () => {
  it('chat: copies id/created/model, keeps refusal, drops extras', () => {
    expect(fromOpenAIChat(readJsonFixture('openai', 'chat.response.json'))).toEqual({
      id: 'chatcmpl-BZq3kR8vN2yTf6XwL0aPc7dE1sGhU',
      object: 'chat.completion',
      created: 1748251200,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 21, completion_tokens: 14, total_tokens: 35, ...OPENAI_ZERO_DETAILS },
    });
  });

  it("chat from vLLM: its `reasoning` is the answer's reasoning_content; vLLM's extras are dropped", () => {
    const mapped = fromOpenAIChat(readJsonFixture('openai', 'chat-vllm-reasoning.response.json'));
    expect(mapped.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: '9.8 is greater than 9.11.', tool_calls: [], refusal: null, reasoning_content: 'Compare the decimals: 9.8 is 9.80, and 0.80 > 0.11 → 9.8 is larger.' },
      finish_reason: 'stop',
    });
  });

  it('chat with tool calls', () => {
    expect(fromOpenAIChat(readJsonFixture('openai', 'chat-tool-calls.response.json'))).toEqual({
      id: 'chatcmpl-BZq4aT1mQ9uVb3NcK5xYr8eWz2LdJ',
      object: 'chat.completion',
      created: 1748251260,
      model: 'gpt-4o-2024-08-06',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_Xk3rP0qLm7Vz2Tn8Bw4Yc1Hd', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' } },
              { id: 'call_Qa9sE6fJ2uRo5Gi1Kv7Np3Ml', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil","unit":"celsius"}' } },
            ],
            refusal: null,
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 82, completion_tokens: 52, total_tokens: 134, ...OPENAI_ZERO_DETAILS },
    });
  });

  it('chat with tool-call arguments sent as an object (llama.cpp): serialised to the JSON text the schema wants', () => {
    const response = fromOpenAIChat(readJsonFixture('openai', 'chat-tool-calls-object-arguments.response.json'));
    expect(response.choices[0].message.tool_calls).toEqual([
      { id: 'Wq3sVd8KpLx2mB7nRt5yHc1zFj4gNa0e', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' } },
    ]);
    expect(response.choices[0].finish_reason).toBe('tool_calls');
  });

  it('chat: re-indexes choices, copies a refusal, survives a missing usage', () => {
    const response = fromOpenAIChat({
      id: 'c',
      created: 1,
      model: 'm',
      choices: [
        { index: 3, message: { role: 'assistant', content: null, refusal: "I can't help with that." }, finish_reason: 'stop' },
        { index: 7, message: { role: 'assistant', content: 'ok' }, finish_reason: 'length' },
      ],
    });
    expect(response.choices.map((choice) => choice.index)).toEqual([0, 1]);
    expect(response.choices[0].message.refusal).toBe("I can't help with that.");
    expect(response.usage).toEqual({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
  });

  it("chat with n: 2 listed out of order: the upstream's indexes are kept and the choices sorted by them", () => {
    const response = fromOpenAIChat(readJsonFixture('openai', 'chat-n2-out-of-order.response.json'));
    expect(response.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: "Un café, s'il vous plaît. Merci beaucoup, et bonne journée à vous", tool_calls: null, refusal: null },
        finish_reason: 'length',
      },
      { index: 1, message: { role: 'assistant', content: "Un café au lait, s'il vous plaît.", tool_calls: null, refusal: null }, finish_reason: 'stop' },
    ]);
  });

  it("Azure's filter results are passed on only in their documented shapes (a list of objects, an object), so an odd value cannot fail the answer's check", () => {
    const choice = { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' };
    const odd = fromOpenAIChat({ id: 'x', created: 1, model: 'm', prompt_filter_results: ['flagged'], choices: [{ ...choice, content_filter_results: 'flagged' }] });
    expect(odd).not.toHaveProperty('prompt_filter_results');
    expect(odd.choices[0]).not.toHaveProperty('content_filter_results');
    const results = { hate: { filtered: false, severity: 'safe' } };
    const sent = fromOpenAIChat({ id: 'x', created: 1, model: 'm', prompt_filter_results: [{ prompt_index: 0, content_filter_results: results }], choices: [{ ...choice, content_filter_results: results }] });
    expect(sent).toMatchObject({ prompt_filter_results: [{ prompt_index: 0, content_filter_results: results }], choices: [{ content_filter_results: results }] });
  });

  it('a 2xx without choices is a clear 502', () => {
    expect(() => fromOpenAIChat({ object: 'chat.completion' })).toThrow(GatewayError);
    expect(() => fromOpenAIChat({ object: 'chat.completion' })).toThrow("The provider's response has no 'choices' list.");
  });

  it('completions: object forced, text from text or message.content', () => {
    expect(fromOpenAICompletions(readJsonFixture('openai', 'completions.response.json'))).toEqual({
      id: 'cmpl-BZq5cW4hN7pLx2YtR9aVm3Ks0',
      object: 'text_completion',
      created: 1748251320,
      model: 'gpt-3.5-turbo-instruct:20230824-v2',
      choices: [{ index: 0, text: '\n\nThis is indeed a test of the café menu', finish_reason: 'length' }],
      usage: { prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 },
    });
    const chatShaped = fromOpenAICompletions({
      object: 'chat.completion',
      created: 2,
      model: 'm',
      choices: [{ message: { content: 'from message' }, finish_reason: 'stop' }, { finish_reason: 'stop' }],
    });
    expect(chatShaped.choices).toEqual([
      { index: 0, text: 'from message', finish_reason: 'stop' },
      { index: 1, text: '', finish_reason: 'stop' },
    ]);
    expect(chatShaped.id).toBeNull();
  });

  it("completions of a prompt list: the upstream's indexes are kept, the choices sorted by them; indexes that are not each choice's own place are replaced by positions", () => {
    const answer = readJsonFixture<{ choices: { index: number }[] }>('openai', 'completions-prompt-list.response.json');
    expect(fromOpenAICompletions(answer).choices).toEqual([
      { index: 0, text: ' This is a test.', finish_reason: 'stop' },
      { index: 1, text: ' This is indeed a test', finish_reason: 'length' },
      { index: 2, text: " Un café, s'il vous plaît.", finish_reason: 'stop' },
      { index: 3, text: " Deux cafés, s'il vous plaît.", finish_reason: 'stop' },
    ]);
    const textsWithIndexes = (indexes: unknown[]) =>
      fromOpenAICompletions({ ...answer, choices: answer.choices.map((choice, position) => ({ ...choice, index: indexes[position] })) }).choices.map(({ index, text }) => [index, text]);
    const byPosition = [
      [0, " Un café, s'il vous plaît."],
      [1, ' This is a test.'],
      [2, " Deux cafés, s'il vous plaît."],
      [3, ' This is indeed a test'],
    ];
    for (const indexes of [
      [2, 0, 2, 1],
      [2, 0, 4, 1],
      [2, 0, -1, 1],
      [2, 0, 1.5, 1],
      [2, 0, null, 1],
      [2, 0, '3', 1],
    ]) {
      expect(textsWithIndexes(indexes)).toEqual(byPosition);
    }
  });

  it('embeddings: indexes by position; base64 strings pass through', () => {
    expect(fromOpenAIEmbeddings(readJsonFixture('openai', 'embeddings.response.json'))).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: [-0.006929283, -0.005336422, 0.024047505, -0.01449883], index: 0 },
        { object: 'embedding', embedding: [0.0155843, -0.0211972, 0.0036791, 0.00872341], index: 1 },
      ],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    });
    expect(fromOpenAIEmbeddings({ data: [{ embedding: 'AAAAPwAAgD8=' }], model: 'e' })).toEqual({
      object: 'list',
      data: [{ object: 'embedding', embedding: 'AAAAPwAAgD8=', index: 0 }],
      model: 'e',
      usage: { prompt_tokens: null, total_tokens: null },
    });
  });
});

describe('embeddings answers listed out of input order', () => {
  // OpenAI's guide warns that answers may list entries in another order than the inputs, each
  // carrying its input's `index`; OpenAI-compatible servers (vLLM, TEI, proxies) do so under load.
  const entry = (index: number, embedding: number[] | string) => ({ object: 'embedding', index, embedding });

  it('orders the entries by their index, so data[i] is the vector of input i', () => {
    const answer = { object: 'list', data: [entry(2, [0.3]), entry(0, [0.1]), entry(1, 'AAAAPw==')], model: 'text-embedding-3-small', usage: { prompt_tokens: 9, total_tokens: 9 } };
    expect(fromOpenAIEmbeddings(answer).data).toEqual([entry(0, [0.1]), entry(1, 'AAAAPw=='), entry(2, [0.3])]);
  });

  it('keeps entries and indexes as they came when the indexes do not name each entry once (the answer check refuses them)', () => {
    for (const indexes of [[1, 1], [0, 2], [0, -1], [0, 0.5]]) {
      const answer = { object: 'list', data: [entry(indexes[0], [0.1]), entry(indexes[1], [0.2])], model: 'e', usage: { prompt_tokens: 2, total_tokens: 2 } };
      expect(fromOpenAIEmbeddings(answer).data).toEqual([entry(indexes[0], [0.1]), entry(indexes[1], [0.2])]);
    }
  });

  it('numbers the entries by position when none has an index', () => {
    const answer = { object: 'list', data: [{ embedding: [0.1] }, { embedding: [0.2] }], model: 'e' };
    expect(fromOpenAIEmbeddings(answer).data).toEqual([entry(0, [0.1]), entry(1, [0.2])]);
  });
});

describe('embeddings answers passed on unchanged', () => {
  const answer = () => readJsonFixture<Record<string, unknown> & { data: Record<string, unknown>[] }>('openai', 'embeddings.response.json');

  it('returns the parsed answer itself when it already is the unified answer (fields in any order)', () => {
    const body = answer();
    expect(fromOpenAIEmbeddings(body)).toBe(body);
  });

  it('builds the unified answer when the upstream one has anything more, less or different', () => {
    const body = answer();
    const [first, second] = body.data;
    const variants: Record<string, unknown>[] = [
      { ...body, system_fingerprint: 'fp_1' },
      { ...body, usage: { ...(body.usage as object), prompt_tokens_details: { cached_tokens: 0 } } },
      { ...body, usage: { prompt_tokens: 8 } },
      { ...body, usage: null },
      { object: 'list', data: body.data, usage: body.usage },
      { ...body, object: 'embeddings' },
      { ...body, data: [second, first] },
      { ...body, data: [{ ...first, encoding_format: 'float' }, second] },
      { ...body, data: [{ embedding: first.embedding, index: 0 }, second] },
    ];
    for (const variant of variants) {
      const mapped = fromOpenAIEmbeddings(variant);
      expect(mapped).not.toBe(variant);
      expect(Object.keys(mapped).sort()).toEqual(['data', 'model', 'object', 'usage']);
      expect(mapped.data.map((item) => Object.keys(item).sort())).toEqual([
        ['embedding', 'index', 'object'],
        ['embedding', 'index', 'object'],
      ]);
      expect(mapped.data.map((item) => item.index)).toEqual([0, 1]);
      expect(Object.keys(mapped.usage).sort()).toEqual(['prompt_tokens', 'total_tokens']);
    }
  });
});

describe('chat stream fold', () => {
  it('chat.stream.sse: text with multi-byte characters, finish reason, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), createOpenAIChatStream);
    expect(chunks).toHaveLength(11);
    expect(chunks[0]).toEqual({
      id: 'chatcmpl-BZq6dY5jO8qMy3ZuS0bWn4Lt1',
      object: 'chat.completion.chunk',
      created: 1748251380,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: '', tool_calls: null } }],
    });
    expect(summariseChat(chunks)).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finishReason: 'stop', toolCalls: [], usage: null });
  });

  it('chat-tool-calls.stream.sse: argument fragments, finish reason and the usage-only chunk', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-tool-calls.stream.sse'), createOpenAIChatStream);
    expect(summariseChat(chunks)).toEqual({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [
        { id: 'call_Xk3rP0qLm7Vz2Tn8Bw4Yc1Hd', name: 'get_weather', arguments: '{"location":"Paris, France"}' },
        { id: 'call_Qa9sE6fJ2uRo5Gi1Kv7Np3Ml', name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' },
      ],
      usage: { prompt_tokens: 82, completion_tokens: 41, total_tokens: 123, ...OPENAI_ZERO_DETAILS },
    });
    expect(chunks[1].choices[0].delta.tool_calls).toEqual([{ index: 0, id: null, type: null, function: { name: null, arguments: '{"lo' } }]);
    expect(chunks[chunks.length - 1]).toEqual({
      id: 'chatcmpl-BZq7eZ6kP9rNz4AvT1cXo5Mu2',
      object: 'chat.completion.chunk',
      created: 1748251440,
      model: 'gpt-4o-2024-08-06',
      choices: [],
      usage: { prompt_tokens: 82, completion_tokens: 41, total_tokens: 123, ...OPENAI_ZERO_DETAILS },
    });
  });

  it('chat-refusal.stream.sse: the refusal pieces are passed on as delta.refusal, same at every split; other chunks keep MLflow\'s keys', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-refusal.stream.sse'), createOpenAIChatStream);
    expect(chunks.map((chunk) => chunk.choices[0].delta.refusal ?? '').join('')).toBe('I’m sorry, I can’t assist with that request.');
    expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual([null, null, null, null, null, null]);
    expect(Object.keys(chunks[0].choices[0].delta)).toEqual(['role', 'content', 'tool_calls']);
    expect(chunks.at(-1)!.choices[0]).toEqual({ index: 0, finish_reason: 'stop', delta: { role: null, content: null, tool_calls: null } });
  });

  it('chat-tool-calls-no-index.stream.sse (Gemini): tool-call deltas without index are numbered per call, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-tool-calls-no-index.stream.sse'), createOpenAIChatStream);
    expect(chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []).map((call) => [call.index, call.id])).toEqual([
      [0, 'function-call-1571374652147935761'],
      [1, 'function-call-9027458612295327140'],
    ]);
    expect(summariseChat(chunks)).toMatchObject({
      finishReason: 'tool_calls',
      toolCalls: [
        { id: 'function-call-1571374652147935761', name: 'get_weather', arguments: '{"location":"Paris, France"}' },
        { id: 'function-call-9027458612295327140', name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' },
      ],
    });
  });

  it('a tool-call delta without index (or with null) that carries no id or name continues the last call of its choice', async () => {
    const chunk = (calls: unknown[]) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { tool_calls: calls }, finish_reason: null }] })}\n\n`;
    const wire = [
      chunk([{ id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }]),
      chunk([{ index: null, function: { arguments: '{"location":' } }]),
      chunk([{ function: { name: '', arguments: '"Paris"}' } }]),
      chunk([{ id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{}' } }]),
      'data: [DONE]\n\n',
    ].join('');
    const chunks = await replay([Buffer.from(wire)], createOpenAIChatStream());
    expect(chunks.map((c) => c.choices[0].delta.tool_calls![0].index)).toEqual([0, 0, 0, 1]);
  });

  it("chat-vllm-reasoning.stream.sse: vLLM's `reasoning` pieces become reasoning_content, same at every split", async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-vllm-reasoning.stream.sse'), createOpenAIChatStream);
    expect(chunks.map((chunk) => chunk.choices[0].delta.reasoning_content ?? '').join('')).toBe('Compare the decimals: 9.8 is 9.80, and 0.80 > 0.11 → 9.8 is larger.');
    expect(summariseChat(chunks)).toMatchObject({ text: '9.8 is greater than 9.11.', finishReason: 'stop' });
    expect(Object.keys(chunks[0].choices[0].delta)).toEqual(['role', 'content', 'tool_calls']);
  });

  it('a tool call whose arguments come as an object in one delta is serialised', async () => {
    const call = { index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: { location: 'Paris' } } };
    const wire = `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: 'tool_calls' }] })}\n\ndata: [DONE]\n\n`;
    const chunks = await replay([Buffer.from(wire)], createOpenAIChatStream());
    expect(chunks[0].choices[0].delta.tool_calls).toEqual([{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }]);
  });

  const chunkData = (content: string) =>
    JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 5, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] });

  it('ignores comments and pings, accepts CRLF, skips Azure filter-only chunks, stops at [DONE]', async () => {
    const wire = [
      ': keep-alive\r\n\r\n',
      `data: ${JSON.stringify({ id: '', object: '', created: 0, model: '', choices: [], prompt_filter_results: [{ prompt_index: 0 }] })}\r\n\r\n`,
      `data: ${chunkData('Hé')}\r\n\r\n`,
      'data: [DONE]\r\n\r\n',
      `data: ${chunkData('after the end')}\r\n\r\n`,
    ].join('');
    const fold = createOpenAIChatStream();
    const chunks = await replay([Buffer.from(wire)], fold);
    expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual(['Hé']);
    expect(fold.done).toBe(true);
  });

  it('a mid-stream vendor error becomes a 502 with the vendor message, retryable (before a first chunk) only when it is a server_error, like a 500', async () => {
    const wire = `data: ${chunkData('Hi')}\n\ndata: {"error":{"message":"The server had an error processing your request.","type":"server_error"}}\n\n`;
    const { chunks, error } = await replayOutcome([Buffer.from(wire)], createOpenAIChatStream());
    expect(error).toMatchObject({ status: 502, retryable: true, message: 'The server had an error processing your request.' });
    expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual(['Hi']);
    const refused = await replayOutcome([Buffer.from('data: {"error":{"message":"Invalid prompt.","type":"invalid_request_error"}}\n\n')], createOpenAIChatStream());
    expect(refused.error).toMatchObject({ status: 502, retryable: false, message: 'Invalid prompt.' });
  });

  it('a stream that ends without [DONE] was cut off: a 502 after the chunks it had, retryable like a dropped connection (it only is before a first chunk)', async () => {
    const { chunks, error } = await replayOutcome([Buffer.from(`data: ${chunkData('Half')}\n\n`)], createOpenAIChatStream());
    expect(error).toMatchObject({ status: 502, retryable: true, message: expect.stringContaining('no [DONE]') });
    expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual(['Half']);
  });

  it('a stream that ends without [DONE] after each choice finished is whole (servers that never send [DONE]: older llama.cpp, ik_llama.cpp, TGI before 2.2)', async () => {
    const withoutDone = Buffer.from(fixtureBytes('chat.stream.sse').toString('utf8').replace('data: [DONE]\n\n', ''));
    const { chunks, error } = await replayOutcome([withoutDone], createOpenAIChatStream());
    expect(error).toBeNull();
    expect(summariseChat(chunks)).toMatchObject({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finishReason: 'stop' });
  });

  it('without [DONE], one choice of two still unfinished means the stream was cut off', async () => {
    const chunk = (choices: unknown[]) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices })}\n\n`;
    const wire = chunk([{ index: 0, delta: { content: 'A' }, finish_reason: null }, { index: 1, delta: { content: 'B' }, finish_reason: null }]) + chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
    const { error } = await replayOutcome([Buffer.from(wire)], createOpenAIChatStream());
    expect(error).toMatchObject({ status: 502, message: expect.stringContaining('no [DONE]') });
  });

  it('an event that is not JSON is a 502 quoting it', () => {
    expect(() => createOpenAIChatStream().event({ event: undefined, data: '<html>oops' })).toThrow('The provider sent a stream event that is not a JSON object: <html>oops');
  });
});

describe('completions stream fold', () => {
  const lastChoice = (chunks: CompletionsChunk[]) => chunks.flatMap((chunk) => chunk.choices).at(-1)!;

  it('completions.stream.sse (genuine /v1/completions chunks), same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('completions.stream.sse'), createOpenAICompletionsStream);
    expect(chunks[1]).toEqual({
      id: 'cmpl-BZq8fA7lQ0sOa5BwU2dYp6Nv3',
      object: 'text_completion_chunk',
      created: 1748251500,
      model: 'gpt-3.5-turbo-instruct:20230824-v2',
      choices: [{ index: 0, finish_reason: null, text: 'Voilà' }],
    });
    expect(summariseCompletions(chunks)).toEqual({ text: '\n\nVoilà un café 🙂', finishReason: 'stop', usage: null });
    expect(lastChoice(chunks).finish_reason).toBe('stop');
  });

  it("a prompt list's chunks keep the upstream's choice index, in whatever order they come", async () => {
    const wire = [2, 0, 3, 1].map((index) => `data: ${JSON.stringify({ id: 'x', object: 'text_completion', created: 1, model: 'm', choices: [{ text: `choice ${index}`, index, logprobs: null, finish_reason: 'stop' }] })}\n\n`);
    const chunks = await replay([Buffer.from(`${wire.join('')}data: [DONE]\n\n`)], createOpenAICompletionsStream());
    expect(chunks.flatMap((chunk) => chunk.choices.map(({ index, text }) => [index, text]))).toEqual([
      [2, 'choice 2'],
      [0, 'choice 0'],
      [3, 'choice 3'],
      [1, 'choice 1'],
    ]);
  });

  it('chat-shaped chunks (delta.content) work too', async () => {
    const wire = ['Bon', 'jour'].map((content) => `data: ${JSON.stringify({ id: 'x', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`);
    wire.push(`data: ${JSON.stringify({ id: 'x', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
    const chunks = await replay([Buffer.from(wire.join(''))], createOpenAICompletionsStream());
    expect(summariseCompletions(chunks)).toEqual({ text: 'Bonjour', finishReason: 'stop', usage: null });
    expect(lastChoice(chunks).finish_reason).toBe('stop');
  });
});

describe('openaiErrorMessage', () => {
  it.each([
    ['error-400.json', "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead."],
    ['error-401.json', expect.stringMatching(/^Incorrect API key provided/)],
    ['error-429.json', expect.stringMatching(/^Rate limit reached for gpt-4o/)],
  ])('%s', (name, expected) => {
    expect(openaiErrorMessage(readJsonFixture('openai', name))).toEqual(expected);
  });

  it('other shapes', () => {
    expect(openaiErrorMessage({ error: 'Model is overloaded' })).toBe('Model is overloaded');
    expect(openaiErrorMessage({ object: 'error', message: 'bad request' })).toBe('bad request');
    expect(openaiErrorMessage({ error: { code: 'x' } })).toBeNull();
    expect(openaiErrorMessage('text')).toBeNull();
    expect(openaiErrorMessage(null)).toBeNull();
  });
});

describe('openaiAdapter.createEndpoint against a local upstream', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  function endpoint(endpointType: EndpointType, config: Partial<OpenAIConfig>, modelName: string | null = 'gpt-4o-mini') {
    const settings: EndpointSettings<OpenAIConfig> = {
      name: 'my-endpoint',
      endpointType,
      modelName,
      config: { openai_api_key: 'sk-local', openai_api_base: `${fake.url}/v1`, ...config },
      timeouts: TEST_TIMEOUTS,
      maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
      now: () => 1_700_000_000,
    };
    return openaiAdapter.createEndpoint(settings);
  }

  it('exposes only the methods of its endpoint type (and, for streams, whether the usage is reported only when asked; for completions, that a prompt list goes in one call)', () => {
    // sentCredentials: the Entra ID tokens it sent, for its errors to be redacted of (ProviderEndpoint).
    expect(Object.keys(endpoint('llm/v1/chat', {})).sort()).toEqual(['chat', 'chatStream', 'sentCredentials', 'streamUsageWhenAsked']);
    expect(Object.keys(endpoint('llm/v1/completions', {})).sort()).toEqual(['completions', 'completionsStream', 'sentCredentials', 'streamUsageWhenAsked', 'takesPromptList']);
    expect(Object.keys(endpoint('llm/v1/embeddings', {})).sort()).toEqual(['embeddings', 'sentCredentials']);
  });

  it("takes a completions prompt list (and token ids) in one call on OpenAI's and Azure OpenAI's APIs only: another server behind openai_api_base (Ollama's takes a string) gets one call per prompt", () => {
    const takesPromptList = (config: Partial<OpenAIConfig>) => endpoint('llm/v1/completions', config).takesPromptList;
    expect(takesPromptList({ openai_api_base: undefined })).toBe(true);
    expect(takesPromptList({ openai_api_base: 'https://api.openai.com/v1' })).toBe(true);
    expect(takesPromptList({ openai_api_base: 'https://res.openai.azure.com/openai/v1' })).toBe(true);
    expect(takesPromptList({ openai_api_type: 'azure', openai_deployment_name: 'instruct', openai_api_version: '2024-10-21' })).toBe(true);
    expect(takesPromptList({ openai_api_type: 'azuread', openai_api_base: 'https://llm.contoso.com/aoai/openai/v1' })).toBe(true);
    expect(takesPromptList({})).toBe(false);
    expect(takesPromptList({ openai_api_base: 'http://localhost:11434/v1' })).toBe(false);
  });

  it('takes stream_options.include_usage on OpenAI, on Azure OpenAI from API version 2024-09-01 (preview versions by their date), and on Azure\'s v1 API', () => {
    const azure = (version: string) => endpoint('llm/v1/chat', { openai_api_type: 'azure', openai_deployment_name: 'gpt4o', openai_api_version: version }).streamUsageWhenAsked;
    expect(endpoint('llm/v1/chat', {}).streamUsageWhenAsked).toBe(true);
    expect(azure('2023-05-15')).toBe(false);
    expect(azure('2024-08-01-preview')).toBe(false);
    expect(azure('2024-09-01-preview')).toBe(true);
    expect(azure('2024-10-21')).toBe(true);
    expect(azure('2025-04-01-preview')).toBe(true);
    expect(endpoint('llm/v1/chat', { openai_api_type: 'azure', openai_api_base: 'https://res.openai.azure.com/openai/v1' }).streamUsageWhenAsked).toBe(true);
  });

  it('openai chat: path, headers and body on the wire; mapped answer', async () => {
    const response = await endpoint('llm/v1/chat', { openai_organization: 'org-1' }).chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext());
    const [request] = fake.requests;
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers).toMatchObject({ authorization: 'Bearer sk-local', 'openai-organization': 'org-1', 'content-type': 'application/json' });
    expect(request.body).toEqual({ messages: [{ role: 'user', content: 'hi' }], model: 'gpt-4o-mini' });
    expect(response.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  });

  it('azure chat stream: deployment path, api-key, no model, stream: true; fixture chunks come through', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(fixtureBytes('chat.stream.sse'));
    });
    const azure = endpoint('llm/v1/chat', { openai_api_type: 'azure', openai_api_base: fake.url, openai_deployment_name: 'dep', openai_api_version: '2024-10-21' });
    const chunks: ChatChunk[] = [];
    for await (const chunk of azure.chatStream!({ messages: [{ role: 'user', content: 'hi' }], stream: true }, callContext())) chunks.push(chunk);

    const [request] = fake.requests;
    expect(request.url).toBe('/openai/deployments/dep/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe('sk-local');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({ messages: [{ role: 'user', content: 'hi' }], stream: true });
    expect(summariseChat(chunks).text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  });

  it('completions and embeddings reach their paths', async () => {
    fake.setHandler((request, response) =>
      sendJson(response, 200, readJsonFixture('openai', request.url.endsWith('/embeddings') ? 'embeddings.response.json' : 'completions.response.json')),
    );
    const completion = await endpoint('llm/v1/completions', {}, 'gpt-3.5-turbo-instruct').completions!({ prompt: 'Say' }, callContext());
    const embeddings = await endpoint('llm/v1/embeddings', {}, 'text-embedding-3-small').embeddings!({ input: ['a', 'b'] }, callContext());
    expect(fake.requests.map((request) => [request.url, request.body])).toEqual([
      ['/v1/completions', { prompt: 'Say', model: 'gpt-3.5-turbo-instruct' }],
      ['/v1/embeddings', { model: 'text-embedding-3-small', input: ['a', 'b'] }],
    ]);
    expect(completion.choices[0].text).toBe('\n\nThis is indeed a test of the café menu');
    expect(embeddings.data).toHaveLength(2);
  });

  it('a vendor 400 reaches the caller with its status and message', async () => {
    fake.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400.json')));
    await expect(endpoint('llm/v1/chat', {}).chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext())).rejects.toMatchObject({
      status: 400,
      message: "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.",
    });
  });
});
