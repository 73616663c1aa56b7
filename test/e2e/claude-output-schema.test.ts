/**
 * Structured outputs with the schemas clients make (the openai client's zodResponseFormat) on Claude:
 * Anthropic's grammar refuses keywords such as minLength with a 400 after the call, so the gateway
 * reshapes the schema as Anthropic's SDKs do (shared/claude-output-schema.ts), on the Anthropic
 * provider and for Claude on Bedrock Converse; a recursive schema is a 400 naming its path, before
 * any call. The fake Anthropic refuses such keywords as Anthropic does (error-400-output-schema.json).
 */
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** The lead the structured-output fixtures answer with, with the bounds and format an app puts on it. */
const Contact = z.object({ name: z.string().min(1).max(100), email: z.string().email(), plan_interest: z.string(), demo_requested: z.boolean() });
const expectedContact = { name: 'Zoë Martin', email: 'zoe@example.com', plan_interest: 'Enterprise', demo_requested: true };
const messages = [{ role: 'user' as const, content: 'Extract: Zoë Martin (zoe@example.com) wants Enterprise and a demo.' }];

/** A tree (z.lazy's recursion is `$ref: "#"`), which Claude's grammar cannot hold. */
interface Category {
  name: string;
  children: Category[];
}
const CategorySchema: z.ZodType<Category> = z.object({ name: z.string(), get children() { return z.array(CategorySchema); } });

/** What Claude is sent for Contact: the bounds and the pattern as description text, `$schema` left out. */
const claudeContactSchema = () => {
  const email = (zodResponseFormat(Contact, 'contact').json_schema.schema as { properties: { email: { pattern: string } } }).properties.email;
  return {
    type: 'object',
    properties: {
      name: { type: 'string', description: '{minLength: 1, maxLength: 100}' },
      email: { type: 'string', format: 'email', description: `{pattern: ${JSON.stringify(email.pattern)}}` },
      plan_interest: { type: 'string' },
      demo_requested: { type: 'boolean' },
    },
    required: ['name', 'email', 'plan_interest', 'demo_requested'],
    additionalProperties: false,
  };
};

/** Keywords Claude's grammar refuses, which the fake looks for anywhere in the schema. */
const REFUSED_KEYWORDS = /"(?:minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf|minLength|maxLength|maxItems)":/;

