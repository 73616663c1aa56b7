/**
 * A conversation whose roles come in an order Mistral refuses, such as a user message right after
 * tool results (an agent whose user spoke before the model answered the results), is a 400 naming the
 * client's message before any call, where Mistral's own 400 after the call
 * (test/fixtures/mistral/error-400-message-order.json) named no field and stopped a FALLBACK route.
 * Through the official openai client and the MLflow route, against a fake Mistral that checks the
 * order as Mistral's API does; the orders it takes (consecutive user messages, a prefill marked
 * `prefix: true`) are sent as they came.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import type { ChatMessage } from '../../src/schema';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveMistralFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { preCallRefusalTests } from '../support/pre-call-refusals';

/** Mistral, refusing a tool message followed by a user message as its API does, else answering from the fixtures. */
function mistral(request: RecordedRequest, response: ServerResponse): void {
  const roles = ((request.body as { messages?: ChatMessage[] }).messages ?? []).map((message) => message.role);
  if (roles.some((role, index) => role === 'user' && roles[index - 1] === 'tool')) return sendJson(response, 400, readJsonFixture('mistral', 'error-400-message-order.json'));
  serveMistralFixtures(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { mistral, openai: serveOpenAIFixtures },
  config: (urls) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: mistral-chat, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: k, mistral_api_base: "${urls.mistral}/v1" } } }
  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: k, openai_api_base: "${urls.openai}/v1" } } }
routes:
  - { name: chat, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: mistral-chat }, { name: gpt }] }
`,
});

const weatherCall = { id: 'D681PevKs', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"Lyon"}' } };
const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
const userAfterTool: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'user', content: 'Il fait beau à Lyon ?' },
  { role: 'assistant', content: null, tool_calls: [weatherCall] },
  { role: 'tool', tool_call_id: 'D681PevKs', content: '{"celsius":24}' },
  { role: 'user', content: 'Et à Paris plutôt ?' },
];
const REFUSAL = `messages[3].role: after a tool message Mistral takes only assistant or tool messages, not a user message ("Unexpected role 'user' after role 'tool'").`;

preCallRefusalTests({
  setup,
  endpoint: 'mistral-chat',
  title: 'a user message after tool results: a 400 naming it',
  messages: userAfterTool,
  tools,
  param: 'messages[3].role',
  message: REFUSAL,
  refusedCalls: () => setup.upstreams.mistral.requests.length,
  fallback: { route: 'chat', past: 'Mistral', nextCalls: () => setup.upstreams.openai.requests.length },
});

test('consecutive user messages and a prefill marked prefix: true are sent as they came', async () => {
  const messages = [
    { role: 'user', content: 'Bonjour' },
    { role: 'user', content: 'Un haïku sur Lyon ?' },
    { role: 'assistant', content: 'Sur la Saône', prefix: true },
  ] as OpenAI.ChatCompletionMessageParam[];
  const completion = await setup.openai.chat.completions.create({ model: 'mistral-chat', messages });
  expect(completion.choices[0].message.content).not.toBe('');
  expect(setup.upstreams.mistral.requests[0].body).toMatchObject({ messages });
});
