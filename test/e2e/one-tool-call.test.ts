/**
 * `parallel_tool_calls: false` on a provider with no switch for it (Gemini here): the gateway keeps
 * only each answer's first tool call, streamed or not. LlamaIndex sends `false` with every tool call
 * it asks for (llama-index-llms-openai, `base.py` `_prepare_chat_with_tools`:
 * `"parallel_tool_calls": allow_parallel_tool_calls`, false by default), LangChain with
 * `with_structured_output(method="function_calling")`. The fake Gemini answers with the two calls
 * of its fixtures (`chat-tool-calls.*`).
 */
import type OpenAI from 'openai';
import { serveGeminiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: serveGeminiFixtures('none') },
  config: ({ gemini }) => `
endpoints:
  - name: gemini
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: AIzaSyTEST-one-call, gemini_api_base: "${gemini}/v1beta" } }
`,
  validateResponses: true,
});

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } },
];
const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Quel temps à Paris et à São Paulo ?' }];

async function streamedCalls(parallel: boolean) {
  const stream = await setup.openai.chat.completions.create({ model: 'gemini', messages, tools, parallel_tool_calls: parallel, stream: true });
  const calls = new Map<number, { name: string; arguments: string }>();
  let finish: string | null = null;
  for await (const chunk of stream) {
    for (const piece of chunk.choices[0]?.delta.tool_calls ?? []) {
      const call = calls.get(piece.index) ?? { name: '', arguments: '' };
      calls.set(piece.index, { name: call.name + (piece.function?.name ?? ''), arguments: call.arguments + (piece.function?.arguments ?? '') });
    }
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  return { calls: [...calls.entries()], finish };
}

test('false: the answer holds only the first tool call; true (or unset): both, as Gemini made them', async () => {
  const one = await setup.openai.chat.completions.create({ model: 'gemini', messages, tools, parallel_tool_calls: false });
  const both = await setup.openai.chat.completions.create({ model: 'gemini', messages, tools, parallel_tool_calls: true });
  expect(both.choices[0].message.tool_calls).toHaveLength(2);
  expect(one.choices[0].message.tool_calls).toEqual(both.choices[0].message.tool_calls?.slice(0, 1));
  expect(one.choices[0].finish_reason).toBe('tool_calls');
  // Not sent to Gemini, which has no such field.
  expect(JSON.stringify(setup.upstreams.gemini.requests.map((request) => request.body))).not.toContain('parallel');
});

test('false on a stream: only the pieces of the first tool call reach the client', async () => {
  const one = await streamedCalls(false);
  const both = await streamedCalls(true);
  expect(both.calls.map(([index]) => index)).toEqual([0, 1]);
  expect(one).toEqual({ calls: both.calls.slice(0, 1), finish: 'tool_calls' });
});
