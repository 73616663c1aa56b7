/**
 * Cohere's v2 chat mapping (tool calling): requests with tools or tool history, answers with tool
 * calls, and v2 streams, on the fixtures built from Cohere's v2 reference (test/fixtures/cohere/README.md).
 */
import { GatewayError } from '../../../src/errors';
import { cohereV2BaseUrl, createCohereV2ChatStream, fromCohereV2Chat, toCohereV2Chat, usesCohereV2 } from '../../../src/providers/cohere';
import type { ChatMessage, ChatRequest } from '../../../src/schema';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';
import { replay, replayEverySplit, replayOutcome, summariseChat } from '../../support/stream-replay';

const NOW = 1_700_000_000;
const context = { model: 'command-a-03-2025', now: () => NOW };
const fixtureBytes = (name: string): Buffer => readFixtureBytes('cohere', name);

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { location: { type: 'string', description: 'City and country' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location'], additionalProperties: false },
  },
};
const time = { type: 'function' as const, function: { name: 'get_time' } };
const calls = [
  { id: 'get_weather_p1t92w7gfgq7', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
  { id: 'call_from_another_vendor', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } },
];
const toolRound: ChatMessage[] = [
  { role: 'system', content: 'You answer in French.' },
  { role: 'user', content: 'Weather in Paris and São Paulo?' },
  { role: 'assistant', content: 'Je vais chercher la météo.', tool_calls: calls },
  { role: 'tool', tool_call_id: 'get_weather_p1t92w7gfgq7', content: '{"celsius":18}' },
  { role: 'tool', tool_call_id: 'call_from_another_vendor', content: [{ type: 'text', text: '{"celsius":27}' }] },
];

describe('usesCohereV2', () => {
  it.each<[string, ChatRequest, boolean]>([
    ['plain text: v1', { messages: [{ role: 'user', content: 'hi' }] }, false],
    ['an assistant turn with an empty tool_calls list: v1', { messages: [{ role: 'assistant', content: 'yo', tool_calls: [] }, { role: 'user', content: 'hi' }] }, false],
    ['tools: v2', { messages: [{ role: 'user', content: 'hi' }], tools: [weather] }, true],
    ['tool_choice alone: v2', { messages: [{ role: 'user', content: 'hi' }], tool_choice: 'none' }, true],
    ['a tool round without tools: v2', { messages: toolRound }, true],
    ['reasoning_effort (v1 has no thinking): v2', { messages: [{ role: 'user', content: 'hi' }], reasoning_effort: 'none' }, true],
    ["Cohere's own thinking: v2", { messages: [{ role: 'user', content: 'hi' }], thinking: { type: 'enabled', token_budget: 2000 } } as ChatRequest, true],
  ])('%s', (_name, request, expected) => {
    expect(usesCohereV2(request)).toBe(expected);
  });
});

describe('cohereV2BaseUrl', () => {
  it.each([
    ['https://api.cohere.ai/v1', 'https://api.cohere.ai/v2'],
    ['https://api.cohere.com/v1/', 'https://api.cohere.com/v2'],
    ['http://127.0.0.1:8080/cohere/v1', 'http://127.0.0.1:8080/cohere/v2'],
    ['https://proxy.example/cohere', null],
    ['https://proxy.example/v1/cohere', null],
  ])('%s → %s', (base, expected) => {
    expect(cohereV2BaseUrl(base)).toBe(expected);
  });
});

