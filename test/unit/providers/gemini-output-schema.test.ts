/** toGeminiJsonSchema (response_format and tool schemas): a `$ref` with other keys beside it (which Gemini refuses) goes in a one-branch anyOf, a `const` (which Gemini passes over) is also an enum or a description line; nothing else changes. */
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import { toGeminiJsonSchema } from '../../../src/providers/gemini/output-schema';
import type { ChatRequest } from '../../../src/schema';

test("Pydantic's recursive root ({$defs, $ref}) and a bare $ref go as they are; a $ref with a title and a default is wrapped, in definitions too", () => {
  const node = { properties: { next: { anyOf: [{ $ref: '#/$defs/Node' }, { type: 'null' }], default: null }, label: { $ref: '#/$defs/Label', title: 'Label', default: 'x' } }, type: 'object' };
  const schema = { $defs: { Node: node, Label: { type: 'string' } }, $ref: '#/$defs/Node' };
  expect(toGeminiJsonSchema(schema)).toEqual({
    $defs: { Node: { ...node, properties: { ...node.properties, label: { anyOf: [{ $ref: '#/$defs/Label' }], title: 'Label', default: 'x' } } }, Label: { type: 'string' } },
    $ref: '#/$defs/Node',
  });
});

test('properties named like keywords are schemas, and data (enum, default) is not read as one', () => {
  const schema = {
    type: 'object',
    properties: { default: { $ref: '#/$defs/A', description: 'the default plan' }, $ref: { type: 'string' } },
    default: { $ref: 'not a schema', note: 'data' },
    $defs: { A: { type: 'string' } },
  };
  expect(toGeminiJsonSchema(schema)).toEqual({ ...schema, properties: { default: { anyOf: [{ $ref: '#/$defs/A' }], description: 'the default plan' }, $ref: { type: 'string' } } });
});

describe('const, which Gemini passes over', () => {
  test("zod's literals and a discriminated union's tags (string and number const) are also sent as a one-value enum", () => {
    const branch = (tag: string, field: Record<string, unknown>) => ({ type: 'object', properties: { type: { type: 'string', const: tag }, ...field }, required: ['type', ...Object.keys(field)], additionalProperties: false });
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string', const: 'refund' },
        version: { type: 'number', const: 2 },
        event: { anyOf: [branch('card', { last4: { type: 'string' } }), branch('bank', { iban: { type: 'string' } })] },
      },
      required: ['kind', 'version', 'event'],
      additionalProperties: false,
    };
    const withEnum = (tag: string, field: Record<string, unknown>) => ({ ...branch(tag, field), properties: { type: { type: 'string', const: tag, enum: [tag] }, ...field } });
    expect(toGeminiJsonSchema(schema)).toEqual({
      ...schema,
      properties: {
        kind: { type: 'string', const: 'refund', enum: ['refund'] },
        version: { type: 'number', const: 2, enum: [2] },
        event: { anyOf: [withEnum('card', { last4: { type: 'string' } }), withEnum('bank', { iban: { type: 'string' } })] },
      },
    });
  });

  test("a const Gemini's enum does not take (boolean, null, object) goes into the description; a node with its own enum, a property named const and a default holding const are left as they are", () => {
    const schema = {
      type: 'object',
      properties: {
        accepted: { type: 'boolean', const: true, description: 'the terms' },
        none: { const: null },
        point: { type: 'object', const: { x: 0 } },
        both: { type: 'string', const: 'a', enum: ['a'] },
        const: { type: 'string', default: { const: 'b' } },
      },
    };
    expect(toGeminiJsonSchema(schema)).toEqual({
      ...schema,
      properties: {
        ...schema.properties,
        accepted: { type: 'boolean', const: true, description: 'the terms\n\n{const: true}' },
        none: { const: null, description: '{const: null}' },
        point: { type: 'object', const: { x: 0 }, description: '{const: {"x":0}}' },
      },
    });
  });

  test('a $ref with a const beside it is wrapped with its enum', () => {
    expect(toGeminiJsonSchema({ $defs: { Tag: { type: 'string' } }, properties: { tag: { $ref: '#/$defs/Tag', const: 'x' } } })).toEqual({
      $defs: { Tag: { type: 'string' } },
      properties: { tag: { anyOf: [{ $ref: '#/$defs/Tag' }], const: 'x', enum: ['x'] } },
    });
  });
});

describe('tool schemas (parametersJsonSchema), read the same way: Gemini gets no strict, so every tool', () => {
  /** Pydantic's schema of a tool argument holding a described nested model, and a zod literal: what LangChain or the openai client's zodFunction send. */
  const parameters = {
    $defs: { Address: { properties: { city: { title: 'City', type: 'string' } }, required: ['city'], title: 'Address', type: 'object' } },
    properties: { ship_to: { $ref: '#/$defs/Address', description: 'where the parcel goes' }, carrier: { type: 'string', const: 'dhl' } },
    required: ['ship_to', 'carrier'],
    type: 'object',
  };
  const request = (strict: boolean | undefined): ChatRequest => ({
    messages: [{ role: 'user', content: 'Send order 1187 to Lyon with DHL.' }],
    tools: [{ type: 'function', function: { name: 'ship_order', ...(strict === undefined ? {} : { strict }), parameters } }, { type: 'function', function: { name: 'now' } }],
  });

  test.each([true, false, undefined])('a tool with strict %s: the described $ref in a one-branch anyOf, the const also an enum', (strict) => {
    const body = toGeminiChat(request(strict), geminiThinkingControl('gemini-2.5-flash'));
    expect(body.tools![0].functionDeclarations).toEqual([
      {
        name: 'ship_order',
        parametersJsonSchema: {
          ...parameters,
          properties: { ship_to: { anyOf: [{ $ref: '#/$defs/Address' }], description: 'where the parcel goes' }, carrier: { type: 'string', const: 'dhl', enum: ['dhl'] } },
        },
      },
      { name: 'now' },
    ]);
  });
});
