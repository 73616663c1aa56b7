/** toCohereOutputSchema: local references written out (the node's own keys over the definition), and what Cohere cannot take refused by path; strict tools' schemas alike. */
import { toCohereV2Chat } from '../../../src/providers/cohere';
import { toCohereOutputSchema } from '../../../src/providers/cohere/output-schema';
import type { ChatRequest } from '../../../src/schema';
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

test('forty definitions each referring twice to the next are a 400 at once, not 2^40 schemas written out', async () => {
  const $defs: Record<string, unknown> = { D40: { type: 'string' } };
  for (let index = 0; index < 40; index++) $defs[`D${index}`] = { type: 'object', properties: { a: { $ref: `#/$defs/D${index + 1}` }, b: { $ref: `#/$defs/D${index + 1}` } }, required: ['a'] };
  const started = process.cpuUsage();
  const error = await gatewayRejectionOf(() => toCohereOutputSchema({ type: 'object', properties: { root: { $ref: '#/$defs/D0' } }, required: ['root'], $defs }));
  expect(error).toMatchObject({ status: 400, param: 'response_format.json_schema.schema' });
  // 17-70 ms here; writing out the 2^40 schemas would never end. Room for CI's loaded cores, which grow a test's CPU time up to tenfold.
  expect(process.cpuUsage(started).user / 1000).toBeLessThan(10_000);
});

test("a $ref to an inherited name ('#/constructor', '#/$defs/toString', '#/$defs/__proto__') finds nothing: a 400 naming it, not Object's function or prototype", () => {
  // The functions would be refused for not being schemas anyway; __proto__ (Object.prototype, an object) would be read as one.
  for (const ref of ['#/constructor', '#/$defs/toString', '#/__proto__', '#/$defs/__proto__']) {
    expect(() => toCohereOutputSchema({ type: 'object', properties: { a: { $ref: ref } }, $defs: {} })).toThrow(`found nothing at '${ref}'`);
  }
});

test("a keyword whose value is data, not a schema (dependentRequired, an x- extension, examples), is sent as it came, not refused for having no type", () => {
  const schema = { type: 'object', properties: { card: { type: 'string' }, billing: { type: 'string' } }, dependentRequired: { card: ['billing'] }, 'x-order': { card: 1 }, examples: [{ card: 'x', billing: 'y' }] };
  expect(toCohereOutputSchema(schema)).toEqual(schema);
});

