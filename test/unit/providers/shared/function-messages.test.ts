/**
 * OpenAI's deprecated function calling in a conversation (shared/function-messages.ts), as OpenAI's
 * function-calling guide wrote it before tools: the assistant's `function_call` and the `function`
 * message with its result, neither with a tool-call id.
 */
import { toJambaChat } from '../../../../src/providers/ai21labs/chat';
import { toAnthropicChat } from '../../../../src/providers/anthropic';
import { toConverseChat } from '../../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import { toCohereChat } from '../../../../src/providers/cohere/request';
import { toCohereV2Chat } from '../../../../src/providers/cohere/v2-chat';
import { geminiThinkingControl, toGeminiChat } from '../../../../src/providers/gemini';
import { toTgiChat } from '../../../../src/providers/huggingface-text-generation-inference';
import { toMistralChat } from '../../../../src/providers/mistral';
import { toMosaicMLChat } from '../../../../src/providers/mosaicml';
import { toPaLMChat } from '../../../../src/providers/palm';
import { toTogetherAIChat } from '../../../../src/providers/togetherai';
import type { ChatRequest } from '../../../../src/schema';

const QUESTION = { role: 'user', content: "What's the weather like in Boston today?" };
const FUNCTION_CALL = { role: 'assistant', content: null, function_call: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } };
const FUNCTION_RESULT = { role: 'function', name: 'get_current_weather', content: '{"temperature":"22","unit":"celsius","description":"Sunny"}' };
const TOOL_CALL = { role: 'assistant', content: null, tool_calls: [{ id: 'a1B2c3D4e', type: 'function', function: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } }] };
const TOOL_RESULT = { role: 'tool', tool_call_id: 'a1B2c3D4e', content: FUNCTION_RESULT.content };
const WEATHER_TOOL = { type: 'function', function: { name: 'get_current_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } };
const USE_TOOL_CALLS = 'send the call as the assistant message\'s tool_calls (each with an id) and its result as a "tool" message with that tool_call_id.';

type Mapper = (request: ChatRequest) => unknown;
const chat = (messages: unknown[], tools?: unknown[]): ChatRequest => ({ messages: messages as ChatRequest['messages'], ...(tools ? { tools: tools as ChatRequest['tools'] } : {}) });
const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-20250514-v1:0');

const VENDORS: [string, string, Mapper][] = [
  ['Mistral', 'Mistral', (request) => toMistralChat(request, { model: 'mistral-large-latest' })],
  ['Together AI', 'TogetherAI', (request) => toTogetherAIChat(request, { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' })],
  ['TGI', 'Hugging Face Text Generation Inference', (request) => toTgiChat(request)],
  ['Anthropic', 'Anthropic', (request) => toAnthropicChat(request, { model: 'claude-sonnet-4-5' })],
  ['Gemini', 'Gemini', (request) => toGeminiChat(request, geminiThinkingControl('gemini-2.5-flash'))],
  ['Bedrock Converse', 'Amazon Bedrock (Anthropic Claude)', (request) => toConverseChat(request, claude)],
  ['Cohere v2 (tools)', 'Cohere', (request) => toCohereV2Chat(request, { model: 'command-a-03-2025' })],
  ['AI21 Jamba', 'AI21Labs', (request) => toJambaChat(request, { model: 'jamba-large' })],
];

describe.each(VENDORS)('%s', (_vendor, provider, toVendor) => {
  it("the whole legacy exchange: a 400 naming the assistant's function_call, the first of it", () => {
    expect(() => toVendor(chat([QUESTION, FUNCTION_CALL, FUNCTION_RESULT], [WEATHER_TOOL]))).toThrow(
      expect.objectContaining({
        status: 400,
        param: 'messages[1].function_call',
        message: `messages[1].function_call: ${provider} does not take an assistant's function_call (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}`,
      }),
    );
  });

  it('a function message alone (its call in a tool call, or cut from the history): a 400 naming its role', () => {
    expect(() => toVendor(chat([QUESTION, { ...TOOL_CALL, tool_calls: [{ ...TOOL_CALL.tool_calls[0], id: 'call_4f1Xq9' }] }, FUNCTION_RESULT], [WEATHER_TOOL]))).toThrow(
      expect.objectContaining({
        status: 400,
        param: 'messages[2].role',
        message: `messages[2].role: ${provider} does not take "function" messages (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}`,
      }),
    );
  });

  it('the same exchange in tool calls goes through, the call and its result in what is sent', () => {
    const sent = JSON.stringify(toVendor(chat([QUESTION, TOOL_CALL, TOOL_RESULT], [WEATHER_TOOL])));
    expect(sent).toContain('a1B2c3D4e');
    expect(sent).toContain('Boston, MA');
    expect(sent).toContain('celsius');
  });
});

// Before: the mappers below read an assistant message's content (and tool calls) only, so its
// function_call was dropped and the model saw the turn without the call.
describe('an assistant turn that said something and called a function (a model of 2023 did both)', () => {
  const SAID_AND_CALLED = { role: 'assistant', content: 'Let me look that up.', function_call: FUNCTION_CALL.function_call };
  const history = chat([QUESTION, SAID_AND_CALLED, { role: 'user', content: 'Well?' }]);

  it.each<[string, string, Mapper]>([
    ['Cohere v1 (no tools)', 'Cohere', (request) => toCohereChat(request, { model: 'command-r-plus' })],
    ['PaLM', 'PaLM', (request) => toPaLMChat(request)],
    ['MosaicML', 'MosaicML', (request) => toMosaicMLChat(request)],
    ['Gemini', 'Gemini', (request) => toGeminiChat(request, geminiThinkingControl('gemini-2.5-flash'))],
    ['Bedrock Converse', 'Amazon Bedrock (Anthropic Claude)', (request) => toConverseChat(request, claude)],
  ])('%s: a 400 naming its function_call', (_vendor, provider, toVendor) => {
    expect(() => toVendor(history)).toThrow(
      expect.objectContaining({
        status: 400,
        param: 'messages[1].function_call',
        message: `messages[1].function_call: ${provider} does not take an assistant's function_call (OpenAI's deprecated function calling): ${USE_TOOL_CALLS}`,
      }),
    );
  });

  it("Cohere v1 keeps MLflow's 422 for a last message that is not a user's, a function message or a function call", () => {
    for (const last of [FUNCTION_RESULT, SAID_AND_CALLED]) {
      expect(() => toCohereChat(chat([QUESTION, last]), { model: 'command-r-plus' })).toThrow(
        expect.objectContaining({ status: 422, param: 'messages', message: `Last message must be from user, got ${last.role}.` }),
      );
    }
  });

  it("MosaicML keeps MLflow's 422 for the role, and PaLM MLflow's author, of a function message", () => {
    const withResult = chat([QUESTION, { role: 'assistant', content: 'Checking.' }, FUNCTION_RESULT, { role: 'user', content: 'Well?' }]);
    expect(() => toMosaicMLChat(withResult)).toThrow(expect.objectContaining({ status: 422, param: 'messages[2].role' }));
    expect(toPaLMChat(withResult)).toMatchObject({ prompt: { messages: [{}, {}, { author: 'function', content: FUNCTION_RESULT.content }, {}] } });
  });
});
