/**
 * OpenAI's chat tool_choice forms at the OpenAI-compatible vendors (shared/tool-choice.ts): the
 * payloads are those of OpenAI's chat reference (`allowed_tools` with its example list of
 * get_weather and get_time; a custom tool's choice), as the openai v6 client types them.
 */
import { toTgiChat } from '../../../../src/providers/huggingface-text-generation-inference';
import { toMistralChat, toMistralCompletions } from '../../../../src/providers/mistral';
import { toTogetherAIChat } from '../../../../src/providers/togetherai';
import type { ChatRequest, CompletionsRequest } from '../../../../src/schema';

const tool = (name: string, description: string): NonNullable<ChatRequest['tools']>[number] => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
});
const GET_WEATHER = tool('get_weather', 'Get the current weather in a given location');
const GET_TIME = tool('get_time', 'Get the local time in a given location');
const SEARCH_DOCS = tool('search_docs', 'Search the product documentation');
const TOOLS = [GET_WEATHER, SEARCH_DOCS, GET_TIME];
const MESSAGES: ChatRequest['messages'] = [{ role: 'user', content: 'What time is it in Paris, and is it raining?' }];

const allowed = (mode: string, names: string[]): ChatRequest['tool_choice'] => ({
  type: 'allowed_tools',
  allowed_tools: { mode, tools: names.map((name) => ({ type: 'function', function: { name } })) },
});

const VENDORS: [string, string, (request: ChatRequest) => Record<string, unknown>][] = [
  ['Mistral', 'Mistral', (request) => toMistralChat(request, { model: 'mistral-large-latest' })],
  ['Together AI', 'TogetherAI', (request) => toTogetherAIChat(request, { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' })],
  ['TGI', 'Hugging Face Text Generation Inference', (request) => toTgiChat(request)],
];

describe.each(VENDORS)('%s', (_vendor, provider, toVendor) => {
  it.each(['auto', 'required'])('allowed_tools with mode %s: only the allowed tools are sent, in the order of tools, with the mode as tool_choice', (mode) => {
    const body = toVendor({ messages: MESSAGES, tools: TOOLS, tool_choice: allowed(mode, ['get_time', 'get_weather']) });
    expect(body.tools).toEqual([GET_WEATHER, GET_TIME]);
    expect(body.tool_choice).toBe(mode);
  });

  it.each([
    ['auto', 'auto'],
    ['a named function', { type: 'function', function: { name: 'get_time' } }],
  ])('%s goes as sent, with every tool', (_case, choice) => {
    const body = toVendor({ messages: MESSAGES, tools: TOOLS, tool_choice: choice });
    expect(body.tools).toEqual(TOOLS);
    expect(body.tool_choice).toEqual(choice);
  });

  it.each([
    [
      'a custom tool’s choice',
      { type: 'custom', custom: { name: 'code_exec' } },
      'tool_choice',
      `tool_choice: ${provider} accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not {"type":"custom","custom":{"name":"code_exec"}}.`,
    ],
    ['a function choice without a name', { type: 'function', function: {} }, 'tool_choice', expect.stringContaining(`tool_choice: ${provider} accepts 'auto'`)],
    ['allowed_tools naming a tool not in tools', allowed('auto', ['get_weather', 'book_flight']), 'tool_choice.allowed_tools.tools[1]', "tool_choice.allowed_tools.tools[1]: no tool named 'book_flight' in tools."],
    ['allowed_tools with mode none', allowed('none', ['get_weather']), 'tool_choice.allowed_tools.mode', 'tool_choice.allowed_tools.mode: must be "auto" or "required", not "none".'],
    ['allowed_tools with no tools', allowed('required', []), 'tool_choice.allowed_tools.tools', 'tool_choice.allowed_tools.tools: must list at least one tool the model may call.'],
    [
      'allowed_tools listing a custom tool',
      { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'custom', custom: { name: 'code_exec' } }] } },
      'tool_choice.allowed_tools.tools[0]',
      `tool_choice.allowed_tools.tools[0]: ${provider} takes function tools only, as {"type":"function","function":{"name":...}}, not {"type":"custom","custom":{"name":"code_exec"}}.`,
    ],
  ])('%s is a 400 naming the field', (_case, choice, param, message) => {
    expect(() => toVendor({ messages: MESSAGES, tools: TOOLS, tool_choice: choice })).toThrow(expect.objectContaining({ status: 400, param, message }));
  });

  it('allowed_tools without tools is a 400 naming the first allowed tool', () => {
    expect(() => toVendor({ messages: MESSAGES, tool_choice: allowed('auto', ['get_weather']) })).toThrow(
      expect.objectContaining({ status: 400, param: 'tool_choice.allowed_tools.tools[0]', message: "tool_choice.allowed_tools.tools[0]: no tool named 'get_weather' in tools." }),
    );
  });
});

it('Mistral completions (sent to its chat endpoint) map allowed_tools the same way', () => {
  const request = { prompt: 'What time is it in Paris?', tools: TOOLS, tool_choice: allowed('required', ['get_time']) } as unknown as CompletionsRequest;
  expect(toMistralCompletions(request, { model: 'mistral-large-latest' })).toMatchObject({ tools: [GET_TIME], tool_choice: 'required' });
});

it("Mistral's own `any` and TGI's choice without `type` go as sent", () => {
  expect(toMistralChat({ messages: MESSAGES, tools: TOOLS, tool_choice: 'any' }, { model: 'mistral-large-latest' })).toMatchObject({ tools: TOOLS, tool_choice: 'any' });
  expect(toTgiChat({ messages: MESSAGES, tools: TOOLS, tool_choice: { function: { name: 'get_time' } } })).toMatchObject({ tools: TOOLS, tool_choice: { function: { name: 'get_time' } } });
});
