/**
 * Token log probabilities on `/v1/responses` with the official openai client: `include:
 * ["message.output_text.logprobs"]` and `top_logprobs` ask OpenAI's chat API (a fake on 127.0.0.1
 * serving test/fixtures/openai/chat-logprobs.*) for `logprobs: true` and `top_logprobs`, and the chat
 * answer's tokens come back where OpenAI's Responses API puts them: the output_text part's `logprobs`
 * (with `bytes`), and in a stream each `response.output_text.delta`'s own tokens and all of them on
 * `.done` (without `bytes`). A provider that refuses them names the `include` value that asked.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { openaiErrorOf } from '../support/errors';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const isStream = (request: RecordedRequest) => (request.body as { stream?: boolean } | undefined)?.stream === true;

function serveLogprobs(request: RecordedRequest, response: ServerResponse): void {
  if (isStream(request)) sendStream(response, readFixture('openai', 'chat-logprobs.stream.sse'));
  else sendJson(response, 200, readJsonFixture('openai', 'chat-logprobs.response.json'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { openai: serveLogprobs, vendor: (_request, response) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } }) },
  config: (urls) => `
endpoints:
  - { name: classifier, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } } }
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.vendor}/v1" } } }
`,
  validateResponses: true,
});

const INCLUDE: OpenAI.Responses.ResponseIncludable[] = ['message.output_text.logprobs'];
const input = 'Sentiment de « Quel bon café ! » ?';

test('an answer: the chat request asks for them, and the output_text part carries them in OpenAI\'s shape', async () => {
  const response = await setup.openai.responses.create({ model: 'classifier', input, include: INCLUDE, top_logprobs: 2 });
  const [message] = response.output as OpenAI.Responses.ResponseOutputMessage[];
  expect(message.content).toEqual([
    {
      type: 'output_text',
      text: 'Positif',
      annotations: [],
      logprobs: [
        {
          token: 'Pos',
          logprob: -0.0017429317,
          bytes: [80, 111, 115],
          top_logprobs: [
            { token: 'Pos', logprob: -0.0017429317, bytes: [80, 111, 115] },
            { token: 'Né', logprob: -6.6267433, bytes: [78, 195, 169] },
          ],
        },
        {
          token: 'itif',
          logprob: -1.9361265e-7,
          bytes: [105, 116, 105, 102],
          top_logprobs: [
            { token: 'itif', logprob: -1.9361265e-7, bytes: [105, 116, 105, 102] },
            { token: 'itive', logprob: -15.75, bytes: [105, 116, 105, 118, 101] },
          ],
        },
      ],
    },
  ]);
  expect(setup.upstreams.openai.requests[0].body).toMatchObject({ logprobs: true, top_logprobs: 2 });
  // Kept as answered.
  const { _request_id: _read, ...read } = await setup.openai.responses.retrieve(response.id);
  expect(read.output).toEqual(response.output);
});

test('a stream: each delta carries its chunk\'s tokens, .done all of them (no bytes), and the last Response the part\'s', async () => {
  const stream = await setup.openai.responses.create({ model: 'classifier', input, include: INCLUDE, top_logprobs: 2, stream: true });
  const deltas: OpenAI.Responses.ResponseTextDeltaEvent[] = [];
  let done: OpenAI.Responses.ResponseTextDoneEvent | undefined;
  let completed: OpenAI.Responses.Response | undefined;
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') deltas.push(event);
    if (event.type === 'response.output_text.done') done = event;
    if (event.type === 'response.completed') completed = event.response;
  }
  expect(deltas.map(({ delta, logprobs }) => [delta, logprobs.map((token) => token.token)])).toEqual([
    ['Né', ['Né']],
    ['gatif ☕', ['gatif', ' ☕']],
  ]);
  expect(deltas[1].logprobs[1]).toEqual({ token: ' ☕', logprob: -2.2053719, top_logprobs: [{ token: '.', logprob: -0.11700612 }, { token: ' ☕', logprob: -2.2053719 }] });
  expect(done?.logprobs).toEqual(deltas.flatMap((delta) => delta.logprobs));
  const part = (completed?.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0] as OpenAI.Responses.ResponseOutputText;
  expect(part.logprobs?.map(({ token, bytes }) => [token, bytes])).toEqual([
    ['Né', [78, 195, 169]],
    ['gatif', [103, 97, 116, 105, 102]],
    [' ☕', [32, 226, 152, 149]],
  ]);
});

test('top_logprobs without the include asks for nothing, as on OpenAI: neither field is sent, and the part has an empty logprobs list, kept so', async () => {
  setup.upstreams.openai.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
  const response = await setup.openai.responses.create({ model: 'classifier', input, top_logprobs: 2 });
  const body = setup.upstreams.openai.requests[0].body as Record<string, unknown>;
  expect([body.logprobs, body.top_logprobs]).toEqual([undefined, undefined]);
  const partOf = (answer: OpenAI.Responses.Response) => (answer.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0];
  expect(partOf(response)).toEqual({ type: 'output_text', text: response.output_text, annotations: [], logprobs: [] });
  expect(partOf(await setup.openai.responses.retrieve(response.id))).toEqual(partOf(response));
});

test('a stream without the include: every output_text part, as each event gives it, has an empty logprobs list, as OpenAI\'s', async () => {
  setup.upstreams.openai.setHandler((_request, response) => sendStream(response, readFixture('openai', 'chat.stream.sse')));
  const stream = await setup.openai.responses.create({ model: 'classifier', input, stream: true });
  const parts: unknown[] = [];
  for await (const event of stream) {
    if (event.type === 'response.content_part.added' || event.type === 'response.content_part.done') parts.push(event.part);
    if (event.type === 'response.output_item.done' && event.item.type === 'message') parts.push(...event.item.content);
    if (event.type === 'response.completed') parts.push(...event.response.output.flatMap((item) => (item.type === 'message' ? item.content : [])));
  }
  expect(parts).toHaveLength(4);
  expect(parts.map((part) => (part as { logprobs?: unknown }).logprobs)).toEqual([[], [], [], []]);
});

test('a provider that cannot give them: a 400 naming the include value that asked, before the vendor is called', async () => {
  expect(await openaiErrorOf(setup.openai.responses.create({ model: 'claude', input, include: ['reasoning.encrypted_content', ...INCLUDE] }))).toEqual({
    status: 400,
    error: { message: "The parameter 'include[1] (message.output_text.logprobs)' is not supported by Anthropic.", type: 'invalid_request_error', param: 'include[1]', code: 'invalid_value' },
  });
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});