describe('toCohereV2Chat', () => {
  it('a tool round: messages in order, the assistant text as tool_plan, ids kept, tools as JSON Schema; sampling as on v1', () => {
    const body = toCohereV2Chat({ messages: toolRound, tools: [weather], temperature: 0.4, top_p: 0.9, max_completion_tokens: 300, stop: 'END', parallel_tool_calls: true }, { model: 'command-a-03-2025' });
    expect(body).toEqual({
      model: 'command-a-03-2025',
      messages: [
        { role: 'system', content: 'You answer in French.' },
        { role: 'user', content: 'Weather in Paris and São Paulo?' },
        { role: 'assistant', tool_plan: 'Je vais chercher la météo.', tool_calls: calls },
        { role: 'tool', tool_call_id: 'get_weather_p1t92w7gfgq7', content: '{"celsius":18}' },
        { role: 'tool', tool_call_id: 'call_from_another_vendor', content: '{"celsius":27}' },
      ],
      tools: [weather],
      temperature: 1,
      p: 0.9,
      max_tokens: 300,
      stop_sequences: ['END'],
    });
  });

  it('an assistant turn with tool calls and no text has no tool_plan; a stream asks for stream: true', () => {
    const messages: ChatMessage[] = [{ role: 'user', content: 'hi' }, { role: 'assistant', content: null, tool_calls: calls.slice(0, 1) }, { role: 'tool', tool_call_id: calls[0].id, content: '18' }];
    expect(toCohereV2Chat({ messages, tools: [weather] }, { model: 'm', stream: true })).toMatchObject({
      messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', tool_calls: calls.slice(0, 1) }, { role: 'tool', tool_call_id: calls[0].id, content: '18' }],
      stream: true,
    });
  });

  it.each<[string, ChatRequest['tool_choice'], Record<string, unknown>]>([
    ['auto', 'auto', { tools: [weather, time] }],
    ['none', 'none', { tools: [weather, time], tool_choice: 'NONE' }],
    ['required', 'required', { tools: [weather, time], tool_choice: 'REQUIRED' }],
    ['a named function: only that tool, required', { type: 'function', function: { name: 'get_time' } }, { tools: [time], tool_choice: 'REQUIRED' }],
  ])('tool_choice %s', (_name, choice, expected) => {
    const body = toCohereV2Chat({ messages: [{ role: 'user', content: 'hi' }], tools: [weather, time], tool_choice: choice }, { model: 'm' });
    expect({ tools: body.tools, tool_choice: body.tool_choice }).toEqual({ tool_choice: undefined, ...expected });
  });

  it('tool_choice none without tools is NONE; strict on every tool is strict_tools: true', () => {
    expect(toCohereV2Chat({ messages: toolRound, tool_choice: 'none' }, { model: 'm' })).toMatchObject({ tool_choice: 'NONE' });
    expect(toCohereV2Chat({ messages: toolRound, tool_choice: 'none' }, { model: 'm' }).tools).toBeUndefined();
    const strict = (tool: typeof weather) => ({ ...tool, function: { ...tool.function, strict: true } });
    expect(toCohereV2Chat({ messages: toolRound, tools: [strict(weather), strict(weather)] }, { model: 'm' })).toMatchObject({ strict_tools: true, tools: [weather, weather] });
    // Strict on every tool sent: a loose tool that allowed_tools leaves out is not sent, so it does not count.
    const allowWeather = { type: 'allowed_tools' as const, allowed_tools: { mode: 'required' as const, tools: [{ type: 'function' as const, function: { name: 'get_weather' } }] } };
    expect(toCohereV2Chat({ messages: toolRound, tools: [time, strict(weather)], tool_choice: allowWeather }, { model: 'm' })).toMatchObject({ strict_tools: true, tools: [weather], tool_choice: 'REQUIRED' });
  });

  it("response_format json_schema → json_object with v2's json_schema field", () => {
    const schema = { type: 'object', properties: { celsius: { type: 'number' } } };
    expect(toCohereV2Chat({ messages: toolRound, response_format: { type: 'json_schema', json_schema: { name: 'w', schema } } }, { model: 'm' })).toMatchObject({ response_format: { type: 'json_object', json_schema: schema } });
  });

  it.each<[string, Partial<ChatRequest>, string, string]>([
    ['required without tools', { tool_choice: 'required' }, 'tool_choice', `tool_choice: "required" needs a non-empty 'tools' list.`],
    ['a named function that is not offered', { tools: [weather], tool_choice: { type: 'function', function: { name: 'nope' } } }, 'tool_choice.function.name', "tool_choice.function.name: no tool named 'nope' in tools."],
    ['an unknown tool_choice', { tools: [weather], tool_choice: 'any' }, 'tool_choice', `tool_choice: Cohere accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not "any".`],
    ['a long tool_choice without tools, cut', { tool_choice: LONG_VALUE }, 'tool_choice', `tool_choice: ${LONG_VALUE_CUT} needs a non-empty 'tools' list.`],
    ['a long unknown tool_choice, cut', { tools: [weather], tool_choice: LONG_VALUE }, 'tool_choice', `tool_choice: Cohere accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not ${LONG_VALUE_CUT}.`],
    [
      'a long tool_choice object of another type, cut',
      { tools: [weather], tool_choice: { type: 'tool', function: { name: LONG_VALUE } } as never },
      'tool_choice',
      `tool_choice: Cohere accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not {"type":"tool","function":{"name":"${'x'.repeat(45)}… (100038 characters).`,
    ],
    ['strict on some tools only', { tools: [{ ...weather, function: { ...weather.function, strict: true } }, time] }, 'tools[1].function.strict', 'tools[1].function.strict: Cohere makes all tools strict or none (strict_tools); mark every tool strict, or none.'],
    [
      'strict on some of the tools allowed_tools allows, naming the client’s tools[i]',
      { tools: [time, { ...weather, function: { ...weather.function, strict: true } }, { ...time, function: { name: 'get_date' } }], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_weather' } }, { type: 'function', function: { name: 'get_date' } }] } } },
      'tools[2].function.strict',
      'tools[2].function.strict: Cohere makes all tools strict or none (strict_tools); mark every tool strict, or none.',
    ],
    ['a tool that is not a function', { tools: [{ type: 'web_search' } as never] }, 'tools[0].type', "tools[0].type: Cohere takes function tools only, not 'web_search'."],
    ['parallel_tool_calls that is not a boolean', { tools: [weather], parallel_tool_calls: 'no' as never }, 'parallel_tool_calls', "The parameter 'parallel_tool_calls' must be true or false for Cohere."],
    ['logprobs', { tools: [weather], logprobs: true }, 'logprobs', "The parameter 'logprobs' is not supported by Cohere."],
    ['Cohere’s own strict_tools', { tools: [weather], strict_tools: true } as never, 'strict_tools', 'Invalid parameter strict_tools. Use tools[].function.strict instead.'],
  ])('400 for %s, naming the field', (_name, extra, param, message) => {
    const call = () => toCohereV2Chat({ messages: [{ role: 'user', content: 'hi' }], ...extra }, { model: 'm' });
    expect(call).toThrow(GatewayError);
    expect(call).toThrow(expect.objectContaining({ param, message }));
  });

  it.each<[string, ChatMessage, string, string]>([
    ['a tool message without tool_call_id', { role: 'tool', content: '18' }, 'messages[1].tool_call_id', 'messages[1].tool_call_id: a tool message needs the id of the tool call it answers.'],
    ['an ipython message', { role: 'ipython', content: '18' }, 'messages[1].role', "Cohere chat accepts system, developer, user, assistant and tool messages; messages[1].role is 'ipython'."],
    ['an image', { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }, 'messages[1].content[0]', "Cohere chat accepts text content only; messages[1].content[0] is of type 'image_url'."],
  ])('400 for %s', (_name, message, param, text) => {
    expect(() => toCohereV2Chat({ messages: [{ role: 'user', content: 'hi' }, message], tools: [weather] }, { model: 'm' })).toThrow(expect.objectContaining({ status: 400, param, message: text }));
  });
});

describe('toCohereV2Chat: reasoning_effort as thinking', () => {
  const question: ChatMessage = { role: 'user', content: 'Combien de sœurs a le frère d’Alice ?' };

  it.each([
    ['none', 'disabled'],
    ['minimal', 'disabled'],
    ['low', 'enabled'],
    ['medium', 'enabled'],
    ['high', 'enabled'],
  ])('%s → thinking %s, with no budget (Cohere documents none per level); reasoning_effort itself is not sent', (effort, type) => {
    expect(toCohereV2Chat({ messages: [question], reasoning_effort: effort }, { model: 'command-a-reasoning-08-2025' })).toEqual({
      model: 'command-a-reasoning-08-2025',
      messages: [{ role: 'user', content: 'Combien de sœurs a le frère d’Alice ?' }],
      thinking: { type },
    });
  });

  it("Cohere's own thinking passes as sent; an answer's reasoning_content sent back is a thinking item before its text", () => {
    const body = toCohereV2Chat(
      { messages: [question, { role: 'assistant', content: '3.', reasoning_content: 'Alice compte aussi.' }, { role: 'user', content: 'Et sa sœur ?' }], thinking: { type: 'enabled', token_budget: 2000 } } as ChatRequest,
      { model: 'command-a-reasoning-08-2025' },
    );
    expect(body).toMatchObject({ thinking: { type: 'enabled', token_budget: 2000 } });
    expect((body.messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Alice compte aussi.' },
        { type: 'text', text: '3.' },
      ],
    });
  });

  it('a tool loop: each assistant turn sends its thinking as a content item beside its tool_plan and calls, earlier turns too; reasoning_content itself is never sent', () => {
    const weatherCall = calls.slice(0, 1);
    const timeCall = [{ id: 'get_time_8cq2m4n5x0ab', type: 'function' as const, function: { name: 'get_time', arguments: '{}' } }];
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Réponds en français.' },
      { role: 'user', content: 'Quel temps fait-il à Paris, et quelle heure est-il ?' },
      { role: 'assistant', reasoning_content: 'Il me faut la météo de Paris.', tool_calls: weatherCall },
      { role: 'tool', tool_call_id: weatherCall[0].id, content: '{"celsius":18}' },
      { role: 'assistant', content: 'Maintenant l’heure.', reasoning_content: 'Reste l’heure ; j’appelle get_time.', tool_calls: timeCall },
      { role: 'tool', tool_call_id: timeCall[0].id, content: '12:00' },
      { role: 'assistant', content: '18 °C et midi.', reasoning_content: '' },
      { role: 'user', content: 'Et demain ?' },
    ];
    const body = toCohereV2Chat({ messages, tools: [weather, time], reasoning_effort: 'high' }, { model: 'command-a-reasoning-08-2025' });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Réponds en français.' },
      { role: 'user', content: 'Quel temps fait-il à Paris, et quelle heure est-il ?' },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'Il me faut la météo de Paris.' }], tool_calls: weatherCall },
      { role: 'tool', tool_call_id: weatherCall[0].id, content: '{"celsius":18}' },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'Reste l’heure ; j’appelle get_time.' }], tool_plan: 'Maintenant l’heure.', tool_calls: timeCall },
      { role: 'tool', tool_call_id: timeCall[0].id, content: '12:00' },
      // An empty reasoning_content has no thinking to send: the text goes as before.
      { role: 'assistant', content: '18 °C et midi.' },
      { role: 'user', content: 'Et demain ?' },
    ]);
    expect(JSON.stringify(body)).not.toContain('reasoning_content');
  });

  it.each<[string, string, Record<string, unknown>, boolean]>([
    ['a reasoning model with tools only (it thinks unasked)', 'command-a-reasoning-08-2025', {}, true],
    ['a reasoning model with thinking disabled', 'command-a-reasoning-08-2025', { reasoning_effort: 'none' }, false],
    ["a reasoning model with Cohere's own thinking disabled", 'command-a-reasoning-08-2025', { thinking: { type: 'disabled' } }, false],
    ['a model that does not reason (a conversation moved from Claude)', 'command-a-03-2025', {}, false],
    ['a model named otherwise, asked to think', 'my-fine-tune', { reasoning_effort: 'low' }, true],
  ])("history thinking goes back only when the request thinks: %s", (_name, model, extra, sent) => {
    const messages: ChatMessage[] = [question, { role: 'assistant', content: '3.', reasoning_content: 'Alice compte aussi.', tool_calls: calls.slice(0, 1) }, { role: 'tool', tool_call_id: calls[0].id, content: '{}' }];
    const body = toCohereV2Chat({ messages, tools: [weather], ...extra } as ChatRequest, { model });
    const assistant = (body.messages as Record<string, unknown>[])[1];
    if (sent) expect(assistant.content).toEqual([{ type: 'thinking', thinking: 'Alice compte aussi.' }]);
    else expect(assistant).not.toHaveProperty('content');
    expect(assistant.tool_plan).toBe('3.');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown level', { reasoning_effort: 'max' }, `reasoning_effort: Cohere takes 'none', 'minimal', 'low', 'medium' or 'high', not "max".`],
    ['a long unknown level, cut', { reasoning_effort: LONG_VALUE }, `reasoning_effort: Cohere takes 'none', 'minimal', 'low', 'medium' or 'high', not ${LONG_VALUE_CUT}.`],
    ['reasoning_effort beside thinking', { reasoning_effort: 'high', thinking: { type: 'disabled' } }, "Send 'reasoning_effort' or 'thinking' to Cohere, not both: reasoning_effort is sent as thinking."],
  ])('%s is a 400 naming reasoning_effort', (_name, extra, message) => {
    expect(() => toCohereV2Chat({ messages: [question], ...extra } as ChatRequest, { model: 'm' })).toThrow(expect.objectContaining({ status: 400, param: 'reasoning_effort', message }));
  });
});

