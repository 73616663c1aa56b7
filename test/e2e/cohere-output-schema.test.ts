/**
 * Structured outputs on Cohere with the schemas clients make: Cohere wants a `type` on every schema
 * and does not follow `$ref`, so a Pydantic model holding a list of another failed after the call
 * ("response_format schema must specify `type`."). The gateway writes references out
 * (cohere/output-schema.ts) and refuses what Cohere cannot take with a 400 naming its path, before
 * any call. The fake Cohere refuses a schema with a node without a type as Cohere does
 * (error-400-schema-type.json) and otherwise answers the JSON text.
 */
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** Pydantic 2's `Users.model_json_schema()` for `class Users(BaseModel): users: list[User]` (instructor#883). */
const PYDANTIC_USERS = {
  $defs: {
    User: { properties: { name: { title: 'Name', type: 'string' }, age: { title: 'Age', type: 'integer' } }, required: ['name', 'age'], title: 'User', type: 'object' },
  },
  properties: { users: { items: { $ref: '#/$defs/User' }, title: 'Users', type: 'array' } },
  required: ['users'],
  title: 'Users',
  type: 'object',
};
const expectedUsers = { users: [{ name: 'Zoë Martin', age: 34 }, { name: 'Léo Dubois', age: 29 }] };
const messages = [{ role: 'user' as const, content: 'Zoë Martin is 34; Léo Dubois is 29.' }];

/** Whether a schema holds a node without a type, where Cohere looks for one (properties, items). */
function hasUntyped(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const schema = node as { type?: unknown; properties?: Record<string, unknown>; items?: unknown };
  return schema.type === undefined || Object.values(schema.properties ?? {}).some(hasUntyped) || (schema.items !== undefined && hasUntyped(schema.items));
}

const setup = useGatewayWithUpstreams({
  upstreams: {
    cohere: (request, response) => {
      const schema = (request.body as { response_format?: { schema?: unknown } }).response_format?.schema;
      if (schema !== undefined && hasUntyped(schema)) sendJson(response, 400, readJsonFixture('cohere', 'error-400-schema-type.json'));
      else sendJson(response, 200, readJsonFixture('cohere', 'chat-structured-output.response.json'));
    },
  },
  config: (urls) => `
endpoints:
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r-plus-08-2024, config: { cohere_api_key: co-test, cohere_api_base: "${urls.cohere}/v1" } } }
`,
  validateResponses: true,
});
const sentSchema = () => (setup.upstreams.cohere.requests.at(-1)?.body as { response_format: { schema: unknown } }).response_format.schema;
const jsonSchema = (name: string, schema: Record<string, unknown>) => ({ type: 'json_schema' as const, json_schema: { name, schema } });

test("chat.completions.parse() with Pydantic's list of models: the $ref is written out, the client gets the object", async () => {
  const completion = await setup.openai.chat.completions.parse({ model: 'cohere', messages, response_format: jsonSchema('Users', PYDANTIC_USERS) });
  expect(completion.choices[0].message.parsed).toEqual(expectedUsers);
  const { $defs, ...rest } = PYDANTIC_USERS;
  expect(sentSchema()).toEqual({ ...rest, properties: { users: { items: $defs.User, title: 'Users', type: 'array' } } });
});

test("zodResponseFormat's schema without references goes as the client sent it, on the MLflow route too", async () => {
  const Users = z.object({ users: z.array(z.object({ name: z.string(), age: z.number().int() })) });
  const completion = await setup.openai.chat.completions.parse({ model: 'cohere', messages, response_format: zodResponseFormat(Users, 'users') });
  expect(completion.choices[0].message.parsed).toEqual(expectedUsers);
  expect(sentSchema()).toEqual(zodResponseFormat(Users, 'users').json_schema.schema);
  const answer = await fetch(`${setup.gateway.url}/endpoints/cohere/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages, response_format: jsonSchema('Users', PYDANTIC_USERS) }),
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(((await answer.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content)).toEqual(expectedUsers);
});

test.each([
  [
    "an optional field (Pydantic's Optional[str], anyOf with null)",
    { properties: { nick: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Nick' } }, title: 'P', type: 'object' },
    'response_format.json_schema.schema.properties.nick',
  ],
  [
    "a recursive model (Pydantic's Node holding Nodes)",
    { $defs: { Node: { properties: { children: { items: { $ref: '#/$defs/Node' }, type: 'array' } }, required: ['children'], type: 'object' } }, $ref: '#/$defs/Node' },
    'response_format.json_schema.schema.$defs.Node.properties.children.items.$ref',
  ],
  ['a list at the top level', { type: 'array', items: { type: 'string' } }, 'response_format.json_schema.schema.type'],
])('%s is a 400 naming the schema path, and nothing is sent', async (_name, schema, param) => {
  await expect(setup.openai.chat.completions.create({ model: 'cohere', messages, response_format: jsonSchema('s', schema) })).rejects.toMatchObject({ status: 400, param });
  expect(setup.upstreams.cohere.requests).toHaveLength(0);
});
