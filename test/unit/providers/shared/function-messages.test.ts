/**
 * OpenAI's deprecated function calling in a conversation (shared/function-messages.ts), as OpenAI's
 * function-calling guide wrote it before tools: the assistant's `function_call` and the `function`
 * message with its result, neither with a tool-call id.
 */
import { toTgiChat } from '../../../../src/providers/huggingface-text-generation-inference';
import { toMistralChat } from '../../../../src/providers/mistral';
import { toTogetherAIChat } from '../../../../src/providers/togetherai';
import type { ChatRequest } from '../../../../src/schema';

const QUESTION = { role: 'user', content: "What's the weather like in Boston today?" };
const FUNCTION_CALL = { role: 'assistant', content: null, function_call: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } };
const FUNCTION_RESULT = { role: 'function', name: 'get_current_weather', content: '{"temperature":"22","unit":"celsius","description":"Sunny"}' };
const USE_TOOL_CALLS = 'send the call as the assistant message\'s tool_calls (each with an id) and its result as a "tool" message with that tool_call_id.';

const VENDORS: [string, string, (request: ChatRequest) => Record<string, unknown>][] = [
  ['Mistral', 'Mistral', (request) => toMistralChat(request, { model: 'mistral-large-latest' })],
  ['Together AI', 'TogetherAI', (request) => toTogetherAIChat(request, { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' })],
  ['TGI', 'Hugging Face Text Generation Inference', (request) => toTgiChat(request)],
];

const chat = (messages: unknown[]): ChatRequest => ({ messages: messages as ChatRequest['messages'] });

describe.each(VENDORS)('%s', (_vendor, provider, toVendor) => {
  it("the whole legacy exchange: a 400 naming the assistant's function_call, the first of it", () => {
    expect(() => toVendor(chat([QUESTION, FUNCTION_CALL, FUNCTION_RESULT]))).toThrow(
      expect.objectContaining({
        status: 400,
        param: 'messages[1].function_call',
        message: `messages[1].function_call: ${provider} does not take an assistant's function_call (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}`,
      }),
    );
  });

  it('a function message alone (its call in a tool call, or cut from the history): a 400 naming its role', () => {
    const toolCall = { role: 'assistant', content: null, tool_calls: [{ id: 'call_4f1Xq9', type: 'function', function: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } }] };
    expect(() => toVendor(chat([QUESTION, toolCall, FUNCTION_RESULT]))).toThrow(
      expect.objectContaining({
        status: 400,
        param: 'messages[2].role',
        message: `messages[2].role: ${provider} does not take "function" messages (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}`,
      }),
    );
  });

  it('the same exchange in tool calls goes through', () => {
    const toolCall = { role: 'assistant', content: null, tool_calls: [{ id: 'a1B2c3D4e', type: 'function', function: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } }] };
    const result = { role: 'tool', tool_call_id: 'a1B2c3D4e', content: FUNCTION_RESULT.content };
    expect(toVendor(chat([QUESTION, toolCall, result])).messages).toEqual([QUESTION, toolCall, result]);
  });
});
