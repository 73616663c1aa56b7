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
import { openaiErrorOf } from '../support/errors';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

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

test.each([false, true])('a tool result without its call: a 400 naming the client message, nothing sent (stream: %s)', async (stream) => {
  const { status, error } = await openaiErrorOf(setup.openai.chat.completions.create({ model: 'claude', messages: trimmed, tools, stream }));
  expect(status).toBe(400);
  expect(error).toEqual({ message: REFUSAL, type: 'invalid_request_error', param: 'messages[1].tool_call_id', code: 'invalid_value' });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test('the MLflow route: a 400 with the same words', async () => {
  const answer = await fetch(`${setup.gateway.url}/endpoints/claude/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: trimmed, tools }) });
  expect(answer.status).toBe(400);
  expect(await answer.json()).toEqual({ detail: REFUSAL });
});

test('a FALLBACK route moves past Claude to a destination that takes the history', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'agent', messages: trimmed, tools });
  expect(completion.choices).toHaveLength(1);
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  expect(setup.upstreams.openai.requests).toHaveLength(1);
});
