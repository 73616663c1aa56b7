/**
 * A DeepSeek-style server behind an `openai` endpoint with its own base, in thinking mode with tools:
 * its answers carry `reasoning_content`, and it refuses the next turn unless the assistant message that
 * called a tool comes back with that `reasoning_content` ("For turns that do perform tool calls, the
 * reasoning_content must be fully passed back to the API in all subsequent requests ... the API will
 * return a 400 error", https://api-docs.deepseek.com/guides/thinking_mode). The official OpenAI client
 * sends the answer's message back as it got it, so the gateway must pass `reasoning_content` on.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const FIRST_ANSWER = readJsonFixture('openai', 'chat-deepseek-thinking-tool-call.response.json') as { choices: { message: { reasoning_content: string } }[] };
const REASONING = FIRST_ANSWER.choices[0].message.reasoning_content;

const FINAL_ANSWER = {
  id: 'b3c1a2f0-6f4e-4d2a-9c8b-5e7d1f0a2b3e',
  object: 'chat.completion',
  created: 1764633602,
  model: 'deepseek-reasoner',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Tomorrow is 2025-12-03.', reasoning_content: 'The date is known.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 380, completion_tokens: 20, total_tokens: 400 },
};

/** DeepSeek's answer to a tool-result turn whose assistant message lost its reasoning_content. */
const MISSING_REASONING = {
  error: {
    message: 'Missing `reasoning_content` field in the assistant message at message index 1. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_request_error',
  },
};

interface ChatBody {
  stream?: boolean;
  messages: Record<string, unknown>[];
}

function fakeDeepSeek(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as ChatBody;
  const assistant = body.messages.find((message) => message.role === 'assistant');
  if (assistant === undefined) {
    if (body.stream) return sendStream(response, readFixture('openai', 'chat-deepseek-thinking-tool-call.stream.sse'));
    return sendJson(response, 200, FIRST_ANSWER);
  }
  if (assistant.reasoning_content !== REASONING) return sendJson(response, 400, MISSING_REASONING);
  sendJson(response, 200, FINAL_ANSWER);
}

const setup = useGatewayWithUpstreams({
  upstreams: { deepseek: fakeDeepSeek },
  config: (urls) => `
endpoints:
  - name: deepseek
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: deepseek-reasoner, config: { openai_api_key: sk-deepseek-test, openai_api_base: "${urls.deepseek}/v1" } }
`,
  validateResponses: true,
});

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_date', parameters: { type: 'object', properties: {} } } }];
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: "How's the weather in Hangzhou tomorrow?" };
const toolResult = (id: string): OpenAI.Chat.Completions.ChatCompletionMessageParam => ({ role: 'tool', tool_call_id: id, content: '2025-12-02' });

test('non-streaming: the answer carries reasoning_content, and the message sent back whole lets the tool turn succeed', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'deepseek', messages: [question], tools });
  const message = first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };
  expect(message.reasoning_content).toBe(REASONING);

  const second = await setup.openai.chat.completions.create({ model: 'deepseek', messages: [question, message, toolResult(message.tool_calls![0].id)], tools });
  expect(second.choices[0].message).toMatchObject({ content: 'Tomorrow is 2025-12-03.', reasoning_content: 'The date is known.' });
});

test('streaming: reasoning_content pieces reach the client, and the joined text sent back lets the tool turn succeed', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'deepseek', messages: [question], tools, stream: true });
  const { reasoning, calls, content } = await assembleAssistantTurn(stream);
  expect(reasoning).toBe(REASONING);

  const assistant = { role: 'assistant', content, reasoning_content: reasoning, tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) };
  const second = await setup.openai.chat.completions.create({
    model: 'deepseek',
    messages: [question, assistant as OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam, toolResult(calls[0].id)],
    tools,
  });
  expect(second.choices[0].message.content).toBe('Tomorrow is 2025-12-03.');
});

test('answers without reasoning keep OpenAI’s exact shape', async () => {
  setup.upstreams.deepseek.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
  const answer = await setup.openai.chat.completions.create({ model: 'deepseek', messages: [question] });
  expect(Object.keys(answer.choices[0].message).sort()).toEqual(['content', 'refusal', 'role', 'tool_calls']);
});
