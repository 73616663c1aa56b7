/** One readable message per invalid body: the field and the rule the client broke. */
import Ajv from 'ajv';
import { summarise, validateRequestBody, validateResponsesRequestBody } from '../../../src/server/validation';
import type { EndpointType } from '../../../src/schema';

const user = { role: 'user', content: 'x' };

test.each<[EndpointType, unknown, string]>([
  ['llm/v1/chat', {}, 'messages: is required'],
  ['llm/v1/chat', { messages: 'hello' }, 'messages: must be array'],
  ['llm/v1/chat', { messages: [] }, 'messages: must not be an empty list'],
  ['llm/v1/chat', { messages: [{ content: 'x' }] }, 'messages[0].role: is required'],
  ['llm/v1/chat', { messages: [{ role: 'user', content: 5 }] }, `messages[0].content: must be a string, an array of objects (type "text", "image_url", "input_audio" or "file") or null`],
  ['llm/v1/chat', { messages: [{ role: 'user', content: ['hi'] }] }, `messages[0].content[0]: must be an object (type "text", "image_url", "input_audio" or "file")`],
  ['llm/v1/chat', { messages: [{ role: 'user', content: [{ type: 'bogus' }] }] }, 'messages[0].content[0].type: must be one of "text", "image_url", "input_audio", "file"'],
  ['llm/v1/chat', { messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'messages[0].content[0].text: is required'],
  ['llm/v1/chat', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'u', detail: 'max' } }] }] }, 'messages[0].content[0].image_url.detail: must be one of "auto", "low", "high", null'],
  ['llm/v1/chat', { messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f' } }] }] }, 'messages[0].tool_calls[0].function.arguments: is required'],
  ['llm/v1/chat', { messages: [user], tools: [{ type: 'retrieval' }] }, 'tools[0].type: must be "function"'],
  ['llm/v1/chat', { messages: [{ role: 'user', content: [{ type: 5 }] }] }, 'messages[0].content[0].type: must be one of "text", "image_url", "input_audio", "file"'],
  ['llm/v1/chat', { messages: [{ role: 'assistant', thinking_blocks: [{ type: 'summary' }] }] }, 'messages[0].thinking_blocks[0].type: must be one of "thinking", "redacted_thinking"'],
  ['llm/v1/chat', { messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'custom', function: { name: 'f', arguments: '' } }] }] }, 'messages[0].tool_calls[0].type: must be "function"'],
  ['llm/v1/chat', { messages: [user], tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name: is required'],
  ['llm/v1/chat', { messages: [user], temperature: 2.5 }, 'temperature: must be at most 2'],
  ['llm/v1/chat', { messages: [user], n: 0 }, 'n: must be at least 1'],
  ['llm/v1/chat', { messages: [user], top_p: 1.5 }, 'top_p: must be at most 1'],
  ['llm/v1/chat', { messages: [user], n: 129 }, 'n: must be at most 128'],
  ['llm/v1/chat', { messages: [user], max_tokens: 0 }, 'max_tokens: must be at least 1'],
  ['llm/v1/chat', { messages: [user], max_tokens: 1.5 }, 'max_tokens: must be integer or null'],
  ['llm/v1/chat', { messages: [user], stop: 5 }, 'stop: must be a string, a non-empty array of strings or null'],
  ['llm/v1/chat', { messages: [user], stop: [] }, 'stop: must not be an empty list'],
  ['llm/v1/chat', { messages: [user], tool_choice: [] }, 'tool_choice: must be a string, an object or null'],
  ['llm/v1/chat', { messages: [user], stream: 'yes' }, 'stream: must be boolean or null'],
  ['llm/v1/completions', { prompt: { text: 'a' } }, 'prompt: must be a string, a non-empty array of strings, a non-empty array of token ids (integers) or a non-empty array of non-empty arrays of token ids (integers)'],
  ['llm/v1/completions', { prompt: ['a', []] }, 'prompt[1]: must be a string like the items before it (a list holds only strings, only token ids (integers) or only non-empty arrays of token ids (integers))'],
  ['llm/v1/completions', { prompt: [true] }, 'prompt[0]: must be a string, a token id (integer) or a non-empty array of token ids (integers)'],
  ['llm/v1/completions', { prompt: [[1], []] }, 'prompt[1]: must not be an empty list'],
  ['llm/v1/completions', { prompt: [1, 'a'] }, 'prompt[1]: must be a token id (integer) like the items before it (a list holds only strings, only token ids (integers) or only non-empty arrays of token ids (integers))'],
  ['llm/v1/embeddings', { input: {} }, 'input: must be a non-empty string, a non-empty array of non-empty strings, a non-empty array of token ids (integers) or a non-empty array of non-empty arrays of token ids (integers)'],
  ['llm/v1/embeddings', { input: [{ type: 'text' }] }, 'input[0]: must be a non-empty string, a token id (integer) or a non-empty array of token ids (integers)'],
  ['llm/v1/embeddings', [1, 2], 'the request body must be a JSON object'],
])('%s %j → %s', (endpointType, body, message) => {
  expect(validateRequestBody(endpointType, body)?.message).toBe(message);
});

