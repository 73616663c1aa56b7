/**
 * A value the client sent that a provider's translation refuses (a role, a tool_call_id, a tool
 * name) comes back in the 400's message whole up to 80 characters; a longer one is cut there, with
 * its length, to the client and in the audit line. Nothing reaches the vendor.
 */
import { APIError } from 'openai';
import type OpenAI from 'openai';
import { sendJson } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

const log = captureLog();
const setup = useGatewayWithUpstreams({
  upstreams: { vendor: (_request, response) => sendJson(response, 500, { error: 'the gateway should not have called' }) },
  config: ({ vendor }) => `
endpoints:
  - name: gemini
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: gemini-test-key, gemini_api_base: "${vendor}/v1beta" } }
  - name: anthropic
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: anthropic-test-key, anthropic_api_base: "${vendor}/v1" } }
  - name: cohere
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: cohere-test-key, cohere_api_base: "${vendor}/v1" } }
`,
  logger: log.logger,
});

/** A value of `length` characters (one of them two bytes in UTF-8) and how a message quotes it: its first 80, cut, with its length. */
function longValue(length: number): { value: string; shown: string } {
  const value = `é${'v'.repeat(length - 1)}`;
  return { value, shown: `'${value.slice(0, 80)}…' (${length} characters)` };
}

const LONG = longValue(100_000);
const question = { role: 'user' as const, content: 'What is the weather in Paris?' };
const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

/** The 400 the client gets for `body`, and the message of the request's audit line. */
async function refusalAndAuditLine(body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming): Promise<{ error: APIError; logged: string }> {
  const from = log.lines.length;
  const error = await setup.openai.chat.completions.create(body).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 400, { from });
  return { error, logged: (line.error as { message: string }).message };
}

afterEach(() => expect(setup.upstreams.vendor.requests).toHaveLength(0));

test("Gemini's tool message answering a 100 KB tool_call_id that matches no call quotes the id cut", async () => {
  const message = `messages[1].tool_call_id: Gemini takes a tool message only as the result of a tool call of the assistant message before it ("Please ensure that function response turn comes immediately after a function call turn"); ${LONG.shown} is none of its calls.`;
  const { error, logged } = await refusalAndAuditLine({ model: 'gemini', messages: [question, { role: 'tool', tool_call_id: LONG.value, content: '18 °C' }] });
  expect(error.status).toBe(400);
  expect(error.error).toMatchObject({ message, param: 'messages[1].tool_call_id' });
  expect(logged).toBe(message);
});

test("Anthropic's refusal of a 100 KB role quotes the role cut", async () => {
  const message = `messages[0].role: the role ${LONG.shown} is not supported by Anthropic (use system, developer, user, assistant or tool).`;
  const messages = [{ role: LONG.value, content: 'Hi' }] as unknown as OpenAI.Chat.Completions.ChatCompletionMessageParam[];
  const { error, logged } = await refusalAndAuditLine({ model: 'anthropic', messages });
  expect(error.status).toBe(400);
  expect(error.error).toMatchObject({ message, param: 'messages[0].role' });
  expect(logged).toBe(message);
});

test("Cohere's tool_choice naming a 100 KB tool not offered quotes the name cut; a short one whole", async () => {
  const message = `tool_choice.function.name: no tool named ${LONG.shown} in tools.`;
  const named = (name: string) => ({ model: 'cohere', messages: [question], tools: [weatherTool], tool_choice: { type: 'function' as const, function: { name } } });
  const { error, logged } = await refusalAndAuditLine(named(LONG.value));
  expect(error.status).toBe(400);
  expect(error.error).toMatchObject({ message, param: 'tool_choice.function.name' });
  expect(logged).toBe(message);
  expect((await refusalAndAuditLine(named('book_flight'))).logged).toBe("tool_choice.function.name: no tool named 'book_flight' in tools.");
});
