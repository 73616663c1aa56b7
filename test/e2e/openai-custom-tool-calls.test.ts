/**
 * A tool call of OpenAI's `custom` type (README, "OpenAI-compatible answers"): requests through the
 * gateway define function tools only, so such a call is a 502 `upstream_unreadable` naming the field
 * and the type, before any byte of an answer or a stream, never a 500 or a call without a function.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';

let upstream: FakeUpstream;
let gateway: RunningGateway;

function serveCustomCall(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: boolean }).stream === true) return sendStream(response, readFixture('openai', 'chat-custom-tool-call.stream.sse'));
  sendJson(response, 200, readJsonFixture('openai', 'chat-custom-tool-call.response.json'));
}

beforeAll(async () => {
  upstream = await startFakeUpstream(serveCustomCall);
  gateway = await startGateway(`
endpoints:
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-5, config: { openai_api_key: sk-key, openai_api_base: "${upstream.url}/v1" } }
`);
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

test.each([
  ['an answer', false, 'choices[0].message.tool_calls[0]'],
  ['a stream', true, 'choices[0].delta.tool_calls[0]'],
])('%s with a custom tool call is a 502 naming the call and its type', async (_kind, stream, where) => {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'Run some Python.' }], stream }),
  });
  expect(response.status).toBe(502);
  expect(await response.json()).toEqual({
    error: {
      message: `OpenAI answered endpoint 'gpt' with a response of an unexpected shape; the gateway could not translate it (${where} is a tool call of type "custom"; the gateway passes on function tool calls only).`,
      type: 'upstream_error',
      param: null,
      code: 'upstream_unreadable',
    },
  });
});
