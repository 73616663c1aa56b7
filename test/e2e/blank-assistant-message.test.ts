/**
 * A chat client sending back a turn where Claude said nothing (content `""` or only whitespace, no tool
 * calls), through the official OpenAI client on `/v1`, to fakes on 127.0.0.1 of the Anthropic Messages
 * API and of Bedrock Converse that refuse what the vendors refuse: Anthropic a message without content
 * but the last ("messages.N: all messages must have non-empty content except for the optional final
 * assistant message"), a blank text block ("text content blocks must be non-empty", "… must contain
 * non-whitespace text") and a last assistant content ending with whitespace; Converse an empty turn
 * and a blank text block. Both endpoints answer alike: such a message before the last user message is
 * a 400 naming it, before any call; as the last message it is left out, and the model answers the
 * conversation before it (src/providers/shared/blank-text.ts).
 */
import type OpenAI from 'openai';
import { useClaudeGatewaysRefusingBlankText } from '../support/claude-blank-gateways';
import type { Turn } from '../support/claude-blank-refusals';
import { openaiErrorOf } from '../support/errors';

const ANSWER = 'Bonjour ! Un café ? ☕ Je suis là pour aider.';

const { anthropicSetup, bedrockSetup } = useClaudeGatewaysRefusingBlankText('req_011CBlankTurn');

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const question: Message = { role: 'user', content: 'Peux-tu m’aider ?' };
const again: Message = { role: 'user', content: 'Tu es là ?' };

const VENDORS: [string, string, () => OpenAI, () => { role: string }[][]][] = [
  ['Anthropic', 'Anthropic', () => anthropicSetup.openai, () => anthropicSetup.upstreams.anthropic.requests.map((request) => (request.body as { messages: Turn[] }).messages)],
  ['Bedrock Converse', 'Amazon Bedrock', () => bedrockSetup.openai, () => bedrockSetup.fake.calls.map((call) => (call.body as { messages: Turn[] }).messages)],
];

describe.each(VENDORS)('%s', (_name, vendor, client, sentMessages) => {
  test.each([
    ['""', false],
    ['"\\n\\n"', true],
  ])('an assistant message %s between two user messages is a 400 naming messages[1].content, nothing sent (stream: %s)', async (blank, stream) => {
    const content = JSON.parse(blank) as string;
    const messages: Message[] = [question, { role: 'assistant', content }, again];
    const refused = await openaiErrorOf(client().chat.completions.create({ model: 'claude', messages, stream }));
    expect(refused).toEqual({
      status: 400,
      error: {
        message: `messages[1].content: ${vendor} refuses a message with no content (an assistant message needs text other than whitespace, or tool_calls); leave the message out or give it content.`,
        type: 'invalid_request_error',
        param: 'messages[1].content',
        code: 'invalid_value',
      },
    });
    expect(sentMessages()).toEqual([]);
  });

  test.each(['', '\n\n'])('a last assistant message %j is left out: Claude answers the conversation before it', async (content) => {
    const completion = await client().chat.completions.create({ model: 'claude', messages: [question, { role: 'assistant', content }] });
    expect(completion.choices[0].message.content).toBe(ANSWER);
    expect(sentMessages()).toEqual([[expect.objectContaining({ role: 'user' })]]);
  });
});