describe('fromCohereV2Chat', () => {
  it("chat-v2-thinking.response.json: the thinking item is reasoning_content, the text item the content", () => {
    expect(fromCohereV2Chat(readJsonFixture('cohere', 'chat-v2-thinking.response.json'), context).choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: 'Le frère d’Alice a 3 sœurs.',
        reasoning_content: 'Alice a 2 sœurs ; pour son frère, les sœurs sont Alice et ses 2 sœurs, soit 3.',
        tool_calls: null,
        refusal: null,
      },
      finish_reason: 'stop',
    });
  });

  it('chat-v2-tool-calls.response.json: tool_plan as content, the calls with their ids, finish tool_calls, usage from tokens', () => {
    expect(fromCohereV2Chat(readJsonFixture('cohere', 'chat-v2-tool-calls.response.json'), context)).toEqual({
      id: '8a5f0d7e-6c3b-4f0a-9b1e-2d4c6e8f0a12',
      object: 'chat.completion',
      created: NOW,
      model: 'command-a-03-2025',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Je vais chercher la météo à Paris et à São Paulo.',
            tool_calls: [
              { id: 'get_weather_p1t92w7gfgq7', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
              { id: 'get_weather_ay6nmvjgp9vn', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } },
            ],
            refusal: null,
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 913, completion_tokens: 83, total_tokens: 996 },
    });
  });

  it('chat-v2.response.json: the text items, finish stop, no tool calls', () => {
    const answer = fromCohereV2Chat(readJsonFixture('cohere', 'chat-v2.response.json'), context);
    expect(answer.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: 'Il fait 18 °C à Paris et 27 °C à São Paulo ☀️.', tool_calls: null, refusal: null }, finish_reason: 'stop' });
    expect(answer.id).toBe('e8f9afc1-0888-46f0-a9ed-eb0e5a51e17f');
  });

  it('tool calls without a plan have null content; a call without an id or a body without message is a 502', () => {
    const body = readJsonFixture<{ message: Record<string, unknown> }>('cohere', 'chat-v2-tool-calls.response.json');
    const { tool_plan: _plan, ...message } = body.message;
    expect(fromCohereV2Chat({ ...body, message }, context).choices[0].message.content).toBeNull();
    const withoutId = { ...body, message: { ...message, tool_calls: [{ type: 'function', function: { name: 'get_weather', arguments: '{}' } }] } };
    expect(() => fromCohereV2Chat(withoutId, context)).toThrow(expect.objectContaining({ status: 502 }));
    expect(() => fromCohereV2Chat({ id: 'x', text: 'v1 answer' }, context)).toThrow(expect.objectContaining({ status: 502, message: "Cohere's response has no 'message'." }));
    expect(() => fromCohereV2Chat({ ...body, message: { content: 'not a list' } }, context)).toThrow(expect.objectContaining({ status: 502, message: "Cohere's response has a 'message.content' that is not a list." }));
    const numericArguments = { ...body, message: { tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: 42 } }] } };
    expect(() => fromCohereV2Chat(numericArguments, context)).toThrow(expect.objectContaining({ status: 502 }));
  });
});

