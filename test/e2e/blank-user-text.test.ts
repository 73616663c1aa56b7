/**
 * Blank text (empty or only whitespace) in user and system messages, through the official openai
 * client on `/v1`, to fakes on 127.0.0.1 of the Anthropic Messages API and of Bedrock Converse that
 * refuse what the vendors refuse: Anthropic a blank text block in `system` (as blocks or as the string:
 * "system: text content blocks must be non-empty", "… must contain non-whitespace text") or in a message,
 * and a message without content; Converse empty system text (its minimum length is 1), whitespace
 * system text (Claude's refusal, passed on), a blank text block in a message, and an empty turn. Both
 * endpoints answer alike (src/providers/shared/blank-text.ts): a blank part beside other content and
 * blank system text are left out and the rest is answered; a message of nothing but blank text that
 * makes a turn of its own, and a blank first part with its own cache_control, are 400s naming them,
 * before any call.
 */
import type OpenAI from 'openai';
import { useClaudeGatewaysRefusingBlankText } from '../support/claude-blank-gateways';
import type { Turn } from '../support/claude-blank-refusals';
import { openaiErrorOf } from '../support/errors';

const { anthropicSetup, bedrockSetup } = useClaudeGatewaysRefusingBlankText('req_011CBlankUser');

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type Part = OpenAI.Chat.Completions.ChatCompletionContentPart;

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const image: Part = { type: 'image_url', image_url: { url: PNG } };
const text = (value: string): OpenAI.Chat.Completions.ChatCompletionContentPartText => ({ type: 'text', text: value });
const question = 'Que vois-tu sur cette image ?';

/** Each vendor: its name in the gateway's messages, its client, and what it was sent (system, turns). */
const VENDORS: [string, string, () => OpenAI, () => { system: unknown; messages: Turn[] }[]][] = [
  ['Anthropic', 'Anthropic', () => anthropicSetup.openai, () => anthropicSetup.upstreams.anthropic.requests.map((request) => request.body as { system: unknown; messages: Turn[] })],
  ['Bedrock Converse', 'Amazon Bedrock', () => bedrockSetup.openai, () => bedrockSetup.fake.calls.map((call) => call.body as { system: unknown; messages: Turn[] })],
];

describe.each(VENDORS)('%s', (vendor, label, client, sent) => {
  test('blank text parts beside an image and text, blank system messages and parts: left out, and the rest answered', async () => {
    const messages: Message[] = [
      { role: 'system', content: 'Tu décris des images.' },
      { role: 'developer', content: ' ' },
      { role: 'system', content: [text(''), text('Sois bref.')] },
      { role: 'user', content: [image, text('\n'), text(question), text('')] },
      { role: 'user', content: '' },
    ];
    const completion = await client().chat.completions.create({ model: 'claude', messages });
    expect(completion.choices[0].message.content).not.toBe('');
    const [request] = sent();
    expect(request.system).toEqual(vendor === 'Anthropic' ? 'Tu décris des images.\nSois bref.' : [{ text: 'Tu décris des images.' }, { text: 'Sois bref.' }]);
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0].content).toHaveLength(2);
  });

  test('a request whose system text is all blank is sent without system', async () => {
    await client().chat.completions.create({ model: 'claude', messages: [{ role: 'system', content: '' }, { role: 'user', content: question }] });
    expect(sent()[0].system).toBeUndefined();
  });

  test.each([false, true])('a user message of blank text alone after an answer is a 400 naming it, nothing sent (stream: %s)', async (stream) => {
    const messages: Message[] = [{ role: 'user', content: question }, { role: 'assistant', content: 'Un chat.' }, { role: 'user', content: [text(' '), text('')] }];
    expect(await openaiErrorOf(client().chat.completions.create({ model: 'claude', messages, stream }))).toEqual({
      status: 400,
      error: {
        message: `messages[2].content: ${label} refuses a message with no content (a user message needs text other than whitespace, or another part); leave the message out or give it content.`,
        type: 'invalid_request_error',
        param: 'messages[2].content',
        code: 'invalid_value',
      },
    });
    expect(sent()).toEqual([]);
  });

  test("a blank first part with cache_control is a 400 naming it: its breakpoint has no block before it to follow", async () => {
    const content = [{ type: 'text', text: '', cache_control: { type: 'ephemeral' } }, image] as Part[];
    const refused = await openaiErrorOf(client().chat.completions.create({ model: 'claude', messages: [{ role: 'user', content }] }));
    expect(refused).toMatchObject({ status: 400, error: { param: 'messages[0].content[0].cache_control' } });
    expect(sent()).toEqual([]);
  });
});