describe('Anthropic', () => {
  const setup = useGatewayWithUpstreams({
    upstreams: {
      anthropic: (request, response) => {
        const format = (request.body as { output_config?: { format?: { schema?: unknown } } }).output_config?.format;
        if (format !== undefined && REFUSED_KEYWORDS.test(JSON.stringify(format.schema))) sendJson(response, 400, readJsonFixture('anthropic', 'error-400-output-schema.json'));
        else return serveAnthropicFixtures('claude-haiku-4-5')(request, response);
      },
    },
    config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" } } }
`,
    validateResponses: true,
  });
  const sentSchema = () => (setup.upstreams.anthropic.requests.at(-1)?.body as { output_config: { format: { schema: unknown } } }).output_config.format.schema;

  test("chat.completions.parse() with zodResponseFormat: Claude gets the schema it takes, the client the object parsed and checked by zod", async () => {
    const completion = await setup.openai.chat.completions.parse({ model: 'claude', messages, response_format: zodResponseFormat(Contact, 'contact') });
    expect(completion.choices[0].message.parsed).toEqual(expectedContact);
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(sentSchema()).toEqual(claudeContactSchema());
  });

  test('streamed with the client\'s stream helper: finalChatCompletion() is parsed', async () => {
    const stream = setup.openai.chat.completions.stream({ model: 'claude', messages, response_format: zodResponseFormat(Contact, 'contact') });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].message.parsed).toEqual(expectedContact);
    expect(sentSchema()).toEqual(claudeContactSchema());
  });

  test('a recursive schema is a 400 naming the $ref that recurses, on /v1 and the MLflow route, and nothing is sent', async () => {
    const param = 'response_format.json_schema.schema.properties.children.items.$ref';
    await expect(setup.openai.chat.completions.parse({ model: 'claude', messages, response_format: zodResponseFormat(CategorySchema, 'category') })).rejects.toMatchObject({ status: 400, param });
    const mlflow = await fetch(`${setup.gateway.url}/endpoints/claude/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages, response_format: zodResponseFormat(CategorySchema, 'category') }),
    });
    expect([mlflow.status, ((await mlflow.json()) as { detail: string }).detail]).toEqual([
      400,
      `'${param}': Anthropic's structured outputs do not take recursive schemas (a $ref to a schema it lies in).`,
    ]);
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  });

  test("an object open to other keys (Pydantic's dict[str, int]) is a 400 naming its additionalProperties, before any call", async () => {
    const schema = { type: 'object', properties: { counts: { type: 'object', additionalProperties: { type: 'integer' }, title: 'Counts' } }, required: ['counts'], title: 'Tags' };
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages, response_format: { type: 'json_schema', json_schema: { name: 'tags', schema } } })).rejects.toMatchObject({
      status: 400,
      param: 'response_format.json_schema.schema.properties.counts.additionalProperties',
    });
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  });

  test("/v1/responses: text.format's schema is reshaped the same way, and a recursive one names text.format", async () => {
    const textFormat = (type: z.ZodType, name: string) => ({ format: { type: 'json_schema' as const, name, strict: true, schema: zodResponseFormat(type, name).json_schema.schema ?? {} } });
    const response = await setup.openai.responses.create({ model: 'claude', input: messages[0].content, text: textFormat(Contact, 'contact') });
    expect(JSON.parse(response.output_text)).toEqual(expectedContact);
    expect(sentSchema()).toEqual(claudeContactSchema());
    await expect(setup.openai.responses.create({ model: 'claude', input: 'Categories of fruit', text: textFormat(CategorySchema, 'category') })).rejects.toMatchObject({
      status: 400,
      param: 'text.format.schema.properties.children.items.$ref',
    });
  });
});

describe('Bedrock Converse', () => {
  const setup = useGatewayWithFakeBedrock({
    serve: (call) => (call.operation === 'converse' ? { json: readJsonFixture('bedrock', 'converse-structured-output.response.json') } : serveBedrockFixtures(call)),
    config: (fakeUrl) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
  - { name: llama, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.meta.llama3-3-70b-instruct-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
`,
  });
  const sentSchema = () => JSON.parse((setup.fake.calls.at(-1)?.body as { outputConfig: { textFormat: { structure: { jsonSchema: { schema: string } } } } }).outputConfig.textFormat.structure.jsonSchema.schema);

  test("Claude gets the schema reshaped as on Anthropic's API; parse() reads the answer", async () => {
    const completion = await setup.openai.chat.completions.parse({ model: 'claude', messages, response_format: zodResponseFormat(Contact, 'contact') });
    expect(completion.choices[0].message.parsed).toEqual(expectedContact);
    expect(sentSchema()).toEqual(claudeContactSchema());
  });

  test("another family's schema goes as the client sent it (AWS judges it)", async () => {
    await setup.openai.chat.completions.parse({ model: 'llama', messages, response_format: zodResponseFormat(Contact, 'contact') });
    expect(sentSchema()).toEqual(zodResponseFormat(Contact, 'contact').json_schema.schema);
  });

  test('a recursive schema for Claude is a 400 naming the $ref, before any call', async () => {
    await expect(setup.openai.chat.completions.create({ model: 'claude', messages, response_format: zodResponseFormat(CategorySchema, 'category') })).rejects.toMatchObject({
      status: 400,
      param: 'response_format.json_schema.schema.properties.children.items.$ref',
    });
    expect(setup.fake.calls).toHaveLength(0);
  });
});
