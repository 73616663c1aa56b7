/**
 * Empty user text end to end, through the official openai client against fake Anthropic and OpenAI
 * servers on 127.0.0.1. Anthropic refuses a user message with no content or blank text alone, so on a
 * Claude endpoint one that makes a turn of its own is a 400 naming the client's field before any call:
 * the chat message on /v1/chat/completions, the input item on /v1/responses (a blank part beside other
 * content is left out: test/e2e/blank-user-text.test.ts). OpenAI takes an empty user message
 * (pydantic-ai sends `{role: "user", content: ""}` beside `instructions` when it has nothing else), so
 * on an OpenAI endpoint it goes on as sent.
 */
import type OpenAI from 'openai';
import { openaiErrorOf } from '../support/errors';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: serveAnthropicFixtures('claude-haiku-4-5'), openai: serveOpenAIFixtures },
  config: ({ anthropic, openai }) =>
    [
      'endpoints:',
      `  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic}/v1" } } }`,
      `  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${openai}/v1" } } }`,
    ].join('\n'),
});

const EMPTY_MESSAGE = 'Anthropic refuses a message with no content (a user message needs text other than whitespace, or another part); leave the message out or give it content.';

/** The 400 a request gets, with nothing sent to any upstream. */
async function refusal(request: Promise<unknown>): Promise<unknown> {
  const { status, error } = await openaiErrorOf(request);
  expect(status).toBe(400);
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  expect(setup.upstreams.openai.requests).toHaveLength(0);
  return error;
}

const sentMessages = () => (setup.upstreams.openai.requests[0].body as { messages: unknown }).messages;

describe('a Claude endpoint: a 400 naming the field the client sent, before any call', () => {
  test.each([false, true])('chat, an empty user message after a conversation (stream: %s)', async (stream) => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: '' },
    ];
    expect(await refusal(setup.openai.chat.completions.create({ model: 'claude', messages, stream }))).toEqual({
      message: `messages[2].content: ${EMPTY_MESSAGE}`,
      type: 'invalid_request_error',
      param: 'messages[2].content',
      code: 'invalid_value',
    });
  });

  test('chat, a user message of whitespace text parts alone', async () => {
    const content: OpenAI.ChatCompletionContentPart[] = [{ type: 'text', text: ' ' }, { type: 'text', text: '' }];
    const error = await refusal(setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content }] }));
    expect(error).toMatchObject({ param: 'messages[0].content', message: `messages[0].content: ${EMPTY_MESSAGE}` });
  });

  test.each([false, true])('responses, an empty user item after the instructions, as pydantic-ai sends it (stream: %s)', async (stream) => {
    const request = setup.openai.responses.create({ model: 'claude', instructions: 'Greet the user.', input: [{ role: 'user', content: '' }], stream });
    expect(await refusal(request)).toEqual({ message: `input[0].content: ${EMPTY_MESSAGE}`, type: 'invalid_request_error', param: 'input[0].content', code: 'invalid_value' });
  });

  test('responses, a later item of an empty input_text part alone', async () => {
    const input: OpenAI.Responses.ResponseInput = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: [{ type: 'input_text', text: '' }] },
    ];
    expect(await refusal(setup.openai.responses.create({ model: 'claude', input }))).toMatchObject({ param: 'input[2].content', message: `input[2].content: ${EMPTY_MESSAGE}` });
  });

  test.each([false, true])('responses, an empty input string, with instructions (stream: %s)', async (stream) => {
    const request = setup.openai.responses.create({ model: 'claude', instructions: 'Greet the user.', input: '', stream });
    expect(await refusal(request)).toEqual({ message: `input: ${EMPTY_MESSAGE}`, type: 'invalid_request_error', param: 'input', code: 'invalid_value' });
  });

  test('responses, a whitespace input string', async () => {
    expect(await refusal(setup.openai.responses.create({ model: 'claude', input: ' ' }))).toMatchObject({ param: 'input', message: `input: ${EMPTY_MESSAGE}` });
  });
});

describe('an OpenAI endpoint: sent on as it came, as OpenAI takes it', () => {
  test('chat', async () => {
    await setup.openai.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: '' }] });
    expect(sentMessages()).toEqual([{ role: 'user', content: '' }]);
  });

  test('responses, an empty input string after the instructions', async () => {
    const response = await setup.openai.responses.create({ model: 'gpt', instructions: 'Greet the user.', input: '' });
    expect(response.status).toBe('completed');
    expect(sentMessages()).toEqual([
      { role: 'system', content: 'Greet the user.' },
      { role: 'user', content: '' },
    ]);
  });

  test('responses, an empty user item after the instructions', async () => {
    const response = await setup.openai.responses.create({ model: 'gpt', instructions: 'Greet the user.', input: [{ role: 'user', content: '' }] });
    expect(response.status).toBe('completed');
    expect(sentMessages()).toEqual([
      { role: 'system', content: 'Greet the user.' },
      { role: 'user', content: '' },
    ]);
  });
});

describe('/v1/responses on every provider', () => {
  test('empty instructions are none: no system message is sent, and the Response echoes them', async () => {
    const response = await setup.openai.responses.create({ model: 'gpt', instructions: '', input: 'Hi' });
    expect(response.instructions).toBe('');
    expect(sentMessages()).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  test('beside empty instructions, an empty user item on a Claude endpoint is still named by its place in the input', async () => {
    const request = setup.openai.responses.create({ model: 'claude', instructions: '', input: [{ role: 'user', content: '' }] });
    expect(await refusal(request)).toMatchObject({ param: 'input[0].content' });
  });

  test.each(['gpt', 'claude'])('a message of no parts is a 400 naming its content, as OpenAI refuses it (%s)', async (model) => {
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: 'Hi' }, { role: 'user', content: [] }];
    expect(await refusal(setup.openai.responses.create({ model, input }))).toEqual({
      message: 'input[1].content: must not be an empty list',
      type: 'invalid_request_error',
      param: 'input[1].content',
      code: 'invalid_body',
    });
  });
});
