/**
 * Strict tools (OpenAI's strict mode, which the openai client's zodFunction sets) on Claude: Claude
 * constrains a strict tool's input with the grammar of its structured outputs, and Anthropic refuses
 * keywords such as minLength with a 400 after the call (error-400-strict-tool-schema.json), so the
 * gateway reshapes a strict tool's parameters as it does a response_format schema
 * (shared/claude-output-schema.ts), on the Anthropic provider and for Claude on Bedrock Converse; a
 * recursive one is a 400 naming its path, before any call, unless the tool is not sent (allowed_tools
 * leaves it out, or tool_choice none on Converse). Other tools' schemas go whole.
 */
import type OpenAI from 'openai';
import { zodFunction } from 'openai/helpers/zod';
import { z } from 'zod';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** A weather agent's tool, bounded as an app bounds it; the tool-use fixtures call it. */
const getWeather = zodFunction({
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: z.object({ location: z.string().min(2).max(100).describe('City and country'), unit: z.enum(['celsius', 'fahrenheit']) }),
});
/** A tool that is not strict, with a bound of its own: it goes whole. */
const searchDocs = { type: 'function' as const, function: { name: 'search_docs', parameters: { type: 'object', properties: { query: { type: 'string', minLength: 3 } }, required: ['query'] } } };
/** A folder tree (z.lazy's recursion, a $ref into the definition it lies in), which Claude's grammar cannot hold. */
const Folder: z.ZodType<{ name: string; children: unknown[] }> = z.object({ name: z.string(), get children() { return z.array(Folder); } });
const createFolders = zodFunction({ name: 'create_folders', parameters: z.object({ root: Folder }) });
const RECURSION = 'definitions.__schema0.properties.children.items.$ref';
/** OpenAI's allowed_tools (the openai v6 client's type) allowing get_weather alone. */
const allowWeather = { type: 'allowed_tools' as const, allowed_tools: { mode: 'required' as const, tools: [{ type: 'function', function: { name: 'get_weather' } }] } };

const messages = [{ role: 'user' as const, content: 'Quel temps fait-il à Paris et à São Paulo ?' }];
const parsedArguments = [
  { location: 'Paris, France', unit: 'celsius' },
  { location: 'São Paulo, Brazil', unit: 'celsius' },
];
/** What Claude is sent for get_weather: the bounds as description text, `$schema` left out, still strict. */
const claudeGetWeather = {
  type: 'object',
  properties: { location: { type: 'string', description: 'City and country\n\n{minLength: 2, maxLength: 100}' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
  required: ['location', 'unit'],
  additionalProperties: false,
};

/** Keywords Claude's grammar refuses, which the fake looks for in strict tools' schemas. */
const REFUSED_KEYWORDS = /"(?:minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf|minLength|maxLength|maxItems)":/;

describe('Anthropic', () => {
  type SentTool = { name: string; input_schema: unknown; strict?: boolean };
  const setup = useGatewayWithUpstreams({
    upstreams: {
      anthropic: (request, response) => {
        const tools = (request.body as { tools?: SentTool[] }).tools ?? [];
        if (tools.some((tool) => tool.strict === true && REFUSED_KEYWORDS.test(JSON.stringify(tool.input_schema)))) sendJson(response, 400, readJsonFixture('anthropic', 'error-400-strict-tool-schema.json'));
        else return serveAnthropicFixtures('claude-haiku-4-5')(request, response);
      },
    },
    config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" } } }
`,
    validateResponses: true,
  });
  const sentTools = () => (setup.upstreams.anthropic.requests.at(-1)?.body as { tools: SentTool[] }).tools;

  test('chat.completions.parse() with a zodFunction tool: Claude gets the strict schema it takes, the client the arguments parsed by zod', async () => {
    const completion = await setup.openai.chat.completions.parse({ model: 'claude', messages, tools: [getWeather] });
    expect((completion.choices[0].message.tool_calls ?? []).map((call) => (call.type === 'function' ? call.function.parsed_arguments : null))).toEqual(parsedArguments);
    expect(sentTools()).toEqual([{ name: 'get_weather', description: 'Current weather of a city', input_schema: claudeGetWeather, strict: true }]);
  });

  test('a tool that is not strict goes with its schema whole beside it', async () => {
    await setup.openai.chat.completions.create({ model: 'claude', messages, tools: [searchDocs, getWeather] });
    expect(sentTools()[0]).toEqual({ name: 'search_docs', input_schema: searchDocs.function.parameters });
  });

  test('a recursive strict tool is a 400 naming the $ref that recurses, on /v1 and the MLflow route, and nothing is sent', async () => {
    const param = `tools[1].function.parameters.${RECURSION}`;
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages, tools: [getWeather, createFolders] })).rejects.toMatchObject({ status: 400, param });
    const mlflow = await fetch(`${setup.gateway.url}/endpoints/claude/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages, tools: [getWeather, createFolders] }),
    });
    expect([mlflow.status, ((await mlflow.json()) as { detail: string }).detail]).toEqual([400, `'${param}': Anthropic's strict tools do not take recursive schemas (a $ref to a schema it lies in).`]);
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  });

  test('a recursive strict tool that allowed_tools leaves out is not sent, so the call goes; beside a named function (every tool sent) it is still a 400', async () => {
    await setup.openai.chat.completions.create({ model: 'claude', messages, tools: [getWeather, createFolders], tool_choice: allowWeather });
    expect(sentTools()).toEqual([{ name: 'get_weather', description: 'Current weather of a city', input_schema: claudeGetWeather, strict: true }]);
    const named = { type: 'function' as const, function: { name: 'get_weather' } };
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages, tools: [getWeather, createFolders], tool_choice: named })).rejects.toMatchObject({ status: 400, param: `tools[1].function.parameters.${RECURSION}` });
    expect(setup.upstreams.anthropic.requests).toHaveLength(1);
  });

  test('/v1/responses: a strict function tool is reshaped the same way, and a recursive one names tools[k].parameters', async () => {
    const responsesTool = ({ function: { name, parameters } }: OpenAI.ChatCompletionFunctionTool) => ({ type: 'function' as const, name, parameters: parameters ?? null, strict: true });
    const response = await setup.openai.responses.create({ model: 'claude', input: messages[0].content, tools: [responsesTool(getWeather)] });
    expect(response.output.filter((item) => item.type === 'function_call').map((item) => JSON.parse(item.arguments))).toEqual(parsedArguments);
    expect(sentTools()[0].input_schema).toEqual(claudeGetWeather);
    await expect(setup.openai.responses.create({ model: 'claude', input: 'Make a folder tree', tools: [responsesTool(getWeather), responsesTool(createFolders)] })).rejects.toMatchObject({
      status: 400,
      param: `tools[1].parameters.${RECURSION}`,
    });
  });
});