// Limits read as in config messages (config/limit-rule.ts), in the message and in each issue of MLflow's list.
test('a limit is said in words, in the message and in the issue', () => {
  expect(validateRequestBody('llm/v1/chat', { messages: [user], temperature: 2.5 })).toEqual({
    message: 'temperature: must be at most 2',
    param: 'temperature',
    issues: [{ type: 'maximum', loc: ['body', 'temperature'], msg: 'must be at most 2' }],
  });
});

// openapi/ has no maxLength, maxItems, exclusive bound or minimum of 2 yet: Ajv's errors for them are worded the same way.
test('the limits openapi/ does not use yet are in words too', () => {
  const validate = new Ajv({ allErrors: true }).compile({
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 4 },
      stops: { type: 'array', minItems: 2, maxItems: 4 },
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    },
  });
  const ruleOf = (body: object) => {
    expect(validate(body)).toBe(false);
    return summarise(validate.errors ?? []).rule;
  };
  expect(ruleOf({ name: 'a' })).toBe('must be at least 2 characters long');
  expect(ruleOf({ name: 'abcde' })).toBe('must be at most 4 characters long');
  expect(ruleOf({ stops: ['a'] })).toBe('must list at least 2 items');
  expect(ruleOf({ stops: ['a', 'b', 'c', 'd', 'e'] })).toBe('must list at most 4 items');
  expect(ruleOf({ ratio: 0 })).toBe('must be more than 0');
  expect(ruleOf({ ratio: 1 })).toBe('must be less than 1');
});

// A value of a JSON type one member of a union takes is named with that member's rule, not another member's type.
test.each<[EndpointType | 'responses', unknown, string]>([
  ['llm/v1/chat', { messages: [user], stop: [] }, 'stop: must not be an empty list'],
  ['llm/v1/completions', { prompt: [] }, 'prompt: must not be an empty list'],
  ['responses', { model: 'chat', input: [] }, 'input: must not be an empty list'],
  // A message of no parts, which OpenAI refuses too: the list member's rule, named at the item's content.
  ['responses', { model: 'chat', input: [{ role: 'user', content: 'Hi' }, { role: 'user', content: [] }] }, 'input[1].content: must not be an empty list'],
  ['responses', { model: 'chat', input: [{ type: 'message', role: 'developer', content: [] }] }, 'input[0].content: must not be an empty list'],
])('%s %j → %s', (endpointType, body, message) => {
  const failure = endpointType === 'responses' ? validateResponsesRequestBody(body) : validateRequestBody(endpointType, body);
  expect({ message: failure?.message, param: failure?.param }).toEqual({ message, param: message.slice(0, message.indexOf(':')) });
});

// JSON.parse reads a number beyond a 64-bit float (`1e999`) as ±Infinity. The body parser refuses it
// first (body.test.ts); the validators, strict about numbers, do not take it for one either.
test.each<[EndpointType, string, string]>([
  ['llm/v1/chat', '{"messages":[{"role":"user","content":"x"}],"max_tokens":1e999}', 'max_tokens: must be integer or null'],
  ['llm/v1/chat', '{"messages":[{"role":"user","content":"x"}],"temperature":-1e400}', 'temperature: must be number or null'],
  ['llm/v1/embeddings', '{"input":[[1,1e999]]}', 'input[0][1]: must be integer'],
])('%s %s → %s', (endpointType, text, message) => {
  expect(validateRequestBody(endpointType, JSON.parse(text))?.message).toBe(message);
});

