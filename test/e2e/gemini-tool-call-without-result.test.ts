/**
 * A coding agent's history whose user stopped a tool run (two parallel calls, one answered, then the
 * user's text), moved to Gemini: Gemini refuses a turn of function calls not followed by a turn with as
 * many function responses, after the call and naming nothing
 * (test/fixtures/gemini/error-400-function-response-count.json), and a FALLBACK route stopped there.
 * The gateway answers a 400 naming the unanswered call before any call, through the official openai
 * client and the MLflow route, and a FALLBACK route moves on.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { serveGeminiFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { preCallRefusalTests } from '../support/pre-call-refusals';
import { stoppedToolRun } from '../support/stopped-tool-run';

const serveGemini = serveGeminiFixtures('gemini-2.0-flash-lite');

type Content = { parts: { functionCall?: unknown; functionResponse?: unknown }[] };
const count = (content: Content | undefined, kind: 'functionCall' | 'functionResponse') => content?.parts.filter((part) => part[kind] !== undefined).length ?? 0;

/** Gemini, refusing a turn of function calls not followed by as many function responses as it does, else answering from the fixtures. */
function gemini(request: RecordedRequest, response: ServerResponse): void {
  const { contents } = request.body as { contents: Content[] };
  const unanswered = contents.some((content, index) => index < contents.length - 1 && count(content, 'functionCall') > 0 && count(contents[index + 1], 'functionResponse') !== count(content, 'functionCall'));
  if (unanswered) return sendJson(response, 400, readJsonFixture('gemini', 'error-400-function-response-count.json'));
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

const TEST = 'call_tS3kPz8Nv4b';
const { tools, interrupted, answered } = stoppedToolRun({ read: 'call_rdF7mWq2Lx9', test: TEST }, null);
const REFUSAL = `messages[2].tool_calls[1]: Gemini takes an assistant message's tool calls only when tool messages answer each of them before the next user or assistant message ("Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn"); the call '${TEST}' has no answer before messages[4], a user message.`;

preCallRefusalTests({
  setup,
  endpoint: 'gemini',
  title: 'a tool run stopped by the user: a 400 naming the unanswered call',
  messages: interrupted,
  tools,
  param: 'messages[2].tool_calls[1]',
  message: REFUSAL,
  refusedCalls: () => setup.upstreams.gemini.requests.length,
  fallback: { route: 'agent', past: 'Gemini', nextCalls: () => setup.upstreams.openai.requests.length },
});

test('the history with the stopped run answered by a tool message saying so reaches Gemini', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'gemini', messages: answered, tools });
  expect(completion.choices).toHaveLength(1);
  expect(setup.upstreams.gemini.requests).toHaveLength(1);
});
