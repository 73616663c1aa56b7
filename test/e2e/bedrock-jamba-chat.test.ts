/**
 * AI21's Jamba models on Amazon Bedrock serve llm/v1/chat through Converse, as AWS's
 * supported-features table lists them
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html):
 * system prompts and streaming for every Jamba model, tools (streamed too) for Jamba 1.5, no tools
 * for Jamba-Instruct and no images for any. Its llm/v1/completions keep the native InvokeModel body
 * (which returns `n` choices) and stream through ConverseStream, one choice. Over real HTTP: the official `openai` client against the
 * gateway, the real AWS SDK against the fake Bedrock serving Converse fixtures.
 */
import type OpenAI from 'openai';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const setup = useGatewayWithFakeBedrock({
  serve: serveBedrockFixtures,
  config: (fakeUrl) => `
endpoints:
  - name: jamba-large
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: ai21.jamba-1-5-large-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: jamba-instruct
    endpoint_type: llm/v1/chat
    model: { provider: amazon-bedrock, name: ai21.jamba-instruct-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: jamba-completions
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: ai21.jamba-1-5-mini-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: jamba-completions-n3
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: ai21.jamba-1-5-mini-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)}, n: 3 } }
`,
  validateResponses: true,
});

const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
};
const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'Answer in French.' },
  { role: 'user', content: 'What is the weather in Paris and São Paulo?' },
];

test('Jamba 1.5 chat: Converse with the system prompt, temperature halved; the answer in OpenAI shape', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'jamba-large', messages, temperature: 1.4, max_tokens: 300 });
  expect(answer.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: expect.stringContaining('Un café') } });
  expect(setup.fake.calls).toHaveLength(1);
  expect(setup.fake.calls[0]).toMatchObject({
    modelId: 'ai21.jamba-1-5-large-v1:0',
    operation: 'converse',
    body: { system: [{ text: 'Answer in French.' }], inferenceConfig: { temperature: 0.7, maxTokens: 300 } },
  });
});

test('Jamba 1.5 tools: a tool call answer, and the same streamed through ConverseStream', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'jamba-large', messages, tools: [weatherTool] });
  expect(answer.choices[0].finish_reason).toBe('tool_calls');
  expect(answer.choices[0].message.tool_calls?.map((call) => call.type === 'function' && call.function.arguments)).toEqual([
    '{"location":"Paris, France"}',
    '{"location":"São Paulo, Brazil","units":"c"}',
  ]);

  const stream = await setup.openai.chat.completions.create({ model: 'jamba-large', messages, tools: [weatherTool], stream: true });
  const argumentsByIndex: string[] = [];
  const finishes: (string | null)[] = [];
  for await (const chunk of stream) {
    for (const call of chunk.choices[0]?.delta.tool_calls ?? []) argumentsByIndex[call.index] = (argumentsByIndex[call.index] ?? '') + (call.function?.arguments ?? '');
    if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
  }
  expect(argumentsByIndex.map((text) => JSON.parse(text) as unknown)).toEqual([{ location: 'Paris, France' }, { location: 'São Paulo, Brazil' }]);
  expect(finishes).toEqual(['tool_calls']);
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse', 'converse-stream']);
  expect(setup.fake.calls[1].body).toMatchObject({ toolConfig: { tools: [{ toolSpec: { name: 'get_weather' } }] } });
});

test('Jamba-Instruct chat streams with its system prompt', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'jamba-instruct', messages, stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(setup.fake.calls[0]).toMatchObject({ modelId: 'ai21.jamba-instruct-v1:0', operation: 'converse-stream', body: { system: [{ text: 'Answer in French.' }] } });
});

test('Jamba-Instruct refuses tools, streamed or not, with a 400 naming tools, before any call', async () => {
  for (const stream of [false, true]) {
    await expect(setup.openai.chat.completions.create({ model: 'jamba-instruct', messages, tools: [weatherTool], stream })).rejects.toMatchObject({
      status: 400,
      param: 'tools',
      message: expect.stringContaining('Amazon Bedrock (AI21 Jamba-Instruct) takes no tools'),
    });
  }
  expect(setup.fake.calls).toHaveLength(0);
});

