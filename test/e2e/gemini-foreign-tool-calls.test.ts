/**
 * Tool calls Gemini did not make, sent to Gemini 3: a FALLBACK route whose OpenAI destination made
 * the calls and then failed, so the tool results go to Gemini with OpenAI's unsigned calls, and a
 * history an app wrote itself. Gemini 3 refuses a model turn whose first function call carries no
 * thought signature; Google documents a stand-in for calls it did not produce
 * (https://ai.google.dev/gemini-api/docs/thought-signatures#faqs). The fake Gemini 3 below checks
 * that rule as Gemini does.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

interface GeminiBody {
  contents: { role: string; parts: Record<string, unknown>[] }[];
}

const STAND_IN = 'skip_thought_signature_validator';
const TOOL_ANSWER = readJsonFixture<{ candidates: { content: { parts: { thoughtSignature?: string }[] } }[] }>('gemini', 'chat-thinking-tool-calls.response.json');
const SIGNATURE = TOOL_ANSWER.candidates[0].content.parts[1].thoughtSignature!;
const FINAL_ANSWER = {
  candidates: [{ content: { parts: [{ text: 'Paris : 18 °C ; São Paulo : 27 °C.' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 140, candidatesTokenCount: 14, totalTokenCount: 154 },
  responseId: 'r9m2aQfTCd2YnvgP7sKzuQE',
};
/** Gemini 3's 400 for an unsigned call (as quoted on the thought-signatures page). */
const MISSING_SIGNATURE = {
  error: { code: 400, message: 'Function call is missing a thought_signature in functionCall parts.', status: 'INVALID_ARGUMENT' },
};
// OpenAI's documented 503 (https://platform.openai.com/docs/guides/error-codes).
const OVERLOADED = { error: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', param: null, code: null } };

/** Gemini 3: the first function call of every model turn needs its signature (or Google's stand-in). */
function fakeGemini3(request: RecordedRequest, response: ServerResponse): void {
  const modelTurns = (request.body as GeminiBody).contents.filter((content) => content.role === 'model');
  const signed = modelTurns.every((turn) => {
    const first = turn.parts.find((part) => part.functionCall !== undefined);
    return first === undefined || first.thoughtSignature === SIGNATURE || first.thoughtSignature === STAND_IN;
  });
  sendJson(response, signed ? 200 : 400, signed ? FINAL_ANSWER : MISSING_SIGNATURE);
}

/** OpenAI makes the tool calls, then is overloaded when the results come. */
function fakeOpenai(request: RecordedRequest, response: ServerResponse): void {
  const { messages } = request.body as { messages: { role: string }[] };
  if (messages.some((message) => message.role === 'tool')) return sendJson(response, 503, OVERLOADED);
  sendJson(response, 200, readJsonFixture('openai', 'chat-tool-calls.response.json'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: fakeGemini3, openai: fakeOpenai },
  config: ({ gemini, openai }) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-test, openai_api_base: "${openai}/v1" } }
  - name: gemini-3
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-3-flash-preview, config: { gemini_api_key: AIzaSyTEST-foreign, gemini_api_base: "${gemini}/v1beta" } }
routes:
  - { name: agent, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: gpt }, { name: gemini-3 }] }
`,
});
const { upstreams } = setup;

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } } } } },
];
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Quel temps à Paris et à São Paulo ?' };

test("a FALLBACK route: OpenAI's tool calls go on to Gemini 3 when OpenAI fails, the first with Google's stand-in signature", async () => {
  const first = await setup.openai.chat.completions.create({ model: 'agent', messages: [question], tools });
  const assistant = first.choices[0].message;
  const results = (assistant.tool_calls ?? []).map((call, index): OpenAI.Chat.Completions.ChatCompletionMessageParam => ({
    role: 'tool',
    tool_call_id: call.id,
    content: index === 0 ? '{"temperature":18}' : '{"temperature":27}',
  }));
  const second = await setup.openai.chat.completions.create({ model: 'agent', messages: [question, assistant, ...results], tools });

  expect(second.choices[0].message.content).toBe('Paris : 18 °C ; São Paulo : 27 °C.');
  expect(upstreams.openai.requests).toHaveLength(2);
  expect((upstreams.gemini.requests[0].body as GeminiBody).contents[1]).toEqual({
    role: 'model',
    parts: [
      { functionCall: { id: 'call_Xk3rP0qLm7Vz2Tn8Bw4Yc1Hd', name: 'get_weather', args: { location: 'Paris, France', unit: 'celsius' } }, thoughtSignature: STAND_IN },
      // Gemini signs only the first of parallel calls; the others go as they are.
      { functionCall: { id: 'call_Qa9sE6fJ2uRo5Gi1Kv7Np3Ml', name: 'get_weather', args: { location: 'São Paulo, Brazil', unit: 'celsius' } } },
    ],
  });
});

test("a history the app wrote: each model turn's first unsigned call takes the stand-in; Gemini's own signature is kept", async () => {
  const signedId = `call_own.sig.${SIGNATURE}`;
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    question,
    { role: 'assistant', content: null, tool_calls: [{ id: signedId, type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }] },
    { role: 'tool', tool_call_id: signedId, content: '{"temperature":18}' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'seeded-1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo"}' } }] },
    { role: 'tool', tool_call_id: 'seeded-1', content: '{"temperature":27}' },
  ];
  const answer = await setup.openai.chat.completions.create({ model: 'gemini-3', messages, tools });

  expect(answer.choices[0].message.content).toBe('Paris : 18 °C ; São Paulo : 27 °C.');
  const modelTurns = (upstreams.gemini.requests[0].body as GeminiBody).contents.filter((content) => content.role === 'model');
  expect(modelTurns.map((turn) => turn.parts[0].thoughtSignature)).toEqual([SIGNATURE, STAND_IN]);
});
