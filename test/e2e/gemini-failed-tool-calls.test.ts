/**
 * Gemini answers whose function call failed (finishReason MALFORMED_FUNCTION_CALL,
 * UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS, with no call in the answer): nothing the client can use,
 * and the same request often succeeds when sent again (Google's own gemini-cli retries it,
 * google-gemini/gemini-cli#12965). Such an answer is a retryable failure of the call: retried per the
 * endpoint's `retries`, a FALLBACK route moves on, and when every attempt fails the client gets a 502
 * naming the endpoint and Gemini's reason; streamed or not. A blocked prompt stays the client's answer.
 */
import type { ServerResponse } from 'node:http';
import { APIError } from 'openai';
import type OpenAI from 'openai';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const MALFORMED = readJsonFixture('gemini', 'chat-malformed-function-call.response.json');
const MALFORMED_STREAM = readFixture('gemini', 'chat-malformed-function-call.stream.sse');

/** Gemini's good answer (chat.response.json, chat.stream.sse), streamed or not as asked. */
function answerWell(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.includes('streamGenerateContent')) return sendStream(response, readFixture('gemini', 'chat.stream.sse'));
  sendJson(response, 200, readJsonFixture('gemini', 'chat.response.json'));
}

function answerMalformed(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.includes('streamGenerateContent')) return sendStream(response, MALFORMED_STREAM);
  sendJson(response, 200, MALFORMED);
}

/** gemini-2.5-flash fails its function call every time; gemini-2.5-pro answers. */
function flashFailsProAnswers(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.includes('gemini-2.5-flash')) return answerMalformed(request, response);
  answerWell(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: flashFailsProAnswers },
  config: ({ gemini }) => `
endpoints:
  - name: flash
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: AIzaSyTEST-failed-calls, gemini_api_base: "${gemini}/v1beta" } }
    retries: { max_attempts: 2, initial_backoff: 0.01 }
  - name: pro
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-pro, config: { gemini_api_key: AIzaSyTEST-failed-calls, gemini_api_base: "${gemini}/v1beta" } }
    retries: { max_attempts: 1 }
routes:
  - { name: agent, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: flash }, { name: pro }] }
`,
});
const { upstreams } = setup;

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } } } } },
];
const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Quel temps fait-il à Paris ?' }];

const modelsCalled = () => upstreams.gemini.requests.map((request) => /models\/([^:]+):/.exec(request.url)?.[1]);

const FAILURE = `Gemini could not make a valid function call for endpoint 'flash' (MALFORMED_FUNCTION_CALL): Malformed function call: print(default_api.get_weather(location="Paris, France", unit=celsius))`;

async function rejectionOf(call: () => Promise<unknown>): Promise<APIError> {
  const error = await call().then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  return error;
}

describe('a FALLBACK route', () => {
  test('moves on to its next endpoint once the first has spent its attempts on failed function calls', async () => {
    const { data, response } = await setup.openai.chat.completions.create({ model: 'agent', messages, tools }).withResponse();

    expect(data.choices[0].message.content).toBe('Bonjour ! Un café ☕ ? Je suis là pour aider.');
    expect(response.headers.get('x-gateway-endpoint')).toBe('pro');
    expect(modelsCalled()).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-pro']);
  });

  test('a stream moves on the same way, before anything was sent to the client', async () => {
    const stream = setup.openai.chat.completions.stream({ model: 'agent', messages, tools });
    const completion = await stream.finalChatCompletion();

    expect(completion.choices[0].message.content).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
    expect(modelsCalled()).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-pro']);
  });

  test.each([
    ['the role alone', { role: 'model' }],
    ['empty text', { role: 'model', parts: [{ text: '' }] }],
  ])('a stream whose first event holds nothing (%s) before the failed call moves on the same way', async (_name, content) => {
    const emptyFirst = `data: ${JSON.stringify({ candidates: [{ content, index: 0 }], responseId: 'd9RHaZ3xKp2onvgPz8uQ4Aw' })}\r\n\r\n`;
    upstreams.gemini.setHandler((request, response) => {
      if (request.url.includes('gemini-2.5-flash')) return sendStream(response, emptyFirst + MALFORMED_STREAM);
      answerWell(request, response);
    });
    const completion = await setup.openai.chat.completions.stream({ model: 'agent', messages, tools }).finalChatCompletion();

    expect(completion.choices[0].message).toMatchObject({ role: 'assistant', content: 'Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !' });
    expect(modelsCalled()).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-pro']);
  });

  test('a blocked prompt is still the answer: the route does not move on', async () => {
    upstreams.gemini.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('gemini', 'chat-blocked-prompt.response.json')));
    const completion = await setup.openai.chat.completions.create({ model: 'agent', messages, tools });

    expect(completion.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { refusal: 'Gemini blocked the prompt (PROHIBITED_CONTENT).' } });
    expect(modelsCalled()).toEqual(['gemini-2.5-flash']);
  });
});

describe('one endpoint', () => {
  test('a failed function call is retried, and the next attempt answers', async () => {
    let calls = 0;
    upstreams.gemini.setHandler((request, response) => (++calls === 1 ? answerMalformed(request, response) : answerWell(request, response)));

    const completion = await setup.openai.chat.completions.create({ model: 'flash', messages, tools });
    const streamed = await setup.openai.chat.completions.stream({ model: 'flash', messages, tools }).finalChatCompletion();

    expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ☕ ? Je suis là pour aider.');
    expect(streamed.choices[0].message.content).toBe('Bien sûr ! Voici un café ☕ et un croissant 🥐. Bon appétit !');
    expect(calls).toBe(3);
  });

  test('when every attempt fails: a 502 naming the endpoint and Gemini\'s reason, which the client may retry', async () => {
    const error = await rejectionOf(() => setup.openai.chat.completions.create({ model: 'flash', messages, tools }));

    expect([error.status, error.message, error.code, error.type]).toEqual([502, `502 ${FAILURE}`, 'upstream_error', 'upstream_error']);
    expect(error.headers?.get('x-should-retry')).toBeNull();
    expect(modelsCalled()).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash']);
  });

  test('a stream: the same 502, as an HTTP status before the first byte', async () => {
    const error = await rejectionOf(() => setup.openai.chat.completions.create({ model: 'flash', messages, tools, stream: true }));

    expect([error.status, error.message]).toEqual([502, `502 ${FAILURE}`]);
    expect(modelsCalled()).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash']);
  });
});
