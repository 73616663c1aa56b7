/**
 * Cohere Command on Bedrock ends a completion cut off at the model's token limit with `ERROR_LIMIT`,
 * as Cohere's own API does; it reaches the official OpenAI client as `length`, answered and
 * streamed, as from a `cohere` endpoint, so a client that continues cut-off answers sees this one.
 * The fake Bedrock serves `cohere-command-limit.response.json` and `cohere-command-limit.events.json`.
 */
import type { BedrockCall, BedrockReply } from '../support/fake-bedrock';
import { nativeEvents } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const serve = (call: BedrockCall): BedrockReply =>
  call.operation === 'invoke-with-response-stream' ? { events: nativeEvents('cohere-command-limit.events.json') } : { json: readJsonFixture('bedrock', 'cohere-command-limit.response.json') };

const setup = useGatewayWithFakeBedrock({
  serve,
  config: (fakeUrl) => `
endpoints:
  - name: command
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: cohere.command-text-v14, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
`,
  validateResponses: true,
});

const TEXT = ' Un café, un croissant, et puis';

test('answered: ERROR_LIMIT is length', async () => {
  const completion = await setup.openai.completions.create({ model: 'command', prompt: 'Offer me breakfast:', max_tokens: 9 });
  expect(completion.choices.map((choice) => [choice.text, choice.finish_reason])).toEqual([[TEXT, 'length']]);
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'invoke', modelId: 'cohere.command-text-v14' });
});

test('streamed: the text, then ERROR_LIMIT as length', async () => {
  const stream = await setup.openai.completions.create({ model: 'command', prompt: 'Offer me breakfast:', stream: true });
  let text = '';
  const finishes: (string | null)[] = [];
  for await (const chunk of stream) {
    text += chunk.choices[0]?.text ?? '';
    finishes.push(chunk.choices[0]?.finish_reason ?? null);
  }
  expect(text).toBe(TEXT);
  expect(finishes.filter((reason) => reason !== null)).toEqual(['length']);
});
