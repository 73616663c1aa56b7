/**
 * `server.max_answer_size` end to end: an upstream whose answer never ends (or is merely too large)
 * gets abandoned as soon as it passes the limit. The client gets a 502 naming the setting, on the
 * MLflow routes and through the official `openai` client, and the gateway goes on serving.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { readJsonFixture } from '../support/fixtures';
import { sendEndless, sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { SOON_MS, within } from '../support/timeouts';

const ENV = { OPENAI_KEY: 'sk-proj-LIMIT-never-shown' };
const chatBody = { messages: [{ role: 'user' as const, content: 'Hi' }] };

const config = (upstreamUrl: string, maxAnswerSize: string) => `
server:
  max_answer_size: ${maxAnswerSize}
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
`;

/** A JSON answer that never ends. */
const endlessJson = (_request: RecordedRequest, response: ServerResponse) => sendEndless(response, 200, 'application/json');

const chatAnswer = readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json');
const serveChat = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 200, chatAnswer);

const MESSAGE = "OpenAI answered for endpoint 'chat' with status 200 and more than 65536 bytes; the answer was abandoned (server.max_answer_size).";

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream(endlessJson);
  gateway = await startGateway(config(upstream.url, '64kb'), { env: ENV });
  openai = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.closed.length = 0;
  upstream.setHandler(endlessJson);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

function postMlflow() {
  return fetch(`${gateway.url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody) });
}

test('an answer that never ends is a 502 naming the setting, at once, not retried, its connection closed', async () => {
  const answer = await within(postMlflow(), SOON_MS, 'the answer');
  expect(answer.status).toBe(502);
  expect(await answer.json()).toEqual({ detail: MESSAGE });
  await within(upstream.closed[0], SOON_MS, 'the upstream connection closing');
  expect(upstream.requests).toHaveLength(1);
});

test('the official openai client gets the same as an APIError, streamed or not, and the gateway goes on serving', async () => {
  const error = await within(openai.chat.completions.create({ model: 'chat', ...chatBody }).catch((caught: unknown) => caught), SOON_MS, 'the answer');
  expect(error).toBeInstanceOf(OpenAI.APIError);
  expect(error).toMatchObject({ status: 502, message: `502 ${MESSAGE}`, code: 'upstream_unavailable', type: 'upstream_error' });

  // A JSON answer to a stream request is read whole (it is usually an error): bounded the same way.
  const streamed = await within(openai.chat.completions.create({ model: 'chat', stream: true, ...chatBody }).catch((caught: unknown) => caught), SOON_MS, 'the answer');
  expect(streamed).toMatchObject({ status: 502, code: 'upstream_unavailable' });

  upstream.setHandler(serveChat);
  const served = await openai.chat.completions.create({ model: 'chat', ...chatBody });
  expect(served.choices[0].message.content).toBe(chatAnswer.choices[0].message.content);
});

test('a reloaded config brings its own limit', async () => {
  upstream.setHandler(serveChat);
  const before = await postMlflow();
  expect(before.status).toBe(200);
  const text = config(upstream.url, `${JSON.stringify(chatAnswer).length - 1}b`);
  gateway.state.plan = compilePlan(parseConfigText(text, '/virtual/reloaded.yaml', { env: ENV }), '/virtual/reloaded.yaml');
  const after = await postMlflow();
  expect(after.status).toBe(502);
  expect(((await after.json()) as { detail: string }).detail).toContain(`more than ${JSON.stringify(chatAnswer).length - 1} bytes`);
});
