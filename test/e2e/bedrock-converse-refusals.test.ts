/**
 * What AWS's supported-features table says a Bedrock model refuses on Converse
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html)
 * is a 400 naming the field, before any call, through the official `openai` client; what the model
 * takes goes to the fake Bedrock as for every Converse model, Titan Text's chat included. Tools in a
 * stream to a model whose ConverseStream refuses them go as one Converse call, replayed as a stream.
 */
import type OpenAI from 'openai';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const chatEndpoint = (name: string, model: string, fakeUrl: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: ${model}, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }`;

const setup = useGatewayWithFakeBedrock({
  serve: serveBedrockFixtures,
  config: (fakeUrl) => `
endpoints:${chatEndpoint('llama', 'us.meta.llama3-3-70b-instruct-v1:0', fakeUrl)}${chatEndpoint('mixtral', 'mistral.mixtral-8x7b-instruct-v0:1', fakeUrl)}${chatEndpoint('titan', 'amazon.titan-text-express-v1', fakeUrl)}${chatEndpoint(
    'nova-micro',
    'us.amazon.nova-micro-v1:0',
    fakeUrl,
  )}${chatEndpoint('r1', 'us.deepseek.r1-v1:0', fakeUrl)}${chatEndpoint('claude-2', 'anthropic.claude-v2:1', fakeUrl)}`,
  validateResponses: true,
});

const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } },
};
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Weather in Paris?' };

test('Llama: tools go to Converse; a stream with them, which ConverseStream refuses, is one Converse call replayed as a stream', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'llama', messages: [question], tools: [weatherTool] });
  expect(answer.choices[0].finish_reason).toBe('tool_calls');
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse']);

  const stream = await setup.openai.chat.completions.create({ model: 'llama', messages: [question], tools: [weatherTool], stream: true, stream_options: { include_usage: true } });
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse', 'converse']);
  expect(setup.fake.calls[1].body).toMatchObject({ toolConfig: { tools: [{ toolSpec: { name: 'get_weather' } }] } });
  const deltas = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));
  expect(deltas.map((delta) => delta.content ?? '').join('')).toBe("I'll look up the weather in both cities.");
  expect(deltas.flatMap((delta) => delta.tool_calls ?? [])).toEqual([
    { index: 0, id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
    { index: 1, id: 'tooluse_u3xQ2bTnS9KXo1f0cRz7Ag', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil","units":"c"}' } },
  ]);
  expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason)).filter(Boolean)).toEqual(['tool_calls']);
  expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 412, completion_tokens: 118, total_tokens: 530 } });
  expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
});

test("Llama: the replayed stream has no usage chunk when the client did not ask for one; AWS's refusal of the call is its 400 before the stream", async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'llama', messages: [question], tools: [weatherTool], stream: true });
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(chunks.some((chunk) => chunk.usage)).toBe(false);
  expect(chunks.at(-1)?.choices[0].finish_reason).toBe('tool_calls');

  setup.fake.setHandler(() => ({ error: { status: 400, type: 'ValidationException', message: 'The model returned the following errors: tool name too long' } }));
  try {
    const refused = setup.openai.chat.completions.create({ model: 'llama', messages: [question], tools: [weatherTool], stream: true });
    await expect(refused).rejects.toMatchObject({ status: 400, message: expect.stringContaining('tool name too long') });
  } finally {
    setup.fake.setHandler(serveBedrockFixtures);
  }
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse', 'converse']);
});

test('Llama: a stream without tools goes to ConverseStream', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'llama', messages: [question], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse-stream']);
});

test('Mixtral 8x7B Instruct: a system prompt is a 400 naming its message, before any call; without one the chat goes', async () => {
  const refused = setup.openai.chat.completions.create({ model: 'mixtral', messages: [{ role: 'system', content: 'Be brief.' }, question] });
  await expect(refused).rejects.toMatchObject({ status: 400, param: 'messages[0].role', message: expect.stringContaining('takes no system prompt') });
  expect(setup.fake.calls).toHaveLength(0);

  const answer = await setup.openai.chat.completions.create({ model: 'mixtral', messages: [question] });
  expect(answer.choices[0].finish_reason).toBe('stop');
  expect(setup.fake.calls[0]).toMatchObject({ modelId: 'mistral.mixtral-8x7b-instruct-v0:1', operation: 'converse' });
  expect(setup.fake.calls[0].body).not.toHaveProperty('system');
});

test('Titan Text chat goes through Converse, streamed or not; a system prompt is a 400 before any call', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'titan', messages: [question], temperature: 0.8 });
  expect(answer.choices[0].message.content).toBeTruthy();
  const stream = await setup.openai.chat.completions.create({ model: 'titan', messages: [question], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  expect(setup.fake.calls).toMatchObject([
    { modelId: 'amazon.titan-text-express-v1', operation: 'converse', body: { inferenceConfig: { temperature: 0.4 } } },
    { modelId: 'amazon.titan-text-express-v1', operation: 'converse-stream' },
  ]);

  const refused = setup.openai.chat.completions.create({ model: 'titan', messages: [{ role: 'developer', content: 'Be brief.' }, question], stream: true });
  await expect(refused).rejects.toMatchObject({ status: 400, param: 'messages[0].role', message: expect.stringContaining('(Amazon Titan Text) takes no system prompt') });
  expect(setup.fake.calls).toHaveLength(2);
});

test('Nova Micro refuses an image, DeepSeek-R1 tools: 400s naming them, before any call', async () => {
  const image = setup.openai.chat.completions.create({
    model: 'nova-micro',
    messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
  });
  await expect(image).rejects.toMatchObject({ status: 400, param: 'messages[0].content[0]', message: expect.stringContaining('(Amazon Nova Micro) reads no images') });
  const tools = setup.openai.chat.completions.create({ model: 'r1', messages: [question], tools: [weatherTool] });
  await expect(tools).rejects.toMatchObject({ status: 400, param: 'tools', message: expect.stringContaining('(DeepSeek) takes no tools') });
  expect(setup.fake.calls).toHaveLength(0);
});

test('Claude 2.1 refuses tools with a 400 naming tools, before any call; its chat goes', async () => {
  const tools = setup.openai.chat.completions.create({ model: 'claude-2', messages: [question], tools: [weatherTool] });
  await expect(tools).rejects.toMatchObject({ status: 400, param: 'tools', message: expect.stringContaining('(Anthropic Claude) takes no tools') });
  expect(setup.fake.calls).toHaveLength(0);
  const answer = await setup.openai.chat.completions.create({ model: 'claude-2', messages: [question] });
  expect(answer.choices[0].finish_reason).toBe('stop');
});
