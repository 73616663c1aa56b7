/**
 * A conversation that starts with the app's greeting, an assistant message before the user's first
 * one: Amazon Bedrock's Converse refuses it after the call, naming no message ("A conversation must
 * start with a user message. Try again with a conversation that starts with a user message.", as
 * langgenius/dify#12340 and elastic/kibana#246393 report it). The gateway answers a 400 naming the
 * client's message before any call, through the official openai client and the MLflow route, against
 * a fake Bedrock that refuses it as Converse does; system messages before the user's go as Converse's
 * `system`, and a greeting after them is refused the same.
 */
import type { BedrockCall } from '../support/fake-bedrock';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { preCallRefusalTests } from '../support/pre-call-refusals';

/** Converse, refusing a first turn of the assistant's as AWS does, else the fixtures. */
function bedrock(call: BedrockCall) {
  const [first] = (call.body as { messages?: { role: string }[] }).messages ?? [];
  if (first?.role === 'assistant') return { error: { status: 400, type: 'ValidationException', message: 'A conversation must start with a user message. Try again with a conversation that starts with a user message.' } };
  return serveBedrockFixtures(call);
}

const setup = useGatewayWithFakeBedrock({
  serve: bedrock,
  config: (fakeUrl) => `
endpoints:
  - { name: nova, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: amazon.nova-pro-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
`,
});

const greeting = [
  { role: 'system' as const, content: 'You are the help desk of a bank.' },
  { role: 'assistant' as const, content: 'Hello! How can I help you today?' },
  { role: 'user' as const, content: 'I lost my card.' },
];
const REFUSAL = 'messages[1].role: Amazon Bedrock takes a conversation that starts with a user message (system messages aside), not with an assistant message.';

preCallRefusalTests({
  setup,
  endpoint: 'nova',
  title: 'a greeting first: a 400 naming it',
  messages: greeting,
  param: 'messages[1].role',
  message: REFUSAL,
  refusedCalls: () => setup.fake.calls.length,
});

test('the same conversation without the greeting is served', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'nova', messages: [greeting[0], greeting[2]] });
  expect(completion.choices[0].message.content).not.toBe('');
  expect(setup.fake.calls[0].body).toMatchObject({ system: [{ text: 'You are the help desk of a bank.' }], messages: [{ role: 'user', content: [{ text: 'I lost my card.' }] }] });
});
