/**
 * `mock`: a built-in fake provider FOR DEMOS AND TESTS ONLY. It calls no network and answers
 * deterministically:
 * - chat: `Echo: <text of the last user message>`; when tools are offered (and tool_choice is not
 *   "none") and the last message is from the user, it calls the first tool with `{"input": <text>}`;
 *   after a tool result it answers `Tool said: <result>`.
 * - completions: `Echo: <prompt>`.
 * - embeddings: an 8-dimensional unit vector derived from a SHA-256 of each input (base64 float32
 *   when `encoding_format: base64`, as OpenAI does).
 * - chat and completions answer `n` choices (indexes 0 to n-1), each the same answer.
 * - streams: the same answer split into words, then a finish chunk, for each choice in turn (and
 *   usage if asked for).
 * Tokens are counted as whitespace-separated words; completion tokens once per choice.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MockConfig } from '../../generated/config';
import type {
  ChatChunk,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsResponse,
  ToolCall,
  Usage,
} from '../schema';
import { embeddingInputs, embeddingsResponse } from './shared/embeddings';
import type { EndpointSettings, ProviderAdapter, ProviderEndpoint, RequestContext } from './types';

const EMBEDDING_DIMENSIONS = 8;

interface MockAnswer {
  content: string | null;
  toolCalls: ToolCall[] | null;
  finishReason: 'stop' | 'tool_calls';
}

function messageText(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  if (!Array.isArray(message.content)) return '';
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function stableId(prefix: string, value: unknown): string {
  return `${prefix}-${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24)}`;
}

export function mockChatAnswer(request: ChatRequest): MockAnswer {
  const last = request.messages[request.messages.length - 1];
  const text = messageText(last);
  if (last.role === 'tool') return { content: `Tool said: ${text}`, toolCalls: null, finishReason: 'stop' };
  const tool = request.tools?.[0];
  if (tool && request.tool_choice !== 'none' && last.role === 'user') {
    const call: ToolCall = {
      id: stableId('call', [tool.function.name, text]),
      type: 'function',
      function: { name: tool.function.name, arguments: JSON.stringify({ input: text }) },
    };
    return { content: null, toolCalls: [call], finishReason: 'tool_calls' };
  }
  return { content: `Echo: ${text}`, toolCalls: null, finishReason: 'stop' };
}

/** The choice indexes asked for: `n` of them, one when `n` is left out. */
function choiceIndexes(n: number | null | undefined): number[] {
  return Array.from({ length: n ?? 1 }, (_, index) => index);
}

