/**
 * The openai client's strict functions (zodFunction sets `strict: true`, as the OpenAI Agents SDK
 * does by default) on Gemini: with no tool_choice, Gemini 2.5 and later get function calling mode
 * VALIDATED, which holds the calls to their schemas as strict asks (AUTO, Gemini's default, does not
 * promise it); Gemini 2.0, whose taking the preview mode is not documented, gets the request it got
 * before. The calls come back parsed against the zod schema.
 */
import { zodFunction } from 'openai/helpers/zod';
import { z } from 'zod';
import { serveGeminiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const getWeather = zodFunction({ name: 'get_weather', description: 'Current weather in a city', parameters: z.object({ location: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }) });
const messages = [{ role: 'user' as const, content: 'Weather in Paris and São Paulo?' }];

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: serveGeminiFixtures('none') },
  config: (urls) => `
endpoints:
  - { name: gemini-25, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: sk-gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: gemini-3, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-3-flash-preview, config: { gemini_api_key: sk-gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: gemini-20, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: sk-gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } } }
`,
  validateResponses: true,
});
const sent = () => setup.upstreams.gemini.requests.at(-1)?.body as { tools?: unknown; toolConfig?: unknown };

test.each(['gemini-25', 'gemini-3'])('%s: a strict function without tool_choice goes with mode VALIDATED; parse() reads the calls', async (model) => {
  const completion = await setup.openai.chat.completions.parse({ model, messages, tools: [getWeather] });
  expect(sent().toolConfig).toEqual({ functionCallingConfig: { mode: 'VALIDATED' } });
  expect(sent().tools).toEqual([{ functionDeclarations: [{ name: 'get_weather', description: 'Current weather in a city', parametersJsonSchema: getWeather.function.parameters }] }]);
  expect(completion.choices[0].finish_reason).toBe('tool_calls');
  expect(completion.choices[0].message.tool_calls?.map((call) => call.type === 'function' && call.function.parsed_arguments)).toEqual([
    { location: 'Paris, France', unit: 'celsius' },
    { location: 'São Paulo, Brazil', unit: 'celsius' },
  ]);
});

test('streamed, the same mode goes, and the calls come back as deltas', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'gemini-25', messages, tools: [getWeather], tool_choice: 'auto', stream: true });
  const names: (string | undefined)[] = [];
  for await (const chunk of stream) for (const call of chunk.choices[0]?.delta.tool_calls ?? []) names.push(call.function?.name);
  expect(sent().toolConfig).toEqual({ functionCallingConfig: { mode: 'VALIDATED' } });
  expect(names.filter((name) => name !== undefined && name !== null)).toEqual(['get_weather', 'get_weather']);
});

test('tool_choice required stays ANY (which holds calls to their schemas already), and a function that is not strict keeps no mode', async () => {
  await setup.openai.chat.completions.create({ model: 'gemini-25', messages, tools: [getWeather], tool_choice: 'required' });
  expect(sent().toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } });
  await setup.openai.chat.completions.create({ model: 'gemini-25', messages, tools: [{ ...getWeather, function: { ...getWeather.function, strict: false } }] });
  expect(sent()).not.toHaveProperty('toolConfig');
});

test('Gemini 2.0 gets the request it got before: no mode', async () => {
  const completion = await setup.openai.chat.completions.parse({ model: 'gemini-20', messages, tools: [getWeather] });
  expect(sent()).not.toHaveProperty('toolConfig');
  expect(completion.choices[0].message.tool_calls).toHaveLength(2);
});
