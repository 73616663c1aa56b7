/**
 * Token log probabilities through the gateway (classification confidence, token highlighting):
 * the official OpenAI client asks for `logprobs` / `top_logprobs` and reads
 * `choices[0].logprobs.content[0].top_logprobs` on `/v1/chat/completions` and on the MLflow route
 * `/endpoints/{name}/invocations`, in answers and stream chunks, for OpenAI and Azure OpenAI;
 * completions' legacy `logprobs` object too. The gateway validates every answer against openapi/.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const isStream = (request: RecordedRequest) => (request.body as { stream?: boolean } | undefined)?.stream === true;

/** Chat and completions fixtures with logprobs, by the path asked for. */
function serveLogprobs(request: RecordedRequest, response: ServerResponse): void {
  const kind = request.url.includes('/chat/completions') ? 'chat' : 'completions';
  if (isStream(request)) sendStream(response, readFixture('openai', `${kind}-logprobs.stream.sse`));
  else sendJson(response, 200, readJsonFixture('openai', `${kind}-logprobs.response.json`));
}

const setup = useGatewayWithUpstreams({
  upstreams: { openai: serveLogprobs },
  config: (urls) => `
endpoints:
  - name: classifier
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } }
  - name: azure-classifier
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      config: { openai_api_type: azure, openai_api_key: azure-key, openai_api_base: "${urls.openai}", openai_deployment_name: gpt-4o-mini, openai_api_version: "2024-10-21" }
  - name: instruct
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: gpt-3.5-turbo-instruct, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } }
`,
  validateResponses: true,
});

const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Sentiment de « Quel bon café ! » ?' }];
const FIRST_TOKEN_ALTERNATIVES = [
  { token: 'Pos', logprob: -0.0017429317, bytes: [80, 111, 115] },
  { token: 'Né', logprob: -6.6267433, bytes: [78, 195, 169] },
];

/** The official client on the gateway's root, to call the MLflow route with its generic `post`. */
const mlflowClient = () => new OpenAI({ apiKey: 'client-side-key-unused', baseURL: setup.gateway.url, maxRetries: 0 });

describe.each(['classifier', 'azure-classifier'])('chat endpoint %s', (endpoint) => {
  test('/v1/chat/completions: the answer carries logprobs.content[].top_logprobs; the request asked the vendor for them', async () => {
    const completion = await setup.openai.chat.completions.create({ model: endpoint, messages, logprobs: true, top_logprobs: 2 });
    expect(completion.choices[0].logprobs?.content?.[0].top_logprobs).toEqual(FIRST_TOKEN_ALTERNATIVES);
    expect(completion.choices[0].logprobs?.content?.map((token) => token.token)).toEqual(['Pos', 'itif']);
    expect(completion.choices[0].message.content).toBe('Positif');
    expect(setup.upstreams.openai.requests[0].body).toMatchObject({ logprobs: true, top_logprobs: 2 });
  });

  test('/v1/chat/completions stream: each chunk carries the logprobs of its tokens', async () => {
    const stream = await setup.openai.chat.completions.create({ model: endpoint, messages, logprobs: true, top_logprobs: 2, stream: true });
    const tokens: OpenAI.Chat.Completions.ChatCompletionTokenLogprob[] = [];
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      tokens.push(...(chunk.choices[0]?.logprobs?.content ?? []));
    }
    expect(text).toBe('Négatif ☕');
    expect(tokens.map((token) => token.token)).toEqual(['Né', 'gatif', ' ☕']);
    expect(tokens[0].top_logprobs.map((alternative) => alternative.token)).toEqual(['Né', 'Pos']);
  });

  test('the MLflow route /endpoints/{name}/invocations: the same logprobs', async () => {
    const completion = await mlflowClient().post<OpenAI.Chat.Completions.ChatCompletion>(`/endpoints/${endpoint}/invocations`, { body: { messages, logprobs: true, top_logprobs: 2 } });
    expect(completion.choices[0].logprobs?.content?.[0].top_logprobs).toEqual(FIRST_TOKEN_ALTERNATIVES);
  });
});

test('an answer without logprobs keeps its former shape: no logprobs key on the choice', async () => {
  setup.upstreams.openai.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
  const completion = await setup.openai.chat.completions.create({ model: 'classifier', messages });
  expect(Object.keys(completion.choices[0])).toEqual(['index', 'message', 'finish_reason']);
});

test("/v1/completions with logprobs: N: the legacy object (tokens, token_logprobs, top_logprobs, text_offset), answers and chunks", async () => {
  const completion = await setup.openai.completions.create({ model: 'instruct', prompt: 'Un petit déjeuner avec un', max_tokens: 2, logprobs: 2 });
  expect(completion.choices[0].logprobs).toEqual({
    tokens: [' caf', 'é'],
    token_logprobs: [-0.42151612, -0.000003695488],
    top_logprobs: [{ ' caf': -0.42151612, ' thé': -1.2965161 }, { é: -0.000003695488, e: -12.875004 }],
    text_offset: [22, 26],
  });
  expect(setup.upstreams.openai.requests[0].body).toMatchObject({ logprobs: 2 });
  const stream = await setup.openai.completions.create({ model: 'instruct', prompt: 'Un petit déjeuner avec un', max_tokens: 2, logprobs: 2, stream: true });
  const tokens: string[] = [];
  for await (const chunk of stream) tokens.push(...(chunk.choices[0]?.logprobs?.tokens ?? []));
  expect(tokens).toEqual([' caf', 'é']);
});

describe('providers that cannot return logprobs refuse them before calling the vendor', () => {
  const never = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } });
  const others = useGatewayWithUpstreams({
    upstreams: { vendor: never },
    config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.vendor}/v1" } } }
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r, config: { cohere_api_key: co-test, cohere_api_base: "${urls.vendor}/v1" } } }
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-small-latest, config: { mistral_api_key: mi-test, mistral_api_base: "${urls.vendor}/v1" } } }
  - { name: bedrock, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(urls.vendor)} } } }
`,
  });

  // Gemini maps them (gemini-provider.test.ts).
  test.each(['claude', 'cohere', 'mistral', 'bedrock'])('%s: a 400 naming logprobs, then top_logprobs', async (endpoint) => {
    for (const [parameter, extra] of [['logprobs', { logprobs: true }], ['top_logprobs', { top_logprobs: 2 }]] as const) {
      const refusal = await others.openai.chat.completions.create({ model: endpoint, messages, ...extra }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(OpenAI.BadRequestError);
      expect((refusal as InstanceType<typeof OpenAI.BadRequestError>).message).toContain(`'${parameter}'`);
    }
    expect(others.upstreams.vendor.requests).toHaveLength(0);
  });
});
