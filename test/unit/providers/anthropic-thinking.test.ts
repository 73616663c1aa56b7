/**
 * Anthropic extended thinking through the unified shape (LiteLLM's convention): answers and streams
 * carry `reasoning_content` and `thinking_blocks` with their signatures, and an assistant message
 * sent back with its `thinking_blocks` starts its Anthropic content with them, unchanged.
 * https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking ("Preserving thinking blocks")
 */
import { createAnthropicChatStream, fromAnthropicChat, resolveAnthropicTarget, toAnthropicChat } from '../../../src/providers/anthropic';
import { mistralToolCallId, toMistralChat } from '../../../src/providers/mistral';
import { ALL_REASONING, toOpenAIChat } from '../../../src/providers/openai';
import type { ChatChunk, ChatRequest, ThinkingBlock } from '../../../src/schema';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';
import { replayEverySplit, summariseChat } from '../../support/stream-replay';

const now = () => 1_700_000_000;
const MODEL = 'claude-sonnet-4-5';

const THINKING = 'The user wants the weather in Paris. I should call get_weather with "Paris, France" — température en °C.';
const SIGNATURE = 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds9ZKBvRLtqNzB6Ch+cU0Ykz3sGHHoDwM8bv2PAFtLTdHHGC2qO9JvdWlnbmvQWXqFhHrl==';
const REDACTED = 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj/Q3yW4Yx8F5o+qbGWjVZfLr9cqU7w==';
const THINKING_BLOCKS: ThinkingBlock[] = [
  { type: 'thinking', thinking: THINKING, signature: SIGNATURE },
  { type: 'redacted_thinking', data: REDACTED },
];
const TOOL_CALL = { id: 'toolu_01D7FLrfh4GYq7yT1ULFeyMV', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location": "Paris, France", "unit": "celsius"}' } };

/** Thinking blocks assembled from stream deltas as LiteLLM's chunk builder does: a signature closes its block. */
function assembleThinking(chunks: ChatChunk[]): { reasoning: string; blocks: ThinkingBlock[] } {
  let reasoning = '';
  const blocks: ThinkingBlock[] = [];
  let open: { type: 'thinking'; thinking: string; signature: string } | null = null;
  for (const delta of chunks.map((chunk) => chunk.choices[0].delta)) {
    reasoning += delta.reasoning_content ?? '';
    for (const piece of delta.thinking_blocks ?? []) {
      if (piece.type === 'redacted_thinking') {
        blocks.push({ type: 'redacted_thinking', data: piece.data });
        continue;
      }
      if (open === null) {
        open = { type: 'thinking', thinking: '', signature: '' };
        blocks.push(open);
      }
      open.thinking += piece.thinking ?? '';
      if (piece.signature !== undefined) {
        open.signature = piece.signature;
        open = null;
      }
    }
  }
  return { reasoning, blocks };
}

describe('answers', () => {
  it('thinking and redacted_thinking blocks are kept in order with their signature and data; reasoning_content is the thinking text', () => {
    expect(fromAnthropicChat(readJsonFixture('anthropic', 'chat-thinking-tool-use.response.json'), { now }).choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: "I'll look up the current weather in Paris.",
          tool_calls: [TOOL_CALL],
          refusal: null,
          reasoning_content: THINKING,
          thinking_blocks: THINKING_BLOCKS,
        },
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('an answer without thinking has no thinking fields (OpenAI shape unchanged)', () => {
    const { message } = fromAnthropicChat(readJsonFixture('anthropic', 'chat.response.json'), { now }).choices[0];
    expect(Object.keys(message)).toEqual(['role', 'content', 'tool_calls', 'refusal']);
  });
});

describe('stream', () => {
  it('thinking pieces as reasoning_content and thinking_blocks, the signature as a piece of its own, the redacted block whole; same at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('anthropic', 'chat-thinking-tool-use.stream.sse'), () => createAnthropicChatStream({ endpoint: 'chat', now }), { crlf: true });
    const envelope = { id: 'msg_01HcT8nNrRwE2kqBfz4Yv6Qa', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'claude-sonnet-4-5-20250929' };
    // message_start sends nothing: the first thinking piece is the first chunk, and carries the role.
    expect(chunks[0]).toEqual({
      ...envelope,
      choices: [
        {
          index: 0,
          finish_reason: null,
          delta: {
            role: 'assistant',
            content: null,
            tool_calls: null,
            reasoning_content: 'The user wants the weather in Paris. I should call ',
            thinking_blocks: [{ index: 0, type: 'thinking', thinking: 'The user wants the weather in Paris. I should call ' }],
          },
        },
      ],
    });
    expect(chunks[2].choices[0].delta).toEqual({ role: null, content: null, tool_calls: null, thinking_blocks: [{ index: 0, type: 'thinking', thinking: '', signature: SIGNATURE }] });
    expect(chunks[3].choices[0].delta).toEqual({ role: null, content: null, tool_calls: null, thinking_blocks: [{ index: 1, type: 'redacted_thinking', data: REDACTED }] });
    expect(assembleThinking(chunks)).toEqual({ reasoning: THINKING, blocks: THINKING_BLOCKS });
    expect(summariseChat(chunks)).toEqual({
      text: "I'll look up the current weather in Paris.",
      finishReason: 'tool_calls',
      toolCalls: [{ id: TOOL_CALL.id, name: 'get_weather', arguments: '{"location": "Paris, France", "unit": "celsius"}' }],
      usage: { prompt_tokens: 512, completion_tokens: 187, total_tokens: 699 },
    });
  });
});

describe('requests', () => {
  const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
  /** The second turn of a tool conversation, with the first answer's message sent back whole. */
  const secondTurn = (assistant: ChatRequest['messages'][number]): ChatRequest => ({
    messages: [{ role: 'user', content: 'Weather in Paris?' }, assistant, { role: 'tool', tool_call_id: TOOL_CALL.id, content: '{"temperature": 18}' }],
    tools,
    thinking: { type: 'enabled', budget_tokens: 2048 },
  });

  it('the assistant turn starts with its thinking blocks, unchanged, then its text and tool_use; reasoning_content is not sent', () => {
    const body = toAnthropicChat(
      secondTurn({ role: 'assistant', content: "I'll look up the current weather in Paris.", tool_calls: [TOOL_CALL], reasoning_content: THINKING, thinking_blocks: THINKING_BLOCKS }),
      { model: MODEL },
    );
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: THINKING, signature: SIGNATURE },
          { type: 'redacted_thinking', data: REDACTED },
          { type: 'text', text: "I'll look up the current weather in Paris." },
          { type: 'tool_use', id: TOOL_CALL.id, name: 'get_weather', input: { location: 'Paris, France', unit: 'celsius' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: TOOL_CALL.id, content: '{"temperature": 18}' }] },
    ]);
  });

  it('only the documented fields of a block are sent (a client may add its own, such as cache_control)', () => {
    const withExtra = { type: 'thinking', thinking: THINKING, signature: SIGNATURE, cache_control: { type: 'ephemeral' } } as ThinkingBlock;
    const body = toAnthropicChat(secondTurn({ role: 'assistant', content: null, tool_calls: [TOOL_CALL], thinking_blocks: [withExtra] }), { model: MODEL });
    expect((body.messages as { content: unknown[] }[])[1].content[0]).toEqual({ type: 'thinking', thinking: THINKING, signature: SIGNATURE });
  });

  it.each<[string, ChatRequest['messages'][number]['content']]>([
    ['an empty string', ''],
    ['a string of whitespace', '\n\n'],
    ['blank text parts', [{ type: 'text', text: '' }, { type: 'text', text: ' \n' }]],
  ])('blank text beside thinking and tool calls (%s) is left out: Anthropic refuses an empty or whitespace text block', (_name, content) => {
    const body = toAnthropicChat(secondTurn({ role: 'assistant', content, tool_calls: [TOOL_CALL], thinking_blocks: THINKING_BLOCKS }), { model: MODEL });
    expect((body.messages as { content: unknown[] }[])[1].content).toEqual([...THINKING_BLOCKS, { type: 'tool_use', id: TOOL_CALL.id, name: 'get_weather', input: { location: 'Paris, France', unit: 'celsius' } }]);
  });

  it("a blank text part with its own cache_control is left out, its breakpoint on the part before it (as on Bedrock); as the message's first part, a 400 naming it", () => {
    const ephemeral = { type: 'ephemeral' };
    const turn = (content: unknown) => secondTurn({ role: 'assistant', content, tool_calls: [TOOL_CALL], thinking_blocks: THINKING_BLOCKS } as ChatRequest['messages'][number]);
    const body = toAnthropicChat(turn([{ type: 'text', text: 'Looking it up.' }, { type: 'text', text: ' ', cache_control: ephemeral }]), { model: MODEL });
    expect((body.messages as { content: unknown[] }[])[1].content).toEqual([
      ...THINKING_BLOCKS,
      { type: 'text', text: 'Looking it up.', cache_control: ephemeral },
      { type: 'tool_use', id: TOOL_CALL.id, name: 'get_weather', input: { location: 'Paris, France', unit: 'celsius' } },
    ]);
    expect(() => toAnthropicChat(turn([{ type: 'text', text: '', cache_control: ephemeral }, { type: 'text', text: 'Looking it up.' }]), { model: MODEL })).toThrow(
      expect.objectContaining({ status: 400, param: 'messages[1].content[0].cache_control', message: expect.stringContaining('as its message\'s first part its cache breakpoint has no block before it') }),
    );
  });

  it('a text-only assistant turn with thinking blocks becomes blocks, thinking first', () => {
    const body = toAnthropicChat({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!', thinking_blocks: [THINKING_BLOCKS[0]] }, { role: 'user', content: 'Bye' }] }, { model: MODEL });
    expect((body.messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: THINKING, signature: SIGNATURE },
        { type: 'text', text: 'Hello!' },
      ],
    });
  });

  it('OpenAI-shaped vendors do not get thinking_blocks (OpenAI and Mistral refuse unknown message fields); reasoning_content passes', () => {
    const request = secondTurn({ role: 'assistant', content: null, tool_calls: [TOOL_CALL], reasoning_content: THINKING, thinking_blocks: THINKING_BLOCKS });
    const body = toOpenAIChat(request, { model: 'gpt-4o-mini' });
    expect((body.messages as unknown[])[1]).toEqual({ role: 'assistant', content: null, tool_calls: [TOOL_CALL], reasoning_content: THINKING });
    expect(request.messages[1].thinking_blocks).toEqual(THINKING_BLOCKS);
  });

  it("vendors that refuse unknown message fields (OpenAI's and Azure's APIs, Mistral) get neither field; Mistral gets the thinking text as a thinking chunk when the request reasons", () => {
    const request = secondTurn({ role: 'assistant', content: null, tool_calls: [TOOL_CALL], reasoning_content: THINKING, thinking_blocks: THINKING_BLOCKS });
    const body = toOpenAIChat(request, { model: 'gpt-4o-mini', omittedReasoning: ALL_REASONING });
    expect((body.messages as unknown[])[1]).toEqual({ role: 'assistant', content: null, tool_calls: [TOOL_CALL] });
    // Mistral takes only its own 9-character ids: Anthropic's goes as its digest.
    const mistralCall = { ...TOOL_CALL, id: mistralToolCallId(TOOL_CALL.id) };
    // Mistral Large does not think, and its tokenizer cannot take a thinking chunk.
    expect((toMistralChat(request, { model: 'mistral-large-latest' }).messages as unknown[])[1]).toEqual({ role: 'assistant', content: null, tool_calls: [mistralCall] });
    expect((toMistralChat({ ...request, reasoning_effort: 'high' } as ChatRequest, { model: 'mistral-small-latest' }).messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'thinking', thinking: [{ type: 'text', text: THINKING }] }],
      tool_calls: [mistralCall],
    });
    expect(request.messages[1]).toHaveProperty('reasoning_content', THINKING);
  });

  it('OpenAI-shaped requests without thinking blocks keep their messages array as is', () => {
    const request: ChatRequest = { messages: [{ role: 'user', content: 'Hi' }] };
    expect(toOpenAIChat(request, { model: 'gpt-4o-mini' }).messages).toBe(request.messages);
  });
});

