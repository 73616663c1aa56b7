/**
 * A coding agent's history whose context window dropped the turn that called a tool but kept its
 * result: Anthropic refuses it after the call, naming its own message index, counted without the
 * system messages the gateway lifts out (test/fixtures/anthropic/error-400-tool-result-without-call.json:
 * `messages.0.content.0` for the client's second message), and a FALLBACK route stopped there. The
 * gateway answers a 400 naming the client's message before any call, through the official openai
 * client and the MLflow route, and a FALLBACK route moves on.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { preCallRefusalTests } from '../support/pre-call-refusals';

const serveAnthropic = serveAnthropicFixtures('claude-haiku-4-5');

/** Anthropic, refusing a first turn that opens with a tool result as it does, else answering from the fixtures. */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  const [first] = (request.body as { messages: { content: unknown }[] }).messages;
  const opensWithResult = Array.isArray(first.content) && (first.content[0] as { type?: string }).type === 'tool_result';
  if (opensWithResult) return sendJson(response, 400, readJsonFixture('anthropic', 'error-400-tool-result-without-call.json'));
  void serveAnthropic(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic, openai: serveOpenAIFixtures },
  config: (urls) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: k, openai_api_base: "${urls.openai}/v1" } } }
routes:
  - { name: agent, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: claude }, { name: gpt }] }
`,
});

const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } }];
const trimmed: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a coding agent.' },
  { role: 'tool', tool_call_id: 'toolu_01FfCGddPyWsq3gCLqXtsJki', content: '# LLM Gateway\n…' },
  { role: 'assistant', content: 'The README starts with its title.' },
  { role: 'user', content: 'And the licence?' },
];
const REFUSAL = `messages[1].tool_call_id: Anthropic takes a tool message only as the result of a tool call of the assistant message before it ("Each tool_result block must have a corresponding tool_use block in the previous message"); 'toolu_01FfCGddPyWsq3gCLqXtsJki' is none of its calls.`;

preCallRefusalTests({
  setup,
  endpoint: 'claude',
  title: 'a tool result without its call: a 400 naming the client message',
  messages: trimmed,
  tools,
  param: 'messages[1].tool_call_id',
  message: REFUSAL,
  refusedCalls: () => setup.upstreams.anthropic.requests.length,
  fallback: { route: 'agent', past: 'Claude', nextCalls: () => setup.upstreams.openai.requests.length },
});
