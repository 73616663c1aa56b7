import type { ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../../src/errors';
import {
  createConverseChatStream,
  createConverseCompletionsStream,
  fromConverseChat,
  fromConverseCompletions,
  mapConverseStopReason,
  toConverseChat,
  toConverseCompletions,
} from '../../../../src/providers/bedrock/converse';
import { toConverseBlock, toDocumentName } from '../../../../src/providers/bedrock/converse/content';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import type { ChatChunk, ChatRequest } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';
import { readJsonFixture } from '../../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../../support/long-value';
import { historyWithToolCalls, SIGNED_GEMINI_TOOL_CALL_ID, toolCallIdDigest } from '../../../support/tool-call-ids';

/** Claude on Bedrock: signed thinking blocks go both ways. */
const CLAUDE = { thinkingBlocks: true };

const claude = resolveBedrockFamily('anthropic.claude-3-5-sonnet-20240620-v1:0');
const llama = resolveBedrockFamily('meta.llama3-1-70b-instruct-v1:0');
const context = { id: 'req-1', model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', created: 1_700_000_000 };

/** Fixture events as the SDK decodes them: `{[eventType]: body}`. */
const decodedEvents = (name: string): ConverseStreamOutput[] =>
  readJsonFixture<{ event: string; body: unknown }[]>('bedrock', name).map(({ event, body }) => ({ [event]: body }) as unknown as ConverseStreamOutput);

describe('toConverseChat', () => {
  test('parallel_tool_calls is not sent (true is what Converse models do anyway; false the gateway honours on the answer); another value is a 400 naming it', () => {
    const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Salut' }];
    expect(toConverseChat({ messages, parallel_tool_calls: true } as ChatRequest, claude)).toEqual(toConverseChat({ messages }, claude));
    expect(toConverseChat({ messages, parallel_tool_calls: false } as ChatRequest, claude)).toEqual(toConverseChat({ messages }, claude));
    expect(() => toConverseChat({ messages, parallel_tool_calls: 'no' } as unknown as ChatRequest, claude)).toThrow(
      expect.objectContaining({ status: 400, param: 'parallel_tool_calls', message: "The parameter 'parallel_tool_calls' must be true or false for Amazon Bedrock (Anthropic Claude)." }),
    );
  });

  test('system and developer messages become system blocks; sampling goes to inferenceConfig, temperature halved', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Salut' },
      ],
      temperature: 1.2,
      top_p: 0.9,
      max_tokens: 100,
      stop: 'END',
      n: 1,
      stream: true,
      stream_options: { include_usage: true },
    };
    expect(toConverseChat(request, claude)).toEqual({
      system: [{ text: 'Be brief.' }, { text: 'Answer in French.' }],
      messages: [{ role: 'user', content: [{ text: 'Salut' }] }],
      inferenceConfig: { temperature: 0.6, topP: 0.9, maxTokens: 100, stopSequences: ['END'] },
    });
  });

  // Converse's InferenceConfiguration takes temperature 0..1 whatever the model (a ValidationException
  // above 1: API_runtime_InferenceConfiguration.html), so the unified 0..2 is halved for every family.
  test.each(['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.deepseek.r1-v1:0', 'openai.gpt-oss-120b-1:0', 'us.writer.palmyra-x5-v1:0', 'qwen.qwen3-32b-v1:0', 'moonshot.kimi-k2-thinking'])(
    '%s: the highest unified temperature (2) goes as Converse\'s highest (1)',
    (modelId) => {
      const family = resolveBedrockFamily(modelId);
      expect(toConverseChat({ messages: [{ role: 'user', content: 'x' }], temperature: 2 }, family).inferenceConfig).toEqual({ temperature: 1 });
      expect(toConverseCompletions({ prompt: 'x', temperature: 1.5 }, family).inferenceConfig).toEqual({ temperature: 0.75 });
    },
  );

  test("max_completion_tokens (OpenAI's current name for max_tokens) goes to inferenceConfig.maxTokens; both at once is a 400", () => {
    expect(toConverseChat({ messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 100 }, claude).inferenceConfig).toEqual({ maxTokens: 100 });
    expect(toConverseCompletions({ prompt: 'x', max_completion_tokens: 100 }, llama).inferenceConfig).toEqual({ maxTokens: 100 });
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'x' }], max_tokens: 5, max_completion_tokens: 5 }, claude))).toMatchObject({
      status: 400,
      param: 'max_completion_tokens',
      message: "Send 'max_tokens' or 'max_completion_tokens', not both.",
    });
  });

  test('nothing the client did not send is added', () => {
    expect(toConverseChat({ messages: [{ role: 'user', content: 'x' }] }, llama)).toEqual({ messages: [{ role: 'user', content: [{ text: 'x' }] }] });
  });

  test("Claude's top_k goes to additionalModelRequestFields; other families refuse it", () => {
    expect(toConverseChat({ messages: [{ role: 'user', content: 'x' }], top_k: 40 }, claude).additionalModelRequestFields).toEqual({ top_k: 40 });
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'x' }], top_k: 40 }, llama))).toMatchObject({
      status: 400,
      param: 'top_k',
      message: "The parameter 'top_k' is not supported by Amazon Bedrock (Meta Llama).",
    });
  });

  test('tool calls and results: toolUse blocks, tool results merged into one user turn with the next user text', () => {
    const body = toConverseChat(
      {
        messages: [
          { role: 'user', content: 'Weather in Paris and Lyon?' },
          {
            role: 'assistant',
            content: 'Checking.',
            tool_calls: [
              { id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
              { id: 't2', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Lyon"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 't1', content: '18°C' },
          { role: 'tool', tool_call_id: 't2', content: [{ type: 'text', text: '16°C' }] },
          { role: 'user', content: 'And tomorrow?' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string', format: 'city' } }, $defs: { x: {} } } } }],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      },
      claude,
    );
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris and Lyon?' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Checking.' },
          { toolUse: { toolUseId: 't1', name: 'get_weather', input: { location: 'Paris' } } },
          { toolUse: { toolUseId: 't2', name: 'get_weather', input: { location: 'Lyon' } } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 't1', content: [{ text: '18°C' }] } },
          { toolResult: { toolUseId: 't2', content: [{ text: '16°C' }] } },
          { text: 'And tomorrow?' },
        ],
      },
    ]);
    expect(body.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { location: { type: 'string', format: 'city' } }, $defs: { x: {} } } } } }],
      toolChoice: { tool: { name: 'get_weather' } },
    });
  });

  test('an empty or blank tool result ("", [], null, whitespace: a tool that returned nothing) goes as one empty text block, not an empty content list some models refuse', () => {
    const calls = ['t1', 't2', 't3', 't4'].map((id) => ({ id, type: 'function' as const, function: { name: 'list_tables', arguments: '{}' } }));
    const body = toConverseChat(
      {
        messages: [
          { role: 'user', content: 'Which tables are empty?' },
          { role: 'assistant', content: null, tool_calls: calls },
          { role: 'tool', tool_call_id: 't1', content: '' },
          { role: 'tool', tool_call_id: 't2', content: [] },
          { role: 'tool', tool_call_id: 't3', content: null },
          { role: 'tool', tool_call_id: 't4', content: [{ type: 'text', text: '\n' }] },
        ],
        tools: [{ type: 'function', function: { name: 'list_tables' } }],
      } as ChatRequest,
      llama,
    );
    expect(body.messages?.[2]).toEqual({
      role: 'user',
      content: ['t1', 't2', 't3', 't4'].map((toolUseId) => ({ toolResult: { toolUseId, content: [{ text: '' }] } })),
    });
  });

  test("a tool's strict: true (OpenAI's strict function calling) goes as Converse's toolSpec.strict, not dropped", () => {
    // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolSpecification.html
    const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const body = toConverseChat(
      {
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools: [
          { type: 'function', function: { name: 'get_weather', parameters, strict: true } },
          { type: 'function', function: { name: 'get_time', strict: false } },
        ],
      },
      claude,
    );
    expect(body.toolConfig?.tools).toEqual([
      { toolSpec: { name: 'get_weather', inputSchema: { json: parameters }, strict: true } },
      { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } },
    ]);
  });

  test('tool_choice: auto and required map; none sends no toolConfig; another choice without tools is a 400', () => {
    const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'f' } }];
    const withChoice = (tool_choice: ChatRequest['tool_choice']) => toConverseChat({ messages: [{ role: 'user', content: 'x' }], tools, tool_choice }, claude).toolConfig;
    expect(withChoice('auto')).toEqual({ tools: [{ toolSpec: { name: 'f', inputSchema: { json: { type: 'object', properties: {} } } } }], toolChoice: { auto: {} } });
    expect(withChoice('required')?.toolChoice).toEqual({ any: {} });
    expect(withChoice('none')).toBeUndefined();
    expect(toConverseChat({ messages: [{ role: 'user', content: 'x' }], tool_choice: 'none' }, claude).toolConfig).toBeUndefined();
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'x' }], tool_choice: 'auto' }, claude))).toMatchObject({ status: 400, param: 'tool_choice' });
    expect(gatewayErrorOf(() => withChoice('any' as never)).message).toBe(
      `tool_choice: Amazon Bedrock Converse accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not "any".`,
    );
    expect(gatewayErrorOf(() => withChoice(LONG_VALUE as never)).message).toBe(
      `tool_choice: Amazon Bedrock Converse accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not ${LONG_VALUE_CUT}.`,
    );
  });

  test('without tools to call, the tool history goes as text: calls with their id and arguments, results with the name of their call', () => {
    const body = toConverseChat(
      {
        messages: [
          { role: 'user', content: 'Weather in Paris and Lyon?' },
          {
            role: 'assistant',
            content: 'Checking.',
            tool_calls: [
              { id: 'functions.get_weather:0', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
              { id: 't2', type: 'function', function: { name: 'now', arguments: '' } },
            ],
          },
          { role: 'tool', tool_call_id: 'functions.get_weather:0', content: [{ type: 'text', text: '18°C' }, { type: 'text', text: 'sunny' }] },
          { role: 'tool', tool_call_id: 't2', content: '' },
          { role: 'tool', tool_call_id: 'unknown', content: 'x' },
        ],
      },
      claude,
    );
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris and Lyon?' }] },
      { role: 'assistant', content: [{ text: 'Checking.' }, { text: '[tool call functions.get_weather:0: get_weather {"location":"Paris"}]' }, { text: '[tool call t2: now {}]' }] },
      {
        role: 'user',
        content: [{ text: '[tool result functions.get_weather:0 (get_weather): 18°C\nsunny]' }, { text: '[tool result t2 (now): ]' }, { text: '[tool result unknown: x]' }],
      },
    ]);
    expect(body.toolConfig).toBeUndefined();
  });

  // Converse refuses such a turn: "The content field in the Message object at messages.N is empty".
  const ASSISTANT_RULE = 'an assistant message needs text other than whitespace, or tool_calls';
  const USER_RULE = 'a user message needs text other than whitespace, or another part';
  test.each([
    ['an assistant message with content ""', [{ role: 'user', content: 'Salut' }, { role: 'assistant', content: '' }, { role: 'user', content: 'Encore ?' }], 1, ASSISTANT_RULE],
    ['an assistant message with content null', [{ role: 'user', content: 'Salut' }, { role: 'assistant', content: null }], 1, ASSISTANT_RULE],
    ['a user message with content []', [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: [] }], 1, USER_RULE],
    // Blank text: Converse refuses it ("The text field in the ContentBlock object at messages.N.content.M is blank").
    ['an assistant message whose content is whitespace, without tool calls', [{ role: 'user', content: 'Salut' }, { role: 'assistant', content: '\n\n' }, { role: 'user', content: 'Encore ?' }], 1, ASSISTANT_RULE],
    ['a user message whose content is a space', [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: ' ' }], 1, USER_RULE],
    ['a user message whose only parts are blank text', [{ role: 'user', content: [{ type: 'text', text: '' }, { type: 'text', text: '\t\n' }] }], 0, USER_RULE],
  ])('%s that makes a turn of its own is a 400 naming its content', (_case, messages, index, rule) => {
    expect(gatewayErrorOf(() => toConverseChat({ messages } as ChatRequest, claude))).toMatchObject({
      status: 400,
      param: `messages[${index}].content`,
      message: `messages[${index}].content: Amazon Bedrock refuses a message with no content (${rule}); leave the message out or give it content.`,
    });
  });

  test('an empty or blank message merged into a turn of the same role that has content is sent as the rest of the turn', () => {
    const body = toConverseChat(
      {
        messages: [
          { role: 'user', content: 'Salut' },
          { role: 'assistant', content: '' },
          { role: 'assistant', content: 'Bonjour' },
          { role: 'assistant', content: ' ' },
          { role: 'user', content: 'Encore ?' },
          { role: 'user', content: '' },
        ],
      },
      claude,
    );
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Salut' }] },
      { role: 'assistant', content: [{ text: 'Bonjour' }] },
      { role: 'user', content: [{ text: 'Encore ?' }] },
    ]);
  });

  test("blank text is left out: a blank part beside others, a blank system message, the whitespace before an assistant's tool calls", () => {
    const body = toConverseChat(
      {
        messages: [
          { role: 'system', content: 'Tu es un assistant météo.' },
          { role: 'developer', content: '\n' },
          { role: 'user', content: [{ type: 'text', text: 'Météo à Paris ?' }, { type: 'text', text: ' ' }, { type: 'text', text: 'En degrés Celsius.' }] },
          { role: 'assistant', content: '\n\n', tool_calls: [{ id: 'tooluse_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'tooluse_1', content: '18°C, ensoleillé' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
      },
      claude,
    );
    expect(body.system).toEqual([{ text: 'Tu es un assistant météo.' }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Météo à Paris ?' }, { text: 'En degrés Celsius.' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { location: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '18°C, ensoleillé' }] } }] },
    ]);
  });

  test('a blank system message alone is left out: the request has no system', () => {
    const body = toConverseChat({ messages: [{ role: 'system', content: '  ' }, { role: 'user', content: 'Salut' }] }, claude);
    expect(body.system).toBeUndefined();
    expect(body.messages).toEqual([{ role: 'user', content: [{ text: 'Salut' }] }]);
  });

  const toolF = { type: 'function' as const, function: { name: 'f' } };

  test('images must be data: URLs of a supported format; audio and unknown roles are 400s naming the field', () => {
    const image = (url: string): ChatRequest => ({ messages: [{ role: 'user', content: [{ type: 'text', text: 'What is it?' }, { type: 'image_url', image_url: { url } }] }] });
    expect(toConverseChat(image('data:image/png;base64,iVBORw0KGgo='), claude).messages?.[0].content?.[1]).toEqual({
      image: { format: 'png', source: { bytes: new Uint8Array(Buffer.from('iVBORw0KGgo=', 'base64')) } },
    });
    expect(gatewayErrorOf(() => toConverseChat(image('https://example.com/cat.png'), claude))).toMatchObject({ param: 'messages[0].content[1].image_url.url' });
    expect(gatewayErrorOf(() => toConverseChat(image('data:image/tiff;base64,AAAA'), claude)).message).toContain("not 'image/tiff'");
    expect(
      gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] }, claude)),
    ).toMatchObject({ param: 'messages[0].content[0]' });
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'ipython', content: 'x' }] }, claude))).toMatchObject({ param: 'messages[0].role' });
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'tool', content: 'x' }] }, claude))).toMatchObject({ param: 'messages[0].tool_call_id' });
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'tool', content: 'x' }], tools: [toolF] }, claude))).toMatchObject({ param: 'messages[0].tool_call_id' });
    // Sent as toolUse (the request has tools), arguments must be a JSON object.
    expect(
      gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{oops' } }] }], tools: [toolF] }, claude)),
    ).toMatchObject({ param: 'messages[0].tool_calls[0].function.arguments' });
    expect(
      gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '[1]' } }] }], tools: [toolF] }, claude)),
    ).toMatchObject({ param: 'messages[0].tool_calls[0].function.arguments', message: expect.stringContaining('must be a JSON object text') });
  });

  test('a tool call sent back with arguments "" (a call without parameters) goes as input {}', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: 'What time is it?' },
        { role: 'assistant', tool_calls: [{ id: 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA', type: 'function', function: { name: 'get_time', arguments: '' } }] },
        { role: 'tool', tool_call_id: 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA', content: '10:42' },
      ],
      tools: [{ type: 'function', function: { name: 'get_time' } }],
    };
    expect(toConverseChat(request, claude).messages?.[1]).toEqual({
      role: 'assistant',
      content: [{ toolUse: { toolUseId: 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA', name: 'get_time', input: {} } }],
    });
  });

  test("tool-call ids Converse's syntax refuses ([a-zA-Z0-9_-], at most 64: a Gemini id carrying its thought signature, a client's functions.x:0) go as one digest for the call and its result", () => {
    const geminiId = SIGNED_GEMINI_TOOL_CALL_ID;
    const tooLong = `call_${'a'.repeat(60)}`;
    const digest = toolCallIdDigest;
    const request = { ...historyWithToolCalls([geminiId, 'functions.get_time:1', tooLong, 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA']), tools: [toolF] };
    const ids = [digest(geminiId), digest('functions.get_time:1'), digest(tooLong), 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA'];
    const messages = toConverseChat(request, claude).messages;
    expect(messages?.[1].content?.map((block) => block.toolUse?.toolUseId)).toEqual(ids);
    expect(messages?.[2].content?.map((block) => block.toolResult?.toolUseId)).toEqual(ids);
  });

  test('n other than 1 and unknown parameters are 400s naming them', () => {
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'x' }], n: 2 }, claude))).toMatchObject({ status: 400, param: 'n' });
    expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'x' }], seed: 7 }, claude))).toMatchObject({ status: 400, param: 'seed' });
  });
  describe('structured outputs: response_format → outputConfig.textFormat', () => {
    const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Extract' }];
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };

    test('json_schema: the schema as JSON text with its name and description, on every family; text sends nothing', () => {
      const responseFormat = { type: 'json_schema', json_schema: { name: 'person', description: 'A person', strict: true, schema } };
      for (const family of [claude, llama]) {
        expect(toConverseChat({ messages, response_format: responseFormat }, family).outputConfig).toEqual({
          textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'person', description: 'A person' } } },
        });
      }
      expect(toConverseChat({ messages, response_format: { type: 'json_schema', json_schema: { schema } } }, llama).outputConfig).toEqual({
        textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema) } } },
      });
      expect(toConverseChat({ messages, response_format: { type: 'text' } }, llama)).toEqual({ messages: [{ role: 'user', content: [{ text: 'Extract' }] }] });
    });

    test.each<[string, Record<string, unknown>, string]>([
      ['json_object', { response_format: { type: 'json_object' } }, 'response_format.type'],
      ['an unknown type', { response_format: { type: 'grammar' } }, 'response_format.type'],
      ['json_schema without a schema', { response_format: { type: 'json_schema', json_schema: { name: 'p' } } }, 'response_format.json_schema.schema'],
      ["beside Claude's own output_config.format", { response_format: { type: 'json_schema', json_schema: { schema } }, output_config: { format: { type: 'json_schema', schema } } }, 'response_format'],
    ])('%s is a 400 naming %s', (_name, fields, param) => {
      expect(gatewayErrorOf(() => toConverseChat({ messages, ...fields } as ChatRequest, claude))).toMatchObject({ status: 400, param });
    });
  });

  describe('prompt caching: cache_control (LiteLLM\'s convention) becomes a Converse cachePoint after what it closes', () => {
    // https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html: a cachePoint block
    // follows the system block, content block or tool it closes; Claude caches system, messages
    // and tools, Nova system and messages only, other models refuse the block.
    // The file's `claude` (3.5 Sonnet) takes no cachePoint: 3.7 Sonnet does.
    const cachingClaude = resolveBedrockFamily('anthropic.claude-3-7-sonnet-20250219-v1:0');
    const ephemeral = { type: 'ephemeral' };
    const cachePoint = { cachePoint: { type: 'default' } };
    const PNG = 'data:image/png;base64,iVBORw0KGgo=';
    const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };
    const cachedRequest = {
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a French barista.' }, { type: 'text', text: 'Today is Monday.' }] },
        { role: 'user', content: [{ type: 'image_url', image_url: { url: PNG }, cache_control: ephemeral }, { type: 'text', text: 'Long menu…', cache_control: { type: 'ephemeral', ttl: '1h' } }, { type: 'text', text: 'Salut' }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 't1', content: [{ type: 'text', text: '18°C', cache_control: ephemeral }] },
      ],
      tools: [{ ...weatherTool, cache_control: ephemeral }],
    } as unknown as ChatRequest;
    // Four cache points on Claude, the most Bedrock takes in a request; three on Nova, whose tools take none.
    const image = { image: { format: 'png', source: { bytes: new Uint8Array(Buffer.from('iVBORw0KGgo=', 'base64')) } } };
    const tool = { toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: {} } } } };

    test('Claude: after the image and text parts (with their ttl), the tool result and the tool', () => {
      const body = toConverseChat(cachedRequest, cachingClaude);
      expect(body.system).toEqual([{ text: 'You are a French barista.' }, { text: 'Today is Monday.' }]);
      expect(body.messages).toEqual([
        { role: 'user', content: [image, cachePoint, { text: 'Long menu…' }, { cachePoint: { type: 'default', ttl: '1h' } }, { text: 'Salut' }] },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'get_weather', input: {} } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: '18°C' }] } }, cachePoint] },
      ]);
      expect(body.toolConfig?.tools).toEqual([tool, cachePoint]);
    });

    test('Nova: in system and messages; none after tools, which Nova does not cache', () => {
      const withSystemCached = { ...cachedRequest, messages: [{ role: 'system', content: [{ type: 'text', text: 'You are a French barista.', cache_control: ephemeral }] }, ...cachedRequest.messages.slice(1)] } as ChatRequest;
      const body = toConverseChat(withSystemCached, resolveBedrockFamily('us.amazon.nova-pro-v1:0'));
      expect(body.system).toEqual([{ text: 'You are a French barista.' }, cachePoint]);
      expect(body.messages?.[0].content).toEqual([image, cachePoint, { text: 'Long menu…' }, { cachePoint: { type: 'default', ttl: '1h' } }, { text: 'Salut' }]);
      expect(body.messages?.[2].content).toEqual([{ toolResult: { toolUseId: 't1', content: [{ text: '18°C' }] } }, cachePoint]);
      expect(body.toolConfig?.tools).toEqual([tool]);
    });

    describe('at most 4 cache points in a request, as Bedrock takes on every caching model: more is a 400 before any call', () => {
      const parts = (count: number) => Array.from({ length: count }, (_, index) => ({ type: 'text', text: `Chapter ${index + 1}…`, cache_control: ephemeral }));
      const nova = resolveBedrockFamily('us.amazon.nova-lite-v1:0');

      test.each([
        ['Claude', cachingClaude, 'Amazon Bedrock (Anthropic Claude)'],
        ['Nova', nova, 'Amazon Bedrock (Amazon Nova)'],
      ] as const)('%s: four pass, five are refused with the rule and the count', (_name, family, label) => {
        const request = (count: number) => ({ messages: [{ role: 'user', content: parts(count) }] }) as unknown as ChatRequest;
        expect(toConverseChat(request(4), family).messages?.[0].content?.filter((block) => block.cachePoint !== undefined)).toHaveLength(4);
        expect(gatewayErrorOf(() => toConverseChat(request(5), family))).toMatchObject({
          status: 400,
          message: `cache_control: ${label} takes at most 4 cache points in a request (on tools, system and messages together), and this request asks for 5.`,
        });
      });

      test("counted as sent: a tool's cache_control is one on Claude, none on Nova (its tools take no cache point)", () => {
        const request = { messages: [{ role: 'user', content: parts(4) }], tools: [{ ...weatherTool, cache_control: ephemeral }] } as unknown as ChatRequest;
        expect(toConverseChat(request, nova).toolConfig?.tools).toEqual([tool]);
        expect(gatewayErrorOf(() => toConverseChat(request, cachingClaude))).toMatchObject({ status: 400, message: expect.stringContaining('asks for 5') });
      });

      test("counted as sent: a message's cache_control that a part's already closes adds none", () => {
        const request = { messages: [{ role: 'user', content: parts(4), cache_control: ephemeral }] } as unknown as ChatRequest;
        expect(toConverseChat(request, nova).messages?.[0].content?.filter((block) => block.cachePoint !== undefined)).toHaveLength(4);
      });
    });

    test.each(['meta.llama3-2-90b-instruct-v1:0', 'deepseek.v3-v1:0', 'moonshot.kimi-k2-thinking'])('%s (no prompt caching on Bedrock): no cachePoint, the request goes as without cache_control', (modelId) => {
      const family = resolveBedrockFamily(modelId);
      const withoutCacheControl = JSON.parse(JSON.stringify(cachedRequest).replace(/,"cache_control":\{[^}]*\}/g, '')) as ChatRequest;
      expect(JSON.stringify(withoutCacheControl)).not.toContain('cache_control');
      expect(toConverseChat(cachedRequest, family)).toEqual(toConverseChat(withoutCacheControl, family));
    });

    test('tool history sent as text (tool_choice none): the cachePoint follows the text of the tool result', () => {
      const body = toConverseChat({ ...cachedRequest, tool_choice: 'none' }, cachingClaude);
      expect(body.messages?.[2].content).toEqual([{ text: '[tool result t1 (get_weather): 18°C]' }, cachePoint]);
      expect(body).not.toHaveProperty('toolConfig');
    });

    test("cache_control on a message (LiteLLM's convention): a cachePoint after the message's last block, unless a part's already closes it", () => {
      const hourLong = { type: 'ephemeral', ttl: '1h' };
      const request = {
        messages: [
          // A system message's own: the end-to-end test of Claude (bedrock-prompt-caching); here four are the most Bedrock takes.
          { role: 'system', content: 'You are a French barista.' },
          { role: 'user', content: [{ type: 'text', text: 'Long menu…' }, { type: 'text', text: 'Salut' }], cache_control: ephemeral },
          { role: 'assistant', content: 'Let me check.', tool_calls: [{ id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }], cache_control: ephemeral },
          { role: 'tool', tool_call_id: 't1', content: '18°C', cache_control: ephemeral },
          { role: 'user', content: [{ type: 'text', text: 'Merci', cache_control: hourLong }], cache_control: ephemeral },
        ],
        tools: [weatherTool],
      } as unknown as ChatRequest;
      for (const family of [cachingClaude, resolveBedrockFamily('us.amazon.nova-pro-v1:0')]) {
        const body = toConverseChat(request, family);
        expect(body.system).toEqual([{ text: 'You are a French barista.' }]);
        expect(body.messages).toEqual([
          { role: 'user', content: [{ text: 'Long menu…' }, { text: 'Salut' }, cachePoint] },
          { role: 'assistant', content: [{ text: 'Let me check.' }, { toolUse: { toolUseId: 't1', name: 'get_weather', input: {} } }, cachePoint] },
          { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: '18°C' }] } }, cachePoint, { text: 'Merci' }, { cachePoint: { type: 'default', ttl: '1h' } }] },
        ]);
      }
    });

    test('cache_control on a message without content is a 400 naming it', () => {
      const request = { messages: [{ role: 'user', content: [], cache_control: ephemeral }] } as unknown as ChatRequest;
      expect(gatewayErrorOf(() => toConverseChat(request, cachingClaude))).toMatchObject({ status: 400, param: 'messages[0].cache_control' });
    });

    describe('Bedrock refuses a cache point right after a reasoning block ("Cache point cannot be inserted after reasoning block")', () => {
      const signed = { type: 'thinking', thinking: 'The user wants the weather in Paris.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrk' };
      const reasoning = { reasoningContent: { reasoningText: { text: signed.thinking, signature: signed.signature } } };
      const call = { id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } };

      test("a thinking turn with tool calls only, or with text: the message's cachePoint follows its last block, never its thinking", () => {
        const request = {
          thinking: { type: 'enabled', budget_tokens: 2048 },
          messages: [
            { role: 'user', content: 'Weather in Paris?' },
            { role: 'assistant', content: null, tool_calls: [call], thinking_blocks: [signed], cache_control: ephemeral },
            { role: 'tool', tool_call_id: 't1', content: '18°C' },
            { role: 'assistant', content: 'It is 18°C.', thinking_blocks: [signed], cache_control: ephemeral },
            { role: 'user', content: 'Merci' },
          ],
          tools: [weatherTool],
        } as unknown as ChatRequest;
        const body = toConverseChat(request, cachingClaude);
        expect(body.messages?.[1].content).toEqual([reasoning, { toolUse: { toolUseId: 't1', name: 'get_weather', input: { location: 'Paris' } } }, cachePoint]);
        expect(body.messages?.[3].content).toEqual([reasoning, { text: 'It is 18°C.' }, cachePoint]);
      });

      test.each([null, '', ' \n'])('an assistant message of thinking_blocks alone (content %j) with cache_control is a 400 naming it, before any call', (content) => {
        const request = {
          thinking: { type: 'enabled', budget_tokens: 2048 },
          messages: [
            { role: 'user', content: 'Weather in Paris?' },
            { role: 'assistant', content, thinking_blocks: [signed], cache_control: ephemeral },
            { role: 'user', content: 'Go on.' },
          ],
        } as unknown as ChatRequest;
        const failure = gatewayErrorOf(() => toConverseChat(request, cachingClaude));
        expect(failure).toMatchObject({ status: 400, param: 'messages[1].cache_control' });
        expect(failure.message).toContain('Amazon Bedrock takes no cache point right after a reasoning block');
      });

      test('the same message without cache_control, or to a model without prompt caching, goes as sent', () => {
        const request = {
          thinking: { type: 'enabled', budget_tokens: 2048 },
          messages: [
            { role: 'user', content: 'Weather in Paris?' },
            { role: 'assistant', content: '', thinking_blocks: [signed] },
            { role: 'user', content: 'Go on.' },
          ],
        } as unknown as ChatRequest;
        expect(toConverseChat(request, cachingClaude).messages?.[1].content).toEqual([reasoning]);
        const olderClaude = resolveBedrockFamily('anthropic.claude-3-5-sonnet-20240620-v1:0');
        const cached = { ...request, messages: request.messages.map((message, index) => (index === 1 ? { ...message, cache_control: ephemeral } : message)) } as ChatRequest;
        expect(toConverseChat({ ...cached, thinking: undefined } as unknown as ChatRequest, olderClaude).messages?.[1]).toEqual({ role: 'assistant', content: [reasoning] });
      });
    });

    test("cache_control on a blank text part (left out, as Converse refuses blank text): the cachePoint follows the message's block before it; as the message's first part, a 400 naming it", () => {
      const blank = (cacheControl: object) => ({ type: 'text', text: ' \n', cache_control: cacheControl });
      const request = {
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'You are a French barista.' }, blank({ type: 'ephemeral', ttl: '1h' })] },
          { role: 'user', content: [{ type: 'text', text: 'Long menu…' }, blank(ephemeral), blank(ephemeral), { type: 'image_url', image_url: { url: PNG } }] },
        ],
      } as unknown as ChatRequest;
      const body = toConverseChat(request, cachingClaude);
      expect(body.system).toEqual([{ text: 'You are a French barista.' }, { cachePoint: { type: 'default', ttl: '1h' } }]);
      expect(body.messages).toEqual([{ role: 'user', content: [{ text: 'Long menu…' }, cachePoint, image] }]);
      const first = { messages: [...request.messages, { role: 'user', content: [blank(ephemeral), { type: 'text', text: 'Salut' }] }] } as unknown as ChatRequest;
      expect(gatewayErrorOf(() => toConverseChat(first, cachingClaude))).toMatchObject({ status: 400, param: 'messages[2].content[0].cache_control' });
      // A model without prompt caching takes no cache point: the breakpoint is no matter there.
      expect(toConverseChat(first, resolveBedrockFamily('anthropic.claude-3-5-sonnet-20240620-v1:0')).messages?.at(-1)).toEqual({ role: 'user', content: [{ text: 'Long menu…' }, image, { text: 'Salut' }] });
    });
  });
});

