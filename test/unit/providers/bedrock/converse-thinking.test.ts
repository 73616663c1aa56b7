/**
 * Claude's extended thinking through Converse, in the unified shape the Anthropic provider uses
 * (`reasoning_content` / `thinking_blocks`): `thinking` goes in `additionalModelRequestFields`,
 * `reasoningContent` answer blocks and stream deltas come back as thinking blocks (redacted bytes as
 * base64 `data`), and an assistant message's `thinking_blocks` go back first in its turn.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ReasoningContentBlock.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ReasoningContentBlockDelta.html
 */
import type { ContentBlock, ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createConverseChatStream, createConverseCompletionsStream, fromConverseChat, toConverseChat, toConverseCompletions } from '../../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import type { ChatChunk, ChatMessage } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';
import { readJsonFixture } from '../../../support/fixtures';

/** Claude on Bedrock: signed thinking blocks go both ways. */
const CLAUDE = { thinkingBlocks: true };

const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
const llama = resolveBedrockFamily('meta.llama3-1-70b-instruct-v1:0');
const context = { id: 'req-1', model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', created: 1_700_000_000 };

const SIGNATURE =
  'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds9ZKBvRLtqNzB6Ch+cU0Ykz3sGHHoDwM8bv2PAFtLTdHHGC2qO9JvdWlnbmvQWXqFhHrl==';
const THINKING = 'The user wants the weather in Paris. I should call get_weather with "Paris, France" — température en °C.';
const REDACTED = 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj/Q3yW4Yx8F5o+qbGWjVZfLr9cqU7w=';
const THINKING_BLOCKS = [
  { type: 'thinking' as const, thinking: THINKING, signature: SIGNATURE },
  { type: 'redacted_thinking' as const, data: REDACTED },
];

/** Blob members as the SDK decodes them: the wire's base64 as bytes. */
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** The fixture answer as the SDK gives it (redactedContent decoded to bytes). */
function decodedAnswer(): ConverseCommandOutput {
  const output = readJsonFixture<{ output: { message: { content: Record<string, any>[] } } }>('bedrock', 'converse-thinking-tool-use.response.json');
  for (const block of output.output.message.content) {
    if (block.reasoningContent?.redactedContent) block.reasoningContent.redactedContent = bytesOf(block.reasoningContent.redactedContent);
  }
  return output as unknown as ConverseCommandOutput;
}

/** The fixture stream as the SDK decodes it: `{[eventType]: body}`, redacted bytes as bytes. */
function decodedEvents(): ConverseStreamOutput[] {
  return readJsonFixture<{ event: string; body: any }[]>('bedrock', 'converse-thinking-tool-use.events.json').map(({ event, body }) => {
    const reasoning = body.delta?.reasoningContent;
    if (reasoning?.redactedContent) reasoning.redactedContent = bytesOf(reasoning.redactedContent);
    return { [event]: body } as unknown as ConverseStreamOutput;
  });
}

const question: ChatMessage = { role: 'user', content: 'What is the weather in Paris?' };
const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];

describe('requests', () => {
  test('Claude: thinking goes in additionalModelRequestFields, beside top_k', () => {
    const thinking = { type: 'enabled', budget_tokens: 2048 };
    expect(toConverseChat({ messages: [question], thinking, max_tokens: 4096 }, claude)).toEqual({
      messages: [{ role: 'user', content: [{ text: 'What is the weather in Paris?' }] }],
      inferenceConfig: { maxTokens: 4096 },
      additionalModelRequestFields: { thinking },
    });
    expect(toConverseChat({ messages: [question], thinking, top_k: 5 }, claude).additionalModelRequestFields).toEqual({ top_k: 5, thinking });
  });

  test('families without extended thinking, and completions, refuse thinking with a 400 naming it', () => {
    expect(gatewayErrorOf(() => toConverseChat({ messages: [question], thinking: { type: 'enabled', budget_tokens: 2048 } }, llama))).toMatchObject({ status: 400, param: 'thinking' });
    expect(gatewayErrorOf(() => toConverseCompletions({ prompt: 'x', thinking: { type: 'enabled', budget_tokens: 2048 } }, claude))).toMatchObject({ status: 400, param: 'thinking' });
  });

  test("an assistant message's thinking_blocks go first in its turn as reasoningContent blocks, redacted data as bytes; reasoning_content is not sent", () => {
    const assistant: ChatMessage = {
      role: 'assistant',
      content: "I'll look up the current weather in Paris.",
      reasoning_content: THINKING,
      thinking_blocks: THINKING_BLOCKS,
      tool_calls: [{ id: 'tooluse_Xk3vQ9pLTyW2mN8rB5cJ4A', type: 'function', function: { name: 'get_weather', arguments: '{"location": "Paris, France"}' } }],
    };
    const body = toConverseChat({ messages: [question, assistant, { role: 'tool', tool_call_id: 'tooluse_Xk3vQ9pLTyW2mN8rB5cJ4A', content: '{"temperature": 18}' }], tools }, claude);
    expect(body.messages?.[1]).toEqual({
      role: 'assistant',
      content: [
        { reasoningContent: { reasoningText: { text: THINKING, signature: SIGNATURE } } },
        { reasoningContent: { redactedContent: bytesOf(REDACTED) } },
        { text: "I'll look up the current weather in Paris." },
        { toolUse: { toolUseId: 'tooluse_Xk3vQ9pLTyW2mN8rB5cJ4A', name: 'get_weather', input: { location: 'Paris, France' } } },
      ],
    });
  });

  test('thinking blocks are sent back even without tool calls or content; other families do not get them', () => {
    const assistant: ChatMessage = { role: 'assistant', content: '', thinking_blocks: THINKING_BLOCKS.slice(0, 1) };
    expect(toConverseChat({ messages: [question, assistant, { role: 'user', content: 'And tomorrow?' }] }, claude).messages?.[1]).toEqual({
      role: 'assistant',
      content: [{ reasoningContent: { reasoningText: { text: THINKING, signature: SIGNATURE } } }],
    });
    const other = toConverseChat({ messages: [question, { ...assistant, content: 'Sunny.' }, { role: 'user', content: 'And tomorrow?' }] }, llama);
    expect(other.messages?.[1]).toEqual({ role: 'assistant', content: [{ text: 'Sunny.' }] });
  });

  test('redacted data that is not base64 (it would reach Bedrock altered) is a 400 naming the block', () => {
    const assistant: ChatMessage = { role: 'assistant', content: 'x', thinking_blocks: [{ type: 'redacted_thinking', data: 'not base64!' }] };
    expect(gatewayErrorOf(() => toConverseChat({ messages: [question, assistant] }, claude))).toMatchObject({ status: 400, param: 'messages[1].thinking_blocks[0].data' });
  });
});

