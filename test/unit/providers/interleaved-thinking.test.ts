/**
 * Claude's interleaved thinking (thinking after the text, between tool calls) keeps its place in the
 * turn: answers and streams give each block not first its `content_index`, and a message sent back
 * with its blocks (as the client got them, or as the gateway joined them from a stream) rebuilds the
 * turn in the answer's order, for Anthropic and Claude on Bedrock. Claude refuses a turn rebuilt
 * otherwise; see test/fixtures/anthropic/README.md (`chat-interleaved-thinking.*`) for the pages.
 */
import type { ContentBlock, ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createAnthropicChatStream, fromAnthropicChat, toAnthropicChat } from '../../../src/providers/anthropic';
import { createConverseChatStream, fromConverseChat, toConverseChat } from '../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../src/providers/bedrock/families';
import { inAnswerOrder } from '../../../src/providers/shared/thinking-places';
import { StreamedThinking } from '../../../src/server/kept-thinking';
import { encryptedContentOf, thinkingBlocksOf } from '../../../src/server/responses-api/encrypted-thinking';
import { validateRequestBody } from '../../../src/server/validation';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, ThinkingBlock } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit } from '../../support/stream-replay';

const now = () => 1_700_000_000;
const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
const question: ChatMessage = { role: 'user', content: 'Compare the weather in Paris and London.' };

/** The next request of the tool loop: the answer's message sent back, then one result per call. */
function nextTurn(message: ChatMessage): ChatRequest {
  const results = (message.tool_calls ?? []).map((call): ChatMessage => ({ role: 'tool', tool_call_id: call.id, content: '{"temperature": 18}' }));
  return { messages: [question, message, ...results], tools, thinking: { type: 'enabled', budget_tokens: 2048 } };
}

/** An answer's message as a client sends it back whole (the gateway drops its null fields first). */
function sentBack(message: ChatResponse['choices'][number]['message']): ChatMessage {
  const { role, content, tool_calls, thinking_blocks } = message;
  return { role, content, tool_calls, thinking_blocks } as ChatMessage;
}

/** The assistant turn Anthropic gets for the next request. */
function anthropicTurn(message: ChatMessage): unknown {
  return (toAnthropicChat(nextTurn(message), { model: 'claude-sonnet-4' }).messages as unknown[])[1];
}

/** The answer's message as the gateway keeps a stream's thinking (kept-thinking.ts), with its text and tool calls. */
function joinedMessage(chunks: ChatChunk[]): ChatMessage {
  const streamed = new StreamedThinking();
  const calls: { id: string; name: string; arguments: string }[] = [];
  let content = '';
  for (const chunk of chunks) {
    streamed.add(chunk);
    const delta = chunk.choices[0]?.delta;
    content += delta?.content ?? '';
    for (const piece of delta?.tool_calls ?? []) {
      calls[piece.index] ??= { id: '', name: '', arguments: '' };
      if (piece.id) calls[piece.index].id = piece.id;
      if (piece.function?.name) calls[piece.index].name = piece.function.name;
      calls[piece.index].arguments += piece.function?.arguments ?? '';
    }
  }
  const tool_calls = calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } }));
  return { role: 'assistant', content, tool_calls, thinking_blocks: streamed.blocks };
}

