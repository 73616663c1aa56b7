import type { AnthropicConfig } from '../../../generated/config';
import { compilePlan } from '../../../src/config/compile';
import { GatewayError } from '../../../src/errors';
import {
  anthropicAdapter,
  anthropicErrorMessage,
  anthropicStreamError,
  createAnthropicChatStream,
  createAnthropicCompletionsStream,
  fromAnthropicChat,
  fromAnthropicCompletions,
  mapAnthropicStopReason,
  resolveAnthropicTarget,
  toAnthropicChat,
  toAnthropicCompletions,
} from '../../../src/providers/anthropic';
import { pythonJsonDumps } from '../../../src/providers/shared/python-json';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatRequest, CompletionsChunk, EndpointType } from '../../../src/schema';
import { errorOf, loadInline } from '../../support/config';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { gatewayErrorOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { describeError, replayEverySplitOutcome, replayOutcome, summariseChat } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';
import { historyWithToolCalls, SIGNED_GEMINI_TOOL_CALL_ID, toolCallIdDigest } from '../../support/tool-call-ids';

const fixtureBytes = (name: string): Buffer => readFixtureBytes('anthropic', name);
const now = () => 1_700_000_000;
const MODEL = 'claude-sonnet-4-5';
/** Anthropic reports both cache counts on every answer, zero without prompt caching. */
const NO_CACHE = { prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } };

describe('configuration', () => {
  it('default base URL and version, x-api-key header, configured model and its thinking form, no web search bounds', () => {
    expect(resolveAnthropicTarget({ anthropic_api_key: 'sk-ant-1' }, MODEL)).toEqual({
      baseUrl: 'https://api.anthropic.com/v1',
      headers: { 'x-api-key': 'sk-ant-1', 'anthropic-version': '2023-06-01' },
      model: MODEL,
      thinkingForm: 'budget',
      webSearch: {},
    });
  });

  it("web_search becomes the tool fields every search carries, read once", () => {
    const { webSearch } = resolveAnthropicTarget({ anthropic_api_key: 'k', web_search: { max_uses: 4, blocked_domains: ['reddit.com', 'example.com/forum'] } }, MODEL);
    expect(webSearch).toEqual({ max_uses: 4, blocked_domains: ['reddit.com', 'example.com/forum'] });
    expect(Object.isFrozen(webSearch)).toBe(true);
  });

  it("an anthropic_api_base that is only a host (older MLflow configs: https://api.anthropic.com/) gets /v1; one with a path is used as is", () => {
    expect(resolveAnthropicTarget({ anthropic_api_key: 'k', anthropic_api_base: 'https://api.anthropic.com/' }, MODEL).baseUrl).toBe('https://api.anthropic.com/v1');
    expect(resolveAnthropicTarget({ anthropic_api_key: 'k', anthropic_api_base: 'http://127.0.0.1:8080' }, MODEL).baseUrl).toBe('http://127.0.0.1:8080/v1');
    expect(resolveAnthropicTarget({ anthropic_api_key: 'k', anthropic_api_base: 'http://proxy.local/anthropic/v1' }, MODEL).baseUrl).toBe('http://proxy.local/anthropic/v1');
    // Credentials in the URL stay (they are sent as Basic auth, see transport/http.ts).
    expect(resolveAnthropicTarget({ anthropic_api_key: 'k', anthropic_api_base: 'https://proxy-user:proxy-pass@llm-proxy.internal/' }, MODEL).baseUrl).toBe('https://proxy-user:proxy-pass@llm-proxy.internal/v1');
  });

  it('anthropic_version and anthropic_api_base override the defaults', () => {
    const target = resolveAnthropicTarget({ anthropic_api_key: 'k', anthropic_version: '2024-01-01', anthropic_api_base: 'http://proxy.local/anthropic/v1' }, MODEL);
    expect(target.baseUrl).toBe('http://proxy.local/anthropic/v1');
    expect(target.headers['anthropic-version']).toBe('2024-01-01');
  });

  it('refuses a config that would fail every request', () => {
    expect(() => resolveAnthropicTarget({ anthropic_api_key: 'k' }, null)).toThrow('the Anthropic provider needs model.name');
    expect(() => resolveAnthropicTarget({ anthropic_api_key: 'k', seed: 3 }, MODEL)).toThrow("The parameter 'seed' is not supported by Anthropic.");
    expect(() => resolveAnthropicTarget({ anthropic_api_key: 'k', temperature: 0.2, top_p: 0.9 }, MODEL)).toThrow(
      "Cannot set both 'temperature' and 'top_p' parameters.",
    );
    expect(() => resolveAnthropicTarget({ anthropic_api_key: 'k', n: 2 }, MODEL)).toThrow("The parameter 'n' must be 1 for Anthropic");
  });

  it('serves chat and completions; an embeddings endpoint is refused at config load', () => {
    expect(anthropicAdapter.endpointTypes).toEqual(['llm/v1/chat', 'llm/v1/completions']);
    const error = errorOf(() =>
      compilePlan(
        loadInline(`
endpoints:
  - name: claude-embed
    endpoint_type: llm/v1/embeddings
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-secret } }
`),
        'config.yaml',
      ),
    );
    expect(error.issues).toEqual([
      {
        path: 'endpoints[0].endpoint_type',
        message: "endpoint 'claude-embed': provider 'anthropic' does not support llm/v1/embeddings (it supports llm/v1/chat, llm/v1/completions)",
      },
    ]);
    expect(error.message).not.toContain('sk-ant-secret');
  });
});

