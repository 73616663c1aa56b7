/**
 * A plugin's usage as many vendors report it, input and output counts without a total: the gateway
 * adds the total up, so that clients, the audit line and token limits get it (before, a plugin
 * endpoint's `limit.tokens` never refused anything).
 */
import { captureLog, waitForLogLine } from '../support/log-capture';
import { startPluginGateway } from '../support/plugin-gateway';

const PLUGIN = `'use strict';
module.exports = {
  displayName: 'Counts',
  endpointTypes: ['llm/v1/chat', 'llm/v1/embeddings'],
  createEndpoint() {
    const base = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'counts' };
    return {
      async chat() {
        return { id: 'c1', object: 'chat.completion', created: 1, model: 'counts',
          choices: [{ index: 0, message: { role: 'assistant', content: 'ok', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 20 } };
      },
      async *chatStream(request) {
        if (request.messages[0].content === 'prompt first') {
          // The prompt's usage first, as some servers send it; then 40 characters (10 tokens) and a cut.
          yield { ...base, choices: [], usage: { prompt_tokens: 10 } };
          yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: 'x'.repeat(40), tool_calls: null }, finish_reason: null }] };
          throw new Error('connection reset');
        }
        yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: 'ok', tool_calls: null }, finish_reason: 'stop' }] };
        yield { ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: null } };
      },
      async embeddings() {
        return { object: 'list', model: 'counts', data: [{ object: 'embedding', index: 0, embedding: [0.5] }], usage: { prompt_tokens: 5 } };
      },
    };
  },
};
`;

// 25 tokens a minute: the first answer (30 tokens) is served, the next ones are refused.
const LIMIT = 'limit: { renewal_period: minute, tokens: 25 }';
const ENDPOINTS = `  - { name: talk, endpoint_type: llm/v1/chat, model: { provider: fake, name: m }, ${LIMIT} }
  - { name: streamed, endpoint_type: llm/v1/chat, model: { provider: fake, name: m }, ${LIMIT} }
  - { name: prompt-first, endpoint_type: llm/v1/chat, model: { provider: fake, name: m }, limit: { renewal_period: minute, tokens: 1000 } }
  - { name: vectors, endpoint_type: llm/v1/embeddings, model: { provider: fake, name: e } }
`;

const chatBody = (stream: boolean) => ({ messages: [{ role: 'user', content: 'hi' }], stream });

async function post(url: string, body: object): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

/** The statuses of calls to `url` until one is refused (counting tokens may finish after the answer is sent) or 3 s pass. */
async function statusesUntilRefused(url: string, body: object): Promise<number[]> {
  const statuses: number[] = [];
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && !statuses.includes(429)) statuses.push((await post(url, body)).status);
  return statuses;
}

describe('a plugin usage without total_tokens', () => {
  let gateway: Awaited<ReturnType<typeof startPluginGateway>>;
  const { lines, logger } = captureLog('info');

  beforeAll(async () => {
    gateway = await startPluginGateway(PLUGIN, ENDPOINTS, logger);
  });

  afterAll(async () => {
    await gateway.close();
  });

  test('an answer gets the total, and the endpoint token limit counts it', async () => {
    const first = await post(`${gateway.url}/endpoints/talk/invocations`, chatBody(false));
    expect(JSON.parse(first.text).usage).toEqual({ prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 });
    expect(await statusesUntilRefused(`${gateway.url}/endpoints/talk/invocations`, chatBody(false))).toContain(429);
  });

  test("a stream's usage chunk gets the total, and the endpoint token limit counts it (also when kept from a client that did not ask for it)", async () => {
    const first = await post(`${gateway.url}/endpoints/streamed/invocations`, { ...chatBody(true), stream_options: { include_usage: true } });
    expect(first.text).toContain('"usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30}');
    expect(await statusesUntilRefused(`${gateway.url}/endpoints/streamed/invocations`, chatBody(true))).toContain(429);
  });

  test("a chat stream's usage with prompt_tokens alone keeps a null total, so a stream cut after it counts that prompt plus the estimate of what it generated", async () => {
    const from = lines.length;
    const body = { messages: [{ role: 'user', content: 'prompt first' }], stream: true, stream_options: { include_usage: true } };
    const cut = await post(`${gateway.url}/endpoints/prompt-first/invocations`, body);
    expect(cut.text).toContain('"usage":{"prompt_tokens":10,"completion_tokens":null,"total_tokens":null}');
    const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'prompt-first' && entry.msg === 'request', { from });
    expect(line).toMatchObject({ prompt_tokens: 10, completion_tokens: 10, total_tokens: 20, tokens_estimated: true });
  });

  test('embeddings: the total is the prompt count, as OpenAI reports it', async () => {
    const answer = await post(`${gateway.url}/v1/embeddings`, { model: 'vectors', input: 'a', encoding_format: 'float' });
    expect(JSON.parse(answer.text).usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
  });
});