describe('Anthropic', () => {
  const answer = readJsonFixture<{ content: Record<string, unknown>[] }>('anthropic', 'chat-interleaved-thinking.response.json');
  const [first, text, second, paris, redacted, london] = answer.content;
  const PLACED: ThinkingBlock[] = [
    { type: 'thinking', thinking: first.thinking as string, signature: first.signature as string },
    { type: 'thinking', thinking: second.thinking as string, signature: second.signature as string, content_index: 1 },
    { type: 'redacted_thinking', data: redacted.data as string, content_index: 2 },
  ];

  test('an answer gives each thinking block after the first of the other blocks its place: after the text, between the tool calls', () => {
    const { message } = fromAnthropicChat(answer, { now }).choices[0];
    expect(message.thinking_blocks).toEqual(PLACED);
    expect(message.content).toBe(text.text);
    expect(message.tool_calls?.map((call) => call.id)).toEqual([paris.id, london.id]);
  });

  test('the message sent back whole is the answer\'s content, block for block, in its order', () => {
    const { message } = fromAnthropicChat(answer, { now }).choices[0];
    expect(anthropicTurn(sentBack(message))).toEqual({ role: 'assistant', content: answer.content });
  });

  test('a stream gives each piece of a placed block its place; the blocks joined from it (as the gateway keeps them) rebuild the same turn, at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('anthropic', 'chat-interleaved-thinking.stream.sse'), () => createAnthropicChatStream({ endpoint: 'chat', now }), { crlf: true });
    const pieces = chunks.flatMap((chunk) => chunk.choices[0].delta.thinking_blocks ?? []);
    expect(pieces.filter((piece) => piece.index === 0).every((piece) => piece.content_index === undefined)).toBe(true);
    expect(pieces.filter((piece) => piece.index === 1).map((piece) => piece.content_index)).toEqual([1, 1, 1]);
    expect(pieces.filter((piece) => piece.index === 2)).toEqual([{ index: 2, type: 'redacted_thinking', data: redacted.data, content_index: 2 }]);
    const message = joinedMessage(chunks);
    expect(message.thinking_blocks).toEqual(PLACED);
    expect(anthropicTurn(message)).toEqual({ role: 'assistant', content: answer.content });
  });

  test('a block placed past the turn\'s last block goes last; thinking blocks never change their own order', () => {
    const message: ChatMessage = {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: paris.id as string, type: 'function', function: { name: 'get_weather', arguments: '{"location": "Paris, France"}' } }],
      thinking_blocks: [PLACED[0], { ...PLACED[1], content_index: 7 }, { ...PLACED[2], content_index: 0 }],
    };
    const { content } = anthropicTurn(message) as { content: { type: string }[] };
    expect(content.map((block) => block.type)).toEqual(['thinking', 'tool_use', 'thinking', 'redacted_thinking']);
  });

  describe("a message's cache_control goes on its last block that is not thinking (Anthropic takes none on thinking blocks)", () => {
    const ephemeral = { type: 'ephemeral' };
    const parisCall = { id: paris.id as string, type: 'function' as const, function: { name: 'get_weather', arguments: JSON.stringify(paris.input) } };
    /** The assistant turn Anthropic gets for a message sent back with a breakpoint of its own. */
    const cachedTurn = (message: ChatMessage) => anthropicTurn({ ...message, cache_control: ephemeral } as ChatMessage);

    test('thinking after the text: the breakpoint is on the text', () => {
      const message: ChatMessage = { role: 'assistant', content: text.text as string, thinking_blocks: PLACED.slice(0, 2) };
      expect(cachedTurn(message)).toEqual({ role: 'assistant', content: [first, { ...text, cache_control: ephemeral }, second] });
    });

    test('redacted thinking after the last tool call: the breakpoint is on the tool call', () => {
      const message: ChatMessage = { role: 'assistant', content: text.text as string, tool_calls: [parisCall], thinking_blocks: PLACED };
      expect(cachedTurn(message)).toEqual({ role: 'assistant', content: [first, text, second, { ...paris, cache_control: ephemeral }, redacted] });
    });

    test('the answer in its order keeps the breakpoint on its last tool call, as before', () => {
      const { message } = fromAnthropicChat(answer, { now }).choices[0];
      expect(cachedTurn(sentBack(message))).toEqual({ role: 'assistant', content: [...answer.content.slice(0, -1), { ...london, cache_control: ephemeral }] });
    });

    test('a message of thinking blocks alone is a 400 naming its cache_control, as on Bedrock', () => {
      const message = { role: 'assistant', content: '', thinking_blocks: PLACED.slice(0, 1), cache_control: ephemeral } as ChatMessage;
      expect(gatewayErrorOf(() => anthropicTurn(message))).toMatchObject({
        status: 400,
        param: 'messages[1].cache_control',
        message: expect.stringContaining('Anthropic takes no cache_control on thinking blocks'),
      });
    });
  });
});