describe('toAnthropicChat', () => {
  const weatherParameters = {
    type: 'object',
    $defs: { unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    properties: {
      location: { type: 'string', minLength: 2, description: 'City and country' },
      unit: { $ref: '#/$defs/unit', default: 'celsius' },
      when: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
    },
    required: ['location'],
    additionalProperties: false,
  };
  const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters: weatherParameters } }];

  it("drops messages' name (LangChain's and LangGraph's named messages), as MLflow does, on every role", () => {
    const request = {
      messages: [
        { role: 'system', content: 'Be brief.', name: 'rules' },
        { role: 'user', content: 'Hi', name: 'ann' },
        { role: 'assistant', content: 'Hello', name: 'researcher' },
        { role: 'user', content: 'Bye', name: 'ann' },
      ],
    } as ChatRequest;
    const sent = toAnthropicChat(request, { model: MODEL });
    expect(sent.system).toBe('Be brief.');
    expect(sent.messages).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'Bye' },
    ]);
  });

  it("response_format json_schema → output_config.format with the schema whole (joining the client's output_config); text sends nothing", () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['name', 'tags'], additionalProperties: false };
    const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Extract' }];
    const responseFormat = { type: 'json_schema', json_schema: { name: 'person', description: 'A person', strict: true, schema } };
    expect(toAnthropicChat({ messages, response_format: responseFormat }, { model: MODEL })).toEqual({
      model: MODEL,
      max_tokens: 8192,
      messages,
      output_config: { format: { type: 'json_schema', schema } },
    });
    expect(toAnthropicChat({ messages, response_format: responseFormat, output_config: { effort: 'low' } }, { model: MODEL }).output_config).toEqual({
      effort: 'low',
      format: { type: 'json_schema', schema },
    });
    expect(toAnthropicChat({ messages, response_format: responseFormat, reasoning_effort: 'high' }, { model: 'claude-opus-4-6', thinkingForm: 'adaptive' }).output_config).toEqual({
      effort: 'high',
      format: { type: 'json_schema', schema },
    });
    expect(toAnthropicChat({ messages, response_format: { type: 'text' } }, { model: MODEL })).toEqual({ model: MODEL, max_tokens: 8192, messages });
  });

  it('a whole conversation: system lifted, images, tool calls and merged tool results, renamed and scaled parameters', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather where this photo was taken, and in São Paulo?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        {
          role: 'assistant',
          content: 'Je regarde.',
          tool_calls: [
            { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
            { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '18°C, cloudy' },
        { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: '27°C, sunny' }] },
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/map.png', detail: 'high' } }] },
      ],
      tools,
      tool_choice: 'auto',
      stop: 'END',
      temperature: 1.4,
      n: 1,
      top_k: 40,
      user: 'user-42',
    };
    expect(toAnthropicChat(request, { model: MODEL })).toEqual({
      model: MODEL,
      max_tokens: 8192,
      system: 'You are a weather bot.\nAnswer in French.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Weather where this photo was taken, and in São Paulo?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Je regarde.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris, France' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { location: 'São Paulo, Brazil' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C, cloudy' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '27°C, sunny' }] },
          ],
        },
        { role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/map.png' } }] },
      ],
      tools: [{ name: 'get_weather', description: 'Current weather', input_schema: weatherParameters }],
      tool_choice: { type: 'auto' },
      stop_sequences: ['END'],
      temperature: 0.7,
      top_k: 40,
      metadata: { user_id: 'user-42' },
    });
  });

  it('sends only what the client sent (plus model and the required max_tokens); stream: true only for streams', () => {
    expect(toAnthropicChat({ messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } }, { model: MODEL })).toEqual({
      model: MODEL,
      max_tokens: 8192,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(toAnthropicChat({ messages: [{ role: 'user', content: 'Hi' }], max_tokens: 300, stop: ['a', 'b'], temperature: 0 }, { model: MODEL, stream: true })).toEqual({
      model: MODEL,
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Hi' }],
      stop_sequences: ['a', 'b'],
      temperature: 0,
      stream: true,
    });
  });

  it("max_completion_tokens (OpenAI's current name, the only one its reasoning models take) is sent as max_tokens", () => {
    const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Hi' }];
    expect(toAnthropicChat({ messages, max_completion_tokens: 300 }, { model: MODEL })).toEqual({ model: MODEL, max_tokens: 300, messages });
    expect(toAnthropicCompletions({ prompt: 'Hi', max_completion_tokens: 16 }, { model: MODEL })).toEqual({ model: MODEL, max_tokens: 16, messages });
  });

  it('top_p alone passes through (the reference refuses any top_p because it invents temperature 0)', () => {
    expect(toAnthropicChat({ messages: [{ role: 'user', content: 'Hi' }], top_p: 0.9 }, { model: MODEL })).toMatchObject({ top_p: 0.9 });
  });

  it('tools without parameters get an empty object schema; strict is kept', () => {
    const body = toAnthropicChat(
      { messages: [{ role: 'user', content: 'Time?' }], tools: [{ type: 'function', function: { name: 'now', strict: true } }] },
      { model: MODEL },
    );
    expect(body.tools).toEqual([{ name: 'now', input_schema: { type: 'object', properties: {}, additionalProperties: false }, strict: true }]);
  });

  it.each([
    ['auto', undefined, { type: 'auto' }],
    ['required', undefined, { type: 'any' }],
    ['none', undefined, { type: 'none' }],
    [{ type: 'function', function: { name: 'get_weather' } }, undefined, { type: 'tool', name: 'get_weather' }],
    ['required', false, { type: 'any', disable_parallel_tool_use: true }],
    [undefined, false, { type: 'auto', disable_parallel_tool_use: true }],
    ['none', false, { type: 'none' }],
    [undefined, true, undefined],
  ])('tool_choice %j with parallel_tool_calls %j → %j', (toolChoice, parallel, expected) => {
    const request: ChatRequest = { messages: [{ role: 'user', content: 'x' }], tools };
    if (toolChoice !== undefined) request.tool_choice = toolChoice;
    if (parallel !== undefined) request.parallel_tool_calls = parallel;
    expect(toAnthropicChat(request, { model: MODEL }).tool_choice).toEqual(expected);
  });

  it('an assistant message with tool calls only, and one with empty arguments', () => {
    const body = toAnthropicChat(
      {
        messages: [
          { role: 'user', content: 'Time?' },
          { role: 'assistant', content: '', tool_calls: [{ id: 't1', type: 'function', function: { name: 'now', arguments: '' } }] },
          { role: 'tool', tool_call_id: 't1', content: '12:00' },
        ],
      },
      { model: MODEL },
    );
    expect(body.messages).toEqual([
      { role: 'user', content: 'Time?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'now', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '12:00' }] },
    ]);
  });

  it('tool history in a request without tools declares the tools it calls, once each, with tool_choice none; a request with tools or another choice is left as sent', () => {
    const history = historyWithToolCalls(['t1', 't2', 't3']);
    expect(toAnthropicChat(history, { model: MODEL })).toMatchObject({
      tools: [
        { name: 'get_weather', input_schema: { type: 'object', properties: {} } },
        { name: 'get_time', input_schema: { type: 'object', properties: {} } },
      ],
      tool_choice: { type: 'none' },
    });
    expect(toAnthropicChat({ ...history, parallel_tool_calls: false }, { model: MODEL }).tool_choice).toEqual({ type: 'none' });
    const withTools = toAnthropicChat({ ...history, tools: [{ type: 'function', function: { name: 'get_time' } }] }, { model: MODEL });
    expect(withTools).toMatchObject({ tools: [{ name: 'get_time' }] });
    expect(withTools).not.toHaveProperty('tool_choice');
    expect(toAnthropicChat({ ...history, tool_choice: 'auto' }, { model: MODEL })).not.toHaveProperty('tools');
    expect(toAnthropicChat({ messages: [{ role: 'user', content: 'Hi' }] }, { model: MODEL })).not.toHaveProperty('tools');
  });

  it("tool-call ids Anthropic's syntax refuses (a Gemini id carrying its thought signature, a client's functions.x:0) go as one digest for the call and its result", () => {
    const geminiId = SIGNED_GEMINI_TOOL_CALL_ID;
    const digest = toolCallIdDigest;
    const body = toAnthropicChat(
      historyWithToolCalls([geminiId, 'functions.get_time:1', 'toolu_01D7FLrfh4GYq7yT1ULFeyMV']),
      { model: MODEL },
    );
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris, and the time?' },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: digest(geminiId), name: 'get_weather', input: { location: 'Paris, France' } },
          { type: 'tool_use', id: digest('functions.get_time:1'), name: 'get_time', input: {} },
          { type: 'tool_use', id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', name: 'get_time', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: digest(geminiId), content: '18°C' },
          { type: 'tool_result', tool_use_id: digest('functions.get_time:1'), content: '12:00' },
          { type: 'tool_result', tool_use_id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', content: '12:00' },
        ],
      },
    ]);
  });

  it('a data URL labelled image/jpg (as browsers and many tools write it; OpenAI takes it) is sent as image/jpeg, the only JPEG type Anthropic accepts', () => {
    const body = toAnthropicChat(
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'What is it?' }, { type: 'image_url', image_url: { url: 'data:image/jpg;base64,/9j/4AAQSkZJRg==' } }] }] },
      { model: MODEL },
    );
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is it?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } },
        ],
      },
    ]);
  });

  it("prompt caching as LiteLLM-style clients send it: cache_control on system, text and image parts and tools reaches Anthropic", () => {
    // https://docs.claude.com/en/docs/build-with-claude/prompt-caching: breakpoints go on system blocks, content blocks and tools.
    const ephemeral = { type: 'ephemeral' };
    const hourLong = { type: 'ephemeral', ttl: '1h' };
    const request = {
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a contract lawyer.' }, { type: 'text', text: '<the whole contract>', cache_control: hourLong }] },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://example.com/page1.png' }, cache_control: ephemeral },
            { type: 'text', text: 'Which clauses are risky?', cache_control: ephemeral },
          ],
        },
      ],
      tools: [{ type: 'function', function: { name: 'find_clause', parameters: { type: 'object', properties: {} } }, cache_control: ephemeral }],
    } as ChatRequest;
    const body = toAnthropicChat(request, { model: MODEL });
    expect(body.system).toEqual([
      { type: 'text', text: 'You are a contract lawyer.' },
      { type: 'text', text: '<the whole contract>', cache_control: hourLong },
    ]);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'url', url: 'https://example.com/page1.png' }, cache_control: ephemeral },
          { type: 'text', text: 'Which clauses are risky?', cache_control: ephemeral },
        ],
      },
    ]);
    expect(body.tools).toEqual([{ name: 'find_clause', input_schema: { type: 'object', properties: {} }, cache_control: ephemeral }]);
  });

  it("cache_control on a message (LiteLLM's convention) goes on the message's last block; a part's own breakpoint wins", () => {
    const ephemeral = { type: 'ephemeral' };
    const hourLong = { type: 'ephemeral', ttl: '1h' };
    const call = { id: 'toolu_1', type: 'function', function: { name: 'find_clause', arguments: '{}' } };
    const request = {
      messages: [
        { role: 'system', content: 'You are a contract lawyer.', cache_control: hourLong },
        { role: 'user', content: [{ type: 'text', text: '<contract>' }, { type: 'text', text: 'Risky clauses?' }], cache_control: ephemeral },
        { role: 'assistant', content: 'Let me look.', tool_calls: [call], cache_control: ephemeral },
        { role: 'tool', tool_call_id: 'toolu_1', content: 'Clause 7.', cache_control: ephemeral },
        { role: 'user', content: [{ type: 'text', text: 'And 8?', cache_control: hourLong }], cache_control: ephemeral },
        { role: 'assistant', content: 'Clause 8 is fine.', cache_control: ephemeral },
        { role: 'user', content: 'Thanks', cache_control: ephemeral },
      ],
      tools: [{ type: 'function', function: { name: 'find_clause', parameters: { type: 'object', properties: {} } } }],
    } as ChatRequest;
    const body = toAnthropicChat(request, { model: MODEL });
    expect(body.system).toEqual([{ type: 'text', text: 'You are a contract lawyer.', cache_control: hourLong }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: '<contract>' }, { type: 'text', text: 'Risky clauses?', cache_control: ephemeral }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me look.' },
          { type: 'tool_use', id: 'toolu_1', name: 'find_clause', input: {}, cache_control: ephemeral },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Clause 7.', cache_control: ephemeral }],
      },
      { role: 'user', content: [{ type: 'text', text: 'And 8?', cache_control: hourLong }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Clause 8 is fine.', cache_control: ephemeral }] },
      { role: 'user', content: [{ type: 'text', text: 'Thanks', cache_control: ephemeral }] },
    ]);
  });

  it('cache_control on a message without content to follow is a 400 naming it', () => {
    const request = { messages: [{ role: 'system', content: [], cache_control: { type: 'ephemeral' } }] } as unknown as ChatRequest;
    expect(gatewayErrorOf(() => toAnthropicChat(request, { model: MODEL }))).toMatchObject({ status: 400, param: 'messages[0].cache_control' });
  });

  describe("OpenAI's file parts become document blocks (https://docs.claude.com/en/docs/build-with-claude/pdf-support)", () => {
    const PDF = 'JVBERi0xLjQK';
    const filePart = (file: Record<string, string>, extra: object = {}) => ({ type: 'file', file, ...extra });
    const userWith = (...parts: object[]) => ({ messages: [{ role: 'user', content: parts }] }) as unknown as ChatRequest;

    it('a base64 PDF is a base64 document, its filename the title, its cache_control kept; plain text is a text document', () => {
      const body = toAnthropicChat(
        userWith(
          filePart({ file_data: `data:application/pdf;base64,${PDF}`, filename: 'contract.pdf' }, { cache_control: { type: 'ephemeral' } }),
          filePart({ file_data: `data:text/plain;base64,${Buffer.from('Grass is green. Café.').toString('base64')}` }),
          { type: 'text', text: 'Summarise both.' },
        ),
        { model: MODEL },
      );
      expect(body.messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF }, title: 'contract.pdf', cache_control: { type: 'ephemeral' } },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'Grass is green. Café.' } },
            { type: 'text', text: 'Summarise both.' },
          ],
        },
      ]);
    });

    it.each([
      [{ file_id: 'file-abc123' }, 'messages[0].content[0].file.file_id'],
      [{ filename: 'x.pdf' }, 'messages[0].content[0].file.file_data'],
      [{ file_data: 'https://example.com/x.pdf' }, 'messages[0].content[0].file.file_data'],
      [{ file_data: 'data:application/zip;base64,UEsDBA==' }, 'messages[0].content[0].file.file_data'],
    ])('%j is a 400 naming %s', (file, param) => {
      expect(gatewayErrorOf(() => toAnthropicChat(userWith(filePart(file)), { model: MODEL }))).toMatchObject({ status: 400, param });
    });

    it('a file in a system message is a 400', () => {
      const request = { messages: [{ role: 'system', content: [filePart({ file_data: `data:application/pdf;base64,${PDF}` })] }, { role: 'user', content: 'Hi' }] } as unknown as ChatRequest;
      expect(gatewayErrorOf(() => toAnthropicChat(request, { model: MODEL }))).toMatchObject({ status: 400, param: 'messages[0].content[0].type' });
    });
  });

  it('system messages without cache_control stay one joined string', () => {
    const body = toAnthropicChat(
      { messages: [{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }, { role: 'developer', content: 'Answer in French.' }, { role: 'user', content: 'Hi' }] },
      { model: MODEL },
    );
    expect(body.system).toBe('Be brief.\nAnswer in French.');
  });

  it('a system string beside a cached system part becomes a text block of its own', () => {
    const cached = { type: 'text', text: 'Long rules.', cache_control: { type: 'ephemeral' } };
    const body = toAnthropicChat({ messages: [{ role: 'system', content: 'Short intro.' }, { role: 'system', content: [cached] }, { role: 'user', content: 'Hi' }] } as ChatRequest, { model: MODEL });
    expect(body.system).toEqual([{ type: 'text', text: 'Short intro.' }, cached]);
  });

  it('tool results may carry text and image parts', () => {
    const body = toAnthropicChat(
      {
        messages: [
          { role: 'user', content: 'Chart?' },
          { role: 'assistant', tool_calls: [{ id: 't1', type: 'function', function: { name: 'chart', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 't1', content: [{ type: 'text', text: 'Here:' }, { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklGRg==' } }] },
        ],
      },
      { model: MODEL },
    );
    expect((body.messages as unknown[])[2]).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 't1',
          content: [
            { type: 'text', text: 'Here:' },
            { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'UklGRg==' } },
          ],
        },
      ],
    });
  });

  const user = (content: ChatRequest['messages'][number]['content']) => ({ role: 'user', content });
  it.each<[string, Record<string, unknown>, number, string, string]>([
    ['n other than 1', { n: 2 }, 400, 'n', "The parameter 'n' must be 1 for Anthropic: it returns one choice per request."],
    ['temperature with top_p', { temperature: 0.5, top_p: 0.9 }, 422, 'top_p', "Cannot set both 'temperature' and 'top_p' parameters."],
    ['max_tokens over the limit', { max_tokens: 1_000_001 }, 422, 'max_tokens', 'Invalid value for max_tokens: cannot exceed 1000000.'],
    ['max_completion_tokens over the limit', { max_completion_tokens: 1_000_001 }, 422, 'max_tokens', 'Invalid value for max_tokens: cannot exceed 1000000.'],
    ['max_tokens with max_completion_tokens', { max_tokens: 5, max_completion_tokens: 5 }, 400, 'max_completion_tokens', "Send 'max_tokens' or 'max_completion_tokens', not both."],
    ['native stop_sequences', { stop_sequences: ['x'] }, 422, 'stop_sequences', 'Invalid parameter stop_sequences. Use stop instead.'],
    ['native system', { system: 'x' }, 422, 'system', "Invalid parameter system. Use a message with role 'system' instead."],
    ['an OpenAI-only parameter', { presence_penalty: 0.5 }, 400, 'presence_penalty', "The parameter 'presence_penalty' is not supported by Anthropic."],
    [
      'response_format json_object (Anthropic has no JSON mode without a schema)',
      { response_format: { type: 'json_object' } },
      400,
      'response_format.type',
      `'response_format' of type 'json_object' is not supported by Anthropic, whose structured outputs need a schema: send {"type": "json_schema", "json_schema": {"name": ..., "schema": {...}}}.`,
    ],
    ['response_format json_schema without a schema', { response_format: { type: 'json_schema', json_schema: { name: 'p' } } }, 400, 'response_format.json_schema.schema', "'response_format.json_schema.schema' must be a JSON Schema object."],
    [
      'response_format beside output_config.format',
      { response_format: { type: 'json_schema', json_schema: { name: 'p', schema: { type: 'object' } } }, output_config: { format: { type: 'json_schema', schema: { type: 'object' } } } },
      400,
      'response_format',
      "Set either 'response_format' or 'output_config.format' for Anthropic, not both: they are the same setting.",
    ],
    ["OpenAI's store (Anthropic would answer its own 400)", { store: true }, 400, 'store', "The parameter 'store' is not supported by Anthropic."],
    ['user and metadata.user_id', { user: 'a', metadata: { user_id: 'b' } }, 400, 'user', "Set either 'user' or 'metadata.user_id' for Anthropic, not both."],
    ['a bad tool_choice', { tool_choice: 'any' }, 400, 'tool_choice', `The parameter 'tool_choice' must be "auto", "none", "required", {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools.`],
    ['a non-boolean parallel_tool_calls', { parallel_tool_calls: 'no' }, 400, 'parallel_tool_calls', "The parameter 'parallel_tool_calls' must be a boolean."],
    [
      'an audio part',
      { messages: [user([{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }])] },
      400,
      'messages[0].content[0].type',
      "messages[0].content[0]: content parts of type 'input_audio' are not supported by Anthropic.",
    ],
    [
      'an image that is neither http(s) nor a data URL',
      { messages: [user([{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }])] },
      400,
      'messages[0].content[0].image_url.url',
      'messages[0].content[0].image_url.url: Anthropic takes images as http(s) URLs or base64 data URLs (data:image/png;base64,...).',
    ],
    [
      'an image in a system message',
      { messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }, user('hi')] },
      400,
      'messages[0].content[0].type',
      "messages[0].content[0]: Anthropic accepts only text parts in system messages.",
    ],
    [
      'an image in an assistant message',
      { messages: [user('hi'), { role: 'assistant', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] },
      400,
      'messages[1].content[0].type',
      'messages[1].content[0]: Anthropic accepts only text parts in assistant messages.',
    ],
    ['an unknown message field', { messages: [{ role: 'user', content: 'hi', audio: { id: 'a' } }] }, 400, 'messages[0].audio', "messages[0].audio: this field of a 'user' message is not supported by Anthropic."],
    [
      'an unknown role',
      { messages: [{ role: 'ipython', content: 'x' }] },
      400,
      'messages[0].role',
      "messages[0].role: the role 'ipython' is not supported by Anthropic (use system, developer, user, assistant or tool).",
    ],
    ['a tool message without tool_call_id', { messages: [{ role: 'tool', content: 'x' }] }, 400, 'messages[0].tool_call_id', 'messages[0].tool_call_id is required for a tool message.'],
    [
      'tool-call arguments that are not a JSON object',
      { messages: [user('x'), { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '[1,' } }] }] },
      400,
      'messages[1].tool_calls[0].function.arguments',
      'messages[1].tool_calls[0].function.arguments must be a JSON object text.',
    ],
    ['an empty assistant message', { messages: [user('x'), { role: 'assistant' }] }, 400, 'messages[1].content', 'messages[1]: an assistant message needs content or tool_calls.'],
  ])('refuses %s', (_name, fields, status, param, message) => {
    const error = gatewayErrorOf(() => toAnthropicChat({ messages: [{ role: 'user', content: 'x' }], ...fields } as ChatRequest, { model: MODEL }));
    expect({ status: error.status, param: error.param, message: error.message }).toEqual({ status, param, message });
  });
});

