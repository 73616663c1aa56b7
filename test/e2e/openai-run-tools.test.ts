/**
 * The official openai client's tool loop, `chat.completions.runTools()`, through the gateway on each
 * translating provider, plain and streamed. The runner sends each answer's message back rebuilt from
 * its standard fields only (`role`, `content`, `tool_calls`), then one `tool` message per call, and
 * repeats until an answer has no tool calls: the path of agents built on the client. Streamed, it is
 * also the client's stream helper, whose `content` and `tool_calls.function.arguments.delta` events
 * are checked against the answer they build.
 *
 * Each fake vendor answers with its tool-call fixture until the conversation ends in tool results,
 * then with its text fixture; and, as the vendor does, refuses with its 400 results that do not
 * answer exactly the calls of the turn before. The other helpers are covered per provider:
 * `stream()` in stream-tool-call-events.test.ts and the provider tests, `parse()` with a json_schema
 * response_format in anthropic-provider and bedrock-provider.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { converseEvents } from '../support/fixture-upstreams';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

type Block = Record<string, unknown>;
type Turn = { role: string; content?: unknown; parts?: Block[]; tool_calls?: { id: string }[]; tool_call_id?: string };
/** What the last turns of a request hold: the ids (or names) of the calls made and of the results sent. */
type ToolRound = { calls: unknown[]; results: unknown[] };

const blocksOf = (content: unknown): Block[] => (Array.isArray(content) ? (content as Block[]) : []);
const fieldOf = (blocks: Block[], key: string, field: string): unknown[] => blocks.flatMap((block) => (block[key] ? [(block[key] as Block)[field]] : []));
const answersEveryCall = ({ calls, results }: ToolRound): boolean => JSON.stringify(calls) === JSON.stringify(results);

/**
 * A fake vendor: the tool-call fixture, then the text fixture once the results come; the vendor's
 * 400 (`refusal`) when they do not answer the calls.
 */
function fakeVendor(options: { vendor: string; names: [calls: string, text: string]; round: (body: never) => ToolRound; refusal: unknown }) {
  return (request: RecordedRequest, response: ServerResponse): void => {
    const round = options.round(request.body as never);
    if (!answersEveryCall(round)) return sendJson(response, 400, options.refusal);
    const name = options.names[round.results.length > 0 ? 1 : 0];
    const streams = (request.body as { stream?: boolean }).stream === true || request.url.includes(':streamGenerateContent');
    if (streams) sendStream(response, readFixture(options.vendor, `${name}.stream.sse`));
    else sendJson(response, 200, readJsonFixture(options.vendor, `${name}.response.json`));
  };
}

/** OpenAI's pairing, which Cohere's v2 chat shares: assistant `tool_calls` ids and `tool` messages' `tool_call_id`. */
const roundByIds = ({ messages }: { messages: Turn[] }): ToolRound => ({
  calls: messages.flatMap((message) => message.tool_calls ?? []).map((call) => call.id),
  results: messages.filter((message) => message.role === 'tool').map((message) => message.tool_call_id),
});

const fakeOpenai = fakeVendor({
  vendor: 'openai',
  names: ['chat-tool-calls', 'chat'],
  round: roundByIds,
  refusal: { error: { message: "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'.", type: 'invalid_request_error', param: 'messages', code: null } },
});

const fakeAnthropic = fakeVendor({
  vendor: 'anthropic',
  names: ['chat-tool-use', 'chat'],
  round: ({ messages }: { messages: Turn[] }) => ({
    calls: blocksOf(messages.at(-2)?.content).flatMap((block) => (block.type === 'tool_use' ? [block.id] : [])),
    results: blocksOf(messages.at(-1)?.content).flatMap((block) => (block.type === 'tool_result' ? [block.tool_use_id] : [])),
  }),
  refusal: { type: 'error', error: { type: 'invalid_request_error', message: 'messages.2: `tool_use` ids were found without `tool_result` blocks immediately after.' } },
});

