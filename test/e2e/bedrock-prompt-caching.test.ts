/**
 * Prompt caching through Amazon Bedrock Converse, end to end with the official OpenAI client and the
 * real AWS SDK: `cache_control` as LiteLLM-style clients put it on a system part, a user part and a
 * tool becomes a `cachePoint` block right after each for Claude, and for Amazon Nova in system and
 * messages but not among tools, which Nova refuses (as the fake does); a model AWS documents no
 * caching for (Llama) gets none, as the fake's refusal of one there shows. More cache points than
 * Bedrock takes in a request (4) is the gateway's 400, before any call, as is one that would follow
 * a reasoning block (which Claude on Bedrock refuses, as the fake does).
 * https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html
 */
import type OpenAI from 'openai';
import type { BedrockCall, BedrockReply } from '../support/fake-bedrock';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const CACHED_ANSWER = readJsonFixture('bedrock', 'converse-prompt-caching.response.json');

const REFUSED_CACHING = { status: 400, type: 'ValidationException', message: 'You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.' };

const CACHE_POINT_AFTER_REASONING = { status: 400, type: 'ValidationException', message: 'Cache point cannot be inserted after reasoning block. Please remove the invalid cache point and try again.' };

/** Claude on Bedrock refuses a cachePoint right after a reasoningContent block (the message other projects report). */
function hasCachePointAfterReasoning(body: unknown): boolean {
  const messages = (body as { messages?: { content?: object[] }[] }).messages ?? [];
  return messages.some(({ content = [] }) => content.some((block, index) => 'cachePoint' in block && index > 0 && 'reasoningContent' in content[index - 1]));
}

/**
 * Bedrock refuses a cachePoint on a model without prompt caching (the message other clients report),
 * and among Nova's tools (the prompt-caching guide: Nova caches system and messages only).
 */
function fakeBedrock(call: BedrockCall): BedrockReply {
  if (hasCachePointAfterReasoning(call.body)) return { error: CACHE_POINT_AFTER_REASONING };
  const asksForCache = JSON.stringify(call.body).includes('"cachePoint"');
  if (asksForCache && call.modelId.startsWith('meta.')) return { error: REFUSED_CACHING };
  const tools = (call.body as { toolConfig?: { tools?: object[] } }).toolConfig?.tools ?? [];
  if (call.modelId.includes('amazon.nova') && tools.some((tool) => 'cachePoint' in tool)) return { error: REFUSED_CACHING };
  return { json: CACHED_ANSWER };
}

