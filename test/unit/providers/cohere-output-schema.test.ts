/** toCohereOutputSchema: local references written out (the node's own keys over the definition), and what Cohere cannot take refused by path. */
import { toCohereOutputSchema } from '../../../src/providers/cohere/output-schema';
import { gatewayRejectionOf } from '../../support/errors';

const Address = { properties: { city: { type: 'string' } }, required: ['city'], title: 'Address', type: 'object' };

test("Pydantic's described nested model: the definition in place, its description over the definition's title", () => {
  const schema = { $defs: { Address }, properties: { home: { $ref: '#/$defs/Address', description: 'home address' } }, required: ['home'], type: 'object' };
  expect(toCohereOutputSchema(schema)).toEqual({ properties: { home: { ...Address, description: 'home address' } }, required: ['home'], type: 'object' });
});

test('a property named $ref or default is a schema; an external $ref is a 400 naming it', async () => {
  const schema = { properties: { $ref: { type: 'string' }, default: { $ref: '#/$defs/Address' } }, required: ['$ref'], type: 'object', $defs: { Address } };
  expect(toCohereOutputSchema(schema)).toEqual({ properties: { $ref: { type: 'string' }, default: Address }, required: ['$ref'], type: 'object' });
  const external = { properties: { a: { $ref: 'https://example.com/a.json' } }, required: ['a'], type: 'object' };
  expect(await gatewayRejectionOf(() => toCohereOutputSchema(external))).toMatchObject({ status: 400, param: 'response_format.json_schema.schema.properties.a.$ref' });
});

test('forty definitions each referring twice to the next are a 400 within a second, not 2^40 schemas written out', async () => {
  const $defs: Record<string, unknown> = { D40: { type: 'string' } };
  for (let index = 0; index < 40; index++) $defs[`D${index}`] = { type: 'object', properties: { a: { $ref: `#/$defs/D${index + 1}` }, b: { $ref: `#/$defs/D${index + 1}` } }, required: ['a'] };
  const started = process.cpuUsage();
  const error = await gatewayRejectionOf(() => toCohereOutputSchema({ type: 'object', properties: { root: { $ref: '#/$defs/D0' } }, required: ['root'], $defs }));
  expect(error).toMatchObject({ status: 400, param: 'response_format.json_schema.schema' });
  expect(process.cpuUsage(started).user / 1000).toBeLessThan(1000);
});

test("a $ref to an inherited name ('#/constructor', '#/$defs/toString') finds nothing: a 400 naming it, not Object's function", () => {
  for (const ref of ['#/constructor', '#/$defs/toString']) {
    expect(() => toCohereOutputSchema({ type: 'object', properties: { a: { $ref: ref } }, $defs: {} })).toThrow(`found nothing at '${ref}'`);
  }
});

test("a keyword whose value is data, not a schema (dependentRequired, an x- extension, examples), is sent as it came, not refused for having no type", () => {
  const schema = { type: 'object', properties: { card: { type: 'string' }, billing: { type: 'string' } }, dependentRequired: { card: ['billing'] }, 'x-order': { card: 1 }, examples: [{ card: 'x', billing: 'y' }] };
  expect(toCohereOutputSchema(schema)).toEqual(schema);
});
