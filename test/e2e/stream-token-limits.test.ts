/**
 * Token limits on streams. OpenAI's API (and the servers that follow it) reports a stream's usage
 * only with `stream_options.include_usage`, so a stream whose client did not ask counted no tokens,
 * and any client could spend past an endpoint's or its key's token limit. Under a token limit the
 * gateway asks for the usage itself and keeps that chunk from the client, which did not ask for it.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const PLAIN_KEY = 'sk-gateway-plain-test-key';
const METERED_KEY = 'sk-gateway-metered-test-key';

function chunk(fields: Record<string, unknown>): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1748251380, model: 'gpt-4o-mini', ...fields })}\n\n`;
}

/** OpenAI's stream: the usage chunk (no choices) only when the request asked for it. */
function openaiStream(request: RecordedRequest, response: ServerResponse): void {
  const asked = (request.body as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage === true;
  const usage = { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 };
  sendStream(
    response,
    chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: 'Bonjour' }, finish_reason: null }] }) +
      chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
      (asked ? chunk({ choices: [], usage }) : '') +
      'data: [DONE]\n\n',
  );
}

/** Mistral's API behind `openai_api_base`: its strict schema refuses `stream_options` (422 `extra_forbidden`). */
function strictStream(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream_options?: unknown }).stream_options === undefined) return openaiStream(request, response);
  sendJson(response, 422, {
    object: 'error',
    message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'stream_options'], msg: 'Extra inputs are not permitted', input: { include_usage: true } }] },
    type: 'invalid_request_error',
    param: null,
    code: null,
  });
}

const model = (name: string, url: string, extra = '') =>
  `{ provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${url}/v1"${extra} } }`;

const setup = useGatewayWithUpstreams({
  upstreams: { openai: openaiStream, azure: openaiStream, strict: strictStream },
  config: (urls) => `
endpoints:
  - { name: limited, endpoint_type: llm/v1/chat, model: ${model('limited', urls.openai)}, limit: { renewal_period: minute, tokens: 50 } }
  - { name: free, endpoint_type: llm/v1/chat, model: ${model('free', urls.openai)} }
  - { name: strict, endpoint_type: llm/v1/chat, model: ${model('strict', urls.strict)}, limit: { renewal_period: minute, tokens: 50 } }
  - name: azure-old
    endpoint_type: llm/v1/chat
    model: { provider: openai, config: { openai_api_type: azure, openai_api_key: az-test, openai_api_base: "${urls.azure}", openai_deployment_name: gpt4o, openai_api_version: "2023-05-15" } }
    limit: { renewal_period: minute, tokens: 50 }
  - { name: mock-limited, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { renewal_period: minute, tokens: 1 } }
  - { name: mock-roomy, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { renewal_period: minute, tokens: 100000 } }
auth:
  api_keys:
    - { name: plain, key: ${PLAIN_KEY} }
    - { name: metered, key: ${METERED_KEY}, limit: { renewal_period: minute, tokens: 50 } }
`,
});

const client = (key: string) => new OpenAI({ baseURL: `${setup.gateway.url}/v1`, apiKey: key, maxRetries: 0 });

async function streamChunks(name: string, extra: Record<string, unknown> = {}, key = PLAIN_KEY): Promise<OpenAI.ChatCompletionChunk[]> {
  const stream = await client(key).chat.completions.create({ model: name, messages: [{ role: 'user', content: 'Salut' }], stream: true, ...extra });
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const received of stream) chunks.push(received);
  return chunks;
}

const sentStreamOptions = (index: number, upstream: 'openai' | 'azure' | 'strict' = 'openai') =>
  (setup.upstreams[upstream].requests[index].body as { stream_options?: unknown }).stream_options;

test('an endpoint with a token limit: the gateway asks for the usage, counts it, and the client sees no usage chunk', async () => {
  const chunks = await streamChunks('limited');
  expect(sentStreamOptions(0)).toEqual({ include_usage: true });
  expect(chunks.map((received) => received.choices.length)).toEqual([1, 1]);
  expect(chunks.some((received) => received.usage)).toBe(false);
  // 42 of 50 tokens counted: the next request is still admitted, the one after it is refused.
  await streamChunks('limited');
  const refusal = await streamChunks('limited').catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
  expect((refusal as InstanceType<typeof OpenAI.RateLimitError>).message).toMatch(/Token limit exceeded: 50 tokens per 1 minute for endpoint 'limited' \(84 used\)/);
});

test('a client that asked for the usage gets its chunk, as before', async () => {
  const chunks = await streamChunks('mock-roomy', { stream_options: { include_usage: true } });
  expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
});

test('the mock provider, like OpenAI, reports usage only when asked: its token limit counts a stream that did not ask', async () => {
  const chunks = await streamChunks('mock-limited');
  expect(chunks.some((received) => received.choices.length === 0)).toBe(false);
  await expect(streamChunks('mock-limited')).rejects.toBeInstanceOf(OpenAI.RateLimitError);
});

test("without a token limit nothing is added; a client key's token limit asks for the usage on an endpoint without one", async () => {
  await streamChunks('free');
  expect(sentStreamOptions(0)).toBeUndefined();
  await streamChunks('free', {}, METERED_KEY);
  expect(sentStreamOptions(1)).toEqual({ include_usage: true });
  await streamChunks('free', {}, METERED_KEY);
  const refusal = await streamChunks('free', {}, METERED_KEY).catch((error: unknown) => error);
  expect((refusal as InstanceType<typeof OpenAI.RateLimitError>).message).toMatch(/Token limit exceeded: 50 tokens per 1 minute for client key 'metered' \(84 used\)/);
});

test('Azure OpenAI before API version 2024-09-01 refuses stream_options: nothing is added', async () => {
  await streamChunks('azure-old');
  expect(sentStreamOptions(0, 'azure')).toBeUndefined();
});

test('a server that refuses stream_options (Mistral behind openai_api_base) gets the request again without it: the stream is served, uncounted', async () => {
  const chunks = await streamChunks('strict');
  expect(chunks.map((received) => received.choices[0]?.delta.content ?? null)).toEqual(['Bonjour', null]);
  expect(sentStreamOptions(0, 'strict')).toEqual({ include_usage: true });
  expect(sentStreamOptions(1, 'strict')).toBeUndefined();
  expect(setup.upstreams.strict.requests).toHaveLength(2);
});
