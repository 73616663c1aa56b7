/**
 * An assistant message with nothing but blank text (no tool calls, no thinking): a turn where the model
 * said nothing, sent back by a chat client. Anthropic and Bedrock Converse both refuse a message without
 * content, so both mappers answer alike (src/providers/shared/blank-text.ts): a 400 naming the client's
 * message when it makes a turn of its own, nothing when it is part of the last turn (a prefill of
 * nothing) or beside an assistant message with content (the vendors combine consecutive turns).
 */
import { toAnthropicChat } from '../../../src/providers/anthropic';
import { toConverseChat } from '../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../src/providers/bedrock/families';
import type { ChatMessage } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

const claudeOnBedrock = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');

type Sent = { role: string; content: unknown }[];

/** The turns each vendor gets for `messages`, or the 400 the mapper throws. */
const VENDORS: [string, (messages: ChatMessage[]) => Sent][] = [
  ['Anthropic', (messages) => toAnthropicChat({ messages }, { model: 'claude-sonnet-4-5' }).messages as Sent],
  ['Amazon Bedrock', (messages) => toConverseChat({ messages }, claudeOnBedrock).messages as Sent],
];

/** Blank content: Anthropic refuses `""` but last, and a blank text block anywhere; Converse refuses either. */
const BLANK: [string, ChatMessage['content']][] = [
  ['""', ''],
  ['"\\n\\n"', '\n\n'],
  ['[]', []],
  ['blank text parts', [{ type: 'text', text: '' }, { type: 'text', text: ' \n' }]],
];

const system: ChatMessage = { role: 'system', content: 'Réponds brièvement.' };
const question: ChatMessage = { role: 'user', content: 'Quelle heure est-il à Tokyo ?' };
const again: ChatMessage = { role: 'user', content: 'Et maintenant ?' };
const answer: ChatMessage = { role: 'assistant', content: 'Il est 9 h à Tokyo.' };

/** The question as each vendor's first turn. */
const questionTurn = (vendor: string) => (vendor === 'Anthropic' ? { role: 'user', content: question.content } : { role: 'user', content: [{ text: question.content }] });
const answerTurn = (vendor: string) => (vendor === 'Anthropic' ? { role: 'assistant', content: answer.content } : { role: 'assistant', content: [{ text: answer.content }] });

describe.each(VENDORS)('%s', (vendor, send) => {
  test.each(BLANK)('a blank assistant message (%s) between two user messages is a 400 naming it as the client numbers it, before any call', (_name, content) => {
    const error = gatewayErrorOf(() => send([system, question, { role: 'assistant', content }, again]));
    expect(error).toMatchObject({
      status: 400,
      param: 'messages[2].content',
      message: `messages[2].content: ${vendor} refuses a message with no content (an assistant message needs text other than whitespace, or tool_calls); leave the message out or give it content.`,
    });
  });

  test.each(BLANK)('a blank last assistant message (%s) is left out: a prefill of nothing, the model answers the conversation', (_name, content) => {
    expect(send([system, question, { role: 'assistant', content }])).toEqual([questionTurn(vendor)]);
  });

  test('a last turn of blank assistant messages is left out whole, system messages after it aside', () => {
    expect(send([question, { role: 'assistant', content: '' }, { role: 'assistant', content: ' ' }, system])).toEqual([questionTurn(vendor)]);
  });

  test('a blank assistant message beside one with content is left out of their turn', () => {
    expect(send([question, { role: 'assistant', content: '' }, answer, again, { role: 'assistant', content: '\n' }])).toEqual(
      vendor === 'Anthropic' ? [questionTurn(vendor), answerTurn(vendor), { role: 'user', content: again.content }] : [questionTurn(vendor), answerTurn(vendor), { role: 'user', content: [{ text: again.content }] }],
    );
  });

  test('a blank text part beside text in an assistant message is left out of its turn', () => {
    const content = [{ type: 'text', text: '' }, { type: 'text', text: answer.content as string }, { type: 'text', text: ' ' }] as ChatMessage['content'];
    const sent = send([question, { role: 'assistant', content }, again]);
    expect(sent[1]).toEqual(vendor === 'Anthropic' ? { role: 'assistant', content: [{ type: 'text', text: answer.content }] } : answerTurn(vendor));
  });

  test('a last assistant message with text keeps its whitespace: a prefill is not changed', () => {
    const sent = send([question, { role: 'assistant', content: 'Il est ' }]);
    expect(sent[1]).toEqual(vendor === 'Anthropic' ? { role: 'assistant', content: 'Il est ' } : { role: 'assistant', content: [{ text: 'Il est ' }] });
  });

  test('a last blank assistant message with its own cache_control, or null content, is no prefill of nothing: a 400, as before', () => {
    const cached = { role: 'assistant', content: '', cache_control: { type: 'ephemeral' } } as ChatMessage;
    expect(gatewayErrorOf(() => send([question, cached]))).toMatchObject({ status: 400, param: 'messages[1].cache_control' });
    expect(gatewayErrorOf(() => send([question, { role: 'assistant', content: null }]))).toMatchObject({ status: 400, param: 'messages[1].content' });
  });
});
