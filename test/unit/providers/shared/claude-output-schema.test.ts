/**
 * toClaudeOutputSchema on the schemas Pydantic and zod make: what Claude's grammar does not take
 * moves into descriptions as Anthropic's SDKs write it; what has no equivalent is a 400 naming the path.
 */
import { toClaudeOutputSchema } from '../../../../src/providers/shared/claude-output-schema';

const refusal = (schema: Record<string, unknown>) => {
  try {
    toClaudeOutputSchema(schema, 'Anthropic');
  } catch (error) {
    return { status: (error as { status: number }).status, param: (error as { param: string }).param };
  }
  throw new Error('no refusal');
};

test("Pydantic's schema of a model with a nested model, an Optional and an Enum: $defs and $ref kept, bounds and unsupported formats as text", () => {
  const schema = {
    $defs: {
      Address: { properties: { city: { title: 'City', type: 'string', minLength: 2 } }, required: ['city'], title: 'Address', type: 'object' },
      Plan: { enum: ['free', 'pro'], title: 'Plan', type: 'string' },
    },
    properties: {
      address: { $ref: '#/$defs/Address' },
      plan: { $ref: '#/$defs/Plan' },
      seats: { anyOf: [{ type: 'integer', minimum: 1, description: 'Paid seats' }, { type: 'null' }], default: null, title: 'Seats' },
      website: { type: 'string', format: 'iri', title: 'Website' },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
      kind: { oneOf: [{ const: 'a', type: 'string' }, { const: 'b', type: 'string' }] },
    },
    required: ['address', 'plan', 'seats', 'website', 'tags', 'kind'],
    title: 'Lead',
    type: 'object',
  };
  expect(toClaudeOutputSchema(schema, 'Anthropic')).toEqual({
    $defs: {
      Address: { type: 'object', title: 'Address', properties: { city: { type: 'string', title: 'City', description: '{minLength: 2}' } }, additionalProperties: false, required: ['city'] },
      Plan: { type: 'string', title: 'Plan', enum: ['free', 'pro'] },
    },
    type: 'object',
    title: 'Lead',
    properties: {
      address: { $ref: '#/$defs/Address' },
      plan: { $ref: '#/$defs/Plan' },
      seats: { anyOf: [{ type: 'integer', description: 'Paid seats\n\n{minimum: 1}' }, { type: 'null' }], title: 'Seats', description: '{default: null}' },
      website: { type: 'string', title: 'Website', description: '{format: "iri"}' },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, description: '{maxItems: 5}' },
      kind: { anyOf: [{ type: 'string', const: 'a' }, { type: 'string', const: 'b' }] },
    },
    additionalProperties: false,
    required: ['address', 'plan', 'seats', 'website', 'tags', 'kind'],
  });
});

test('a schema already in the subset is sent as it came, but for $schema', () => {
  const schema = { type: 'object', properties: { name: { type: 'string' }, at: { type: 'string', format: 'date-time' } }, required: ['name', 'at'], additionalProperties: false };
  expect(toClaudeOutputSchema({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, 'Anthropic')).toEqual(schema);
});

test('recursion through definitions (Pydantic: a Node whose children are Nodes) is a 400 naming the $ref that closes it', () => {
  const schema = {
    $defs: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } },
    $ref: '#/$defs/Node',
  };
  expect(refusal(schema)).toEqual({ status: 400, param: 'response_format.json_schema.schema.$defs.Node.properties.children.items.$ref' });
  const mutual = { type: 'object', properties: { a: { $ref: '#/$defs/A' } }, $defs: { A: { type: 'object', properties: { b: { $ref: '#/$defs/B' } } }, B: { type: 'array', items: { $ref: '#/$defs/A' } } } };
  expect(refusal(mutual).param).toBe('response_format.json_schema.schema.$defs.B.items.$ref');
});

test('a root $ref keeps the definitions it points into', () => {
  const schema = { $ref: '#/$defs/Lead', $defs: { Lead: { type: 'object', properties: { name: { type: 'string', maxLength: 80 } }, required: ['name'] } } };
  expect(toClaudeOutputSchema(schema, 'Anthropic')).toEqual({
    $defs: { Lead: { type: 'object', properties: { name: { type: 'string', description: '{maxLength: 80}' } }, additionalProperties: false, required: ['name'] } },
    $ref: '#/$defs/Lead',
  });
});

test('a definition used twice is not recursion', () => {
  const schema = { type: 'object', properties: { home: { $ref: '#/$defs/Address' }, work: { $ref: '#/$defs/Address' } }, $defs: { Address: { type: 'object', properties: { city: { type: 'string' } } } } };
  expect(toClaudeOutputSchema(schema, 'Anthropic')).toMatchObject({ properties: { home: { $ref: '#/$defs/Address' }, work: { $ref: '#/$defs/Address' } } });
});