describe("OpenAI's file parts become Converse document blocks (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html)", () => {
  const PDF = 'JVBERi0xLjQK';
  const userWith = (...parts: object[]) => ({ messages: [{ role: 'user', content: parts }] }) as unknown as ChatRequest;

  test('a base64 PDF and a CSV: bytes, format by media type, a name Converse accepts; a cache_control part is followed by a cachePoint', () => {
    const body = toConverseChat(
      userWith(
        { type: 'file', file: { file_data: `data:application/pdf;base64,${PDF}`, filename: 'Q3 report (final).v2.pdf' }, cache_control: { type: 'ephemeral' } },
        { type: 'file', file: { file_data: 'data:text/csv;base64,YSxiCjEsMgo=' } },
        { type: 'text', text: 'Compare them.' },
      ),
      resolveBedrockFamily('anthropic.claude-3-7-sonnet-20250219-v1:0'),
    );
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { document: { format: 'pdf', name: 'Q3 report (final) v2', source: { bytes: new Uint8Array(Buffer.from(PDF, 'base64')) } } },
          { cachePoint: { type: 'default' } },
          { document: { format: 'csv', name: 'document', source: { bytes: new Uint8Array(Buffer.from('a,b\n1,2\n')) } } },
          { text: 'Compare them.' },
        ],
      },
    ]);
  });

  test.each([
    ['report.pdf', 'report'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\scan.pdf', 'scan'],
    ['notes_2024.final.md', 'notes 2024 final'],
    ['Überblick.pdf', 'berblick'],
    ['...', 'document'],
    [undefined, 'document'],
  ])('document name of %j: %j', (filename, name) => {
    expect(toDocumentName(filename)).toBe(name);
  });

  test('a content part of a type the request schema has no member for is a 400 quoting the part, cut', () => {
    expect(gatewayErrorOf(() => toConverseBlock({ type: 'video', video: LONG_VALUE } as never, 'messages[0].content[0]'))).toMatchObject({
      status: 400,
      param: 'messages[0].content[0]',
      message: `messages[0].content[0]: unknown content part {"type":"video","video":"${'x'.repeat(55)}… (100027 characters).`,
    });
  });

  test.each([
    [{ file_id: 'file-abc123' }, 'messages[0].content[0].file.file_id'],
    [{ file_data: 'data:application/zip;base64,UEsDBA==' }, 'messages[0].content[0].file.file_data'],
  ])('%j is a 400 naming %s', (file, param) => {
    expect(gatewayErrorOf(() => toConverseChat(userWith({ type: 'file', file }), claude))).toMatchObject({ status: 400, param });
  });
});