describe('reasoning_effort as extended thinking (LiteLLM\'s budgets)', () => {
  const hello: ChatRequest['messages'] = [{ role: 'user', content: 'Hi' }];

  test('an endpoint default reasoning_effort is sent as thinking, and the default max_tokens makes room for it', () => {
    expect(toAnthropicChat({ messages: hello, reasoning_effort: 'high' }, { model: MODEL })).toEqual({
      model: MODEL,
      max_tokens: 8192 + 4096,
      thinking: { type: 'enabled', budget_tokens: 4096 },
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  test("a client's own thinking budget gets the same room: without max_tokens, 8192 plus its budget (Anthropic wants max_tokens above it)", () => {
    // Anthropic's example budget (https://docs.claude.com/en/docs/build-with-claude/extended-thinking): above the bare 8192 default.
    const thinking = { type: 'enabled', budget_tokens: 10000 };
    expect(toAnthropicChat({ messages: hello, thinking }, { model: MODEL })).toEqual({ model: MODEL, max_tokens: 8192 + 10000, thinking, messages: hello });
    // A limit the client set is its own; adaptive or disabled thinking has no budget to add.
    expect(toAnthropicChat({ messages: hello, thinking, max_tokens: 16000 }, { model: MODEL })).toMatchObject({ max_tokens: 16000 });
    expect(toAnthropicChat({ messages: hello, thinking: { type: 'adaptive' } }, { model: 'claude-opus-4-6' })).toMatchObject({ max_tokens: 8192 });
    expect(toAnthropicChat({ messages: hello, thinking: { type: 'disabled' } }, { model: MODEL })).toMatchObject({ max_tokens: 8192 });
  });

  test('a config whose default reasoning_effort no request could send is refused at load, naming it', () => {
    const config = (defaults: object) => ({ anthropic_api_key: 'sk-ant-test', ...defaults }) as Parameters<typeof resolveAnthropicTarget>[0];
    expect(() => resolveAnthropicTarget(config({ reasoning_effort: 'max' }), MODEL)).toThrow(/^reasoning_effort: Anthropic takes 'none', 'minimal', 'low', 'medium' or 'high', not "max"\.$/);
    expect(() => resolveAnthropicTarget(config({ reasoning_effort: LONG_VALUE }), MODEL)).toThrow(
      expect.objectContaining({ param: 'reasoning_effort', message: `reasoning_effort: Anthropic takes 'none', 'minimal', 'low', 'medium' or 'high', not ${LONG_VALUE_CUT}.` }),
    );
    expect(() => resolveAnthropicTarget(config({ reasoning_effort: 'medium', max_tokens: 2048 }), MODEL)).toThrow(/max_tokens \(2048\) must be above the thinking budget/);
  });
});

// https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking , https://platform.claude.com/docs/en/build-with-claude/effort
describe('reasoning_effort as adaptive thinking (Claude 4.6 and later)', () => {
  const hello: ChatRequest['messages'] = [{ role: 'user', content: 'Hi' }];
  const config = (defaults: object) => ({ anthropic_api_key: 'sk-ant-test', ...defaults }) as Parameters<typeof resolveAnthropicTarget>[0];

  test('the endpoint knows its form from the model name at load', () => {
    expect(resolveAnthropicTarget(config({}), 'claude-opus-4-7').thinkingForm).toBe('adaptive');
    expect(resolveAnthropicTarget(config({}), 'claude-sonnet-4-6').thinkingForm).toBe('adaptive');
    expect(resolveAnthropicTarget(config({}), MODEL).thinkingForm).toBe('budget');
  });

  test('thinking is adaptive with output_config.effort, joining the output_config the client sent, and max_tokens keeps its default', () => {
    const request = { messages: hello, reasoning_effort: 'high', output_config: { format: { type: 'json_schema', schema: { type: 'object' } } } } as ChatRequest;
    expect(toAnthropicChat(request, { model: 'claude-opus-4-7', thinkingForm: 'adaptive' })).toEqual({
      model: 'claude-opus-4-7',
      max_tokens: 8192,
      thinking: { type: 'adaptive', display: 'summarized' },
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } }, effort: 'high' },
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  test("an endpoint default of 'max' is accepted on an adaptive model, and a max_tokens of any size", () => {
    expect(() => resolveAnthropicTarget(config({ reasoning_effort: 'max', max_tokens: 1024 }), 'claude-opus-4-6')).not.toThrow();
    expect(() => resolveAnthropicTarget(config({ reasoning_effort: 'extreme' }), 'claude-opus-4-6')).toThrow(
      /^reasoning_effort: Anthropic takes 'none', 'minimal', 'low', 'medium', 'high', 'xhigh' or 'max', not "extreme"\.$/,
    );
  });

  test("on a budget model, the client's own output_config.effort (Claude Opus 4.5's control) goes along with the budget", () => {
    const request = { messages: hello, reasoning_effort: 'low', output_config: { effort: 'medium' } } as ChatRequest;
    expect(toAnthropicChat(request, { model: 'claude-opus-4-5' })).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 1024 }, output_config: { effort: 'medium' } });
  });
});