test('definitions each referring twice to the next are checked once each, not 2^n times, and recursion behind them is still found', () => {
  const chain = (last: Record<string, unknown>) => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) defs[`D${i}`] = { type: 'object', properties: { a: { $ref: `#/$defs/D${i + 1}` }, b: { $ref: `#/$defs/D${i + 1}` } }, required: ['a', 'b'] };
    defs.D40 = last;
    return { type: 'object', properties: { x: { $ref: '#/$defs/D0' } }, required: ['x'], $defs: defs };
  };
  // 2^40 walks before: a request of a few kilobytes held the event loop for days.
  const started = process.cpuUsage();
  expect(toClaudeOutputSchema(chain({ type: 'string' }), 'Anthropic')).toMatchObject({ properties: { x: { $ref: '#/$defs/D0' } } });
  const { user, system } = process.cpuUsage(started);
  expect((user + system) / 1000).toBeLessThan(1000);
  expect(refusal(chain({ type: 'array', items: { $ref: '#/$defs/D20' } })).param).toBe('response_format.json_schema.schema.$defs.D40.items.$ref');
});

test('an external $ref, an open object and a schema without a type are 400s naming the path', () => {
  expect(refusal({ type: 'object', properties: { a: { $ref: 'https://example.com/a.json' } } }).param).toBe('response_format.json_schema.schema.properties.a.$ref');
  expect(refusal({ type: 'object', properties: { a: { type: 'object', additionalProperties: true } } }).param).toBe('response_format.json_schema.schema.properties.a.additionalProperties');
  expect(refusal({ type: 'object', properties: { anything: {} } }).param).toBe('response_format.json_schema.schema.properties.anything');
});

test("a node typed with a list (OpenAI's optional field, [\"object\", \"null\"]) is an anyOf of one branch per type, the object's properties kept", () => {
  const address = { type: ['object', 'null'], description: 'Work address, if any', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  const since = { type: ['string', 'null'], format: 'date', minLength: 10 };
  const schema = { type: 'object', properties: { work: address, since }, required: ['work', 'since'], additionalProperties: false };
  expect(toClaudeOutputSchema(schema, 'Anthropic')).toEqual({
    type: 'object',
    properties: {
      work: {
        anyOf: [{ type: 'object', properties: { city: { type: 'string' } }, additionalProperties: false, required: ['city'] }, { type: 'null' }],
        description: 'Work address, if any',
      },
      since: { anyOf: [{ type: 'string', format: 'date', description: '{minLength: 10}' }, { type: 'null' }] },
    },
    required: ['work', 'since'],
    additionalProperties: false,
  });
  expect(Object.keys((toClaudeOutputSchema(schema, 'Anthropic').properties as Record<string, object>).work)).toEqual(['anyOf', 'description']);
});

test('an object typed with a list that is open to other keys is a 400 naming its own additionalProperties', () => {
  const schema = { type: 'object', properties: { counts: { type: ['object', 'null'], additionalProperties: { type: 'integer' } } }, required: ['counts'], additionalProperties: false };
  expect(refusal(schema)).toEqual({ status: 400, param: 'response_format.json_schema.schema.properties.counts.additionalProperties' });
});

test('a type listed twice is one type, not a branch each: ["object", "object"] nested 18 deep is checked at once, not written out 2^18 times', () => {
  expect(toClaudeOutputSchema({ type: ['object', 'object'], properties: { a: { type: ['string', 'null', 'string'] } }, required: ['a'] }, 'Anthropic')).toEqual({
    type: 'object',
    properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    additionalProperties: false,
    required: ['a'],
  });
  let nested: Record<string, unknown> = { type: 'string' };
  for (let depth = 0; depth < 18; depth++) nested = { type: ['object', 'object'], properties: { a: nested }, required: ['a'] };
  // A request of about a kilobyte: 4.5 s and a 51 MB schema before.
  const started = process.cpuUsage();
  toClaudeOutputSchema(nested, 'Anthropic');
  const { user, system } = process.cpuUsage(started);
  expect((user + system) / 1000).toBeLessThan(1000);
});

test("a $ref in a value's data (a default or an example) is no recursion; a property named default or const is a schema", () => {
  const withData = { type: 'object', properties: { node: { type: 'object', properties: {}, default: { $ref: '#' }, examples: [{ $ref: '#' }] } } };
  expect(toClaudeOutputSchema(withData, 'Anthropic')).toMatchObject({ properties: { node: { type: 'object' } } });
  const named = { type: 'object', properties: { default: { $ref: '#' }, const: { type: 'string' } } };
  expect(refusal(named).param).toBe('response_format.json_schema.schema.properties.default.$ref');
});