describe('toConverseCompletions', () => {
  test('the prompt becomes one user message', () => {
    expect(toConverseCompletions({ prompt: 'Say hi', max_tokens: 5, temperature: 0 }, llama)).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Say hi' }] }],
      inferenceConfig: { maxTokens: 5, temperature: 0 },
    });
  });

  test.each(['', ' ', '\n\n'])('a prompt that is empty or only whitespace (%j), which Converse refuses as blank, is a 400 naming prompt', (prompt) => {
    expect(gatewayErrorOf(() => toConverseCompletions({ prompt }, llama))).toMatchObject({
      status: 400,
      param: 'prompt',
      message: 'prompt: Amazon Bedrock (Meta Llama) refuses a prompt that is empty or only whitespace.',
    });
  });
});

describe('Converse answers', () => {
  test('text answer', () => {
    expect(fromConverseChat(readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-chat.response.json'), context, CLAUDE)).toEqual({
      id: 'req-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: context.model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 16, total_tokens: 37 },
    });
  });

  test('tool use answer', () => {
    const response = fromConverseChat(readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-tool-use.response.json'), context, CLAUDE);
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: "I'll look up the weather in both cities.",
        tool_calls: [
          { id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
          { id: 'tooluse_u3xQ2bTnS9KXo1f0cRz7Ag', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil","units":"c"}' } },
        ],
        refusal: null,
      },
      finish_reason: 'tool_calls',
    });
    expect(response.usage).toEqual({ prompt_tokens: 412, completion_tokens: 118, total_tokens: 530 });
  });

  test('completions answer; an answer without a message is a 502', () => {
    expect(fromConverseCompletions(readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-chat.response.json'), context).choices).toEqual([
      { index: 0, text: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', finish_reason: 'stop' },
    ]);
    expect(gatewayErrorOf(() => fromConverseChat({ $metadata: {}, stopReason: 'end_turn', output: undefined, usage: undefined, metrics: undefined }, context, CLAUDE)).status).toBe(502);
  });

  test.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['content_filtered', 'content_filter'],
    ['guardrail_intervened', 'content_filter'],
    ['malformed_tool_use', 'stop'],
  ])('stop reason %s is %s', (reason, unified) => {
    expect(mapConverseStopReason(reason)).toBe(unified);
  });
});

