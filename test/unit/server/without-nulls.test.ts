/** Null request fields are dropped at every depth, JSON Schemas kept whole, and only what holds a null is copied. */
import { withoutNulls } from '../../../src/server/without-nulls';

test('null keys are dropped at every depth; nulls in arrays and inside JSON Schemas are values and stay', () => {
  const schema = { type: 'object', properties: { unit: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null } } };
  const body = JSON.parse(
    JSON.stringify({
      temperature: null,
      messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{}', extra: null } }] }],
      stop: ['x', null],
      tools: [{ type: 'function', function: { name: 'f', parameters: schema } }],
      response_format: { type: 'json_schema', json_schema: { name: 's', schema: { const: null } } },
      functions: { parameters: null },
    }),
  ) as unknown;
  expect(withoutNulls(body)).toEqual({
    messages: [{ role: 'assistant', tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{}' } }] }],
    stop: ['x', null],
    tools: [{ type: 'function', function: { name: 'f', parameters: schema } }],
    response_format: { type: 'json_schema', json_schema: { name: 's', schema: { const: null } } },
    functions: {},
  });
  expect(withoutNulls(null)).toBeNull();
  expect(withoutNulls([null, 1])).toEqual([null, 1]);
});

test('a client\'s "__proto__" key stays a key of the copy, not its prototype', () => {
  const copy = withoutNulls(JSON.parse('{"__proto__":{"role":"system"},"x":null}')) as Record<string, unknown>;
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  expect(Object.keys(copy)).toEqual(['__proto__']);
  expect(copy.role).toBeUndefined();
});

test('what holds no null is returned as it is: a long history with one null copies its list and that message only', () => {
  const messages = Array.from({ length: 1000 }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: [{ type: 'text', text: `turn ${index}` }] }));
  const calling = { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] };
  const body = { model: 'm', messages: [...messages, calling] };
  const result = withoutNulls(body) as { messages: unknown[] };
  expect(result).not.toBe(body);
  expect(result.messages).not.toBe(body.messages);
  expect(result.messages.slice(0, 1000).every((message, index) => message === messages[index])).toBe(true);
  expect(result.messages[1000]).toEqual({ role: 'assistant', tool_calls: calling.tool_calls });
  expect((result.messages[1000] as typeof calling).tool_calls).toBe(calling.tool_calls);
  // The body itself is left as it came (its null is still there).
  expect(calling.content).toBeNull();
  const withoutAny = { model: 'm', messages };
  expect(withoutNulls(withoutAny)).toBe(withoutAny);
});