/** Gemini pairs results with calls by name and order. */
const fakeGemini = fakeVendor({
  vendor: 'gemini',
  names: ['chat-tool-calls', 'chat'],
  round: ({ contents }: { contents: Turn[] }) => ({
    calls: contents.length > 1 ? fieldOf(contents.at(-2)?.parts ?? [], 'functionCall', 'name') : [],
    results: fieldOf(contents.at(-1)?.parts ?? [], 'functionResponse', 'name'),
  }),
  refusal: { error: { code: 400, message: 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.', status: 'INVALID_ARGUMENT' } },
});

/** Cohere's v2 chat (tool requests). */
const fakeCohere = fakeVendor({
  vendor: 'cohere',
  names: ['chat-v2-tool-calls', 'chat-v2'],
  round: roundByIds,
  refusal: { message: "invalid request: the tool call with id 'get_weather_p1t92w7gfgq7' has no matching tool result" },
});

function fakeBedrock(call: BedrockCall): BedrockReply {
  const { messages } = call.body as { messages: { content: Block[] }[] };
  const round = {
    calls: messages.length > 1 ? fieldOf(messages.at(-2)?.content ?? [], 'toolUse', 'toolUseId') : [],
    results: fieldOf(messages.at(-1)?.content ?? [], 'toolResult', 'toolUseId'),
  };
  if (!answersEveryCall(round)) return { error: { status: 400, type: 'ValidationException', message: 'Expected toolResult blocks at messages.2.content for the following Ids.' } };
  const name = round.results.length > 0 ? 'converse-chat' : 'converse-tool-use';
  return call.operation === 'converse-stream' ? { events: converseEvents(`${name}.events.json`) } : { json: readJsonFixture('bedrock', `${name}.response.json`) };
}

const upstreams: FakeUpstream[] = [];
let bedrock: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  const [openaiUrl, anthropicUrl, geminiUrl, cohereUrl] = await Promise.all(
    [fakeOpenai, fakeAnthropic, fakeGemini, fakeCohere].map(async (handler) => {
      const upstream = await startFakeUpstream(handler);
      upstreams.push(upstream);
      return upstream.url;
    }),
  );
  bedrock = await startFakeBedrock(fakeBedrock);
  gateway = await startGateway(`
endpoints:
  - name: openai
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-test, openai_api_base: "${openaiUrl}/v1" } }
  - name: anthropic
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-test, anthropic_api_base: "${anthropicUrl}/v1" } }
  - name: gemini
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: test, gemini_api_base: "${geminiUrl}/v1beta" } }
  - name: cohere
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-test, cohere_api_base: "${cohereUrl}/v1" } }
  - name: bedrock
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-3-5-sonnet-20241022-v2:0
      config: { aws_config: { aws_region: us-east-1, aws_endpoint_url: "${bedrock.url}", aws_access_key_id: AKIAEXAMPLE, aws_secret_access_key: secret } }
  - name: bedrock-llama
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.meta.llama3-3-70b-instruct-v1:0
      config: { aws_config: { aws_region: us-east-1, aws_endpoint_url: "${bedrock.url}", aws_access_key_id: AKIAEXAMPLE, aws_secret_access_key: secret } }
`);
  openai = openaiClientFor(gateway);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([...upstreams.map((upstream) => upstream.close()), bedrock?.close()]);
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Weather in Paris and São Paulo?' };

/** A strict tool as zodFunction makes it, recording the locations it was called for. */
function weatherTool(locations: string[]) {
  return {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      strict: true,
      parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } }, required: ['location'], additionalProperties: false },
      parse: (text: string) => JSON.parse(text) as { location: string },
      function: ({ location }: { location: string }) => {
        locations.push(location);
        return { location, celsius: location.startsWith('Paris') ? 18 : 27 };
      },
    },
  };
}

/** The conversation the runner held at the end: each tool message answers a call of the answer before it, in order. */
function expectOneToolRound(messages: unknown[]): void {
  const [user, assistant, ...rest] = messages as Turn[];
  expect(user).toEqual(question);
  const ids = (assistant.tool_calls ?? []).map((call) => call.id);
  expect(ids).toHaveLength(2);
  expect(rest.map((message) => message.role)).toEqual(['tool', 'tool', 'assistant']);
  expect(rest.slice(0, 2).map((message) => message.tool_call_id)).toEqual(ids);
}

