/**
 * A user message Anthropic would refuse for its text (no content, or text that is empty or only
 * whitespace) is a 400 naming the field before any call; user text that is not blank, and an
 * assistant turn's blank text beside its tool calls, go on.
 */
import { toAnthropicChat } from '../../../src/providers/anthropic/request';
import type { ChatRequest } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

const OPTIONS = { model: 'claude-sonnet-4-5' };
const EMPTY_MESSAGE = 'Anthropic refuses a user message with no content or only text that is empty or whitespace; give it text, or leave the message out.';
const BLANK_PART = 'Anthropic refuses a text part that is empty or only whitespace; give it text, or leave the part out.';
const IMAGE = { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } };

const refusalOf = (messages: unknown[]) => gatewayErrorOf(() => toAnthropicChat({ messages } as ChatRequest, OPTIONS));

test.each([
  ['content ""', [{ role: 'user', content: '' }], 'messages[0].content', EMPTY_MESSAGE],
  ['content of whitespace, after a system message', [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: ' \n' }], 'messages[1].content', EMPTY_MESSAGE],
  ['content []', [{ role: 'user', content: [] }], 'messages[0].content', EMPTY_MESSAGE],
  ['an empty text part', [{ role: 'user', content: [{ type: 'text', text: '' }] }], 'messages[0].content[0].text', BLANK_PART],
  ['a blank text part beside an image', [{ role: 'user', content: [IMAGE, { type: 'text', text: '\t' }] }], 'messages[0].content[1].text', BLANK_PART],
  [
    'an empty message after a conversation',
    [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: '' }],
    'messages[2].content',
    EMPTY_MESSAGE,
  ],
])('a user message with %s is a 400 naming it', (_case, messages, param, rule) => {
  expect(refusalOf(messages)).toMatchObject({ status: 400, param, message: `${param}: ${rule}` });
});

test('user text that is not blank goes on as it was, and so does a tool call turn with blank text beside it', () => {
  const messages = [
    { role: 'user', content: [{ type: 'text', text: ' Weather in Paris? ' }, IMAGE] },
    { role: 'assistant', content: ' ', tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    { role: 'tool', tool_call_id: 'toolu_1', content: '' },
    { role: 'user', content: '.' },
  ];
  const body = toAnthropicChat({ messages } as ChatRequest, OPTIONS);
  expect(body.messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: ' Weather in Paris? ' }, { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }] },
    { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '' }] },
    { role: 'user', content: '.' },
  ]);
});