/** The prompt counted once, the answer once per choice, as OpenAI counts. */
function usageOf(promptTokens: number, answerTokens: number, choices: number): Usage {
  const completionTokens = answerTokens * choices;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

function chatUsage(request: ChatRequest, answer: MockAnswer): Usage {
  const prompt = request.messages.reduce((sum, message) => sum + countWords(messageText(message)), 0);
  const completion = answer.content ? countWords(answer.content) : (answer.toolCalls?.length ?? 0);
  return usageOf(prompt, completion, choiceIndexes(request.n).length);
}

function textUsage(request: CompletionsRequest, answer: string): Usage {
  return usageOf(countWords(request.prompt), countWords(answer), choiceIndexes(request.n).length);
}

/** Splits text into word-sized pieces that concatenate back to the text. */
function pieces(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

function embeddingOf(value: unknown): number[] {
  const digest = createHash('sha256').update(JSON.stringify(value)).digest();
  const raw = Array.from({ length: EMBEDDING_DIMENSIONS }, (_, index) => digest[index] - 127.5);
  const norm = Math.sqrt(raw.reduce((sum, x) => sum + x * x, 0));
  return raw.map((x) => Number((x / norm).toFixed(6)));
}

function createMockEndpoint(settings: EndpointSettings<MockConfig | undefined>): ProviderEndpoint {
  const model = settings.modelName ?? 'mock';
  const latencyMs = settings.config?.latency_ms ?? 0;
  const wait = (context: RequestContext) => (latencyMs > 0 ? sleep(latencyMs, undefined, { signal: context.signal }) : Promise.resolve());

  return {
    // As OpenAI: a stream's usage only with `stream_options.include_usage`.
    streamUsageWhenAsked: true,
    async chat(request, context): Promise<ChatResponse> {
      await wait(context);
      const answer = mockChatAnswer(request);
      return {
        id: stableId('chatcmpl-mock', request.messages),
        object: 'chat.completion',
        created: settings.now(),
        model,
        choices: choiceIndexes(request.n).map((index) => ({
          index,
          message: { role: 'assistant', content: answer.content, tool_calls: answer.toolCalls, refusal: null },
          finish_reason: answer.finishReason,
        })),
        usage: chatUsage(request, answer),
      };
    },

    async *chatStream(request, context): AsyncGenerator<ChatChunk> {
      const answer = mockChatAnswer(request);
      const base = { id: stableId('chatcmpl-mock', request.messages), object: 'chat.completion.chunk' as const, created: settings.now(), model };
      const delta = (fields: Partial<ChatChunk['choices'][number]['delta']>) => ({ role: null, content: null, tool_calls: null, ...fields });
      await wait(context);
      for (const index of choiceIndexes(request.n)) {
        yield { ...base, choices: [{ index, finish_reason: null, delta: delta({ role: 'assistant', content: '' }) }] };
        if (answer.toolCalls) {
          const toolCalls = answer.toolCalls.map((call, position) => ({ index: position, id: call.id, type: call.type, function: call.function }));
          yield { ...base, choices: [{ index, finish_reason: null, delta: delta({ tool_calls: toolCalls }) }] };
        }
        for (const piece of answer.content ? pieces(answer.content) : []) {
          await wait(context);
          yield { ...base, choices: [{ index, finish_reason: null, delta: delta({ content: piece }) }] };
        }
        yield { ...base, choices: [{ index, finish_reason: answer.finishReason, delta: delta({}) }] };
      }
      if (request.stream_options?.include_usage === true) yield { ...base, choices: [], usage: chatUsage(request, answer) };
    },

    async completions(request, context): Promise<CompletionsResponse> {
      await wait(context);
      const text = `Echo: ${request.prompt}`;
      return {
        id: stableId('cmpl-mock', request.prompt),
        object: 'text_completion',
        created: settings.now(),
        model,
        choices: choiceIndexes(request.n).map((index) => ({ index, text, finish_reason: 'stop' as const })),
        usage: textUsage(request, text),
      };
    },

    async *completionsStream(request, context): AsyncGenerator<CompletionsChunk> {
      const text = `Echo: ${request.prompt}`;
      const base = { id: stableId('cmpl-mock', request.prompt), object: 'text_completion_chunk' as const, created: settings.now(), model };
      for (const index of choiceIndexes(request.n)) {
        for (const piece of pieces(text)) {
          await wait(context);
          yield { ...base, choices: [{ index, finish_reason: null, text: piece }] };
        }
        yield { ...base, choices: [{ index, finish_reason: 'stop', text: '' }] };
      }
      if (request.stream_options?.include_usage === true) yield { ...base, choices: [], usage: textUsage(request, text) };
    },

    async embeddings(request, context): Promise<EmbeddingsResponse> {
      await wait(context);
      const inputs = embeddingInputs(request.input);
      const tokens = inputs.reduce<number>((sum, input) => sum + (typeof input === 'string' ? countWords(input) : (input as unknown[]).length), 0);
      // The mock is lenient: any format other than base64 gets floats.
      const format = request.encoding_format === 'base64' ? 'base64' : 'float';
      return embeddingsResponse({ vectors: inputs.map(embeddingOf), model, format, promptTokens: tokens });
    },
  };
}

export const mockAdapter = {
  displayName: 'Mock',
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint: createMockEndpoint,
} satisfies ProviderAdapter<MockConfig | undefined>;
