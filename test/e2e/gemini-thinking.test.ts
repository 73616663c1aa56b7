/**
 * Gemini thinking end to end: the official OpenAI client sends `reasoning_effort` through `/v1`, the
 * gateway asks a fake Gemini on 127.0.0.1 for thought summaries, and the thoughts come back as
 * `reasoning_content`, never as content; a Gemini 3 tool call keeps its thought signature when the
 * answer is sent back with the tool result, and its reasoning_content is not sent to Gemini.
 * Mapping: https://ai.google.dev/gemini-api/docs/openai#thinking ; thought summaries:
 * https://ai.google.dev/gemini-api/docs/thinking#summaries ; signatures:
 * https://ai.google.dev/gemini-api/docs/thought-signatures .
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { pythonStreamMessage } from '../support/openai-python-accumulate';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

interface GeminiBody {
  contents: { role: string; parts: Record<string, unknown>[] }[];
  generationConfig?: { thinkingConfig?: { includeThoughts?: boolean } };
  tools?: unknown;
}

const THOUGHT_ANSWER = readJsonFixture<{ candidates: { content: { parts: { text: string }[] } }[] }>('gemini', 'chat-thinking.response.json');
const THOUGHT = THOUGHT_ANSWER.candidates[0].content.parts[0].text;
const TOOL_ANSWER = readJsonFixture<{ candidates: { content: { parts: { text?: string; thoughtSignature?: string }[] } }[] }>('gemini', 'chat-thinking-tool-calls.response.json');
const SIGNATURE = TOOL_ANSWER.candidates[0].content.parts[1].thoughtSignature!;
const FINAL_ANSWER = {
  candidates: [{ content: { parts: [{ text: 'Il fait 18 °C à Paris.' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 120, candidatesTokenCount: 9, totalTokenCount: 129 },
  modelVersion: 'gemini-3-flash-preview',
  responseId: 'r8k6aPbnHfXxnvgP2vCXiQc',
};
/** Gemini 3's 400 for a function call sent back without its signature (the thought-signatures page). */
const MISSING_SIGNATURE = {
  error: { code: 400, message: 'Function call is missing a thought_signature in functionCall parts.', status: 'INVALID_ARGUMENT' },
};

/** Thought summaries only when asked for, as Gemini does; a tool-result turn needs the call's signature back. */
function fakeGemini(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as GeminiBody;
  const thoughts = body.generationConfig?.thinkingConfig?.includeThoughts === true;
  if (request.url.includes(':streamGenerateContent')) return sendStream(response, readFixture('gemini', thoughts ? 'chat-thinking.stream.sse' : 'chat.stream.sse'));
  const modelTurn = body.contents.find((content) => content.role === 'model');
  if (modelTurn !== undefined) {
    const call = modelTurn.parts.find((part) => part.functionCall !== undefined);
    return call?.thoughtSignature === SIGNATURE ? sendJson(response, 200, FINAL_ANSWER) : sendJson(response, 400, MISSING_SIGNATURE);
  }
  if (body.tools !== undefined) return sendJson(response, 200, TOOL_ANSWER);
  sendJson(response, 200, readJsonFixture('gemini', thoughts ? 'chat-thinking.response.json' : 'chat.response.json'));
}

const endpoint = (name: string, model: string, upstreamUrl: string, type = 'llm/v1/chat') => `
  - name: ${name}
    endpoint_type: ${type}
    model: { provider: gemini, name: ${model}, config: { gemini_api_key: AIzaSyTEST-thinking, gemini_api_base: "${upstreamUrl}/v1beta" } }`;

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: fakeGemini },
  config: ({ gemini }) =>
    `endpoints:${endpoint('flash', 'gemini-2.5-flash', gemini)}${endpoint('pro', 'gemini-2.5-pro', gemini)}${endpoint('gemini-3', 'gemini-3-flash-preview', gemini)}${endpoint(
      'completions',
      'gemini-2.5-flash',
      gemini,
      'llm/v1/completions',
    )}\n`,
  validateResponses: true,
});
const { upstreams } = setup;
const sentBody = (index = 0) => upstreams.gemini.requests[index].body as GeminiBody;

type ReasoningMessage = OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Combien font 17 × 24 ?' };