// A list is judged by the kind its first items are (strings, token ids, lists of token ids): the item
// that breaks it is named with the rule of that kind, not item 0 with another kind's rule; an item of
// another kind is told that the list holds one kind.
test.each<[unknown, string]>([
  ['', 'input: must not be an empty string'],
  [[], 'input: must not be an empty list'],
  [[1, 1.5], 'input[1]: must be integer'],
  [[1, 2, 3.5], 'input[2]: must be integer'],
  [[[1, 2], [3, 4.5]], 'input[1][1]: must be integer'],
  // An item of another kind than the items before it: the list mixes kinds.
  [[1, 'a'], 'input[1]: must be a token id (integer) like the items before it (a list holds only non-empty strings, only token ids (integers) or only non-empty arrays of token ids (integers))'],
  [['a', 'b', 3], 'input[2]: must be a non-empty string like the items before it (a list holds only non-empty strings, only token ids (integers) or only non-empty arrays of token ids (integers))'],
  [[[1], 'a'], 'input[1]: must be a non-empty array of token ids (integers) like the items before it (a list holds only non-empty strings, only token ids (integers) or only non-empty arrays of token ids (integers))'],
  // Empty texts and lists, which OpenAI refuses too.
  [[''], 'input[0]: must not be an empty string'],
  [['a', ''], 'input[1]: must not be an empty string'],
  [[[]], 'input[0]: must not be an empty list'],
  [[[1], []], 'input[1]: must not be an empty list'],
  // No kind took the first item: every kind is named.
  [[1.5, 1], 'input[0]: must be a non-empty string, a token id (integer) or a non-empty array of token ids (integers)'],
  [[true], 'input[0]: must be a non-empty string, a token id (integer) or a non-empty array of token ids (integers)'],
])('embeddings input %j → %s', (input, message) => {
  const failure = validateRequestBody('llm/v1/embeddings', { input });
  expect({ message: failure?.message, param: failure?.param }).toEqual({ message, param: message.slice(0, message.indexOf(':')) });
});

test('an embeddings list judged by its first items reports only that kind\'s issue, past the sampled items too', () => {
  expect(validateRequestBody('llm/v1/embeddings', { input: [1, 1.5] })?.issues).toEqual([{ type: 'type', loc: ['body', 'input', 1], msg: 'must be integer' }]);
  const tokens = Array.from({ length: 150 }, (_, index) => index);
  expect(validateRequestBody('llm/v1/embeddings', { input: [...tokens, 0.5] })?.message).toBe('input[150]: must be integer');
  const texts = tokens.map(String);
  expect(validateRequestBody('llm/v1/embeddings', { input: [...texts, 7] })?.message).toMatch(/^input\[150\]: must be a non-empty string like the items before it /);
});

// A value no member of its union takes: the message names every member, from the schema.
test.each<[unknown, string]>([
  [5, 'input: must be a string or a non-empty array of objects (type "message", "function_call", "function_call_output", "reasoning", "web_search_call" or "item_reference")'],
  [[], 'input: must not be an empty list'],
  [['hi'], 'input[0]: must be an object (type "message", "function_call", "function_call_output", "reasoning", "web_search_call" or "item_reference")'],
  [[{ role: 'user', content: 5 }], 'input[0].content: must be a string or a non-empty array of objects (type "input_text", "output_text", "refusal", "input_image" or "input_file")'],
])('responses input %j → %s', (input, message) => {
  expect(validateResponsesRequestBody({ model: 'chat', input })?.message).toBe(message);
});

test('valid bodies pass, extra keys included', () => {
  expect(validateRequestBody('llm/v1/chat', { messages: [user], top_k: 3, response_format: { type: 'json_object' }, stop: 'END' })).toBeUndefined();
  expect(validateRequestBody('llm/v1/completions', { prompt: '', max_tokens: 5 })).toBeUndefined();
  expect(validateRequestBody('llm/v1/embeddings', { input: [[1, 2], [3]], dimensions: 256 })).toBeUndefined();
});

test('the issue list locates each problem under body', () => {
  expect(validateRequestBody('llm/v1/completions', { temperature: 'hot' })?.issues).toEqual([
    { type: 'required', loc: ['body', 'prompt'], msg: 'is required' },
    { type: 'type', loc: ['body', 'temperature'], msg: 'must be number or null' },
  ]);
});

// A union member holding a $ref is compiled on its own, with schema paths from its own root: its wrong tag
// must not hide the error inside the member whose tag matched.
test.each<[unknown, string]>([
  [{ type: 'function_call', call_id: 'c', name: 'f', arguments: 5 }, 'input[0].arguments: must be string'],
  [{ type: 'function_call_output', call_id: 'c', output: 5 }, 'input[0].output: must be a string or an array of objects (type "input_text", "input_image" or "input_file")'],
  [{ type: 'function_call_output', call_id: 'c', output: [{ type: 'input_text' }] }, 'input[0].output[0].text: is required'],
  [{ type: 'message', role: 'user', content: [{ type: 'input_audio' }] }, 'input[0].content[0].type: must be one of "input_text", "output_text", "refusal", "input_image", "input_file"'],
  [{ type: 'computer_call', call_id: 'c' }, 'input[0].type: must be one of "message", "function_call", "function_call_output", "reasoning", "web_search_call", "item_reference"'],
])('responses input item %j → %s', (item, message) => {
  expect(validateResponsesRequestBody({ model: 'chat', input: [item] })?.message).toBe(message);
});

