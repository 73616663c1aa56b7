/**
 * Blank text (empty or only whitespace) in user and system messages: Anthropic refuses a text block of
 * it ("text content blocks must be non-empty", "… must contain non-whitespace text"; in `system` too,
 * as a block or as the string) and a message without content ("all messages must have non-empty content
 * except for the optional final assistant message"), and Bedrock Converse refuses blank text ("The text
 * field in the ContentBlock object at messages.N.content.M is blank"; system text must not be empty) and
 * an empty turn. Both mappers answer alike (src/providers/shared/blank-text.ts): a blank part beside
 * other content, and blank system text, are left out; a message of nothing but blank text is a 400
 * naming it when it makes a turn of its own, and left out beside a message of its role with content.
 */
import { toAnthropicChat, toAnthropicCompletions } from '../../../src/providers/anthropic/request';
import { toConverseChat, toConverseCompletions } from '../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../src/providers/bedrock/families';
import type { ChatMessage } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

const claudeOnBedrock = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
const PNG = 'iVBORw0KGgo=';
const ephemeral = { type: 'ephemeral' };

type Sent = { system: unknown; messages: unknown };

/** What a vendor gets, and its blocks for text and for the PNG, with a breakpoint after them when asked. */
interface Vendor {
  name: string;
  send: (messages: ChatMessage[]) => Sent;
  complete: (prompt: string) => unknown;
  text: (text: string, cached?: boolean) => unknown[];
  image: (cached?: boolean) => unknown[];
  /** A user turn of `blocks`; `plain` is the text of a user message sent as a string. */
  user: (blocks: unknown[], plain?: string) => unknown;
  /** The top-level system for `texts`, none when undefined. */
  system: (texts: string[] | undefined) => unknown;
}

const anthropic: Vendor = {
  name: 'Anthropic',
  send: (messages) => toAnthropicChat({ messages }, { model: 'claude-sonnet-4-5' }) as Sent,
  complete: (prompt) => toAnthropicCompletions({ prompt }, { model: 'claude-sonnet-4-5' }),
  text: (text, cached) => [{ type: 'text', text, ...(cached ? { cache_control: ephemeral } : {}) }],
  image: (cached) => [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG }, ...(cached ? { cache_control: ephemeral } : {}) }],
  user: (blocks, plain) => ({ role: 'user', content: plain ?? blocks }),
  system: (texts) => texts?.join('\n'),
};

const cachePoint = { cachePoint: { type: 'default' } };
const converse: Vendor = {
  name: 'Amazon Bedrock',
  send: (messages) => toConverseChat({ messages }, claudeOnBedrock) as Sent,
  complete: (prompt) => toConverseCompletions({ prompt }, claudeOnBedrock),
  text: (text, cached) => [{ text }, ...(cached ? [cachePoint] : [])],
  image: (cached) => [{ image: { format: 'png', source: { bytes: new Uint8Array(Buffer.from(PNG, 'base64')) } } }, ...(cached ? [cachePoint] : [])],
  user: (blocks) => ({ role: 'user', content: blocks }),
  system: (texts) => (texts === undefined ? undefined : texts.map((text) => ({ text }))),
};