describe('toAnthropicCompletions', () => {
  it('the prompt is one user message; same parameter rules', () => {
    expect(toAnthropicCompletions({ prompt: 'Say café', max_tokens: 16, stop: ['\n\nQ:'], temperature: 2, system: 'Be brief.' }, { model: MODEL, stream: true })).toEqual({
      model: MODEL,
      max_tokens: 16,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Say café' }],
      stop_sequences: ['\n\nQ:'],
      temperature: 1,
      stream: true,
    });
  });

  it.each<[Record<string, unknown>, number, string]>([
    [{ max_tokens_to_sample: 5 }, 422, 'Invalid parameter max_tokens_to_sample. Use max_tokens instead.'],
    [{ stop_sequences: ['x'] }, 422, 'Invalid parameter stop_sequences. Use stop instead.'],
    [{ messages: [] }, 422, 'Invalid parameter messages. Use prompt instead.'],
    [{ n: 3 }, 400, "The parameter 'n' must be 1 for Anthropic: it returns one choice per request."],
    [{ stop: ['Q:', '\n\n'] }, 400, 'stop[1]: Anthropic refuses a stop sequence that is empty or only whitespace ("\\n\\n").'],
    [{ tools: [] }, 400, "The parameter 'tools' is not supported by Anthropic completions."],
    [{ store: true }, 400, "The parameter 'store' is not supported by Anthropic."],
    [{ response_format: { type: 'json_object' } }, 400, "The parameter 'response_format' is not supported by Anthropic completions."],
  ])('refuses %j', (fields, status, message) => {
    expect(gatewayErrorOf(() => toAnthropicCompletions({ prompt: 'p', ...fields }, { model: MODEL }))).toMatchObject({ status, message });
  });
});

