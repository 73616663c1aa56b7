/**
 * A coding agent's history moved to Gemini from a model served by Hugging Face TGI (which gives every
 * tool call the id "0"), after its context window dropped the last turn that called a tool: the
 * result kept answers "0", the id of an earlier turn's call too. Gemini refuses a turn of function
 * responses that does not come right after the turn of their calls, after the call and naming nothing
 * (test/fixtures/gemini/error-400-function-response-turn.json), and a FALLBACK route stopped there.
 * The gateway answers a 400 naming the client's message before any call, through the official openai
 * client and the MLflow route, and a FALLBACK route moves on.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveGeminiFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { preCallRefusalTests } from '../support/pre-call-refusals';

const serveGemini = serveGeminiFixtures('gemini-2.0-flash-lite');

type Content = { parts: { functionCall?: unknown; functionResponse?: unknown }[] };
const holds = (content: Content | undefined, kind: 'functionCall' | 'functionResponse') => content?.parts.some((part) => part[kind] !== undefined) === true;

/** Gemini, refusing a turn of function responses not right after a turn of function calls as it does, else answering from the fixtures. */
function gemini(request: RecordedRequest, response: ServerResponse): void {
  const { contents } = request.body as { contents: Content[] };
  const misplaced = contents.some((content, index) => holds(content, 'functionResponse') && !holds(contents[index - 1], 'functionCall'));
  if (misplaced) return sendJson(response, 400, readJsonFixture('gemini', 'error-400-function-response-turn.json'));
  serveGemini(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { gemini, openai: serveOpenAIFixtures },
  config: (urls) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: k, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: k, openai_api_base: "${urls.openai}/v1" } } }
routes:
  - { name: agent, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: gemini }, { name: gpt }] }
`,
});

const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } }];
const readFile = (path: string): OpenAI.ChatCompletionMessageToolCall => ({ id: '0', type: 'function', function: { name: 'read_file', arguments: JSON.stringify({ path }) } });
const history: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a coding agent.' },
  { role: 'user', content: 'What does the README say?' },
  { role: 'assistant', content: null, tool_calls: [readFile('README.md')] },
  { role: 'tool', tool_call_id: '0', content: '# LLM Gateway\n…' },
  { role: 'assistant', content: 'The README starts with its title.' },
  { role: 'user', content: 'And the licence?' },
];
/** The history with the turn that read the licence dropped, and its result kept. */
const trimmed: OpenAI.ChatCompletionMessageParam[] = [...history, { role: 'tool', tool_call_id: '0', content: 'MIT License\n\nCopyright (c) 2026 …' }];
const REFUSAL = `messages[6].tool_call_id: Gemini takes a tool message only as the result of a tool call of the assistant message before it ("Please ensure that function response turn comes immediately after a function call turn"); '0' is none of its calls.`;

preCallRefusalTests({
  setup,
  endpoint: 'gemini',
  title: "a result of an earlier turn's call: a 400 naming the client message",
  messages: trimmed,
  tools,
  param: 'messages[6].tool_call_id',
  message: REFUSAL,
  refusedCalls: () => setup.upstreams.gemini.requests.length,
  fallback: { route: 'agent', past: 'Gemini', nextCalls: () => setup.upstreams.openai.requests.length },
});

test('the untrimmed history, the licence read in the turn before its result, reaches Gemini', async () => {
  const messages: OpenAI.ChatCompletionMessageParam[] = [...history, { role: 'assistant', content: null, tool_calls: [readFile('LICENSE')] }, trimmed[6]];
  const completion = await setup.openai.chat.completions.create({ model: 'gemini', messages, tools });
  expect(completion.choices[0].finish_reason).toBe('tool_calls');
  expect(setup.upstreams.gemini.requests).toHaveLength(1);
});
