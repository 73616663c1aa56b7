/**
 * Gemini thinking end to end: the official OpenAI client sends `reasoning_effort` through `/v1`, and
 * the gateway sends Gemini a thinking budget (Gemini 2.5) or level (Gemini 3) for it.
 * Mapping: https://ai.google.dev/gemini-api/docs/openai#thinking ; thinking:
 * https://ai.google.dev/gemini-api/docs/thinking .
 */
import type OpenAI from 'openai';
import { serveGeminiFixtures } from '../support/fixture-upstreams';
import { sendJson } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

interface GeminiBody {
  generationConfig?: unknown;
}

const endpoint = (name: string, model: string, upstreamUrl: string, type = 'llm/v1/chat') => `
  - name: ${name}
    endpoint_type: ${type}
    model: { provider: gemini, name: ${model}, config: { gemini_api_key: AIzaSyTEST-thinking, gemini_api_base: "${upstreamUrl}/v1beta" } }`;

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: serveGeminiFixtures('gemini-2.0-flash') },
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

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Combien font 17 × 24 ?' };

test('chat and stream: reasoning_effort is a thinking budget for Gemini 2.5 and a thinking level for Gemini 3', async () => {
  await setup.openai.chat.completions.create({ model: 'flash', messages: [question], reasoning_effort: 'medium' });
  expect(sentBody().generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 8192 } });
  const stream = await setup.openai.chat.completions.create({ model: 'gemini-3', messages: [question], reasoning_effort: 'high', stream: true });
  for await (const chunk of stream) expect(chunk.object).toBe('chat.completion.chunk');
  expect(sentBody(1).generationConfig).toEqual({ thinkingConfig: { thinkingLevel: 'high' } });
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
