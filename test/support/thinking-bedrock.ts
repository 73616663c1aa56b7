/**
 * A fake Bedrock Converse for Claude's extended thinking with tools: the first turn answers with the
 * thinking tool-use fixture (JSON or event stream); a later turn is answered only if, as Bedrock
 * requires during tool use, its assistant turn starts with the reasoningContent blocks the model
 * produced, signature and redacted bytes unchanged; otherwise it refuses with a ValidationException.
 * Each first answer has a toolUseId of its own, as Bedrock's have, so that blocks the gateway kept by
 * tool call id for one test cannot answer for another. A second fake answers with interleaved thinking
 * and takes back only that turn without its text, each reasoning block where the answer had it.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 */
import { converseEvent, type BedrockCall, type BedrockReply } from './fake-bedrock';
import { converseEvents } from './fixture-upstreams';
import { fakeAwsConfig } from './gateway-with-fake-bedrock';
import { readJsonFixture } from './fixtures';

const FIRST_ANSWER = readJsonFixture<{ output: { message: { content: Record<string, any>[] } } }>('bedrock', 'converse-thinking-tool-use.response.json');
/** The reasoningContent blocks of the first answer as on the wire (redacted bytes in base64), which must come back unchanged. */
export const PRODUCED_REASONING = FIRST_ANSWER.output.message.content.slice(0, 2);
export const PRODUCED_THINKING_BLOCKS = [
  { type: 'thinking', thinking: PRODUCED_REASONING[0].reasoningContent.reasoningText.text, signature: PRODUCED_REASONING[0].reasoningContent.reasoningText.signature },
  { type: 'redacted_thinking', data: PRODUCED_REASONING[1].reasoningContent.redactedContent },
];

const FIXTURE_TOOL_USE_ID = 'tooluse_Xk3vQ9pLTyW2mN8rB5cJ4A';
const FIRST_EVENTS = readJsonFixture<{ event: string; body: unknown }[]>('bedrock', 'converse-thinking-tool-use.events.json');

export const FINAL_TEXT = 'It is 18 °C in Paris.';

const FINAL_ANSWER = {
  output: { message: { role: 'assistant', content: [{ text: FINAL_TEXT }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 730, outputTokens: 14, totalTokens: 744 },
  metrics: { latencyMs: 640 },
};

export interface ConverseRequest {
  messages: { role: string; content: Record<string, unknown>[] }[];
  additionalModelRequestFields?: Record<string, unknown>;
}

/** The gateway's endpoint `claude` on the fake Bedrock at `fakeUrl`: Claude Sonnet 4.5 through Converse. */
export const thinkingBedrockEndpoints = (fakeUrl: string) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-sonnet-4-5-20250929-v1:0
      config:
        aws_config: ${fakeAwsConfig(fakeUrl, 'eu-west-3')}
`;

let answers = 0;

/** A fake Converse enforcing the rule: the assistant turn before a tool result starts with its reasoning. */
export function fakeConverse(call: BedrockCall): BedrockReply {
  const body = call.body as ConverseRequest;
  if (body.additionalModelRequestFields?.thinking === undefined) {
    return { error: { status: 400, type: 'ValidationException', message: 'thinking was not enabled' } };
  }
  const assistant = body.messages.find((message) => message.role === 'assistant');
  if (assistant === undefined) {
    answers += 1;
    const withOwnId = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(FIXTURE_TOOL_USE_ID, `tooluse_${process.pid}_${answers}`)) as T;
    return call.operation === 'converse-stream' ? { events: withOwnId(FIRST_EVENTS).map(({ event, body }) => converseEvent(event, body)) } : { json: withOwnId(FIRST_ANSWER) };
  }
  if (JSON.stringify(assistant.content.slice(0, 2)) !== JSON.stringify(PRODUCED_REASONING)) {
    return {
      error: {
        status: 400,
        type: 'ValidationException',
        message:
          'The model returned the following errors: messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks).',
      },
    };
  }
  return call.operation === 'converse-stream' ? { events: converseEvents('converse-chat.events.json') } : { json: FINAL_ANSWER };
}

const INTERLEAVED = readJsonFixture<{ output: { message: { content: Record<string, unknown>[] } } }>('bedrock', 'converse-interleaved-thinking.response.json');
/** The interleaved answer's turn without its text: reasoning, reasoning, toolUse, reasoning, toolUse. */
export const INTERLEAVED_WITHOUT_TEXT = INTERLEAVED.output.message.content.filter((block) => block.text === undefined);

/** Converse answering with interleaved thinking, then only a turn sent back without its text whose reasoning is where the answer had it among the blocks sent. */
export function fakeInterleavedConverse(call: BedrockCall): BedrockReply {
  const assistant = (call.body as ConverseRequest).messages.find((message) => message.role === 'assistant');
  if (assistant === undefined) return call.operation === 'converse-stream' ? { events: converseEvents('converse-interleaved-thinking.events.json') } : { json: INTERLEAVED };
  if (JSON.stringify(assistant.content) !== JSON.stringify(INTERLEAVED_WITHOUT_TEXT)) {
    return { error: { status: 400, type: 'ValidationException', message: 'The model returned the following errors: messages.1.content: thinking blocks cannot be modified or rearranged.' } };
  }
  return { json: { output: { message: { role: 'assistant', content: [{ text: FINAL_TEXT }] } }, stopReason: 'end_turn', usage: { inputTokens: 900, outputTokens: 12, totalTokens: 912 } } };
}
