/**
 * OpenAI's `tool_choice` `{"type": "allowed_tools", ...}` at the vendors with tool calling of their
 * own (shared/tool-choice.ts), on the payload of OpenAI's chat reference (its example list of
 * get_weather and get_time), as the openai v6 client types it. Gemini takes a forced call's list of
 * functions itself (allowedFunctionNames); Anthropic, Bedrock Converse and Cohere have no such list,
 * so only the allowed tools are sent, with the mode as their own tool choice. AI21 Jamba takes no
 * tool choice at all: `auto` is the allowed tools alone, `required` a 400.
 */
import { toJambaChat } from '../../../src/providers/ai21labs';
import { toAnthropicChat } from '../../../src/providers/anthropic';
import { toConverseChat } from '../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../src/providers/bedrock/families';
import { toCohereV2Chat } from '../../../src/providers/cohere/v2-chat';
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import type { ChatRequest } from '../../../src/schema';

const PARAMETERS = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] };
const tool = (name: string, description: string): NonNullable<ChatRequest['tools']>[number] => ({ type: 'function', function: { name, description, parameters: PARAMETERS } });
const GET_WEATHER = tool('get_weather', 'Get the current weather in a given location');
const SEARCH_DOCS = tool('search_docs', 'Search the product documentation');
const GET_TIME = tool('get_time', 'Get the local time in a given location');
const MESSAGES: ChatRequest['messages'] = [{ role: 'user', content: 'What time is it in Paris, and is it raining?' }];

const allowed = (mode: string, names: string[]): ChatRequest['tool_choice'] => ({
  type: 'allowed_tools',
  allowed_tools: { mode, tools: names.map((name) => ({ type: 'function', function: { name } })) },
});
const request = (choice: ChatRequest['tool_choice'], more: Partial<ChatRequest> = {}): ChatRequest => ({ messages: MESSAGES, tools: [GET_WEATHER, SEARCH_DOCS, GET_TIME], tool_choice: choice, ...more });

const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-20250514-v1:0');
const toAnthropic = (chat: ChatRequest) => toAnthropicChat(chat, { model: 'claude-sonnet-4-5' });
const toGemini = (chat: ChatRequest) => toGeminiChat(chat, geminiThinkingControl('gemini-2.5-flash'));
const toConverse = (chat: ChatRequest) => toConverseChat(chat, claude);
const toCohere = (chat: ChatRequest) => toCohereV2Chat(chat, { model: 'command-a-03-2025' });
const toJamba = (chat: ChatRequest) => toJambaChat(chat, { model: 'jamba-large' });

const anthropicTool = ({ function: { name, description } }: typeof GET_WEATHER) => ({ name, description, input_schema: PARAMETERS });
const geminiDeclaration = ({ function: { name, description } }: typeof GET_WEATHER) => ({ name, description, parametersJsonSchema: PARAMETERS });
const converseTool = ({ function: { name, description } }: typeof GET_WEATHER) => ({ toolSpec: { name, description, inputSchema: { json: PARAMETERS } } });
const cohereTool = ({ function: { name, description } }: typeof GET_WEATHER) => ({ type: 'function', function: { name, description, parameters: PARAMETERS } });

