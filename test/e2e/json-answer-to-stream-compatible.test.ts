/**
 * Mistral, Together AI and TGI speak OpenAI's wire format: a server of theirs that ignores
 * `stream: true` (a self-hosted TGI or vLLM behind their base URL, a proxy, a deployment with
 * streaming off) and answers a normal JSON completion has that answer streamed to the client, as for
 * `openai` endpoints (json-answer-to-stream.test.ts), not a 502. These vendors' streams always report
 * usage: the answer's usage is counted, and sent to a client that asked for it. Over real HTTP: a
 * fake upstream per vendor on 127.0.0.1, the official OpenAI client against `/v1`.
 */
import type OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const VENDORS = ['mistral', 'togetherai', 'huggingface-text-generation-inference'] as const;
type Vendor = (typeof VENDORS)[number];

interface Answer {
  choices: { message?: { content: string }; text?: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

const CHAT_ANSWERS: Record<Vendor, Answer> = {
  mistral: readJsonFixture('mistral', 'chat.response.json') as Answer,
  togetherai: readJsonFixture('togetherai', 'chat.response.json') as Answer,
  'huggingface-text-generation-inference': readJsonFixture('huggingface-text-generation-inference', 'chat.response.json') as Answer,
};

const upstreams = {} as Record<Vendor, FakeUpstream>;
let gateway: RunningGateway;
let openai: OpenAI;

function endpoint(name: string, vendor: Vendor, type: string): string {
  const url = upstreams[vendor].url;
  const model = {
    mistral: `{ provider: mistral, name: mistral-large-latest, config: { mistral_api_key: sk-test, mistral_api_base: "${url}/v1" } }`,
    togetherai: `{ provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: sk-test, togetherai_api_base: "${url}/v1" } }`,
    'huggingface-text-generation-inference': `{ provider: huggingface-text-generation-inference, config: { hf_server_url: "${url}" } }`,
  }[vendor];
  return `
  - name: ${name}
    endpoint_type: ${type}
    model: ${model}`;
}

beforeAll(async () => {
  for (const vendor of VENDORS) upstreams[vendor] = await startFakeUpstream((_request, response) => sendJson(response, 200, CHAT_ANSWERS[vendor]));
  const chats = VENDORS.map((vendor) => endpoint(`${vendor}-chat`, vendor, 'llm/v1/chat')).join('');
  const completions = endpoint('mistral-completions', 'mistral', 'llm/v1/completions') + endpoint('togetherai-completions', 'togetherai', 'llm/v1/completions');
  gateway = await startGateway(`endpoints:${chats}${completions}\n`);
  openai = openaiClientFor(gateway);
});

beforeEach(() => {
  for (const vendor of VENDORS) {
    upstreams[vendor].requests.length = 0;
    upstreams[vendor].setHandler((_request, response) => sendJson(response, 200, CHAT_ANSWERS[vendor]));
  }
});

afterAll(async () => {
  await gateway.close();
  await Promise.all(VENDORS.map((vendor) => upstreams[vendor].close()));
});

async function chatChunks(model: string, body: Record<string, unknown> = {}): Promise<OpenAI.ChatCompletionChunk[]> {
  const stream = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Un café ?' }], ...body, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe.each(VENDORS)('%s chat', (vendor) => {
  test('a chat completion becomes a stream: role and content, then the finish; the server is asked once', async () => {
    const chunks = await chatChunks(`${vendor}-chat`);
    expect(chunks.map((chunk) => chunk.choices.map(({ delta, finish_reason }) => ({ role: delta.role ?? null, content: delta.content ?? null, finish_reason })))).toEqual([
      [{ role: 'assistant', content: CHAT_ANSWERS[vendor].choices[0].message!.content, finish_reason: null }],
      [{ role: null, content: null, finish_reason: 'stop' }],
    ]);
    expect(upstreams[vendor].requests).toHaveLength(1);
    expect(upstreams[vendor].requests[0].body).toMatchObject({ stream: true });
  });

  test('a client that asked for usage gets it last', async () => {
    const chunks = await chatChunks(`${vendor}-chat`, { stream_options: { include_usage: true } });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: CHAT_ANSWERS[vendor].usage });
  });
});

test.each([
  ['mistral', CHAT_ANSWERS.mistral, CHAT_ANSWERS.mistral.choices[0].message!.content, 'stop'],
  ['togetherai', readJsonFixture('togetherai', 'completions.response.json') as Answer, '\nThis is indeed a test of the café menu', 'length'],
] as const)('%s completions: the answer becomes a stream of text chunks', async (vendor, answer, text, finish) => {
  upstreams[vendor].setHandler((_request, response) => sendJson(response, 200, answer));
  const stream = await openai.completions.create({ model: `${vendor}-completions`, prompt: 'This is a test', max_tokens: 10, stream: true });
  const texts: string[] = [];
  let finishReason: string | null = null;
  for await (const chunk of stream) {
    texts.push(chunk.choices[0]?.text ?? '');
    finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
  }
  expect({ text: texts.join(''), finish: finishReason }).toEqual({ text, finish });
});

test("a JSON error in a 200 stays an error (Mistral's own error object): a 502 with its message", async () => {
  upstreams.mistral.setHandler((_request, response) => sendJson(response, 200, { object: 'error', message: 'Service tier capacity exceeded for this model.', type: 'service_tier_capacity_exceeded', code: '3505' }));
  const error = await chatChunks('mistral-chat').catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 502, message: expect.stringContaining('Service tier capacity exceeded for this model.') });
});