describe('ConverseStream folds, fed the decoded events in order', () => {
  const run = <Chunk>(fold: { event(e: ConverseStreamOutput): Chunk[]; end(): Chunk[] }, events: ConverseStreamOutput[]) => [...events.flatMap((event) => fold.event(event)), ...fold.end()];

  test('text: one chunk per delta, the first with the role of messageStart, then the finish chunk with usage', () => {
    const chunks = run(createConverseChatStream(context, CLAUDE), decodedEvents('converse-chat.events.json'));
    expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual(['Un café', ' ? Bien sûr 🙂', ' Bonne journée.', null]);
    expect(chunks.map((chunk) => chunk.choices[0].delta.role)).toEqual(['assistant', null, null, null]);
    expect(chunks[chunks.length - 1]).toEqual({
      id: 'req-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: context.model,
      choices: [{ index: 0, finish_reason: 'stop', delta: { role: null, content: null, tool_calls: null } }],
      usage: { prompt_tokens: 18, completion_tokens: 11, total_tokens: 29 },
    });
  });

  test('tool use: tool calls numbered from 0, id and name first, then argument pieces', () => {
    const chunks: ChatChunk[] = run(createConverseChatStream(context, CLAUDE), decodedEvents('converse-tool-use.events.json'));
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []);
    expect(toolDeltas).toEqual([
      { index: 0, id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 0, id: null, type: null, function: { name: null, arguments: '{"location": ' } },
      { index: 0, id: null, type: null, function: { name: null, arguments: '"Paris, France"}' } },
      { index: 1, id: 'tooluse_u3xQ2bTnS9KXo1f0cRz7Ag', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 1, id: null, type: null, function: { name: null, arguments: '{"location": "São ' } },
      { index: 1, id: null, type: null, function: { name: null, arguments: 'Paulo, Brazil"}' } },
    ]);
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('tool_calls');
  });

  test('a tool call without parameters (only an empty input piece) ends with arguments "{}", as in answers read whole', () => {
    const events = [
      { messageStart: { role: 'assistant' } },
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA', name: 'get_time' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: { usage: { inputTokens: 301, outputTokens: 31, totalTokens: 332 }, metrics: { latencyMs: 412 } } },
    ] as ConverseStreamOutput[];
    const chunks = run(createConverseChatStream(context, CLAUDE), events);
    expect(chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? [])).toEqual([
      { index: 0, id: 'tooluse_Q1n7fS2WQ9uQbH7u3yY0ZA', type: 'function', function: { name: 'get_time', arguments: '' } },
      { index: 0, id: null, type: null, function: { name: null, arguments: '{}' } },
    ]);
    expect(chunks.map((chunk) => chunk.choices[0].delta.role)).toEqual(['assistant', null, null]);
  });

  test('messageStart alone sends nothing: an exception event right after it fails the attempt before any chunk', () => {
    const fold = createConverseChatStream(context, CLAUDE);
    expect(fold.event({ messageStart: { role: 'assistant' } } as ConverseStreamOutput)).toEqual([]);
  });

  test('completions: text chunks and a finish chunk', () => {
    const chunks = run(createConverseCompletionsStream(context), decodedEvents('converse-chat.events.json'));
    expect(chunks.map((chunk) => [chunk.choices[0].text, chunk.choices[0].finish_reason])).toEqual([
      ['Un café', null],
      [' ? Bien sûr 🙂', null],
      [' Bonne journée.', null],
      [null, 'stop'],
    ]);
    expect(chunks[3].usage).toEqual({ prompt_tokens: 18, completion_tokens: 11, total_tokens: 29 });
  });

  test('without metadata the finish chunk comes at the end, without usage', () => {
    const events = decodedEvents('converse-chat.events.json').filter((event) => !event.metadata);
    const chunks = run(createConverseChatStream(context, CLAUDE), events);
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
    expect(chunks[chunks.length - 1].usage).toBeUndefined();
  });

  test('a stream cut before messageStop is an error, not a silent end', () => {
    const fold = createConverseChatStream(context, CLAUDE);
    decodedEvents('converse-chat.events.json').slice(0, 3).forEach((event) => fold.event(event));
    expect(() => fold.end()).toThrow(GatewayError);
  });
});