describe('responses', () => {
  it('chat: text joined into a string, created from the clock, cached prompt tokens counted', () => {
    expect(fromAnthropicChat(readJsonFixture('anthropic', 'chat.response.json'), { now })).toEqual({
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'claude-sonnet-4-5-20250929',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2069, completion_tokens: 18, total_tokens: 2087, prompt_tokens_details: { cached_tokens: 2048, cache_creation_tokens: 0 } },
    });
  });

  it('chat with tool use: text kept, tool calls with Python-JSON arguments, finish_reason tool_calls', () => {
    expect(fromAnthropicChat(readJsonFixture('anthropic', 'chat-tool-use.response.json'), { now })).toEqual({
      id: 'msg_01Aq9w938a90dw8q9Ktr3ZqM',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'claude-sonnet-4-5-20250929',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Je vais vérifier la météo dans les deux villes.',
            tool_calls: [
              { id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', type: 'function', function: { name: 'get_weather', arguments: '{"location": "Paris, France", "unit": "celsius"}' } },
              { id: 'toolu_01K8s2Hn4xPq9RmTvWbL3cZe', type: 'function', function: { name: 'get_weather', arguments: '{"location": "S\\u00e3o Paulo, Brazil", "unit": "celsius"}' } },
            ],
            refusal: null,
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 412, completion_tokens: 121, total_tokens: 533, ...NO_CACHE },
    });
  });

  it('chat: tool use only gives null content; thinking and server-tool blocks are not part of the answer', () => {
    const onlyTools = fromAnthropicChat(
      { id: 'm', model: 'c', role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'now', input: {} }], stop_reason: 'tool_use', usage: { input_tokens: 3, output_tokens: 4 } },
      { now },
    );
    expect(onlyTools.choices[0].message).toEqual({ role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'now', arguments: '{}' } }], refusal: null });
    const thinking = fromAnthropicChat(
      {
        id: 'm',
        model: 'c',
        content: [
          { type: 'thinking', thinking: 'Let me think…', signature: 'EqQB' },
          { type: 'redacted_thinking', data: 'abc' },
          { type: 'text', text: 'Yes' },
          { type: 'text', text: ', 42.' },
        ],
        stop_reason: 'end_turn',
      },
      { now },
    );
    expect(thinking.choices[0].message.content).toBe('Yes, 42.');
    expect(thinking.usage).toEqual({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
  });

  it('a 2xx without a content list is a clear 502', () => {
    expect(gatewayErrorOf(() => fromAnthropicChat({ type: 'message' }, { now }))).toMatchObject({ status: 502, message: "Anthropic's response has no 'content' list." });
  });

  it('completions: text, length on max_tokens, usage', () => {
    expect(fromAnthropicCompletions(readJsonFixture('anthropic', 'completions.response.json'), { now })).toEqual({
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'claude-haiku-4-5-20251001',
      choices: [{ index: 0, text: 'Voilà un café 🙂 et un croissant, le petit-déjeuner', finish_reason: 'length' }],
      usage: { prompt_tokens: 12, completion_tokens: 16, total_tokens: 28, ...NO_CACHE },
    });
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['something_new', 'stop'],
    [null, null],
  ])('stop reason %s → %s', (reason, expected) => {
    expect(mapAnthropicStopReason(reason)).toBe(expected);
  });
});

