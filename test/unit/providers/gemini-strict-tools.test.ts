/**
 * Strict functions on Gemini: OpenAI's `strict: true` has no field in a function declaration; with
 * tool_choice `auto` or none it asks for function calling mode VALIDATED (calls held to their
 * schemas, which AUTO does not promise) on the models that take it, Gemini 2.5 and later; other
 * models keep what they got before. `required` and a named function are ANY, which holds calls to
 * their schemas already.
 */
import { geminiTakesValidatedMode, geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import type { ChatRequest, Tool } from '../../../src/schema';

/** The OpenAI Agents SDK's strict function (every property required, no other properties). */
const getWeather: Tool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    strict: true,
    parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location', 'unit'], additionalProperties: false },
  },
};
const getTime: Tool = { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } };
const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Weather in Paris and São Paulo?' }];

const toolConfigOf = (request: Omit<ChatRequest, 'messages'>, model = 'gemini-2.5-flash') =>
  toGeminiChat({ messages, ...request } as ChatRequest, geminiThinkingControl(model), { validatedMode: geminiTakesValidatedMode(model) }).toolConfig;
const allowing = (mode: 'auto' | 'required', names: string[]) => ({ type: 'allowed_tools', allowed_tools: { mode, tools: names.map((name) => ({ type: 'function', function: { name } })) } });

test.each([
  ['gemini-2.5-flash', true],
  ['gemini-2.5-pro', true],
  ['gemini-2.5-flash-lite', true],
  ['gemini-3-flash-preview', true],
  ['models/gemini-3.1-pro-preview', true],
  ['gemini-flash-latest', true],
  ['gemini-pro-latest', true],
  ['gemini-2.0-flash', false],
  ['gemini-2.0-flash-lite', false],
  ['gemini-1.5-pro', false],
  ['gemini-1.5-flash-latest', false],
  ['gemini-2.5-flash-image', false],
  ['gemini-2.5-flash-preview-tts', false],
  ['gemini-exp-1206', false],
  ['gemma-3-27b-it', false],
  ['tunedModels/support-bot-v2', false],
])('%s takes mode VALIDATED: %s', (model, takes) => {
  expect(geminiTakesValidatedMode(model)).toBe(takes);
});

test.each<[string, Omit<ChatRequest, 'messages'>, unknown]>([
  ['no tool_choice', { tools: [getWeather] }, { functionCallingConfig: { mode: 'VALIDATED' } }],
  ['auto', { tools: [getWeather], tool_choice: 'auto' }, { functionCallingConfig: { mode: 'VALIDATED' } }],
  ['auto, a loose function beside the strict one (the mode covers both)', { tools: [getTime, getWeather], tool_choice: 'auto' }, { functionCallingConfig: { mode: 'VALIDATED' } }],
  ['allowed_tools auto allowing the strict function', { tools: [getTime, getWeather], tool_choice: allowing('auto', ['get_weather']) as never }, { functionCallingConfig: { mode: 'VALIDATED' } }],
  ['required (ANY holds calls to their schemas already)', { tools: [getWeather], tool_choice: 'required' }, { functionCallingConfig: { mode: 'ANY' } }],
  ['a named function', { tools: [getWeather, getTime], tool_choice: { type: 'function', function: { name: 'get_weather' } } }, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } }],
  ['allowed_tools required', { tools: [getWeather, getTime], tool_choice: allowing('required', ['get_weather']) as never }, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } }],
  ['none', { tools: [getWeather], tool_choice: 'none' }, { functionCallingConfig: { mode: 'NONE' } }],
])('a strict function on Gemini 2.5, %s', (_, request, toolConfig) => {
  expect(toolConfigOf(request)).toEqual(toolConfig);
});

test.each<[string, Omit<ChatRequest, 'messages'>, unknown]>([
  ['no strict function, no tool_choice', { tools: [getTime] }, undefined],
  ['no strict function, auto', { tools: [getTime], tool_choice: 'auto' }, { functionCallingConfig: { mode: 'AUTO' } }],
  ['strict: false', { tools: [{ ...getWeather, function: { ...getWeather.function, strict: false } }] }, undefined],
  ['a strict function allowed_tools leaves out (it is not sent)', { tools: [getWeather, getTime], tool_choice: allowing('auto', ['get_time']) as never }, { functionCallingConfig: { mode: 'AUTO' } }],
])('Gemini 2.5 keeps AUTO (or no mode) with %s', (_, request, toolConfig) => {
  expect(toolConfigOf(request)).toEqual(toolConfig);
});

test.each(['gemini-2.0-flash', 'tunedModels/support-bot-v2'])('%s, which may not take the preview mode, gets what it got before: no mode, or AUTO', (model) => {
  expect(toolConfigOf({ tools: [getWeather] }, model)).toBeUndefined();
  expect(toolConfigOf({ tools: [getWeather], tool_choice: 'auto' }, model)).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
  expect(toolConfigOf({ tools: [getWeather], tool_choice: 'required' }, model)).toEqual({ functionCallingConfig: { mode: 'ANY' } });
});

test('the declarations are as before: strict is no field of theirs', () => {
  const body = toGeminiChat({ messages, tools: [getWeather] }, geminiThinkingControl('gemini-3-flash-preview'), { validatedMode: true });
  expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'get_weather', description: 'Current weather in a city', parametersJsonSchema: getWeather.function.parameters }] }]);
});

test('Google Search beside a strict function (Gemini 3 combines them) goes with VALIDATED; Google Search alone sends no mode', () => {
  expect(toolConfigOf({ tools: [getWeather], web_search_options: {} }, 'gemini-3-flash-preview')).toEqual({ functionCallingConfig: { mode: 'VALIDATED' } });
  expect(toolConfigOf({ web_search_options: {}, tool_choice: 'auto' }, 'gemini-3-flash-preview')).toBeUndefined();
});