describe('Claude on Bedrock', () => {
  const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-20250514-v1:0');
  const context = { id: 'req-1', model: 'us.anthropic.claude-sonnet-4-20250514-v1:0', created: 1_700_000_000 };
  const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
  /** The fixture's content as the SDK decodes it (redacted bytes as bytes). */
  const decoded = (blocks: Record<string, any>[]): ContentBlock[] =>
    blocks.map((block) => (block.reasoningContent?.redactedContent ? { reasoningContent: { redactedContent: bytesOf(block.reasoningContent.redactedContent) } } : block) as ContentBlock);
  const output = readJsonFixture<{ output: { message: { content: Record<string, any>[] } } }>('bedrock', 'converse-interleaved-thinking.response.json');
  const content = decoded(output.output.message.content);
  const answer = { ...output, output: { message: { role: 'assistant', content } } } as unknown as ConverseCommandOutput;
  const events = readJsonFixture<{ event: string; body: any }[]>('bedrock', 'converse-interleaved-thinking.events.json').map(({ event, body }) => {
    const reasoning = body.delta?.reasoningContent;
    if (reasoning?.redactedContent) reasoning.redactedContent = bytesOf(reasoning.redactedContent);
    return { [event]: body } as unknown as ConverseStreamOutput;
  });
  /** The turn as the SDK would send it: tool inputs as objects, redacted bytes as bytes. */
  const sentTurn = (message: ChatMessage) => toConverseChat(nextTurn(message), claude).messages?.[1];

  test('an answer places its blocks, and the message sent back whole is the answer\'s content in its order', () => {
    const { message } = fromConverseChat(answer, context, { thinkingBlocks: true }).choices[0];
    expect(message.thinking_blocks?.map((block) => block.content_index)).toEqual([undefined, 1, 2]);
    expect(sentTurn(sentBack(message))).toEqual({ role: 'assistant', content });
  });

  test('a stream places its blocks as they come; the blocks joined from it rebuild the same turn', () => {
    const fold = createConverseChatStream(context, { thinkingBlocks: true });
    const chunks = [...events.flatMap((event) => fold.event(event)), ...fold.end()];
    const message = joinedMessage(chunks);
    expect(message.thinking_blocks?.map((block) => block.content_index)).toEqual([undefined, 1, 2]);
    expect(sentTurn(message)).toEqual({ role: 'assistant', content });
  });
});

describe('placing blocks', () => {
  test('text blocks stay together before the tool calls; a block names its place among them', () => {
    const turn = { thinking: [{ block: 'T0', place: 0 }, { block: 'T1', place: 1 }, { block: 'T2', place: 2 }], text: ['a', 'b'], toolCalls: ['call1', 'call2'] };
    expect(inAnswerOrder(turn)).toEqual(['T0', 'a', 'b', 'T1', 'call1', 'T2', 'call2']);
    expect(inAnswerOrder({ ...turn, text: [] })).toEqual(['T0', 'call1', 'T1', 'call2', 'T2']);
  });

  test("a Responses reasoning item's encrypted_content keeps each block's place", () => {
    const blocks: ThinkingBlock[] = [
      { type: 'thinking', thinking: 'x', signature: 'sig' },
      { type: 'redacted_thinking', data: 'ZGF0YQ==', content_index: 2 },
    ];
    expect(thinkingBlocksOf({ encrypted_content: encryptedContentOf(blocks) }, 'input[1]')).toEqual(blocks);
  });
});

test('a content_index that is no place is a 400 naming it', () => {
  const message = { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }], thinking_blocks: [{ type: 'thinking', thinking: 'x', signature: 'sig', content_index: -1 }] };
  expect(validateRequestBody('llm/v1/chat', { messages: [question, message] })).toMatchObject({ param: 'messages[1].thinking_blocks[0].content_index', message: 'messages[1].thinking_blocks[0].content_index: must be at least 0' });
});