test('chat: reasoning_effort asks Gemini 2.5 for a thinking budget and thought summaries; the thoughts come back as reasoning_content, not content', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'flash', messages: [question], reasoning_effort: 'medium' });
  const message = completion.choices[0].message as ReasoningMessage;
  expect(message.content).toBe('17 × 24 = **408** (340 + 68).');
  expect(message.reasoning_content).toBe(THOUGHT);
  expect(completion.usage).toEqual({ prompt_tokens: 14, completion_tokens: 338, total_tokens: 352, completion_tokens_details: { reasoning_tokens: 322 } });
  expect(sentBody().generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 8192, includeThoughts: true } });
});

test('stream: thought summaries arrive as reasoning_content deltas, joined as a client joins them; content holds only the answer', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'flash', messages: [question], reasoning_effort: 'high', stream: true });
  const { content, reasoning } = await assembleAssistantTurn(stream);
  expect(content).toBe('17 × 24 = **408** (340 + 68).');
  expect(reasoning).toBe('**Multiplying step by step**\n\nI split 17 × 24 into 17 × 20 = 340 and 17 × 4 = 68.\n**Checking the sum**\n\n340 + 68 = 408. Réponse vérifiée ✓.\n');
  expect(sentBody().generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 24576, includeThoughts: true } });

  const python = await pythonStreamMessage(await setup.openai.chat.completions.create({ model: 'flash', messages: [question], reasoning_effort: 'low', stream: true }));
  expect(python).toMatchObject({ content, reasoning_content: reasoning });
});

test("Gemini 3: a thinking level; the answer sent back whole with the tool result keeps the call's thought signature and none of its reasoning_content", async () => {
  const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } } } } },
  ];
  const weather: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Quel temps fait-il à Paris ?' };
  const first = await setup.openai.chat.completions.create({ model: 'gemini-3', messages: [weather], tools, reasoning_effort: 'low' });
  const message = first.choices[0].message as ReasoningMessage;
  expect(message.reasoning_content).toMatch(/^\*\*Checking the weather in Paris\*\*/);
  expect(message.content).toBeNull();
  expect(sentBody().generationConfig).toEqual({ thinkingConfig: { thinkingLevel: 'low', includeThoughts: true } });

  const toolResult: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'tool', tool_call_id: message.tool_calls![0].id, content: '{"temperature": 18}' };
  const second = await setup.openai.chat.completions.create({ model: 'gemini-3', messages: [weather, message, toolResult], tools, reasoning_effort: 'low' });
  expect(second.choices[0].message.content).toBe('Il fait 18 °C à Paris.');
  expect(sentBody(1).contents[1]).toEqual({
    role: 'model',
    parts: [{ functionCall: { id: expect.any(String), name: 'get_weather', args: { location: 'Paris, France', unit: 'celsius' } }, thoughtSignature: SIGNATURE }],
  });
});

test("'none' turns Gemini 2.5 Flash's thinking off; where the model cannot, it is a 400 naming reasoning_effort before any call", async () => {
  await setup.openai.chat.completions.create({ model: 'flash', messages: [question], reasoning_effort: 'none' as 'low' });
  expect(sentBody().generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 0 } });

  for (const model of ['pro', 'gemini-3']) {
    const refused = setup.openai.chat.completions.create({ model, messages: [question], reasoning_effort: 'none' as 'low' });
    await expect(refused).rejects.toMatchObject({ status: 400, error: { param: 'reasoning_effort', message: expect.stringContaining('cannot turn thinking off') } });
  }
  expect(upstreams.gemini.requests).toHaveLength(1);
});

test("a level the model does not take comes back as Gemini's own 400", async () => {
  upstreams.gemini.setHandler((_request, response) =>
    sendJson(response, 400, { error: { code: 400, message: 'Thinking level MEDIUM is not supported for this model. Please retry with other thinking level', status: 'INVALID_ARGUMENT' } }),
  );
  const refused = setup.openai.chat.completions.create({ model: 'gemini-3', messages: [question], reasoning_effort: 'medium' });
  await expect(refused).rejects.toMatchObject({ status: 400, error: { message: expect.stringContaining('Thinking level MEDIUM is not supported for this model') } });
});

test('completions still refuse reasoning_effort', async () => {
  const refused = setup.openai.completions.create({ model: 'completions', prompt: 'Salut', reasoning_effort: 'low' } as OpenAI.Completions.CompletionCreateParamsNonStreaming);
  await expect(refused).rejects.toMatchObject({ status: 400, error: { param: 'reasoning_effort' } });
});