describe('answers', () => {
  test('reasoningContent blocks become reasoning_content and thinking_blocks, redacted bytes as base64 data', () => {
    expect(fromConverseChat(decodedAnswer(), context, CLAUDE).choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: "I'll look up the current weather in Paris.",
        tool_calls: [{ id: 'tooluse_Xk3vQ9pLTyW2mN8rB5cJ4A', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' } }],
        refusal: null,
        reasoning_content: THINKING,
        thinking_blocks: THINKING_BLOCKS,
      },
      finish_reason: 'tool_calls',
    });
  });

  test('answers without reasoning keep exactly the OpenAI shape', () => {
    const message = fromConverseChat(readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-chat.response.json'), context, CLAUDE).choices[0].message;
    expect(Object.keys(message)).toEqual(['role', 'content', 'tool_calls', 'refusal']);
  });

  test('an answer of a reasoning block only: content "" and the thinking', () => {
    const output = { $metadata: {}, stopReason: 'max_tokens', output: { message: { role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 'Hmm' } } } as ContentBlock] } } };
    expect(fromConverseChat(output as ConverseCommandOutput, context, CLAUDE).choices[0].message).toMatchObject({
      content: '',
      reasoning_content: 'Hmm',
      thinking_blocks: [{ type: 'thinking', thinking: 'Hmm', signature: '' }],
    });
  });
});

describe('streams', () => {
  const run = <Chunk>(fold: { event(e: ConverseStreamOutput): Chunk[]; end(): Chunk[] }, events: ConverseStreamOutput[]) => [...events.flatMap((event) => fold.event(event)), ...fold.end()];

  test('reasoning deltas become the Anthropic stream pieces: text with reasoning_content, the signature on its own, a redacted block whole', () => {
    const chunks: ChatChunk[] = run(createConverseChatStream(context, CLAUDE), decodedEvents());
    const pieces = chunks.filter((chunk) => chunk.choices[0].delta.thinking_blocks).map((chunk) => {
      const { reasoning_content, thinking_blocks } = chunk.choices[0].delta;
      return { reasoning_content, thinking_blocks };
    });
    expect(pieces).toEqual([
      { reasoning_content: 'The user wants the weather in Paris. I should call get_weather with "Paris, ', thinking_blocks: [{ index: 0, type: 'thinking', thinking: 'The user wants the weather in Paris. I should call get_weather with "Paris, ' }] },
      { reasoning_content: 'France" — température en °C.', thinking_blocks: [{ index: 0, type: 'thinking', thinking: 'France" — température en °C.' }] },
      { reasoning_content: undefined, thinking_blocks: [{ index: 0, type: 'thinking', thinking: '', signature: SIGNATURE }] },
      { reasoning_content: undefined, thinking_blocks: [{ index: 1, type: 'redacted_thinking', data: REDACTED }] },
    ]);
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe("I'll look up the current weather in Paris.");
    expect(chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []).map((call) => call.function?.arguments).join('')).toBe('{"location": "Paris, France", "unit": "celsius"}');
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('tool_calls');
  });

  test('a redacted block sent in several deltas is one block, its bytes joined', () => {
    const bytes = bytesOf(REDACTED);
    const events = [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: bytes.subarray(0, 10) } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: bytes.subarray(10) } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
    ] as ConverseStreamOutput[];
    const blocks = run(createConverseChatStream(context, CLAUDE), events).flatMap((chunk) => chunk.choices[0].delta.thinking_blocks ?? []);
    expect(blocks).toEqual([{ index: 0, type: 'redacted_thinking', data: REDACTED }]);
  });

  test('completions streams leave the thinking out', () => {
    const text = run(createConverseCompletionsStream(context), decodedEvents()).map((chunk) => chunk.choices[0].text ?? '').join('');
    expect(text).toBe("I'll look up the current weather in Paris.");
  });
});
