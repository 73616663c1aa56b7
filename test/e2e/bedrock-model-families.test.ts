/**
 * Newer Bedrock models end to end, through the real AWS SDK against the fake Bedrock: DeepSeek-R1
 * (its reasoning reaches the official OpenAI client as `reasoning_content`, streamed or not, and is
 * not sent back on the next turn), and a model id of no family the gateway lists, which is served
 * through Converse with conservative defaults instead of refusing the config.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html
 * https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html
 */
import type OpenAI from 'openai';
import type { BedrockCall, BedrockReply } from '../support/fake-bedrock';
import { converseEvents } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const R1_ANSWER = readJsonFixture('bedrock', 'converse-deepseek-r1.response.json');

function fakeConverse(call: BedrockCall): BedrockReply {
  if (call.modelId === 'us.deepseek.r1-v1:0') return call.operation === 'converse-stream' ? { events: converseEvents('converse-deepseek-r1.events.json') } : { json: R1_ANSWER };
  return call.operation === 'converse-stream' ? { events: converseEvents('converse-chat.events.json') } : { json: readJsonFixture('bedrock', 'converse-chat.response.json') };
}

const setup = useGatewayWithFakeBedrock({
  serve: fakeConverse,
  config: (fakeUrl) => `
endpoints:
  - name: r1
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.deepseek.r1-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: kimi
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: moonshot.kimi-k2-thinking, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: kimi-completions
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: moonshot.kimi-k2-thinking, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
`,
  validateResponses: true,
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'What is 17 × 23?' };

test('DeepSeek-R1: the answer carries the reasoning as reasoning_content; temperature is halved', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'r1', messages: [question], temperature: 1.2, max_tokens: 4096 });
  const message = answer.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };
  expect(message.content).toBe('17 × 23 = **391**.');
  expect(message.reasoning_content).toBe('The user asks for 17 × 23. 17 × 20 = 340, 17 × 3 = 51, so 391. Vérifions : 391 ÷ 17 = 23. ');
  expect(message).not.toHaveProperty('thinking_blocks');
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'converse', body: { inferenceConfig: { temperature: 0.6, maxTokens: 4096 } } });
  expect(setup.fake.calls[0].body).not.toHaveProperty('additionalModelRequestFields');

  // The next turn, with the message sent back whole: the reasoning stays out of the Converse turn.
  await setup.openai.chat.completions.create({ model: 'r1', messages: [question, message, { role: 'user', content: 'And 17 × 24?' }] });
  expect((setup.fake.calls[1].body as { messages: unknown[] }).messages[1]).toEqual({ role: 'assistant', content: [{ text: '17 × 23 = **391**.' }] });
});

test('DeepSeek-R1 streamed: reasoning_content deltas, then the text, then the finish with usage', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'r1', messages: [question], stream: true, stream_options: { include_usage: true } });
  let reasoning = '';
  let text = '';
  const finishes: (string | null)[] = [];
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined;
    reasoning += delta?.reasoning_content ?? '';
    text += delta?.content ?? '';
    if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
    if (chunk.usage) usage = chunk.usage;
    expect(chunk.choices[0]?.delta).not.toHaveProperty('thinking_blocks');
  }
  expect(setup.fake.calls[0].operation).toBe('converse-stream');
  expect(reasoning).toBe('17 × 20 = 340, 17 × 3 = 51, so 391.');
  expect(text).toBe('17 × 23 = **391**.');
  expect(finishes).toEqual(['stop']);
  expect(usage).toMatchObject({ prompt_tokens: 14, completion_tokens: 41, total_tokens: 55 });
});

test('a model id of no listed family: chat through Converse with temperature × 0.5 and no top_k', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'kimi', messages: [question], temperature: 1 });
  expect(answer.choices[0].message.content).toBe(readJsonFixture<{ output: { message: { content: { text: string }[] } } }>('bedrock', 'converse-chat.response.json').output.message.content[0].text);
  expect(setup.fake.calls[0]).toMatchObject({ modelId: 'moonshot.kimi-k2-thinking', operation: 'converse', body: { inferenceConfig: { temperature: 0.5 } } });

  const refused = await fetch(`${setup.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'kimi', messages: [question], top_k: 5 }),
  });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: { param: string } }).error.param).toBe('top_k');
});

test('a model id of no listed family: completions streamed through ConverseStream', async () => {
  const response = await fetch(`${setup.gateway.url}/gateway/kimi-completions/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'Say hello', stream: true }),
  });
  expect(response.status).toBe(200);
  const body = await response.text();
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'converse-stream', body: { messages: [{ role: 'user', content: [{ text: 'Say hello' }] }] } });
  expect(body).toContain('Un café');
  expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
});

test('a blank completions prompt (Converse refuses its only text block as blank, naming messages.0.content.0) is a 400 naming prompt, before any call', async () => {
  const refused = setup.openai.completions.create({ model: 'kimi-completions', prompt: '  ' });
  await expect(refused).rejects.toMatchObject({ status: 400, param: 'prompt', message: expect.stringContaining('refuses a prompt that is empty or only whitespace') });
  expect(setup.fake.calls).toHaveLength(0);
});
