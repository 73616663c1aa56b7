/**
 * What a plugin's answers become for clients, as plugin authors write them: a method without
 * `async` returning its answer, and float vectors for embeddings read by the official openai client
 * (which asks for `encoding_format: "base64"` unless told otherwise, and decodes the answer).
 */
import OpenAI from 'openai';
import { startPluginGateway } from '../support/plugin-gateway';

const PLUGIN = `'use strict';
module.exports = {
  displayName: 'Plain',
  endpointTypes: ['llm/v1/chat', 'llm/v1/embeddings'],
  createEndpoint(settings) {
    return {
      chat() {
        return {
          id: 'plain-1', object: 'chat.completion', created: 1, model: 'plain',
          choices: [{ index: 0, message: { role: 'assistant', content: 'no async here', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
        };
      },
      async embeddings(request) {
        const texts = Array.isArray(request.input) ? request.input : [request.input];
        // The model 'honours-format' encodes itself, as a plugin in front of an OpenAI-shaped vendor would pass on its answer.
        const asked = settings.modelName === 'honours-format' && request.encoding_format === 'base64';
        const data = texts.map((text, index) => ({ object: 'embedding', index, embedding: asked ? 'AACAPwAAAEA=' : [0.5, -2, text.length] }));
        return {
          object: 'list', model: 'plain',
          // The model 'last-first' lists its entries from the last input's, each with its input's index, as OpenAI says an answer may.
          data: settings.modelName === 'last-first' ? data.reverse() : data,
          usage: { prompt_tokens: texts.length, total_tokens: texts.length },
        };
      },
    };
  },
};
`;

const ENDPOINTS = `  - { name: talk, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }
  - { name: vectors, endpoint_type: llm/v1/embeddings, model: { provider: fake, name: floats } }
  - { name: encoded, endpoint_type: llm/v1/embeddings, model: { provider: fake, name: honours-format } }
  - { name: last-first, endpoint_type: llm/v1/embeddings, model: { provider: fake, name: last-first } }
`;

describe('plugin answers as clients read them', () => {
  let gateway: Awaited<ReturnType<typeof startPluginGateway>>;
  let openai: OpenAI;

  beforeAll(async () => {
    gateway = await startPluginGateway(PLUGIN, ENDPOINTS);
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });

  afterAll(async () => {
    await gateway.close();
  });

  test('a chat method written without async (returning the answer itself) answers on both routes', async () => {
    const mlflow = await fetch(`${gateway.url}/endpoints/talk/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect({ status: mlflow.status, content: ((await mlflow.json()) as { choices?: { message: { content: string } }[] }).choices?.[0].message.content }).toEqual({
      status: 200,
      content: 'no async here',
    });
    const completion = await openai.chat.completions.create({ model: 'talk', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0].message.content).toBe('no async here');
  });

  test("the openai client's embeddings (base64 by default) get the plugin's float vectors", async () => {
    const answer = await openai.embeddings.create({ model: 'vectors', input: ['a', 'abc'] });
    expect(answer.data.map((item) => item.embedding)).toEqual([
      [0.5, -2, 1],
      [0.5, -2, 3],
    ]);
  });

  test('floats asked for are floats; a plugin that encodes itself is passed on as it answered', async () => {
    const floats = await openai.embeddings.create({ model: 'vectors', input: 'ab', encoding_format: 'float' });
    expect(floats.data[0].embedding).toEqual([0.5, -2, 2]);
    const encoded = await openai.embeddings.create({ model: 'encoded', input: 'ab' });
    expect(encoded.data[0].embedding).toEqual([1, 2]);
  });

  test('entries a plugin lists out of order reach the client in input order, on both routes', async () => {
    const answer = await openai.embeddings.create({ model: 'last-first', input: ['a', 'ab', 'abc'], encoding_format: 'float' });
    expect(answer.data.map((item) => [item.index, item.embedding])).toEqual([
      [0, [0.5, -2, 1]],
      [1, [0.5, -2, 2]],
      [2, [0.5, -2, 3]],
    ]);
    const mlflow = await fetch(`${gateway.url}/endpoints/last-first/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: ['abc', 'a'] }),
    });
    const body = (await mlflow.json()) as { data: { index: number; embedding: number[] }[] };
    expect({ status: mlflow.status, data: body.data.map((item) => [item.index, item.embedding]) }).toEqual({ status: 200, data: [[0, [0.5, -2, 3]], [1, [0.5, -2, 1]]] });
  });
});
