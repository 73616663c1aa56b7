/**
 * `response_format` beside `tools` and `tool_choice`, as an agent sends them on every turn of its
 * loop, on Anthropic, Gemini and Bedrock Converse: both reach the vendor in its own fields (Anthropic's
 * `output_config.format` with `tools` and `tool_choice`, Gemini's `responseJsonSchema` with
 * `functionDeclarations` and `functionCallingConfig`, Converse's `outputConfig.textFormat` with
 * `toolConfig`); the turn that calls tools comes back as the openai client's tool calls, and the turn
 * after the tool results as the JSON text, which `chat.completions.parse()` reads. Each fake answers
 * the call until it is given the tool results, then the structured answer; the fake Gemini 2.x refuses
 * the two together as Gemini 2.x does, and that 400 reaches the client.
 */
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveBedrockFixtures, serveGeminiFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** The JSON the Anthropic and Bedrock structured-output fixtures answer with, and the one the Gemini fixture does. */
const Contact = z.object({ name: z.string(), email: z.string(), plan_interest: z.string(), demo_requested: z.boolean() });
const expectedContact = { name: 'Zoë Martin', email: 'zoe@example.com', plan_interest: 'Enterprise', demo_requested: true };
const Address = z.object({ street: z.string(), city: z.string() });
const Person = z.object({ name: z.string(), home: Address, work: Address.nullable() });
const expectedPerson = { name: 'Zoë Martin', home: { street: '12 rue des Lilas', city: 'Lyon' }, work: null };

const getWeather = zodFunction({ name: 'get_weather', parameters: z.object({ location: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }) });
const question: ChatCompletionMessageParam = { role: 'user', content: 'Weather in Paris and São Paulo?' };

/** The conversation after the client ran the calls of `answer`: its assistant turn, then one result per call. */
const afterToolResults = (toolCalls: { id: string }[]): ChatCompletionMessageParam[] => [
  question,
  { role: 'assistant', content: null, tool_calls: toolCalls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' } })) },
  ...toolCalls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: '{"celsius": 21}' })),
];

const lastBlocks = (body: unknown): { type?: string; functionResponse?: unknown; toolResult?: unknown }[] => {
  const { messages, contents } = body as { messages?: { content?: unknown }[]; contents?: { parts?: unknown[] }[] };
  const last = messages?.at(-1)?.content ?? contents?.at(-1)?.parts;
  return Array.isArray(last) ? last : [];
};

