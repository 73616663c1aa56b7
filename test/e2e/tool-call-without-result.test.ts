/**
 * A coding agent's history whose user stopped a tool run: the assistant called two tools at once, one
 * answered, and the user spoke before the other did. Anthropic refuses it after the call, naming its
 * own message index, counted without the system messages the gateway lifts out
 * (test/fixtures/anthropic/error-400-tool-call-without-result.json: `messages.1` for the client's third
 * message), and a FALLBACK route stopped there. The gateway answers a 400 naming the unanswered call
 * before any call, through the official openai client and the MLflow route, and a FALLBACK route moves on.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { preCallRefusalTests } from '../support/pre-call-refusals';
import { stoppedToolRun } from '../support/stopped-tool-run';

const serveAnthropic = serveAnthropicFixtures('claude-haiku-4-5');

type Block = { type: string; id?: string; tool_use_id?: string };
type Turn = { role: string; content: string | Block[] };
const blocksOf = (turn: Turn): Block[] => (typeof turn.content === 'string' ? [{ type: 'text' }] : turn.content);

/** Whether a tool_use has no tool_result at the start of the next turn, Anthropic joining consecutive turns of one role first. */
function leavesCallUnanswered(messages: readonly Turn[]): boolean {
  const turns = messages.reduce<{ role: string; blocks: Block[] }[]>((joined, turn) => {
    const last = joined[joined.length - 1];
    if (last?.role === turn.role) last.blocks.push(...blocksOf(turn));
    else joined.push({ role: turn.role, blocks: [...blocksOf(turn)] });
    return joined;
  }, []);
  return turns.some(({ blocks }, index) => {
    const calls = blocks.filter((block) => block.type === 'tool_use').map((block) => block.id);
    const next = turns[index + 1]?.blocks ?? [];
    const firstOther = next.findIndex((block) => block.type !== 'tool_result');
    const leading = (firstOther === -1 ? next : next.slice(0, firstOther)).map((block) => block.tool_use_id);
    return index < turns.length - 1 && calls.some((id) => !leading.includes(id));
  });
}

/** Anthropic, refusing a tool call left without its result as it does, else answering from the fixtures. */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  if (leavesCallUnanswered((request.body as { messages: Turn[] }).messages)) return sendJson(response, 400, readJsonFixture('anthropic', 'error-400-tool-call-without-result.json'));
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

const TEST = 'toolu_01SJzDkeAZER935cpGFptTNk';
const { tools, interrupted, answered } = stoppedToolRun({ read: 'toolu_01HqfLWiAKQLsniF2fBGF2KD', test: TEST }, "I'll read the test and run the suite.");
const REFUSAL = `messages[2].tool_calls[1]: Anthropic takes an assistant message's tool calls only when tool messages answer each of them before the next user or assistant message ("Each tool_use block must have a corresponding tool_result block in the next message"); the call '${TEST}' has no answer before messages[4], a user message.`;

preCallRefusalTests({
  setup,
  endpoint: 'claude',
  title: 'a tool run stopped by the user: a 400 naming the unanswered call',
  messages: interrupted,
  tools,
  param: 'messages[2].tool_calls[1]',
  message: REFUSAL,
  refusedCalls: () => setup.upstreams.anthropic.requests.length,
  fallback: { route: 'agent', past: 'Claude', nextCalls: () => setup.upstreams.openai.requests.length },
});

test('the history with the stopped run answered by a tool message saying so reaches Claude', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: answered, tools });
  expect(completion.choices).toHaveLength(1);
  expect(setup.upstreams.anthropic.requests).toHaveLength(1);
});