test('an image on Jamba is a 400 naming its part, before any call', async () => {
  const refused = setup.openai.chat.completions.create({
    model: 'jamba-large',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
  });
  await expect(refused).rejects.toMatchObject({ status: 400, param: 'messages[0].content[1]', message: expect.stringContaining('reads no images') });
  expect(setup.fake.calls).toHaveLength(0);
});

test("Jamba completions keep the model's native body (InvokeModel)", async () => {
  const answer = await setup.openai.completions.create({ model: 'jamba-completions', prompt: 'Suggest a drink', temperature: 1.4 });
  expect(answer.choices[0].text).toBe('How about a café au lait? ☕');
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'invoke', body: { temperature: 1.4 } });
});

test('Jamba completions stream through ConverseStream: the prompt as one user message, temperature halved, usage when asked', async () => {
  const stream = await setup.openai.completions.create({
    model: 'jamba-completions',
    prompt: 'Suggest a drink',
    temperature: 1.4,
    max_tokens: 50,
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  const finishes: (string | null)[] = [];
  let usage: OpenAI.Completions.CompletionUsage | undefined;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.text ?? '';
    if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
    usage = chunk.usage ?? usage;
  }
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(finishes).toEqual(['stop']);
  expect(usage).toMatchObject({ prompt_tokens: 18, completion_tokens: 11, total_tokens: 29 });
  expect(setup.fake.calls).toHaveLength(1);
  expect(setup.fake.calls[0]).toMatchObject({
    modelId: 'ai21.jamba-1-5-mini-v1:0',
    operation: 'converse-stream',
    body: { messages: [{ role: 'user', content: [{ text: 'Suggest a drink' }] }], inferenceConfig: { temperature: 0.7, maxTokens: 50 } },
  });
});

test('a Jamba completions stream with n: 1 streams; with n above 1 it is a 400 naming n before any call, while unstreamed n goes to the native body', async () => {
  const single = await setup.openai.completions.create({ model: 'jamba-completions', prompt: 'Suggest a drink', n: 1, stream: true });
  let text = '';
  for await (const chunk of single) text += chunk.choices[0]?.text ?? '';
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse-stream']);

  setup.fake.calls.length = 0;
  await expect(setup.openai.completions.create({ model: 'jamba-completions', prompt: 'Suggest a drink', n: 2, stream: true })).rejects.toMatchObject({
    status: 400,
    param: 'n',
    message: expect.stringContaining("'n' must be 1 for a streamed completion on Amazon Bedrock (AI21 Jamba)"),
  });
  expect(setup.fake.calls).toHaveLength(0);

  await setup.openai.completions.create({ model: 'jamba-completions', prompt: 'Suggest a drink', n: 2 });
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'invoke', body: { n: 2 } });
});

test("an endpoint's n default above 1 serves unstreamed completions, and a stream without n streams; a client's own n above 1 on a stream is still a 400", async () => {
  const stream = await setup.openai.completions.create({ model: 'jamba-completions-n3', prompt: 'Suggest a drink', stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(setup.fake.calls).toHaveLength(1);
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'converse-stream', body: { messages: [{ role: 'user', content: [{ text: 'Suggest a drink' }] }] } });

  setup.fake.calls.length = 0;
  await setup.openai.completions.create({ model: 'jamba-completions-n3', prompt: 'Suggest a drink' });
  expect(setup.fake.calls[0]).toMatchObject({ operation: 'invoke', body: { n: 3 } });

  setup.fake.calls.length = 0;
  await expect(setup.openai.completions.create({ model: 'jamba-completions-n3', prompt: 'Suggest a drink', n: 2, stream: true })).rejects.toMatchObject({ status: 400, param: 'n' });
  expect(setup.fake.calls).toHaveLength(0);
});