describe('Gemini', () => {
  it('mode required: every declaration, mode ANY with the allowed names as allowedFunctionNames', () => {
    const body = toGemini(request(allowed('required', ['get_time', 'get_weather'])));
    expect(body.tools).toEqual([{ functionDeclarations: [GET_WEATHER, SEARCH_DOCS, GET_TIME].map(geminiDeclaration) }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time', 'get_weather'] } });
  });

  it('mode auto (Gemini takes allowedFunctionNames with ANY only): the allowed declarations alone, in the order of tools, mode AUTO', () => {
    const body = toGemini(request(allowed('auto', ['get_time', 'get_weather'])));
    expect(body.tools).toEqual([{ functionDeclarations: [GET_WEATHER, GET_TIME].map(geminiDeclaration) }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
  });

  it.each([
    ['required', [GET_WEATHER, SEARCH_DOCS, GET_TIME], { mode: 'ANY', allowedFunctionNames: ['get_time', 'get_weather'] }],
    ['auto', [GET_WEATHER, GET_TIME], { mode: 'AUTO' }],
  ])('mode %s with a tool listed twice: each name and declaration once', (mode, declared, config) => {
    const body = toGemini(request(allowed(mode, ['get_time', 'get_weather', 'get_time'])));
    expect(body.tools).toEqual([{ functionDeclarations: declared.map(geminiDeclaration) }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: config });
  });
});

describe('Anthropic', () => {
  it.each([
    ['auto', { type: 'auto' }],
    ['required', { type: 'any' }],
  ])('mode %s: the allowed tools alone, in the order of tools, with tool_choice %j', (mode, choice) => {
    const body = toAnthropic(request(allowed(mode, ['get_time', 'get_weather'])));
    expect(body.tools).toEqual([anthropicTool(GET_WEATHER), anthropicTool(GET_TIME)]);
    expect(body.tool_choice).toEqual(choice);
  });

  it('with parallel_tool_calls false, the choice also disables parallel calls', () => {
    expect(toAnthropic(request(allowed('required', ['get_time']), { parallel_tool_calls: false })).tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
  });
});

describe('Bedrock Converse', () => {
  it.each([
    ['auto', { auto: {} }],
    ['required', { any: {} }],
  ])('mode %s: the allowed tools alone, in the order of tools, with toolChoice %j', (mode, choice) => {
    expect(toConverse(request(allowed(mode, ['get_time', 'get_weather']))).toolConfig).toEqual({ tools: [converseTool(GET_WEATHER), converseTool(GET_TIME)], toolChoice: choice });
  });
});

describe('Cohere', () => {
  it('mode auto: the allowed tools alone, no tool_choice (Cohere decides)', () => {
    const body = toCohere(request(allowed('auto', ['get_time', 'get_weather'])));
    expect(body.tools).toEqual([cohereTool(GET_WEATHER), cohereTool(GET_TIME)]);
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('mode required: the allowed tools alone with REQUIRED', () => {
    expect(toCohere(request(allowed('required', ['get_time'])))).toMatchObject({ tools: [cohereTool(GET_TIME)], tool_choice: 'REQUIRED' });
  });
});

describe('AI21 Jamba (no tool_choice in its API)', () => {
  it('mode auto: the allowed tools alone, in the order of tools, and no tool_choice (Jamba decides)', () => {
    const body = toJamba(request(allowed('auto', ['get_time', 'get_weather'])));
    expect(body.tools).toEqual([GET_WEATHER, GET_TIME]);
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('mode required: a 400 naming the mode, saying Jamba cannot be made to call a tool', () => {
    expect(() => toJamba(request(allowed('required', ['get_time'])))).toThrow(
      expect.objectContaining({
        status: 400,
        param: 'tool_choice.allowed_tools.mode',
        message: `tool_choice.allowed_tools.mode: AI21Labs cannot be made to call a tool (Jamba's chat API has no tool_choice; the model calls a tool when it decides to): send mode "auto", or leave tool_choice out.`,
      }),
    );
  });
});

describe.each([
  ['Anthropic', toAnthropic],
  ['Gemini', toGemini],
  ['Bedrock Converse', toConverse],
  ['Cohere', toCohere],
  ['AI21 Jamba', toJamba],
])('%s refuses an allowed_tools it cannot honour, naming the field', (_vendor, toVendor) => {
  it.each([
    ['a tool not in tools', allowed('auto', ['get_weather', 'book_flight']), 'tool_choice.allowed_tools.tools[1]', "tool_choice.allowed_tools.tools[1]: no tool named 'book_flight' in tools."],
    ['mode none', allowed('none', ['get_weather']), 'tool_choice.allowed_tools.mode', 'tool_choice.allowed_tools.mode: must be "auto" or "required", not "none".'],
    ['no tools', allowed('required', []), 'tool_choice.allowed_tools.tools', 'tool_choice.allowed_tools.tools: must list at least one tool the model may call.'],
  ])('%s', (_case, choice, param, message) => {
    expect(() => toVendor(request(choice))).toThrow(expect.objectContaining({ status: 400, param, message }));
  });

  it('a custom tool’s choice is still a 400 naming tool_choice, which lists allowed_tools', () => {
    expect(() => toVendor(request({ type: 'custom', custom: { name: 'code_exec' } } as never))).toThrow(
      expect.objectContaining({ status: 400, param: 'tool_choice', message: expect.stringContaining('{"type":"allowed_tools",...} of function tools') }),
    );
  });
});