describe('errors', () => {
  it.each([
    ['error-400.json', 'max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929'],
    ['error-401.json', 'invalid x-api-key'],
    ['error-429.json', expect.stringMatching(/^This request would exceed the rate limit/)],
    ['error-529.json', 'Overloaded'],
  ])('%s gives the vendor message', (name, expected) => {
    expect(anthropicErrorMessage(readJsonFixture('anthropic', name))).toEqual(expected);
  });

  it('other shapes have no message', () => {
    expect(anthropicErrorMessage({ error: 'x' })).toBeNull();
    expect(anthropicErrorMessage('text')).toBeNull();
    expect(anthropicErrorMessage(null)).toBeNull();
  });

  it('stream error events map like the HTTP status of their type', () => {
    expect(anthropicStreamError({ type: 'overloaded_error', message: 'Overloaded' }, 'chat')).toMatchObject({
      status: 502,
      retryable: true,
      message: "Upstream error from endpoint 'chat' (status 529): Overloaded",
    });
    expect(anthropicStreamError({ type: 'rate_limit_error', message: 'slow down' }, 'chat')).toMatchObject({ status: 429, retryable: true, message: 'slow down' });
    expect(anthropicStreamError({ type: 'authentication_error', message: 'invalid x-api-key' }, 'chat').message).toContain("endpoint 'chat'");
    expect(anthropicStreamError({ type: 'invalid_request_error', message: 'bad' }, 'chat')).toMatchObject({ status: 400, message: 'bad' });
    expect(anthropicStreamError(undefined, 'chat')).toMatchObject({ status: 502, message: expect.stringContaining('api_error') });
  });
});

