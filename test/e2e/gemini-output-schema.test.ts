/**
 * Structured outputs on Gemini with the schemas clients make: Pydantic's `model_json_schema()` writes
 * a nested model's field as `{"$ref": ..., "description": ...}`, which Gemini's responseJsonSchema
 * refuses with a 400 after the call (a `$ref` may have only `$` keys beside it); the gateway sends the
 * same schema in a form Gemini takes (gemini/output-schema.ts). The fake Gemini refuses such a node
 * as Gemini does (error-400-ref-siblings.json) and otherwise answers the JSON text.
 */
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { RecordedRequest } from '../support/fake-upstream';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** Pydantic 2's `Person.model_json_schema()`: `home: Address = Field(description=...)`, `work: Optional[Address] = None`. */
const PYDANTIC_PERSON = {
  $defs: {
    Address: {
      properties: { street: { title: 'Street', type: 'string' }, city: { title: 'City', type: 'string' } },
      required: ['street', 'city'],
      title: 'Address',
      type: 'object',
    },
  },
  properties: {
    name: { description: 'full name', minLength: 1, title: 'Name', type: 'string' },
    home: { $ref: '#/$defs/Address', description: 'home address' },
    work: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'null' }], default: null },
  },
  required: ['name', 'home'],
  title: 'Person',
  type: 'object',
};
const expectedPerson = { name: 'Zoë Martin', home: { street: '12 rue des Lilas', city: 'Lyon' }, work: null };
const answerText = readJsonFixture<{ candidates: { content: { parts: { text: string }[] } }[] }>('gemini', 'chat-structured-output.response.json').candidates[0].content.parts[0].text;
const messages = [{ role: 'user' as const, content: 'Zoë Martin lives at 12 rue des Lilas, Lyon.' }];

/** The first node (as a path) holding `$ref` beside a key not starting with `$`, as Gemini looks for it. */
function refWithSiblings(node: unknown, path: string): string | null {
  if (typeof node !== 'object' || node === null) return null;
  const entries = Object.entries(node);
  if (entries.some(([key, value]) => key === '$ref' && typeof value === 'string') && entries.some(([key]) => !key.startsWith('$'))) return path;
  for (const [key, value] of entries) {
    const found = refWithSiblings(value, path === '' ? key : `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

const responseJsonSchemaOf = (request: RecordedRequest | undefined) =>
  (request?.body as { generationConfig?: { responseJsonSchema?: unknown } } | undefined)?.generationConfig?.responseJsonSchema;

const setup = useGatewayWithUpstreams({
  upstreams: {
    gemini: (request, response) => {
      if (refWithSiblings(responseJsonSchemaOf(request), '') !== null) sendJson(response, 400, readJsonFixture('gemini', 'error-400-ref-siblings.json'));
      else sendJson(response, 200, readJsonFixture('gemini', 'chat-structured-output.response.json'));
    },
  },
  config: (urls) => `
endpoints:
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: sk-gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } } }
`,
  validateResponses: true,
});
const sentSchema = () => responseJsonSchemaOf(setup.upstreams.gemini.requests.at(-1));

test("chat.completions.parse() with Pydantic's schema: the described $ref goes in a one-branch anyOf, the client gets the object", async () => {
  const completion = await setup.openai.chat.completions.parse({ model: 'gemini', messages, response_format: { type: 'json_schema', json_schema: { name: 'Person', schema: PYDANTIC_PERSON } } });
  expect(completion.choices[0].message.content).toBe(answerText);
  expect(completion.choices[0].message.parsed).toEqual(expectedPerson);
  expect(sentSchema()).toEqual({
    ...PYDANTIC_PERSON,
    properties: { ...PYDANTIC_PERSON.properties, home: { anyOf: [{ $ref: '#/$defs/Address' }], description: 'home address' } },
  });
});

test('the MLflow route with the same schema answers the JSON text', async () => {
  const answer = await fetch(`${setup.gateway.url}/endpoints/gemini/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages, response_format: { type: 'json_schema', json_schema: { name: 'Person', schema: PYDANTIC_PERSON } } }),
  });
  expect(answer.status).toBe(200);
  const body = (await answer.json()) as { choices: { message: { content: string } }[] };
  expect(JSON.parse(body.choices[0].message.content)).toEqual(expectedPerson);
});

test("zodResponseFormat's schema (no $ref beside other keys) goes as the client sent it", async () => {
  const Address = z.object({ street: z.string(), city: z.string() });
  const Person = z.object({ name: z.string().min(1).describe('full name'), home: Address.describe('home address'), work: Address.nullable() });
  const format = zodResponseFormat(Person, 'person');
  const completion = await setup.openai.chat.completions.parse({ model: 'gemini', messages, response_format: format });
  expect(completion.choices[0].message.parsed).toEqual(expectedPerson);
  expect(sentSchema()).toEqual(format.json_schema.schema);
});

test("zod literals (a discriminated union's tags) reach Gemini as one-value enums, which Gemini reads, so parse() gets the tag the schema names", async () => {
  const Refund = z.object({ kind: z.literal('refund'), amount: z.number() });
  const Chargeback = z.object({ kind: z.literal('chargeback'), reason: z.string() });
  const format = zodResponseFormat(z.object({ event: z.discriminatedUnion('kind', [Refund, Chargeback]) }), 'payment_event');
  // As Gemini does: the tag follows an enum, but a const alone is passed over (the model writes the word it finds likelier).
  setup.upstreams.gemini.setHandler((request, response) => {
    const branch = (responseJsonSchemaOf(request) as { properties: { event: { anyOf: { properties: { kind: { enum?: string[] } } }[] } } }).properties.event.anyOf[0];
    const kind = branch.properties.kind.enum?.[0] ?? 'Refund';
    const answer = readJsonFixture<{ candidates: { content: { parts: { text: string }[] } }[] }>('gemini', 'chat-structured-output.response.json');
    answer.candidates[0].content.parts[0].text = JSON.stringify({ event: { kind, amount: 42.5 } });
    sendJson(response, 200, answer);
  });
  const completion = await setup.openai.chat.completions.parse({ model: 'gemini', messages: [{ role: 'user', content: 'Refund of 42.50 EUR on order 1187.' }], response_format: format });
  expect(completion.choices[0].message.parsed).toEqual({ event: { kind: 'refund', amount: 42.5 } });
  expect(JSON.stringify(sentSchema())).toContain('"const":"chargeback","enum":["chargeback"]');
});
