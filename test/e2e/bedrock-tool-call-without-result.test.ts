/**
 * A coding agent's history whose user stopped a tool run (two parallel calls, one answered, then the
 * user's text), sent to Claude on Amazon Bedrock with tools: Converse refuses it after the call,
 * naming its own merged turn ("Expected toolResult blocks at messages.2.content for the following Ids:
 * …", as agno-agi/agno#6698 reports it for Claude), and a FALLBACK route stopped
 * there. The gateway answers a 400 naming the unanswered call before any call, through the official
 * openai client and the MLflow route, and a FALLBACK route moves on.
 */
import type { BedrockCall } from '../support/fake-bedrock';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { preCallRefusalTests } from '../support/pre-call-refusals';
import { stoppedToolRun } from '../support/stopped-tool-run';

type Block = { text?: string; toolUse?: { toolUseId: string }; toolResult?: { toolUseId: string } };

/** Converse, refusing for Claude a turn of toolUse blocks whose next turn does not open with all their toolResults, as AWS does; else the fixtures. */
function bedrock(call: BedrockCall) {
  const turns = call.modelId.includes('anthropic.claude') ? ((call.body as { messages?: { content: Block[] }[] }).messages ?? []) : [];
  for (const [index, turn] of turns.entries()) {
    const next = turns[index + 1]?.content ?? [];
    const firstOther = next.findIndex((block) => block.toolResult === undefined);
    const answered = (firstOther === -1 ? next : next.slice(0, firstOther)).map((block) => block.toolResult?.toolUseId);
    const missing = turn.content.flatMap((block) => (block.toolUse !== undefined && !answered.includes(block.toolUse.toolUseId) ? [block.toolUse.toolUseId] : []));
    if (index < turns.length - 1 && missing.length > 0) {
      return { error: { status: 400, type: 'ValidationException', message: `Expected toolResult blocks at messages.${index + 1}.content for the following Ids: ${missing.join(', ')}` } };
    }
  }
  return serveBedrockFixtures(call);
}

const setup = useGatewayWithFakeBedrock({
  serve: bedrock,
  config: (fakeUrl) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
  - { name: nova, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.amazon.nova-pro-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } } }
routes:
  - { name: agent, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: claude }, { name: nova }] }
`,
});

const TEST = 'toolu_01SJzDkeAZER935cpGFptTNk';
const { tools, interrupted, answered } = stoppedToolRun({ read: 'toolu_01HqfLWiAKQLsniF2fBGF2KD', test: TEST }, "I'll read the test and run the suite.");
const REFUSAL = `messages[2].tool_calls[1]: Amazon Bedrock (Anthropic Claude) takes an assistant message's tool calls only when tool messages answer each of them before the next user or assistant message ("Each tool_use block must have a corresponding tool_result block in the next message"); the call '${TEST}' has no answer before messages[4], a user message.`;

/** The calls to Claude and to Nova, the FALLBACK route's next destination. */
const NOVA = 'us.amazon.nova-pro-v1:0';
const callsTo = (nova: boolean) => () => setup.fake.calls.filter((call) => (call.modelId === NOVA) === nova).length;

preCallRefusalTests({
  setup,
  endpoint: 'claude',
  title: 'a tool run stopped by the user: a 400 naming the unanswered call',
  messages: interrupted,
  tools,
  param: 'messages[2].tool_calls[1]',
  message: REFUSAL,
  refusedCalls: callsTo(false),
  fallback: { route: 'agent', past: 'Claude', nextCalls: callsTo(true) },
});

test('the history with the stopped run answered by a tool message saying so reaches Claude', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: answered, tools });
  expect(completion.choices).toHaveLength(1);
  expect(setup.fake.calls).toHaveLength(1);
});
