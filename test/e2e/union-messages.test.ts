/**
 * A field whose value no member of its union takes (prompt, embeddings input, message content, stop,
 * tool_choice, the Responses API's input and text.format) is a 400 naming the field and what it takes,
 * and embeddings input holding an empty text or list is refused as OpenAI's API refuses it
 * (https://platform.openai.com/docs/api-reference/embeddings/create: "cannot be an empty string, and
 * any array must be 2048 dimensions or less"), a 422 on the MLflow route; nothing reaches the upstream.
 */
import type OpenAI from 'openai';
import { openaiErrorOf } from '../support/errors';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const EMBEDDINGS = readJsonFixture('openai', 'embeddings.response.json');

const setup = useGatewayWithUpstreams({
  upstreams: { openai: (_request, response) => sendJson(response, 200, EMBEDDINGS) },
  config: (urls) => `
endpoints:
  - { name: embeddings, endpoint_type: llm/v1/embeddings, model: { provider: openai, name: text-embedding-3-small, config: { openai_api_key: sk-unions, openai_api_base: "${urls.openai}/v1" } } }
  - { name: completions, endpoint_type: llm/v1/completions, model: { provider: openai, name: gpt-3.5-turbo-instruct, config: { openai_api_key: sk-unions, openai_api_base: "${urls.openai}/v1" } } }
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-unions, openai_api_base: "${urls.openai}/v1" } } }
`,
});
const { upstreams } = setup;

const refusal = (param: string, rule: string) => ({ status: 400, error: { message: `${param}: ${rule}`, type: 'invalid_request_error', param, code: 'invalid_body' } });

const ITEM_KINDS = '(a list holds only non-empty strings, only token ids (integers) or only non-empty arrays of token ids (integers))';

test.each<[unknown, string, string]>([
  ['', 'input', 'must not be an empty string'],
  [[], 'input', 'must not be an empty list'],
  [[''], 'input[0]', 'must not be an empty string'],
  [['a', ''], 'input[1]', 'must not be an empty string'],
  [[[]], 'input[0]', 'must not be an empty list'],
  [[[1, 2], []], 'input[1]', 'must not be an empty list'],
  [['a', []], 'input[1]', `must be a non-empty string like the items before it ${ITEM_KINDS}`],
  [[true], 'input[0]', 'must be a non-empty string, a token id (integer) or a non-empty array of token ids (integers)'],
])('embeddings input %j: a 400 on %s, nothing sent', async (input, param, rule) => {
  const body = { model: 'embeddings', input } as unknown as OpenAI.EmbeddingCreateParams;
  expect(await openaiErrorOf(setup.openai.embeddings.create(body))).toEqual(refusal(param, rule));
  expect(upstreams.openai.requests).toHaveLength(0);
});

test('the MLflow embeddings route refuses empty inputs with its 422 and issue list; texts are still sent', async () => {
  const post = (input: unknown) => fetch(`${setup.gateway.url}/endpoints/embeddings/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  for (const [input, message] of [
    [[], 'input: must not be an empty list'],
    [[''], 'input[0]: must not be an empty string'],
    [[[]], 'input[0]: must not be an empty list'],
  ] as const) {
    const response = await post(input);
    const body = (await response.json()) as { message: string; detail: { loc: unknown[] }[] };
    expect({ status: response.status, message: body.message }).toEqual({ status: 422, message });
    expect(body.detail[0].loc[0]).toBe('body');
  }
  expect(upstreams.openai.requests).toHaveLength(0);
  // The fixture's answer holds two vectors.
  expect((await post(['a', 'b'])).status).toBe(200);
  expect(upstreams.openai.requests.map((request) => (request.body as { input: unknown }).input)).toEqual([['a', 'b']]);
});

test('completions prompt: a list mixing kinds, and a value of no kind, say what prompt takes', async () => {
  const create = (prompt: unknown) => setup.openai.completions.create({ model: 'completions', prompt } as unknown as OpenAI.CompletionCreateParamsNonStreaming);
  expect(await openaiErrorOf(create(['a', []]))).toEqual(
    refusal('prompt[1]', 'must be a string like the items before it (a list holds only strings, only token ids (integers) or only non-empty arrays of token ids (integers))'),
  );
  expect(await openaiErrorOf(create(5))).toEqual(
    refusal('prompt', 'must be a string, a non-empty array of strings, a non-empty array of token ids (integers) or a non-empty array of non-empty arrays of token ids (integers)'),
  );
  expect(upstreams.openai.requests).toHaveLength(0);
});

const PARTS = '(type "text", "image_url", "input_audio" or "file")';

test.each<[string, Record<string, unknown>, string, string]>([
  ['content of no kind', { messages: [{ role: 'user', content: 5 }] }, 'messages[0].content', `must be a string, an array of objects ${PARTS} or null`],
  ['content parts given as strings', { messages: [{ role: 'user', content: ['hi'] }] }, 'messages[0].content[0]', `must be an object ${PARTS}`],
  ['stop of no kind', { stop: 5 }, 'stop', 'must be a string, a non-empty array of strings or null'],
  ['tool_choice of no kind', { tool_choice: 5 }, 'tool_choice', 'must be a string, an object or null'],
])('chat %s: a 400 naming the field and what it takes', async (_what, fields, param, rule) => {
  const body = { model: 'chat', messages: [{ role: 'user', content: 'hi' }], ...fields } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
  expect(await openaiErrorOf(setup.openai.chat.completions.create(body))).toEqual(refusal(param, rule));
  expect(upstreams.openai.requests).toHaveLength(0);
});

test.each<[string, Record<string, unknown>, string, string]>([
  ['input of no kind', { input: 5 }, 'input', 'must be a string or a non-empty array of objects (type "message", "function_call", "function_call_output", "reasoning", "web_search_call" or "item_reference")'],
  ['text.format of no kind', { text: { format: 'json' } }, 'text.format', 'must be an object (type "text", "json_object" or "json_schema")'],
  [
    'tool_choice of no kind',
    { tool_choice: 5 },
    'tool_choice',
    'must be a string ("auto", "none" or "required"), an object (type "function", "web_search", "web_search_2025_08_26", "web_search_preview" or "web_search_preview_2025_03_11") or null',
  ],
])('responses %s: a 400 naming the field and what it takes', async (_what, fields, param, rule) => {
  const body = { model: 'chat', input: 'hi', ...fields } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
  expect(await openaiErrorOf(setup.openai.responses.create(body))).toEqual(refusal(param, rule));
  expect(upstreams.openai.requests).toHaveLength(0);
});