// A closed object (`additionalProperties: false`) names the key it does not take, and the keys it does.
// The MLflow routes' schemas (chat, completions, embeddings) are open: their unknown keys are passed on.
test.each<[unknown, string, string]>([
  [{ tools: [{ type: 'web_search', user_location: { type: 'approximate', zip: '1' } }] }, 'tools[0].user_location.zip', 'is not allowed here (the keys allowed are type, city, country, region, timezone)'],
  [{ tools: [{ type: 'function', name: 'f', arguments: {} }] }, 'tools[0].arguments', 'is not allowed here (the keys allowed are type, name, description, parameters, strict)'],
  [{ tool_choice: { type: 'web_search', name: 'search' } }, 'tool_choice.name', 'is not allowed here (the keys allowed are type)'],
  [{ text: { format: { type: 'text' }, style: 'terse' } }, 'text.style', 'is not allowed here (the keys allowed are format, verbosity)'],
  [{ input: [{ type: 'item_reference', id: 'msg_1', status: 'completed' }] }, 'input[0].status', 'is not allowed here (the keys allowed are type, id)'],
])('responses %j → %s', (fields, param, rule) => {
  expect(validateResponsesRequestBody({ model: 'chat', input: 'x', ...(fields as object) })).toMatchObject({ param, message: `${param}: ${rule}` });
});

test('an unknown key is located in the issue list too', () => {
  const issues = validateResponsesRequestBody({ model: 'chat', input: 'x', reasoning: { effort: 'low', budget: 5 } })?.issues;
  expect(issues).toEqual([{ type: 'additionalProperties', loc: ['body', 'reasoning', 'budget'], msg: 'is not allowed here (the keys allowed are effort, summary)' }]);
  expect(validateRequestBody('llm/v1/chat', { messages: [user], web_search_options: { anything: 1 }, top_k: 3 })).toBeUndefined();
});

// An object whose `type` tag no member of its union takes: the tag is named with every tag the union takes
// (a `const` or an `enum` on `type`), not the rule of its first member (a string, say).
const responsesTags = '"function", "web_search", "web_search_2025_08_26", "web_search_preview", "web_search_preview_2025_03_11"';
test.each<[unknown, string]>([
  [{ tool_choice: { type: 'file_search' } }, `tool_choice.type: must be one of ${responsesTags}`],
  [{ tool_choice: { type: 5 } }, `tool_choice.type: must be one of ${responsesTags}`],
  [{ tools: [{ type: 'function', name: 'f' }, { type: 'code_interpreter' }] }, `tools[1].type: must be one of ${responsesTags}`],
  [{ input: [{ role: 'user', content: [{ type: 'input_audio' }] }] }, 'input[0].content[0].type: must be one of "input_text", "output_text", "refusal", "input_image", "input_file"'],
  [{ input: [{ type: 'function_call_output', call_id: 'c', output: [{ type: 'output_text', text: 'x' }] }] }, 'input[0].output[0].type: must be one of "input_text", "input_image", "input_file"'],
  [{ text: { format: { type: 'grammar' } } }, 'text.format.type: must be one of "text", "json_object", "json_schema"'],
  // The member that takes the tag has the say, even when its rule on `type` is an enum too.
  [{ tool_choice: { type: 'web_search_preview', name: 'x' } }, 'tool_choice.name: is not allowed here (the keys allowed are type)'],
  [{ tools: [{ type: 'web_search_2025_08_26', user_location: { type: 'exact' } }] }, 'tools[0].user_location.type: must be "approximate"'],
  [{ tools: [{ type: 'web_search_preview', search_context_size: 'huge' }] }, 'tools[0].search_context_size: must be one of "low", "medium", "high", null'],
  // A union of other JSON types says which ones, not the first member's enum.
  [{ tool_choice: 5 }, `tool_choice: must be a string ("auto", "none" or "required"), an object (type ${responsesTags.replace(/, (?=[^,]*$)/, ' or ')}) or null`],
  [{ text: { format: 5 } }, 'text.format: must be an object (type "text", "json_object" or "json_schema")'],
  [{ tools: [5] }, `tools[0]: must be an object (type ${responsesTags.replace(/, (?=[^,]*$)/, ' or ')})`],
  [{ tool_choice: 'any' }, 'tool_choice: must be one of "auto", "none", "required"'],
])('responses %j → %s', (fields, message) => {
  expect(validateResponsesRequestBody({ model: 'chat', input: 'x', ...(fields as object) })?.message).toBe(message);
});
