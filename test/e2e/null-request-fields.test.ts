/**
 * Null request fields: the gateway drops a null-valued field before validation (null counts as
 * absent, as in MLflow), so an optional field sent as null (as OpenAI's and Python clients do) is
 * accepted, while a required field or a list item sent as null is still refused. The served spec
 * says the same (the SDK's types come from it), on the fast path and on the Express routes alike.
 */
import Ajv2020 from 'ajv/dist/2020';
import { createGatewayClient, type ChatRequest, type CompletionsRequest } from '../../src/client';
import { startGateway, type RunningGateway } from '../support/gateway';

const CONFIG = `endpoints:
${['chat', 'completions', 'embeddings'].map((type) => `  - { name: ${type}, endpoint_type: llm/v1/${type}, model: { provider: mock } }`).join('\n')}
`;

const SAMPLING_NULLS = { temperature: null, top_p: null, n: null, stop: null, max_tokens: null, stream: null, stream_options: null };
const chatWithNulls: ChatRequest = { messages: [{ role: 'user', content: 'hello', name: null }], ...SAMPLING_NULLS, tools: null, tool_choice: null };
// A null tool_choice is no choice: the mock calls the tool, as without one (it does not with "none").
const toolsWithNulls: ChatRequest = { messages: [{ role: 'user', content: 'hello' }], tools: [{ type: 'function', function: { name: 'lookup', description: null, parameters: null } }], tool_choice: null };
const completionsWithNulls: CompletionsRequest = { prompt: 'hello', ...SAMPLING_NULLS };

/** Bodies with nulls the gateway refuses, each with its endpoint, the schema it breaks and the error's message. */
const REFUSED = [
  { endpoint: 'chat', schema: 'ChatRequest', body: { messages: null }, message: 'messages: is required' },
  { endpoint: 'chat', schema: 'ChatRequest', body: { messages: [{ role: 'user', content: 'x' }], stop: ['\n', null] }, message: 'stop[1]: must be string' },
  { endpoint: 'chat', schema: 'ChatRequest', body: { messages: [{ role: 'user', content: 'x' }], tools: [null] }, message: 'tools[0]: must be object' },
  { endpoint: 'completions', schema: 'CompletionsRequest', body: { prompt: null, max_tokens: null }, message: 'prompt: is required' },
  { endpoint: 'embeddings', schema: 'EmbeddingsRequest', body: { input: null }, message: 'input: is required' },
];

describe.each([
  ['the fast path', false],
  ['the Express routes', true],
])('on %s', (_path, validateResponses) => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(CONFIG, { validateResponses });
  });
  afterAll(() => gateway.close());

  test('optional fields sent as null count as absent (the SDK types them as it sends them)', async () => {
    const client = createGatewayClient({ baseUrl: gateway.url });
    expect((await client.chat('chat', chatWithNulls)).choices[0].message.content).toBe('Echo: hello');
    expect((await client.chat('chat', toolsWithNulls)).choices[0].finish_reason).toBe('tool_calls');
    expect((await client.completions('completions', completionsWithNulls)).choices[0].text).toBe('Echo: hello');
  });

  test.each(REFUSED)('a required field or a list item sent as null is still a 422: $message', async ({ endpoint, body, message }) => {
    const response = await fetch(`${gateway.url}/endpoints/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toBe(message);
  });
});

test("the served spec accepts the nulls the gateway accepts and refuses those it refuses (the docs page's and the SDK's source)", async () => {
  const gateway = await startGateway(CONFIG);
  try {
    const document = (await (await fetch(`${gateway.url}/openapi.json`)).json()) as { components: { schemas: Record<string, unknown> } };
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'served', components: document.components });
    const validates = (schema: string, body: unknown) => ajv.getSchema(`served#/components/schemas/${schema}`)!(body);
    expect([validates('ChatRequest', chatWithNulls), validates('ChatRequest', toolsWithNulls), validates('CompletionsRequest', completionsWithNulls)]).toEqual([true, true, true]);
    expect(REFUSED.map(({ schema, body }) => validates(schema, body))).toEqual(REFUSED.map(() => false));
  } finally {
    await gateway.close();
  }
});
