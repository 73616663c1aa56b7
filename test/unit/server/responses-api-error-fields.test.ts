/**
 * A chat request's error in the terms of the Responses request it was translated from
 * (src/server/responses-api/error-fields.ts): each chat field path as the field the client sent.
 */
import { GatewayError, vendorErrorOf } from '../../../src/errors';
import { encryptedContentOf } from '../../../src/server/responses-api/encrypted-thinking';
import { inResponsesTerms } from '../../../src/server/responses-api/error-fields';
import { chatTranslationOf } from '../../../src/server/responses-api/request';
import type { ResponsesInputItem, ResponsesRequest } from '../../../src/schema';

const SIGNED = { type: 'thinking' as const, thinking: 'The user wants the weather.', signature: 'EqQBCkgIARABGAIiQL0sig' };

const input: ResponsesInputItem[] = [
  { role: 'user', content: [{ type: 'input_text', text: 'Weather here?' }, { type: 'input_image', image_url: 'ftp://example.com/sky.png', detail: 'low' }, { type: 'input_file', file_id: 'file-1' }] },
  { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encryptedContentOf([SIGNED]) },
  { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
  { type: 'function_call', call_id: 'call_2', name: 'get_weather', arguments: 'Tokyo' },
  { type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_text', text: 'sunny' }] },
  { role: 'assistant', content: [{ type: 'output_text', text: 'Sunny' }, { type: 'refusal', refusal: 'No more.' }] },
];

const request: ResponsesRequest = {
  model: 'claude',
  instructions: 'Be brief.',
  input,
  max_output_tokens: 100,
  text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' } }, verbosity: 'low' },
  reasoning: { effort: 'low' },
  tools: [{ type: 'web_search', user_location: { type: 'approximate', city: 'Paris' } }, { type: 'function', name: 'get_weather', parameters: { type: 'object' } }],
  tool_choice: { type: 'function', name: 'get_weather' },
};

const earlier: ResponsesInputItem[] = [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }];

const { chatRequest, sources } = chatTranslationOf(request, earlier);

/** The error a check of the chat request raises about `param`, as the Responses client is told it. */
function translated(param: string, message = `${param}: is wrong.`): GatewayError {
  return inResponsesTerms(GatewayError.invalidParam(message, param), sources);
}

test('the chat request these paths are about', () => {
  expect((chatRequest.messages as { role: string }[]).map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'tool', 'assistant']);
});

test.each([
  ['messages[0].content', 'instructions'],
  ['messages[1].content', 'previous_response_id'],
  ['messages[3]', 'input[0]'],
  ['messages[3].role', 'input[0].role'],
  ['messages[3].content[0].text', 'input[0].content[0].text'],
  ['messages[3].content[1].image_url.url', 'input[0].content[1].image_url'],
  ['messages[3].content[1].image_url.detail', 'input[0].content[1].detail'],
  ['messages[3].content[2].file.file_id', 'input[0].content[2].file_id'],
  ['messages[3].content[2].type', 'input[0].content[2].type'],
  ['messages[4]', 'input[2]'],
  ['messages[4].tool_calls[0].function.arguments', 'input[2].arguments'],
  ['messages[4].tool_calls[1].function.arguments', 'input[3].arguments'],
  ['messages[4].tool_calls[1].id', 'input[3].call_id'],
  ['messages[4].thinking_blocks', 'input[1]'],
  ['messages[4].thinking_blocks[0].signature', 'input[1]'],
  ['messages[5].content', 'input[4].output'],
  ['messages[5].content[0].text', 'input[4].output[0].text'],
  ['messages[5].tool_call_id', 'input[4].call_id'],
  ['messages[6].content', 'input[5].content'],
  ['messages[6].cache_control', 'input[5]'],
  ['messages', 'input'],
  ['tools[0].function.parameters', 'tools[1].parameters'],
  ['tools[0].type', 'tools[1].type'],
  ['tool_choice.function.name', 'tool_choice.name'],
  ['web_search_options', 'tools[0]'],
  ['web_search_options.user_location.approximate.city', 'tools[0].user_location.city'],
  ['max_tokens', 'max_output_tokens'],
  ['response_format.type', 'text.format.type'],
  ['response_format.json_schema.schema', 'text.format.schema'],
  ['reasoning_effort', 'reasoning.effort'],
  ['verbosity', 'text.verbosity'],
  ['temperature', 'temperature'],
])('%s is %s', (chat, responses) => {
  expect(translated(chat).param).toBe(responses);
});