describe('strict tools (strict_tools), constrained by the same structured outputs', () => {
  /** The OpenAI Agents SDK's strict schema of a Pydantic argument holding a nested model: a $ref into $defs. */
  const refund = {
    type: 'function' as const,
    function: {
      name: 'issue_refund',
      strict: true,
      parameters: {
        $defs: { Address: { ...Address, additionalProperties: false } },
        properties: { order_id: { type: 'string' }, ship_to: { $ref: '#/$defs/Address' } },
        required: ['order_id', 'ship_to'],
        type: 'object',
        additionalProperties: false,
      },
    },
  };
  const lookup = { type: 'function' as const, function: { name: 'lookup_order', strict: true, parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'], additionalProperties: false } } };
  const messages = [{ role: 'user' as const, content: 'Refund order 1187 to my home address.' }];

  test("a strict tool's references are written out, as a response_format's are; a schema without one goes as sent", () => {
    const body = toCohereV2Chat({ messages, tools: [lookup, refund] }, { model: 'command-a-03-2025' });
    expect(body).toMatchObject({ strict_tools: true });
    expect((body.tools as { function: { parameters: unknown } }[]).map((tool) => tool.function.parameters)).toEqual([
      lookup.function.parameters,
      { properties: { order_id: { type: 'string' }, ship_to: { ...Address, additionalProperties: false } }, required: ['order_id', 'ship_to'], type: 'object', additionalProperties: false },
    ]);
  });

  /** A Pydantic `Optional[str]` field: an anyOf, which Cohere's strict tools cannot take. */
  const optional = { type: 'function' as const, function: { name: 'add_note', strict: true, parameters: { type: 'object', properties: { note: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, required: ['note'], additionalProperties: false } } };
  const allowing = (mode: 'auto' | 'required', name: string) => ({ type: 'allowed_tools', allowed_tools: { mode, tools: [{ type: 'function', function: { name } }] } });

  test("what Cohere's strict tools cannot follow, in a tool that is sent, is a 400 naming the client's tools[i]", async () => {
    for (const tool_choice of [undefined, allowing('auto', 'add_note'), { type: 'function', function: { name: 'add_note' } }]) {
      const request = { messages, tools: [lookup, optional], ...(tool_choice ? { tool_choice } : {}) } as ChatRequest;
      expect(await gatewayRejectionOf(() => toCohereV2Chat(request, { model: 'command-a-03-2025' }))).toMatchObject({
        status: 400,
        param: 'tools[1].function.parameters.properties.note',
        message: "'tools[1].function.parameters.properties.note': Cohere's strict tools need a type on every schema (they take no anyOf, oneOf or allOf, so no optional or union field).",
      });
    }
  });

  test.each([
    ['allowed_tools (auto)', allowing('auto', 'lookup_order'), undefined],
    ['allowed_tools (required)', allowing('required', 'lookup_order'), 'REQUIRED'],
    ['a named function', { type: 'function', function: { name: 'lookup_order' } }, 'REQUIRED'],
  ])('a strict tool %s leaves out is not sent, so what Cohere could not follow in it is not refused', (_, tool_choice, choice) => {
    const body = toCohereV2Chat({ messages, tools: [optional, lookup, refund], tool_choice } as ChatRequest, { model: 'command-a-03-2025' });
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'lookup_order', parameters: lookup.function.parameters } }]);
    expect(body.strict_tools).toBe(true);
    expect(body.tool_choice).toBe(choice);
  });

  test('tools that are not strict go with their schema as sent', () => {
    const loose = { ...refund, function: { ...refund.function, strict: false } };
    const body = toCohereV2Chat({ messages, tools: [loose] }, { model: 'command-a-03-2025' });
    expect(body).not.toHaveProperty('strict_tools');
    expect((body.tools as { function: { parameters: unknown } }[])[0].function.parameters).toBe(refund.function.parameters);
  });
});

describe('strict tools whose references, written out, multiply', () => {
  /** A strict tool whose definitions each refer twice to the next: about 3,000 schemas written out from 900 bytes, under the cap of one schema. */
  const doubling = (name: string) => {
    const $defs = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`D${index}`, index === 9 ? { type: 'string' } : { type: 'object', properties: { a: { $ref: `#/$defs/D${index + 1}` }, b: { $ref: `#/$defs/D${index + 1}` } } }]));
    return { type: 'function' as const, function: { name, strict: true, parameters: { type: 'object', properties: { root: { $ref: '#/$defs/D0' } }, $defs } } };
  };
  const messages = [{ role: 'user' as const, content: 'Go.' }];

  test("one such tool is written out; many are a 400 once the request's schemas from references pass the cap together, not each tool its own cap", async () => {
    expect(toCohereV2Chat({ messages, tools: [doubling('t0')] }, { model: 'command-a-03-2025' })).toMatchObject({ strict_tools: true });
    // 128 of them: about 400,000 schemas (seconds of work, a body of tens of megabytes) from a request of 120 KB.
    const tools = Array.from({ length: 128 }, (_, index) => doubling(`t${index}`));
    expect(await gatewayRejectionOf(() => toCohereV2Chat({ messages, tools }, { model: 'command-a-03-2025' }))).toMatchObject({
      status: 400,
      param: 'tools[1].function.parameters',
      message: "'tools[1].function.parameters': Cohere's strict tools take no $ref, and the request's strict tools with their references written out hold over 5000 schemas from them together.",
    });
  });

  test('many strict tools without references go as sent, however many schemas they hold together', () => {
    const plain = (name: string) => ({ type: 'function' as const, function: { name, strict: true, parameters: { type: 'object', properties: Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`field${index}`, { type: 'string' }])) } } });
    const tools = Array.from({ length: 128 }, (_, index) => plain(`t${index}`));
    const body = toCohereV2Chat({ messages, tools }, { model: 'command-a-03-2025' });
    expect((body.tools as { function: { parameters: unknown } }[]).map((tool) => tool.function.parameters)).toEqual(tools.map((tool) => tool.function.parameters));
  });
});