describe('Bedrock Converse', () => {
  type SentToolSpec = { toolSpec: { name: string; inputSchema: { json: unknown }; strict?: boolean } };
  const setup = useGatewayWithFakeBedrock({
    serve: serveBedrockFixtures,
    config: (fakeUrl) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
  - { name: llama, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.meta.llama3-3-70b-instruct-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
`,
  });
  const sentTool = () => (setup.fake.calls.at(-1)?.body as { toolConfig: { tools: SentToolSpec[] } }).toolConfig.tools[0].toolSpec;

  test("Claude gets the strict tool's schema reshaped as on Anthropic's API", async () => {
    await setup.openai.chat.completions.create({ model: 'claude', messages, tools: [getWeather] });
    expect(sentTool()).toEqual({ name: 'get_weather', description: 'Current weather of a city', inputSchema: { json: claudeGetWeather }, strict: true });
  });

  test("another family's strict tool goes as the client sent it (AWS judges it)", async () => {
    await setup.openai.chat.completions.create({ model: 'llama', messages, tools: [getWeather] });
    expect(sentTool()).toEqual({ name: 'get_weather', description: 'Current weather of a city', inputSchema: { json: getWeather.function.parameters }, strict: true });
  });

  test('a recursive strict tool that allowed_tools leaves out, or that tool_choice none keeps from being sent, is no 400', async () => {
    await setup.openai.chat.completions.create({ model: 'claude', messages, tools: [getWeather, createFolders], tool_choice: allowWeather });
    const { toolConfig } = setup.fake.calls.at(-1)?.body as { toolConfig: { tools: SentToolSpec[]; toolChoice: unknown } };
    expect([toolConfig.tools.map(({ toolSpec }) => toolSpec.name), toolConfig.toolChoice]).toEqual([['get_weather'], { any: {} }]);
    await setup.openai.chat.completions.create({ model: 'claude', messages, tools: [getWeather, createFolders], tool_choice: 'none' });
    expect(setup.fake.calls.at(-1)?.body).not.toHaveProperty('toolConfig');
  });

  test('a recursive strict tool for Claude is a 400 naming the $ref, before any call', async () => {
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages, tools: [createFolders] })).rejects.toMatchObject({ status: 400, param: `tools[0].function.parameters.${RECURSION}` });
    expect(setup.fake.calls).toHaveLength(0);
  });
});