describe('createCohereV2ChatStream', () => {
  it('chat-v2-tool-calls.stream.sse: the plan as content, calls numbered in order with id and name first, finish and usage last; same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-v2-tool-calls.stream.sse'), () => createCohereV2ChatStream(context), { crlf: true });
    expect(chunks[0]).toEqual({
      id: 'fba98ad3-e5a1-413c-a8de-84fbf9baabf7',
      object: 'chat.completion.chunk',
      created: NOW,
      model: 'command-a-03-2025',
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'Je', tool_calls: null } }],
    });
    const firstCallChunk = chunks.find((chunk) => chunk.choices[0].delta.tool_calls !== null);
    expect(firstCallChunk?.choices[0].delta.tool_calls).toEqual([{ index: 0, id: 'get_weather_p1t92w7gfgq7', type: 'function', function: { name: 'get_weather', arguments: '' } }]);
    expect(summariseChat(chunks)).toEqual({
      text: 'Je vais chercher la météo à Paris et à São Paulo.',
      finishReason: 'tool_calls',
      toolCalls: [
        { id: 'get_weather_p1t92w7gfgq7', name: 'get_weather', arguments: '{\n    "location": "Paris, France"\n}' },
        { id: 'get_weather_ay6nmvjgp9vn', name: 'get_weather', arguments: '{\n    "location": "São Paulo, Brazil"\n}' },
      ],
      usage: { prompt_tokens: 913, completion_tokens: 83, total_tokens: 996 },
    });
    expect(chunks.at(-1)?.choices[0]).toEqual({ index: 0, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: null } });
  });

  it('chat-v2.stream.sse (no [DONE]): the text, finish stop and usage; citations carry nothing', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-v2.stream.sse'), () => createCohereV2ChatStream(context));
    expect(summariseChat(chunks)).toEqual({
      text: 'Il fait 18 °C à Paris et 27 °C à São Paulo ☀️.',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 1096, completion_tokens: 41, total_tokens: 1137 },
    });
  });

  it('chat-v2-thinking.stream.sse: the thinking pieces are reasoning_content deltas (no content), then the text; same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-v2-thinking.stream.sse'), () => createCohereV2ChatStream(context));
    expect(chunks.slice(0, 3).map((chunk) => chunk.choices[0].delta)).toEqual([
      { role: 'assistant', content: null, tool_calls: null, reasoning_content: 'Alice a 2' },
      { role: null, content: null, tool_calls: null, reasoning_content: ' sœurs ; pour son frère,' },
      { role: null, content: null, tool_calls: null, reasoning_content: ' Alice compte aussi : 3.' },
    ]);
    expect(chunks.slice(3).every((chunk) => !('reasoning_content' in chunk.choices[0].delta))).toBe(true);
    expect(summariseChat(chunks)).toEqual({
      text: 'Le frère d’Alice a 3 sœurs.',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 527, completion_tokens: 43, total_tokens: 570 },
    });
  });

  it('a stream cut before message-end is a cut-off error after the chunks it gave', async () => {
    const text = fixtureBytes('chat-v2-tool-calls.stream.sse').toString('utf8');
    const cut = Buffer.from(text.slice(0, text.indexOf('event: message-end')));
    const { chunks, error } = await replayOutcome([cut], createCohereV2ChatStream(context));
    expect(summariseChat(chunks).toolCalls).toHaveLength(2);
    expect(error).toMatchObject({ status: 502, message: 'Cohere ended the stream before it was complete (no message-end).' });
  });

  it('an error line, a finish_reason ERROR, a call without an id and arguments before their call are errors', async () => {
    const events = (...lines: object[]) => [Buffer.from(lines.map((line) => `data: ${JSON.stringify(line)}\n\n`).join(''))];
    await expect(replay(events({ type: 'message-start', id: 'x' }, { message: 'internal server error' }), createCohereV2ChatStream(context))).rejects.toMatchObject({
      message: 'Cohere reported an error mid-stream: internal server error',
    });
    await expect(replay(events({ type: 'message-end', delta: { finish_reason: 'ERROR' } }), createCohereV2ChatStream(context))).rejects.toMatchObject({ status: 502 });
    await expect(replay(events({ type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { type: 'function', function: { name: 'f', arguments: '' } } } } }), createCohereV2ChatStream(context))).rejects.toMatchObject({
      message: 'Cohere started a tool call without an id or a name (tool-call-start).',
    });
    await expect(replay(events({ type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{' } } } } }), createCohereV2ChatStream(context))).rejects.toMatchObject({
      message: 'Cohere streamed tool-call arguments before the call started (tool-call-delta without tool-call-start).',
    });
  });
});
