/**
 * A long chat must cost time linear in its length in every provider's request translation: a copy
 * of everything built so far for each message (Converse's turns, MosaicML's prompt, Gemini's check
 * of the last turn) made a few MB of short messages hold the event loop for a minute, every other
 * client waiting. The quadratic versions took 8–90 s at 40,000 messages, so four times that at the
 * 80,000 here (Converse's copy of a merged turn, put back: 63 and 220 s); the linear ones take at
 * most 0.81 s of CPU each. The bound is 16 s: on CI's loaded cores the process's CPU time grows up
 * to tenfold (it includes garbage collection of what earlier tests left in a busy Jest worker): 1.7 s
 * was seen for a translation of 0.3 s alone, and 556 ms for 50 ms in another file.
 */
import { toAnthropicChat } from '../../../src/providers/anthropic/request';
import { toConverseChat } from '../../../src/providers/bedrock/converse/request';
import { resolveBedrockFamily } from '../../../src/providers/bedrock/families';
import { toCohereChat } from '../../../src/providers/cohere/request';
import { toCohereV2Chat } from '../../../src/providers/cohere/v2-chat';
import { toGeminiChat } from '../../../src/providers/gemini/request';
import { toTgiChat } from '../../../src/providers/huggingface-text-generation-inference';
import { toMistralChat } from '../../../src/providers/mistral';
import { toMosaicMLChat } from '../../../src/providers/mosaicml';
import { toOpenAIChat } from '../../../src/providers/openai/request';
import { toPaLMChat } from '../../../src/providers/palm';
import { toTogetherAIChat } from '../../../src/providers/togetherai';
import type { ChatMessage, ChatRequest } from '../../../src/schema';

const MESSAGES = 80_000;
const claudeOnBedrock = resolveBedrockFamily('anthropic.claude-3-5-sonnet-20240620-v1:0');

const translations: [string, (request: ChatRequest) => unknown, { tools: boolean }][] = [
  ['OpenAI', (request) => toOpenAIChat(request, { model: 'gpt-4o' }), { tools: true }],
  ['Mistral', (request) => toMistralChat(request, { model: 'mistral-large-latest' }), { tools: true }],
  ['Together AI', (request) => toTogetherAIChat(request, { model: 'meta-llama/Llama-3-70b-chat-hf' }), { tools: true }],
  ['TGI', (request) => toTgiChat(request), { tools: true }],
  ['Anthropic', (request) => toAnthropicChat(request, { model: 'claude-3-5-sonnet-20240620' }), { tools: true }],
  ['Gemini', (request) => toGeminiChat(request, { form: 'none', label: 'gemini-2.0-flash' }), { tools: true }],
  ['Bedrock Converse', (request) => toConverseChat(request, claudeOnBedrock), { tools: true }],
  ['Cohere', (request) => toCohereChat(request, { model: 'command-r' }), { tools: false }],
  ['Cohere v2 (tools)', (request) => toCohereV2Chat(request, { model: 'command-a-03-2025' }), { tools: true }],
  ['PaLM', (request) => toPaLMChat(request), { tools: false }],
  ['MosaicML', (request) => toMosaicMLChat(request), { tools: false }],
];

const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }];

function conversations(withTools: boolean): [string, ChatMessage[]][] {
  const alternating = Array.from({ length: MESSAGES }, (_, index): ChatMessage => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: 'x' }));
  const systemTurns: ChatMessage[] = [...Array.from({ length: MESSAGES }, (): ChatMessage => ({ role: 'system', content: 'x' })), { role: 'user', content: 'x' }];
  const userTurns = Array.from({ length: MESSAGES }, (): ChatMessage => ({ role: 'user', content: 'x' }));
  const shapes: [string, ChatMessage[]][] = [
    ['alternating turns', [...alternating, { role: 'user', content: 'x' }]],
    ['consecutive user turns', userTurns],
    ['system messages', systemTurns],
  ];
  if (!withTools) return shapes;
  const calls = Array.from({ length: MESSAGES / 2 }, (_, index) => ({ id: `call_${index}`, type: 'function' as const, function: { name: 'lookup', arguments: '{}' } }));
  const results = calls.map((call): ChatMessage => ({ role: 'tool', tool_call_id: call.id, content: 'r' }));
  return [...shapes, ['consecutive tool results', [{ role: 'user', content: 'x' }, { role: 'assistant', content: null, tool_calls: calls }, ...results]]];
}

describe.each(translations)('%s', (_name, translate, { tools: withTools }) => {
  test.each(conversations(withTools))(`${MESSAGES} messages (%s) in time linear in their number`, (_shape, messages) => {
    const started = process.cpuUsage();
    translate({ messages, ...(withTools ? { tools } : {}) });
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(16_000);
  });
});