const image = (cacheControl?: object) => ({ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` }, ...(cacheControl ? { cache_control: cacheControl } : {}) });
const text = (value: string, cacheControl?: object) => ({ type: 'text', text: value, ...(cacheControl ? { cache_control: cacheControl } : {}) });
const user = (content: unknown): ChatMessage => ({ role: 'user', content }) as ChatMessage;
const system = (content: unknown): ChatMessage => ({ role: 'system', content }) as ChatMessage;
const hello: ChatMessage = { role: 'assistant', content: 'Bonjour !' };
const question = 'Que vois-tu sur cette image ?';

const BLANK: [string, unknown][] = [
  ['""', ''],
  ['"\\n\\n"', '\n\n'],
  ['[]', []],
  ['blank text parts', [text(''), text(' \t')]],
];

describe.each([anthropic, converse])('$name', (vendor) => {
  test.each(BLANK)('a user message of %s that makes a turn of its own is a 400 naming its content, before any call', (_name, content) => {
    for (const messages of [[user(content)], [user('Salut'), hello, user(content)], [system('Sois bref.'), user(content), hello, user('Encore ?')]]) {
      const index = messages.findIndex((message) => message.content === content);
      expect(gatewayErrorOf(() => vendor.send(messages))).toMatchObject({
        status: 400,
        param: `messages[${index}].content`,
        message: `messages[${index}].content: ${vendor.name} refuses a message with no content (a user message needs text other than whitespace, or another part); leave the message out or give it content.`,
      });
    }
  });

  test.each(BLANK)('a user message of %s beside a user message with content is left out of their turn', (_name, content) => {
    const { messages } = vendor.send([user(content), user([text(question), image()])]);
    expect(messages).toEqual([vendor.user([...vendor.text(question), ...vendor.image()])]);
  });

  test('a user message without content (null is dropped before the mapper) is left out beside a user message with content, and a 400 naming its content alone', () => {
    const noContent = { role: 'user' } as ChatMessage;
    expect(vendor.send([noContent, user(question)]).messages).toEqual([vendor.user(vendor.text(question), question)]);
    expect(gatewayErrorOf(() => vendor.send([user('Salut'), hello, noContent]))).toMatchObject({
      status: 400,
      param: 'messages[2].content',
      message: `messages[2].content: ${vendor.name} refuses a message with no content (a user message needs text other than whitespace, or another part); leave the message out or give it content.`,
    });
  });

  test('a blank text part beside an image or other text is left out, the rest sent in order', () => {
    const { messages } = vendor.send([user([image(), text(' '), text(question), text('')])]);
    expect(messages).toEqual([vendor.user([...vendor.image(), ...vendor.text(question)])]);
  });

  test("a blank part's cache_control goes on the part before it, unless that has its own; the message's own goes on its last block", () => {
    const { messages } = vendor.send([
      user([text(question), text('\n', ephemeral), image(ephemeral), text(' ', { type: 'ephemeral', ttl: '1h' })]),
      hello,
      { role: 'user', content: [text('Et celle-ci ?'), text('')], cache_control: ephemeral } as ChatMessage,
    ]);
    expect(messages).toEqual([
      vendor.user([...vendor.text(question, true), ...vendor.image(true)]),
      vendor.name === 'Anthropic' ? { role: 'assistant', content: 'Bonjour !' } : { role: 'assistant', content: [{ text: 'Bonjour !' }] },
      vendor.user(vendor.text('Et celle-ci ?', true)),
    ]);
  });

  test("a blank first part with cache_control has no block before it in its message: a 400 naming it, not a breakpoint dropped", () => {
    for (const messages of [[user([text('', ephemeral), image()])], [system([text(' ', ephemeral), text('Sois bref.')]), user(question)]]) {
      expect(gatewayErrorOf(() => vendor.send(messages))).toMatchObject({ status: 400, param: 'messages[0].content[0].cache_control' });
    }
  });

  test('blank system text is left out: a blank system message, a blank part, and a request of only blank system text has no system', () => {
    const sent = vendor.send([system('Tu décris des images.'), { role: 'developer', content: '  ' }, system([text(''), text('Sois bref.'), text('\n')]), user(question)]);
    expect(sent.system).toEqual(vendor.system(['Tu décris des images.', 'Sois bref.']));
    for (const blank of ['', '\n', [text('')]]) expect(vendor.send([system(blank), user(question)]).system).toBeUndefined();
  });

  test('a blank system message with its own cache_control has no block for it: a 400 naming it', () => {
    const cached = { role: 'system', content: ' ', cache_control: ephemeral } as ChatMessage;
    expect(gatewayErrorOf(() => vendor.send([cached, user(question)]))).toMatchObject({ status: 400, param: 'messages[0].cache_control' });
  });

  test.each(['', ' ', '\n\n'])('a completions prompt %j, the only message, is a 400 naming prompt', (prompt) => {
    expect(gatewayErrorOf(() => vendor.complete(prompt))).toMatchObject({ status: 400, param: 'prompt' });
  });
});