test("a message names a previous response's item by its place; the param by previous_response_id", () => {
  expect(translated('messages[2].content')).toMatchObject({ param: 'previous_response_id', message: "previous_response_id (its conversation's item 1).content: is wrong." });
});

test("a message keeps its rule: the chat paths that name fields are rewritten, a chat feature's name in the rule is not", () => {
  expect(translated('messages[4].tool_calls[1].function.arguments', 'messages[4].tool_calls[1].function.arguments must be a JSON object text.').message).toBe('input[3].arguments must be a JSON object text.');
  expect(translated('web_search_options.filters', "web_search_options.filters: OpenAI's chat web_search_options has no domain filter.").message).toBe("tools[0].filters: OpenAI's chat web_search_options has no domain filter.");
  expect(translated('response_format.type', "'response_format' of type 'json_object' is not supported by Anthropic.").message).toBe("'text.format' of type 'json_object' is not supported by Anthropic.");
  expect(translated('max_completion_tokens', "Send 'max_tokens' or 'max_completion_tokens', not both.")).toMatchObject({ param: 'max_completion_tokens', message: "Send 'max_output_tokens' or 'max_completion_tokens', not both." });
  expect(translated('messages', 'Last message must be from user, got assistant.').message).toBe('Last message must be from user, got assistant.');
});

test('a string input is the input; a field sent as it is (no text.format, a key passed on) keeps its chat name', () => {
  const plain = chatTranslationOf({ model: 'chat', input: 'Hi', response_format: { type: 'json_object' } } as ResponsesRequest);
  expect(inResponsesTerms(GatewayError.invalidParam('messages[0].content: is wrong.', 'messages[0].content'), plain.sources)).toMatchObject({ param: 'input', message: 'input: is wrong.' });
  expect(inResponsesTerms(GatewayError.invalidParam("'response_format.type' must be json_schema.", 'response_format.type'), plain.sources).param).toBe('response_format.type');
});

test("a vendor's own param is rewritten too; a 5xx, or an error with no chat field, is left as it is", () => {
  const refused = GatewayError.upstream({ status: 400, message: "Invalid 'messages[3].content[1].image_url.url'.", endpoint: 'claude', vendorError: vendorErrorOf({ type: 'invalid_request_error', param: 'messages[3].content[1].image_url.url' }) });
  expect(inResponsesTerms(refused, sources)).toMatchObject({ message: "Invalid 'input[0].content[1].image_url'.", vendorError: { param: 'input[0].content[1].image_url' }, status: 400, code: 'upstream_rejected' });
  const failed = GatewayError.upstreamUnavailable('messages[3] could not be sent');
  expect(inResponsesTerms(failed, sources)).toBe(failed);
  const limited = GatewayError.invalidParam('model: is wrong.', 'model');
  expect(inResponsesTerms(limited, sources)).toBe(limited);
});

test('a rewritten error keeps what the log reads of it: the cause, and the plugin it came from', () => {
  const cause = new Error('429 Rate limit reached');
  const failedPlugin = { endpoint: 'claude', provider: 'acme-llm' };
  const limited = new GatewayError({ status: 429, kind: 'rate_limit_error', code: 'upstream_rate_limited', retryable: true, message: "Acme's 'max_tokens' budget is used up for this minute.", cause, failedPlugin });
  expect(inResponsesTerms(limited, sources)).toMatchObject({ message: "Acme's 'max_output_tokens' budget is used up for this minute.", status: 429, retryable: true, cause, failedPlugin });
});