const setup = useGatewayWithFakeBedrock({
  serve: fakeBedrock,
  config: (fakeUrl) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: llama
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: meta.llama3-1-70b-instruct-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: nova
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.amazon.nova-pro-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
`,
  validateResponses: true,
});

const ephemeral = { type: 'ephemeral' };
const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } };
// The openai client's types know no cache_control; it sends the JSON as given, as LiteLLM users do.
const cachedRequest = (model: string) =>
  ({
    model,
    messages: [
      { role: 'system', content: [{ type: 'text', text: 'You answer questions about Pride and Prejudice.', cache_control: ephemeral }] },
      { role: 'user', content: [{ type: 'text', text: 'The whole novel…', cache_control: ephemeral }, { type: 'text', text: 'Why does Elizabeth refuse Darcy?' }] },
    ],
    tools: [{ ...weatherTool, cache_control: ephemeral }],
  }) as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

test('Claude: a cachePoint after the system part, the user part and the tool; the answer counts the cached tokens', async () => {
  const answer = await setup.openai.chat.completions.create(cachedRequest('claude'));
  const cachePoint = { cachePoint: { type: 'default' } };
  expect(setup.fake.calls[0].body).toMatchObject({
    system: [{ text: 'You answer questions about Pride and Prejudice.' }, cachePoint],
    messages: [{ role: 'user', content: [{ text: 'The whole novel…' }, cachePoint, { text: 'Why does Elizabeth refuse Darcy?' }] }],
    toolConfig: { tools: [{ toolSpec: { name: 'get_weather' } }, cachePoint] },
  });
  expect(answer.usage?.prompt_tokens_details?.cached_tokens).toBe(188086);
});

test('Llama (no prompt caching on Bedrock): no cachePoint is sent, and the request is answered', async () => {
  const answer = await setup.openai.chat.completions.create(cachedRequest('llama'));
  expect(JSON.stringify(setup.fake.calls[0].body)).not.toContain('cachePoint');
  expect(answer.choices[0].message.content).toContain('Elizabeth Bennet');
});

test("Claude: cache_control on string-content messages (LiteLLM's message-level convention) is a cachePoint after each", async () => {
  const request = {
    model: 'claude',
    messages: [
      { role: 'system', content: 'You answer questions about Pride and Prejudice.', cache_control: ephemeral },
      { role: 'user', content: 'Why does Elizabeth refuse Darcy?', cache_control: ephemeral },
    ],
  } as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
  await setup.openai.chat.completions.create(request);
  const cachePoint = { cachePoint: { type: 'default' } };
  expect(setup.fake.calls[0].body).toMatchObject({
    system: [{ text: 'You answer questions about Pride and Prejudice.' }, cachePoint],
    messages: [{ role: 'user', content: [{ text: 'Why does Elizabeth refuse Darcy?' }, cachePoint] }],
  });
});

test("Nova: a cachePoint after the system part and the user part, none after the tool (Nova's tools take none); answered", async () => {
  const answer = await setup.openai.chat.completions.create(cachedRequest('nova'));
  const cachePoint = { cachePoint: { type: 'default' } };
  expect(setup.fake.calls[0].body).toMatchObject({
    system: [{ text: 'You answer questions about Pride and Prejudice.' }, cachePoint],
    messages: [{ role: 'user', content: [{ text: 'The whole novel…' }, cachePoint, { text: 'Why does Elizabeth refuse Darcy?' }] }],
    toolConfig: { tools: [{ toolSpec: { name: 'get_weather' } }] },
  });
  expect(answer.usage?.prompt_tokens_details?.cached_tokens).toBe(188086);
});

test('more than 4 cache points, the most Bedrock takes in a request, is a 400 saying so before any call', async () => {
  const chapters = Array.from({ length: 5 }, (_, index) => ({ type: 'text', text: `Chapter ${index + 1}…`, cache_control: ephemeral }));
  const request = { model: 'nova', messages: [{ role: 'user', content: chapters }] } as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
  const failure = await setup.openai.chat.completions.create(request).catch((error: unknown) => error);
  expect(failure).toMatchObject({ status: 400, error: { message: 'cache_control: Amazon Bedrock (Amazon Nova) takes at most 4 cache points in a request (on tools, system and messages together), and this request asks for 5.' } });
  expect(setup.fake.calls).toHaveLength(0);
});

describe("Claude's thinking sent back with a message's cache_control: no cachePoint right after a reasoning block, which Bedrock refuses", () => {
  const signed = { type: 'thinking', thinking: 'The user wants the weather in Paris.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrk' };
  const turn = (assistant: object) =>
    ({
      model: 'claude',
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [{ role: 'user', content: 'Weather in Paris?' }, { role: 'assistant', thinking_blocks: [signed], cache_control: ephemeral, ...assistant }, { role: 'tool', tool_call_id: 't1', content: '18°C' }],
      tools: [weatherTool],
    }) as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

  test('a tool-use turn with thinking: the cachePoint follows the toolUse, and the request is answered', async () => {
    const call = { id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } };
    const answer = await setup.openai.chat.completions.create(turn({ content: null, tool_calls: [call] }));
    expect((setup.fake.calls[0].body as { messages: { content: object[] }[] }).messages[1].content.map((block) => Object.keys(block)[0])).toEqual(['reasoningContent', 'toolUse', 'cachePoint']);
    expect(answer.choices[0].message.content).toContain('Elizabeth Bennet');
  });

  test("a message of thinking_blocks alone: the gateway's 400 naming its cache_control, before any call", async () => {
    const request = turn({ content: '' });
    (request.messages as object[]).splice(2, 1, { role: 'user', content: 'Go on.' });
    const failure = await setup.openai.chat.completions.create(request).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 400, error: { param: 'messages[1].cache_control' } });
    expect(setup.fake.calls).toHaveLength(0);
  });
});
