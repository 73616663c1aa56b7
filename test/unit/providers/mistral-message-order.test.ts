/**
 * Conversations whose roles come in an order Mistral refuses (mistral-common's validator, with which
 * Mistral's API checks every request: test/fixtures/mistral/README.md) are a 400 naming the message
 * before any call; the orders Mistral takes go as they came.
 */
import { toMistralChat } from '../../../src/providers/mistral';
import type { ChatRequest } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

type Messages = ChatRequest['messages'];

const WEATHER_CALL = { id: 'D681PevKs', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"Lyon"}' } };
const TIME_CALL = { id: 'k3Fq9ZtP2', type: 'function' as const, function: { name: 'get_time', arguments: '{"city":"Lyon"}' } };
const tools: ChatRequest['tools'] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
];
const toolLoop: Messages = [
  { role: 'system', content: 'Tu es un assistant météo.' },
  { role: 'user', content: 'Il fait beau à Lyon ?' },
  { role: 'assistant', content: null, tool_calls: [WEATHER_CALL, TIME_CALL] },
  { role: 'tool', tool_call_id: 'D681PevKs', content: '{"celsius":24}' },
  { role: 'tool', tool_call_id: 'k3Fq9ZtP2', content: '"14:05"' },
];

const sent = (messages: Messages) => toMistralChat({ messages, tools } as ChatRequest, { model: 'mistral-large-latest' }).messages;
const refusal = (messages: Messages) => {
  const { status, param, message } = gatewayErrorOf(() => sent(messages));
  return { status, param, message };
};

describe('orders Mistral takes go as they came', () => {
  test.each<[string, Messages]>([
    ['two user messages in a row (a chat UI after a failed answer)', [{ role: 'user', content: 'Bonjour' }, { role: 'user', content: 'Tu es là ?' }]],
    ['two assistant messages in a row, then the user', [{ role: 'user', content: 'Une blague ?' }, { role: 'assistant', content: 'Pourquoi…' }, { role: 'assistant', content: '…parce que !' }, { role: 'user', content: 'Encore' }]],
    ['a greeting first', [{ role: 'assistant', content: 'Bonjour, que puis-je faire ?' }, { role: 'user', content: 'La météo' }]],
    ['several system messages, and one between user messages', [{ role: 'system', content: 'A' }, { role: 'developer', content: 'B' }, { role: 'user', content: 'x' }, { role: 'system', content: 'C' }, { role: 'user', content: 'y' }]],
    ['a tool loop ending with its results', toolLoop],
    ['tool results in another order than the calls', [...toolLoop.slice(0, 3), toolLoop[4], toolLoop[3]]],
    ['a tool loop answered, then the user', [...toolLoop, { role: 'assistant', content: '24 °C.' }, { role: 'user', content: 'Merci' }]],
    ['an assistant prefill marked prefix: true', [{ role: 'user', content: 'Un haïku ?' }, { role: 'assistant', content: 'Le vent', prefix: true } as Messages[number]]],
    ['one system message', [{ role: 'system', content: 'Dis bonjour.' }]],
    // mistral-common refuses only an assistant message last: an app's instructions after the user's question go.
    ['a system message last, after the user', [{ role: 'user', content: 'Résume ce texte : …' }, { role: 'system', content: 'Réponds en une phrase.' }]],
  ])('%s', (_name, messages) => {
    expect(sent(messages)).toHaveLength(messages.length);
  });

  test('the prefix goes to Mistral with its message', () => {
    expect((sent([{ role: 'user', content: 'Un haïku ?' }, { role: 'assistant', content: 'Le vent', prefix: true } as Messages[number]]) as unknown[])[1]).toEqual({ role: 'assistant', content: 'Le vent', prefix: true });
  });
});

describe('orders Mistral refuses are a 400 naming the message', () => {
  test('a user message right after tool results (the user redirected before the model answered)', () => {
    expect(refusal([...toolLoop, { role: 'user', content: 'Et à Paris ?' }])).toEqual({
      status: 400,
      param: 'messages[5].role',
      message: `messages[5].role: after a tool message Mistral takes only assistant or tool messages, not a user message ("Unexpected role 'user' after role 'tool'").`,
    });
  });

  test('a system or developer message injected after an assistant or tool message', () => {
    expect(refusal([{ role: 'user', content: 'x' }, { role: 'assistant', content: 'y' }, { role: 'developer', content: 'Sois bref.' }, { role: 'user', content: 'z' }])).toMatchObject({
      param: 'messages[2].role',
      message: expect.stringContaining(`not a system message ("Unexpected role 'system' after role 'assistant'")`),
    });
    expect(refusal([...toolLoop, { role: 'system', content: 'Résume.' }])).toMatchObject({ param: 'messages[5].role' });
  });

  test('a conversation ending with an assistant message not marked prefix: true', () => {
    expect(refusal([{ role: 'user', content: 'Bonjour' }, { role: 'assistant', content: 'Bonjour !' }])).toEqual({
      status: 400,
      param: 'messages[1].role',
      message: `messages[1].role: Mistral answers a conversation that ends with a user or tool message, or with an assistant message marked "prefix": true for the model to continue, not with 'assistant' ("Expected last role User or Tool (or Assistant with prefix True)").`,
    });
  });

  test('one assistant or tool message alone', () => {
    expect(refusal([{ role: 'assistant', content: 'Bonjour !' }])).toMatchObject({ param: 'messages[0].role', message: expect.stringContaining('only as a user or system message') });
  });

  test('a tool message whose call was trimmed from the history (after a user message, or after an assistant without that call)', () => {
    expect(refusal([{ role: 'user', content: 'Et alors ?' }, { role: 'tool', tool_call_id: 'D681PevKs', content: '{"celsius":24}' }])).toMatchObject({
      param: 'messages[1].role',
      message: expect.stringContaining(`("Unexpected role 'tool' after role 'user'")`),
    });
    expect(refusal([{ role: 'user', content: 'Et alors ?' }, { role: 'assistant', content: 'Je regarde.' }, { role: 'tool', tool_call_id: 'D681PevKs', content: '{"celsius":24}' }])).toEqual({
      status: 400,
      param: 'messages[2].tool_call_id',
      message: `messages[2].tool_call_id: Mistral takes a tool message only as the answer to a tool call of the assistant message before it; 'D681PevKs' matches no tool call of the assistant message before it.`,
    });
  });

  test('a tool call left without its result, or answered twice', () => {
    expect(refusal([...toolLoop.slice(0, 4), { role: 'assistant', content: '24 °C.' }, { role: 'user', content: 'Merci' }])).toMatchObject({
      param: 'messages[2].tool_calls',
      message: expect.stringContaining(`the call 'k3Fq9ZtP2' has none`),
    });
    expect(refusal([...toolLoop, toolLoop[3]])).toMatchObject({ param: 'messages[5].tool_call_id', message: expect.stringContaining('answers a call already answered') });
  });
});