const chatFold = () => createAnthropicChatStream({ endpoint: 'chat', now });
const completionsFold = () => createAnthropicCompletionsStream({ endpoint: 'completions', now });

describe('chat stream fold', () => {
  it('chat.stream.sse: the role on the first text chunk, text with multi-byte characters, one finish chunk with usage; same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('chat.stream.sse'), chatFold, { crlf: true });
    expect(error).toBeNull();
    const envelope = { id: 'msg_01Hq8ZrT3nVbXk2Lw9YpCd4F', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'claude-sonnet-4-5-20250929' };
    expect(chunks[0]).toEqual({ ...envelope, choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'Un café', tool_calls: null } }] });
    expect(chunks.slice(1).map((chunk) => chunk.choices[0].delta.role)).toEqual([null, null, null]);
    expect(chunks[chunks.length - 1]).toEqual({
      ...envelope,
      choices: [{ index: 0, finish_reason: 'stop', delta: { role: null, content: null, tool_calls: null } }],
      usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40, ...NO_CACHE },
    });
    expect(chunks).toHaveLength(4);
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
    expect(summariseChat(chunks)).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finishReason: 'stop', toolCalls: [], usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40, ...NO_CACHE } });
  });

  it('chat-tool-use.stream.sse: text, then tool calls 0 and 1 with id/name first and argument fragments; same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('chat-tool-use.stream.sse'), chatFold, { crlf: true });
    expect(error).toBeNull();
    expect(summariseChat(chunks)).toEqual({
      text: 'Je vérifie la météo.',
      finishReason: 'tool_calls',
      toolCalls: [
        { id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', name: 'get_weather', arguments: '{"location": "Paris, France", "unit": "celsius"}' },
        { id: 'toolu_01K8s2Hn4xPq9RmTvWbL3cZe', name: 'get_weather', arguments: '{"location": "São Paulo, Brazil", "unit": "celsius"}' },
      ],
      usage: { prompt_tokens: 472, completion_tokens: 89, total_tokens: 561, ...NO_CACHE },
    });
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({ index: 0, id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(toolDeltas.filter((delta) => delta.index === 1).map((delta) => delta.function.arguments)).toEqual(['', '{"location": "S', 'ão Pa', 'ulo, Brazil", "un', 'it": "celsius"}']);
    // Only the first delta of each call carries its id, type and name.
    expect(toolDeltas.filter((delta) => delta.id !== null || delta.type !== null || delta.function.name !== null).map((delta) => [delta.index, delta.id, delta.type, delta.function.name])).toEqual([
      [0, 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', 'function', 'get_weather'],
      [1, 'toolu_01K8s2Hn4xPq9RmTvWbL3cZe', 'function', 'get_weather'],
    ]);
    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.choices[0].index === 0)).toBe(true);
  });

  it('chat-error.stream.sse: the chunks before the error event, then a retryable 502 with the vendor message; same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('chat-error.stream.sse'), chatFold, { crlf: true });
    expect(summariseChat(chunks).text).toBe('Un café');
    expect(error).toBeInstanceOf(GatewayError);
    expect(describeError(error)).toEqual({ status: 502, retryable: true, message: "Upstream error from endpoint 'chat' (status 529): Overloaded" });
  });

  const wire = (...events: object[]) => Buffer.from(events.map((event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`).join(''));
  const messageStart = { type: 'message_start', message: { id: 'msg_1', model: 'claude-x', content: [], usage: { input_tokens: 5, output_tokens: 1 } } };

  it.each(['chat-overloaded-after-start.stream.sse', 'chat-api-error-after-start.stream.sse'])(
    '%s: no chunk before the error event (message_start, a ping or an empty text block send the client nothing), so the attempt may be retried',
    async (name) => {
      const { chunks, error } = await replayOutcome([fixtureBytes(name)], chatFold());
      expect(chunks).toEqual([]);
      expect(describeError(error)).toMatchObject({ status: 502, retryable: true });
    },
  );

  it('the role comes with the first chunk whatever it carries: a tool call, or the finish of an empty answer', async () => {
    const toolFirst = await replayOutcome(
      [wire(messageStart, { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_1', name: 'now', input: {} } }, { type: 'content_block_stop', index: 0 }, { type: 'message_stop' })],
      chatFold(),
    );
    expect(toolFirst.chunks.map((chunk) => chunk.choices[0].delta.role)).toEqual(['assistant', null, null]);
    expect(toolFirst.chunks[0].choices[0].delta.tool_calls).toEqual([{ index: 0, id: 'toolu_1', type: 'function', function: { name: 'now', arguments: '' } }]);
    const empty = await replayOutcome([wire(messageStart, { type: 'message_delta', delta: { stop_reason: 'end_turn' } }, { type: 'message_stop' })], chatFold());
    expect(empty.chunks.map((chunk) => [chunk.choices[0].delta.role, chunk.choices[0].finish_reason])).toEqual([['assistant', 'stop']]);
  });

  it('a tool call without arguments gets "{}"; unknown events and thinking deltas are skipped; nothing after message_stop', async () => {
    const fold = chatFold();
    const { chunks, error } = await replayOutcome(
      [
        wire(
          messageStart,
          { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
          { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm' } },
          { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } },
          { type: 'content_block_stop', index: 0 },
          { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_9', name: 'now', input: {} } },
          { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } },
          { type: 'content_block_stop', index: 1 },
          { type: 'something_new', detail: 1 },
          { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 7 } },
          { type: 'message_stop' },
          { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'after the end' } },
        ),
      ],
      fold,
    );
    expect(error).toBeNull();
    expect(fold.done).toBe(true);
    expect(summariseChat(chunks)).toEqual({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'toolu_9', name: 'now', arguments: '{}' }],
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    });
  });

  it('a stream cut off before message_stop is a 502 after the chunks it had, retryable like a dropped connection (it only is before a first chunk)', async () => {
    const { chunks, error } = await replayOutcome(
      [wire(messageStart, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Half' } })],
      chatFold(),
    );
    expect(summariseChat(chunks).text).toBe('Half');
    expect(describeError(error)).toEqual({ status: 502, retryable: true, message: 'Anthropic ended the stream before it was complete (no message_stop).' });
  });

  it('an event that is not JSON is a 502 quoting it', () => {
    expect(() => chatFold().event({ event: 'message_start', data: '<html>oops' })).toThrow('Anthropic sent a stream event that is not a JSON object with a type: <html>oops');
    // Retryable (before the first chunk: retried, and a FALLBACK route moves on), as an answer that is not JSON; an object of no known type is not.
    expect(() => chatFold().event({ event: 'message_start', data: '<html>oops' })).toThrow(expect.objectContaining({ retryable: true }));
    expect(() => chatFold().event({ event: 'message_start', data: '{"kind":"x"}' })).toThrow(expect.objectContaining({ retryable: false }));
  });
});

describe('completions stream fold', () => {
  it('completions.stream.sse: text, stop on the stop sequence, usage from message_delta; same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(fixtureBytes('completions.stream.sse'), completionsFold, { crlf: true });
    expect(error).toBeNull();
    expect(chunks[0]).toEqual({
      id: 'msg_01Nw4Fq7Rt2Yp9Kc3Lm8Vx5D',
      object: 'text_completion_chunk',
      created: 1_700_000_000,
      model: 'claude-haiku-4-5-20251001',
      choices: [{ index: 0, finish_reason: null, text: 'Voilà' }],
    });
    expect(chunks.map((chunk: CompletionsChunk) => chunk.choices[0].text ?? '').join('')).toBe('Voilà un café 🙂');
    expect(chunks[chunks.length - 1]).toMatchObject({ choices: [{ index: 0, finish_reason: 'stop', text: null }], usage: { prompt_tokens: 14, completion_tokens: 9, total_tokens: 23 } });
  });

  it('an error event fails the completions stream too', async () => {
    const { error } = await replayOutcome([fixtureBytes('chat-error.stream.sse')], completionsFold());
    expect(describeError(error)).toEqual({ status: 502, retryable: true, message: "Upstream error from endpoint 'completions' (status 529): Overloaded" });
  });
});

describe('pythonJsonDumps', () => {
  it('writes JSON as Python json.dumps does', () => {
    expect(pythonJsonDumps({ a: [1, 2.5, true, null], b: { c: 'x' }, e: [], f: {} })).toBe('{"a": [1, 2.5, true, null], "b": {"c": "x"}, "e": [], "f": {}}');
    expect(pythonJsonDumps({ city: 'São Paulo 🙂', quote: 'say "hi"\n\t\\', del: '\u007f' })).toBe(
      '{"city": "S\\u00e3o Paulo \\ud83d\\ude42", "quote": "say \\"hi\\"\\n\\t\\\\", "del": "\\u007f"}',
    );
    expect(JSON.parse(pythonJsonDumps({ city: 'São Paulo 🙂' }))).toEqual({ city: 'São Paulo 🙂' });
  });
});

describe('anthropicAdapter.createEndpoint against a local upstream', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('anthropic', 'chat.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  function endpoint(endpointType: EndpointType, config: Partial<AnthropicConfig> = {}) {
    const settings: EndpointSettings<AnthropicConfig> = {
      name: 'claude',
      endpointType,
      modelName: MODEL,
      config: { anthropic_api_key: 'sk-ant-local', anthropic_api_base: `${fake.url}/v1`, ...config },
      now,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    };
    return anthropicAdapter.createEndpoint(settings);
  }

  const methodsOf = (target: object) => Object.keys(target).filter((key) => typeof (target as Record<string, unknown>)[key] === 'function').sort();

  it('exposes only the methods of its endpoint type', () => {
    expect(methodsOf(endpoint('llm/v1/chat'))).toEqual(['chat', 'chatStream']);
    expect(methodsOf(endpoint('llm/v1/completions'))).toEqual(['completions', 'completionsStream']);
  });

  it("chat names the client fields that replace a reasoning_effort default in the model's thinking form", () => {
    expect(endpoint('llm/v1/chat').reasoningEffortFields).toEqual(['thinking']);
  });

  it('chat: path, headers and body on the wire; mapped answer', async () => {
    const response = await endpoint('llm/v1/chat', { anthropic_version: '2023-06-01' }).chat!(
      { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], temperature: 0.4 },
      callContext(),
    );
    const [request] = fake.requests;
    expect(request.url).toBe('/v1/messages');
    expect(request.headers).toMatchObject({ 'x-api-key': 'sk-ant-local', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({ model: MODEL, max_tokens: 8192, system: 'Be brief.', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2 });
    expect(response.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  });

  it('completions stream: stream: true on the wire, fixture chunks come through', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      response.end(fixtureBytes('completions.stream.sse'));
    });
    let text = '';
    for await (const chunk of endpoint('llm/v1/completions').completionsStream!({ prompt: 'Say', stream: true }, callContext())) text += chunk.choices[0]?.text ?? '';
    expect(fake.requests[0].body).toEqual({ model: MODEL, max_tokens: 8192, messages: [{ role: 'user', content: 'Say' }], stream: true });
    expect(text).toBe('Voilà un café 🙂');
  });

  it('a bad stream request fails before any upstream call', async () => {
    const chatEndpoint = endpoint('llm/v1/chat');
    expect(() => chatEndpoint.chatStream!({ messages: [{ role: 'user', content: 'x' }], n: 2, stream: true }, callContext())).toThrow("The parameter 'n' must be 1");
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['error-400.json', 400, {}, { status: 400, message: expect.stringMatching(/^max_tokens: 100000 > 64000/) }],
    ['error-401.json', 401, {}, { status: 502, message: expect.stringContaining("endpoint 'claude'") }],
    ['error-429.json', 429, { 'retry-after': '12' }, { status: 429, retryAfter: '12', retryable: true }],
    ['error-529.json', 529, {}, { status: 502, retryable: true, message: "Upstream error from endpoint 'claude' (status 529): Overloaded" }],
  ])('%s (HTTP %i) maps to a gateway error', async (name, status, headers, expected) => {
    fake.setHandler((_request, response) => sendJson(response, status, readJsonFixture('anthropic', name), headers));
    const failure = endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext());
    await expect(failure).rejects.toMatchObject(expected);
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining('sk-ant-local') });
  });
});
