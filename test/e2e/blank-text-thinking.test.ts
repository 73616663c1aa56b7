/**
 * Claude's thinking sent back with a turn whose text was blank: the answer has thinking blocks, an empty
 * text block or one of only whitespace, and tool calls (thinking first, or interleaved: a thinking block
 * after the text), from Anthropic and from Bedrock Converse (support/blank-text-claude.ts). Neither
 * vendor takes a blank text block back, so the gateway leaves it out, and each thinking block must still
 * go back where Claude wrote it among the blocks sent: whether the client sends the answer back whole,
 * rebuilt from its content and tool calls (the gateway puts back the thinking it kept), or as Responses
 * output items (with their reasoning items, or only the function calls of a kept answer), streamed or
 * not. The fakes refuse a blank text block and a turn whose thinking moved, as the vendors do.
 */
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { answerWith, blankTextClaudeEndpoints, expectedTurn, fakeBlankTextClaude, fakeBlankTextConverse, FINAL_TEXT, type Shape } from '../support/blank-text-claude';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { thinkingBedrockEndpoints } from '../support/thinking-bedrock';

const question = 'Compare the weather in Paris and London.';
/** `thinking` is Claude's parameter; the OpenAI client sends extra keys as they are. */
const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;
const parameters = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] };
const chatTools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters } }];
const responsesTools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', parameters, strict: false }];

type AssistantMessage = OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam;

/** A client's tool loop: the answer, then the next turn with the tool results; the next answer's text. */
type Flow = (client: OpenAI) => Promise<string | null>;

async function chatAnswer(client: OpenAI, stream: boolean): Promise<AssistantMessage> {
  const body = { model: 'claude', messages: [{ role: 'user' as const, content: question }], tools: chatTools, ...thinking };
  if (stream) return (await assembleAssistantTurn(await client.chat.completions.create({ ...body, stream: true }))).message;
  return (await client.chat.completions.create(body)).choices[0].message as AssistantMessage;
}

async function chatNextTurn(client: OpenAI, assistant: AssistantMessage): Promise<string | null> {
  const results = (assistant.tool_calls ?? []).map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: '{"temperature": 18}' }));
  const answer = await client.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: question }, assistant, ...results], tools: chatTools, ...thinking });
  return answer.choices[0].message.content;
}

/** The answer's message as the openai client's `runTools()` sends it back: its content and tool calls, no thinking_blocks. */
const rebuilt = ({ content, tool_calls: toolCalls }: AssistantMessage): AssistantMessage => ({ role: 'assistant', content, tool_calls: toolCalls });

async function responsesOutput(client: OpenAI, options: { stream: boolean; store: boolean }): Promise<OpenAI.Responses.ResponseOutputItem[]> {
  const include: OpenAI.Responses.ResponseIncludable[] = options.store ? [] : ['reasoning.encrypted_content'];
  const body = { model: 'claude', input: question, tools: responsesTools, store: options.store, include, ...thinking };
  if (!options.stream) return (await client.responses.create(body)).output;
  let output: OpenAI.Responses.ResponseOutputItem[] = [];
  for await (const event of await client.responses.create({ ...body, stream: true })) if (event.type === 'response.completed') output = event.response.output;
  return output;
}

async function responsesNextTurn(client: OpenAI, output: OpenAI.Responses.ResponseOutputItem[], options: { store: boolean; callsOnly: boolean }): Promise<string> {
  const calls = output.filter((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call');
  const sentBack = options.callsOnly ? calls.map(({ call_id: callId, name, arguments: text }): OpenAI.Responses.ResponseInputItem => ({ type: 'function_call', call_id: callId, name, arguments: text })) : (output as OpenAI.Responses.ResponseInputItem[]);
  const results = calls.map((call): OpenAI.Responses.ResponseInputItem => ({ type: 'function_call_output', call_id: call.call_id, output: '{"temperature": 18}' }));
  const answer = await client.responses.create({ model: 'claude', input: [{ role: 'user', content: question }, ...sentBack, ...results], tools: responsesTools, store: options.store, ...thinking });
  return answer.output_text;
}

const FLOWS: [string, Flow][] = [false, true].flatMap((stream): [string, Flow][] => [
  [`chat (stream: ${stream}), the answer sent back whole`, async (client) => chatNextTurn(client, await chatAnswer(client, stream))],
  [`chat (stream: ${stream}), the answer sent back rebuilt without its thinking_blocks`, async (client) => chatNextTurn(client, rebuilt(await chatAnswer(client, stream)))],
  [`/v1/responses (stream: ${stream}, store: false), the output items sent back`, async (client) => responsesNextTurn(client, await responsesOutput(client, { stream, store: false }), { store: false, callsOnly: false })],
  [`/v1/responses (stream: ${stream}), a kept answer's function calls alone sent back`, async (client) => responsesNextTurn(client, await responsesOutput(client, { stream, store: true }), { store: true, callsOnly: true })],
]);

const CASES: [Shape, string, string, Flow][] = (['plain', 'interleaved'] as const).flatMap((shape) =>
  ['', '\n\n'].flatMap((blank) => FLOWS.map(([name, flow]): [Shape, string, string, Flow] => [shape, blank, name, flow])),
);

const CASE_NAME = 'thinking %s, text %j: %s';

describe('Anthropic', () => {
  let upstream: FakeUpstream;
  let gateway: RunningGateway;
  beforeAll(async () => {
    upstream = await startFakeUpstream(fakeBlankTextClaude);
    gateway = await startGateway(blankTextClaudeEndpoints(upstream.url), { validateResponses: true });
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
  });

  test.each(CASES)(CASE_NAME, async (shape, blank, _name, flow) => {
    answerWith(shape, blank);
    expect(await flow(openaiClientFor(gateway))).toBe(FINAL_TEXT);
    const sent = upstream.requests.at(-1)!.body as { messages: unknown[] };
    expect(sent.messages[1]).toEqual({ role: 'assistant', content: expectedTurn() });
  });
});

describe('Bedrock Converse', () => {
  const bedrock = useGatewayWithFakeBedrock({ serve: fakeBlankTextConverse, config: thinkingBedrockEndpoints, validateResponses: true });

  test.each(CASES)(CASE_NAME, async (shape, blank, _name, flow) => {
    answerWith(shape, blank);
    expect(await flow(bedrock.openai)).toBe(FINAL_TEXT);
    const sent = bedrock.fake.calls.at(-1)!.body as { messages: unknown[] };
    expect(sent.messages[1]).toEqual({ role: 'assistant', content: expectedTurn() });
  });
});