const FINAL_TEXT: Record<string, { json: string; stream: string }> = {
  openai: { json: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', stream: 'Un café ? Bien sûr 🙂 Bonne journée.' },
  anthropic: { json: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', stream: 'Un café ? Bien sûr 🙂 Bonne journée.' },
  gemini: { json: 'Bonjour ! Un café ☕ ? Je suis là pour aider.', stream: 'Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !' },
  bedrock: { json: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', stream: 'Un café ? Bien sûr 🙂 Bonne journée.' },
  // Llama takes tools in Converse only: its streams with tools are Converse answers replayed.
  'bedrock-llama': { json: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', stream: 'Bonjour ! Un café ? ☕ Je suis là pour aider.' },
  cohere: { json: 'Il fait 18 °C à Paris et 27 °C à São Paulo ☀️.', stream: 'Il fait 18 °C à Paris et 27 °C à São Paulo ☀️.' },
};
const MODELS = Object.keys(FINAL_TEXT);

test.each(MODELS)('%s: runTools() calls each tool once, in order, sends the results back and ends on the text answer', async (model) => {
  const locations: string[] = [];
  const runner = openai.chat.completions.runTools({ model, messages: [question], tools: [weatherTool(locations)] });
  expect(await runner.finalContent()).toBe(FINAL_TEXT[model].json);
  expect(locations).toEqual(['Paris, France', 'São Paulo, Brazil']);
  expectOneToolRound(runner.messages);
  // Strict tools are parsed by the client: parse() semantics on the answer with the calls.
  const [withCalls] = runner.allChatCompletions();
  const calls = withCalls.choices[0].message.tool_calls ?? [];
  expect(calls.map((call) => (call.type === 'function' ? (call.function as { parsed_arguments?: unknown }).parsed_arguments : null))).toEqual([
    expect.objectContaining({ location: 'Paris, France' }),
    expect.objectContaining({ location: 'São Paulo, Brazil' }),
  ]);
});

test.each(MODELS)('%s: runTools() streamed: the stream events add up to the calls made, and the loop ends on the text answer', async (model) => {
  const locations: string[] = [];
  const runner = openai.chat.completions.runTools({ model, stream: true, messages: [question], tools: [weatherTool(locations)] });
  const argumentDeltas: string[] = [];
  const contentDeltas: string[] = [];
  runner.on('tool_calls.function.arguments.delta', (event) => {
    argumentDeltas[event.index] = (argumentDeltas[event.index] ?? '') + event.arguments_delta;
  });
  runner.on('content', (delta) => contentDeltas.push(delta));

  expect(await runner.finalContent()).toBe(FINAL_TEXT[model].stream);
  expect(locations).toEqual(['Paris, France', 'São Paulo, Brazil']);
  expectOneToolRound(runner.messages);
  const [withCalls, text] = runner.allChatCompletions();
  const calls = withCalls.choices[0].message.tool_calls ?? [];
  expect(argumentDeltas).toEqual(calls.map((call) => (call.type === 'function' ? call.function.arguments : null)));
  expect(contentDeltas.join('')).toBe(`${withCalls.choices[0].message.content ?? ''}${text.choices[0].message.content}`);
});

test("bedrock-llama: runTools() streamed calls Converse for each turn, never ConverseStream, which refuses Llama's tools", async () => {
  bedrock.calls.length = 0;
  const runner = openai.chat.completions.runTools({ model: 'bedrock-llama', stream: true, messages: [question], tools: [weatherTool([])] });
  await runner.finalContent();
  expect(bedrock.calls.map((call) => [call.modelId, call.operation])).toEqual([
    ['us.meta.llama3-3-70b-instruct-v1:0', 'converse'],
    ['us.meta.llama3-3-70b-instruct-v1:0', 'converse'],
  ]);
});
