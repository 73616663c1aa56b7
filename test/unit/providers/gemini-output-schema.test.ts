/** toGeminiOutputSchema: a `$ref` with other keys beside it (which Gemini refuses) goes in a one-branch anyOf; nothing else changes. */
import { toGeminiOutputSchema } from '../../../src/providers/gemini/output-schema';

test("Pydantic's recursive root ({$defs, $ref}) and a bare $ref go as they are; a $ref with a title and a default is wrapped, in definitions too", () => {
  const node = { properties: { next: { anyOf: [{ $ref: '#/$defs/Node' }, { type: 'null' }], default: null }, label: { $ref: '#/$defs/Label', title: 'Label', default: 'x' } }, type: 'object' };
  const schema = { $defs: { Node: node, Label: { type: 'string' } }, $ref: '#/$defs/Node' };
  expect(toGeminiOutputSchema(schema)).toEqual({
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
  expect(toGeminiOutputSchema(schema)).toEqual({ ...schema, properties: { default: { anyOf: [{ $ref: '#/$defs/A' }], description: 'the default plan' }, $ref: { type: 'string' } } });
});