describe('Anthropic and Gemini', () => {
  const setup = useGatewayWithUpstreams({
    upstreams: {
      anthropic: (request, response) =>
        lastBlocks(request.body).some((block) => block.type === 'tool_result')
          ? sendJson(response, 200, readJsonFixture('anthropic', 'chat-structured-output.response.json'))
          : serveAnthropicFixtures('claude-haiku-4-5')(request, response),
      gemini: (request, response) => {
        // Gemini 2.x takes no function calling beside a JSON response (error-400-tools-with-json.json).
        if (request.url.includes('gemini-2.5') && (request.body as { tools?: unknown }).tools !== undefined) return sendJson(response, 400, readJsonFixture('gemini', 'error-400-tools-with-json.json'));
        if (lastBlocks(request.body).some((part) => part.functionResponse !== undefined)) return sendJson(response, 200, readJsonFixture('gemini', 'chat-structured-output.response.json'));
        return serveGeminiFixtures('gemini-2.0-flash-lite')(request, response);
      },
    },
    config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-3-flash-preview, config: { gemini_api_key: sk-gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: gemini-25, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: sk-gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } } }
`,
    validateResponses: true,
  });
  const sent = (vendor: 'anthropic' | 'gemini') => setup.upstreams[vendor].requests.at(-1)?.body as Record<string, unknown>;

  test('Anthropic: output_config.format beside tools and tool_choice any; the calls come back, then the JSON after their results', async () => {
    const format = zodResponseFormat(Contact, 'contact');
    const calling = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools: [getWeather], tool_choice: 'required', response_format: format });
    expect(calling.choices[0].finish_reason).toBe('tool_calls');
    expect(calling.choices[0].message.tool_calls?.map((call) => call.type === 'function' && JSON.parse(call.function.arguments))).toEqual([
      { location: 'Paris, France', unit: 'celsius' },
      { location: 'São Paulo, Brazil', unit: 'celsius' },
    ]);
    expect(sent('anthropic')).toMatchObject({
      output_config: { format: { type: 'json_schema', schema: { type: 'object', required: ['name', 'email', 'plan_interest', 'demo_requested'] } } },
      // A strict tool's schema as Claude's grammar takes it, `$schema` left out (shared/claude-output-schema.ts).
      tools: [{ name: 'get_weather', strict: true, input_schema: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location', 'unit'], additionalProperties: false } }],
      tool_choice: { type: 'any' },
    });
    const answer = await setup.openai.chat.completions.parse({ model: 'claude', messages: afterToolResults(calling.choices[0].message.tool_calls!), tools: [getWeather], response_format: format });
    expect([answer.choices[0].message.parsed, answer.choices[0].finish_reason]).toEqual([expectedContact, 'stop']);
    expect(sent('anthropic')).toMatchObject({ output_config: { format: { type: 'json_schema' } }, tools: [{ name: 'get_weather' }] });
  });

  test('Gemini 3: responseJsonSchema beside functionDeclarations and mode ANY with the named function; parse() reads the calls, then the JSON', async () => {
    const format = zodResponseFormat(Person, 'person');
    const calling = await setup.openai.chat.completions.parse({
      model: 'gemini',
      messages: [question],
      tools: [getWeather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      response_format: format,
    });
    expect(calling.choices[0].finish_reason).toBe('tool_calls');
    expect(calling.choices[0].message.content).toBeNull();
    expect(calling.choices[0].message.tool_calls?.map((call) => call.function.parsed_arguments)).toEqual([
      { location: 'Paris, France', unit: 'celsius' },
      { location: 'São Paulo, Brazil', unit: 'celsius' },
    ]);
    expect(sent('gemini')).toMatchObject({
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema: format.json_schema.schema },
      tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: getWeather.function.parameters }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } },
    });
    const answer = await setup.openai.chat.completions.parse({ model: 'gemini', messages: afterToolResults(calling.choices[0].message.tool_calls ?? []), tools: [getWeather], response_format: format });
    expect([answer.choices[0].message.parsed, answer.choices[0].finish_reason]).toEqual([expectedPerson, 'stop']);
    expect(sent('gemini')).toMatchObject({ generationConfig: { responseJsonSchema: format.json_schema.schema }, tools: [{ functionDeclarations: [{ name: 'get_weather' }] }] });
  });

  test("Gemini 2.x, which refuses function calling beside a JSON response, answers a 400 with Gemini's message", async () => {
    const refused = setup.openai.chat.completions.create({ model: 'gemini-25', messages: [question], tools: [getWeather], response_format: zodResponseFormat(Person, 'person') });
    await expect(refused).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Function calling with a response mime type: 'application/json' is unsupported") });
  });
});

describe('Bedrock Converse (Claude)', () => {
  const setup = useGatewayWithFakeBedrock({
    serve: (call) =>
      call.operation === 'converse' && lastBlocks(call.body).some((block) => block.toolResult !== undefined)
        ? { json: readJsonFixture('bedrock', 'converse-structured-output.response.json') }
        : serveBedrockFixtures(call),
    config: (fakeUrl) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
`,
  });
  const sent = () => setup.fake.calls.at(-1)?.body as Record<string, unknown>;

  test('outputConfig.textFormat beside toolConfig with the named tool; the calls come back, then the JSON after their results', async () => {
    const format = zodResponseFormat(Contact, 'contact');
    const calling = await setup.openai.chat.completions.create({
      model: 'claude',
      messages: [question],
      tools: [getWeather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      response_format: format,
    });
    expect(calling.choices[0].finish_reason).toBe('tool_calls');
    expect(calling.choices[0].message.tool_calls?.map((call) => call.type === 'function' && call.function.name)).toEqual(['get_weather', 'get_weather']);
    expect(sent()).toMatchObject({
      outputConfig: { textFormat: { type: 'json_schema', structure: { jsonSchema: { name: 'contact' } } } },
      toolConfig: { tools: [{ toolSpec: { name: 'get_weather', strict: true } }], toolChoice: { tool: { name: 'get_weather' } } },
    });
    const answer = await setup.openai.chat.completions.parse({ model: 'claude', messages: afterToolResults(calling.choices[0].message.tool_calls!), tools: [getWeather], response_format: format });
    expect([answer.choices[0].message.parsed, answer.choices[0].finish_reason]).toEqual([expectedContact, 'stop']);
    expect(sent()).toMatchObject({ outputConfig: { textFormat: { type: 'json_schema' } }, toolConfig: { tools: [{ toolSpec: { name: 'get_weather' } }] } });
  });
});
