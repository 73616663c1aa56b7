/**
 * `GET /v1/responses/{response_id}/input_items` with the official openai client
 * (`responses.inputItems.list`): the items the model was given for a kept response (the conversation
 * it continued, then its own input, references resolved), newest first by default, paged by `after`
 * as the client pages; the same 404 as GET for another key's or an unknown id; a bad query parameter
 * is a 400 naming it. And the store's metrics: the kept responses and their size, lookups by result.
 */
import OpenAI from 'openai';
import { keptResponseNotFound, openaiErrorOf } from '../support/errors';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { sample } from '../support/metrics';

const KEY_A = 'gw-key-a';
const KEY_B = 'gw-key-b';
const FIXTURE_TEXT = 'Bonjour ! Un café ? ☕ Je suis là pour aider.';

let upstream: FakeUpstream;
let gateway: RunningGateway;
let clientA: OpenAI;
let clientB: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  gateway = await startGateway(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }
auth:
  api_keys:
    - { name: a, key: ${KEY_A} }
    - { name: b, key: ${KEY_B} }
`);
  clientA = new OpenAI({ apiKey: KEY_A, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  clientB = new OpenAI({ apiKey: KEY_B, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

/** The id the gateway gives the input item at `index` of a response that was sent without one. */
const madeId = (prefix: string, responseId: string, index: number) => `${prefix}_${responseId.replace(/^resp_/, '')}_${index}`;

const userMessage = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

async function listAll(id: string, query: OpenAI.Responses.InputItemListParams = {}): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of clientA.responses.inputItems.list(id, query)) items.push(item);
  return items;
}

test("a continued response lists the conversation it continued, then its own input, newest first; the client's pages by `after` give the same items", async () => {
  const first = await clientA.responses.create({ model: 'chat', input: 'Hello' });
  const second = await clientA.responses.create({
    model: 'chat',
    previous_response_id: first.id,
    input: [
      { role: 'developer', content: 'Answer in French.' },
      // An item listed earlier, sent back with its id (the client's types have no id on an input message).
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Again' }], id: 'msg_client_own' } as OpenAI.Responses.ResponseInputItem,
    ],
  });
  const oldestFirst = [
    userMessage(madeId('msg', first.id, 0), 'Hello'),
    { type: 'message', id: first.output[0].id, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: FIXTURE_TEXT, annotations: [], logprobs: [] }] },
    { id: madeId('msg', second.id, 0), type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Answer in French.' }] },
    userMessage('msg_client_own', 'Again'),
  ];
  const page = await clientA.responses.inputItems.list(second.id);
  expect({ data: page.data, has_more: page.has_more }).toEqual({ data: [...oldestFirst].reverse(), has_more: false });
  const raw = await fetch(`${gateway.url}/v1/responses/${second.id}/input_items`, { headers: { authorization: `Bearer ${KEY_A}` } });
  expect(await raw.json()).toEqual({ object: 'list', data: [...oldestFirst].reverse(), first_id: 'msg_client_own', last_id: madeId('msg', first.id, 0), has_more: false });

  expect(await listAll(second.id, { limit: 1, order: 'asc' })).toEqual(oldestFirst);
  expect(await listAll(second.id, { limit: 3 })).toEqual([...oldestFirst].reverse());
  const afterSecond = await clientA.responses.inputItems.list(second.id, { order: 'asc', after: oldestFirst[1].id, limit: 1 });
  expect({ data: afterSecond.data, has_more: afterSecond.has_more }).toEqual({ data: [oldestFirst[2]], has_more: true });
  // The first response lists only its own input.
  expect(await listAll(first.id)).toEqual([oldestFirst[0]]);
});

test('an item_reference is listed as the item it named; a function call output sent without an id gets one', async () => {
  const first = await clientA.responses.create({ model: 'chat', input: 'Hello' });
  const reference = await clientA.responses.create({
    model: 'chat',
    input: [
      { type: 'item_reference', id: first.output[0].id! },
      { type: 'function_call_output', call_id: 'call_1', output: '{"temperature": 21}' },
    ],
  });
  expect(await listAll(reference.id, { order: 'asc' })).toEqual([
    first.output[0],
    { id: madeId('fco', reference.id, 1), type: 'function_call_output', call_id: 'call_1', output: '{"temperature": 21}' },
  ]);
});

test('an item of the conversation that the request names again (item_reference, or sent with its id) is listed once, where it first appears, and the model is given it once; items without an id are never merged', async () => {
  const first = await clientA.responses.create({ model: 'chat', input: [userMessage('msg_client_hello', 'Hello') as OpenAI.Responses.ResponseInputItem] });
  upstream.requests.length = 0;
  const second = await clientA.responses.create({
    model: 'chat',
    previous_response_id: first.id,
    input: [
      { type: 'item_reference', id: first.output[0].id! },
      userMessage('msg_client_hello', 'Hello') as OpenAI.Responses.ResponseInputItem,
      { role: 'user', content: 'Again' },
      { role: 'user', content: 'Again' },
    ],
  });
  const again = (index: number) => ({ id: madeId('msg', second.id, index), type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Again' }] });
  expect(await listAll(second.id, { order: 'asc' })).toEqual([userMessage('msg_client_hello', 'Hello'), first.output[0], again(2), again(3)]);
  expect(await listAll(second.id, { limit: 1 })).toEqual([again(3), again(2), first.output[0], userMessage('msg_client_hello', 'Hello')]);
  expect((upstream.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: 'Again' },
    { role: 'user', content: 'Again' },
  ]);
});

test('an item sent with the id of an earlier item but other content is a 400 naming its id, before anything is sent; the same item sent again whole is accepted', async () => {
  const first = await clientA.responses.create({ model: 'chat', input: [userMessage('msg_client_hello', 'Hello') as OpenAI.Responses.ResponseInputItem] });
  upstream.requests.length = 0;
  const duplicate = (path: string, id: string, firstPath: string) => ({
    status: 400,
    error: {
      message: `${path}.id: Duplicate item found with id '${id}', with other content than the item with that id at ${firstPath}. An id names one item: send that item unchanged, an item_reference to it, or this one without the id`,
      type: 'invalid_request_error',
      param: `${path}.id`,
      code: 'invalid_value',
    },
  });
  const changed = (id: string, text: string) => userMessage(id, text) as OpenAI.Responses.ResponseInputItem;
  expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', previous_response_id: first.id, input: [{ role: 'user', content: 'Next' }, changed('msg_client_hello', 'Goodbye')] }))).toEqual(
    duplicate('input[1]', 'msg_client_hello', "previous_response_id (its conversation's item 0)"),
  );
  const changedOutput = { ...first.output[0], content: [{ type: 'output_text', text: 'Something else', annotations: [] }] } as OpenAI.Responses.ResponseInputItem;
  expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', previous_response_id: first.id, input: [changedOutput], stream: true }))).toEqual(
    duplicate('input[0]', first.output[0].id!, "previous_response_id (its conversation's item 1)"),
  );
  expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', input: [changed('msg_twice', 'One'), changed('msg_twice', 'Two')] }))).toEqual(duplicate('input[1]', 'msg_twice', 'input[0]'));
  expect(upstream.requests).toEqual([]);

  await clientA.responses.create({ model: 'chat', previous_response_id: first.id, input: [first.output[0] as OpenAI.Responses.ResponseInputItem, changed('msg_twice', 'One'), changed('msg_twice', 'One')] });
  expect((upstream.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: [{ type: 'text', text: 'One' }] },
  ]);
});

test("another key's response, an unknown one and a deleted one are GET's 404; a bad query parameter is a 400 naming it", async () => {
  const created = await clientA.responses.create({ model: 'chat', input: 'Hello' });
  expect(await openaiErrorOf(clientB.responses.inputItems.list(created.id))).toEqual(keptResponseNotFound(created.id));
  expect(await openaiErrorOf(clientA.responses.inputItems.list('resp_unknown'))).toEqual(keptResponseNotFound('resp_unknown'));

  const invalid = (param: string, message: string) => ({ status: 400, error: { message, type: 'invalid_request_error', param, code: 'invalid_value' } });
  expect(await openaiErrorOf(clientA.responses.inputItems.list(created.id, { limit: 101 }))).toEqual(invalid('limit', "limit: must be an integer from 1 to 100, not '101'"));
  expect(await openaiErrorOf(clientA.responses.inputItems.list(created.id, { limit: 0 }))).toEqual(invalid('limit', "limit: must be an integer from 1 to 100, not '0'"));
  expect(await openaiErrorOf(clientA.responses.inputItems.list(created.id, { limit: 2.5 }))).toEqual(invalid('limit', "limit: must be an integer from 1 to 100, not '2.5'"));
  expect(await openaiErrorOf(clientA.responses.inputItems.list(created.id, { order: 'sideways' as 'asc' }))).toEqual(invalid('order', "order: must be asc or desc, not 'sideways'"));
  expect(await openaiErrorOf(clientA.responses.inputItems.list(created.id, { after: 'msg_elsewhere' }))).toEqual(
    invalid('after', `after: 'msg_elsewhere' is not the id of an input item of response '${created.id}'`),
  );
  const twice = await fetch(`${gateway.url}/v1/responses/${created.id}/input_items?limit=1&limit=2`, { headers: { authorization: `Bearer ${KEY_A}` } });
  expect({ status: twice.status, body: await twice.json() }).toEqual({ status: 400, body: { error: invalid('limit', 'limit: must be an integer from 1 to 100 (given once)').error } });
  // `include` is accepted, as the client sends it.
  expect((await clientA.responses.inputItems.list(created.id, { include: ['message.input_image.image_url'] })).data).toHaveLength(1);

  await clientA.responses.delete(created.id);
  expect(await openaiErrorOf(clientA.responses.inputItems.list(created.id))).toEqual(keptResponseNotFound(created.id));
});

test('the metrics: kept responses and their size go up with each one kept and down with each deleted; lookups count hits and misses', async () => {
  const metrics = async () => {
    const text = await (await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${KEY_A}` } })).text();
    return {
      responses: sample(text, 'gateway_response_store_responses', {}),
      bytes: sample(text, 'gateway_response_store_bytes', {}) ?? Number.NaN,
      hits: sample(text, 'gateway_response_store_lookups_total', { result: 'hit' }),
      misses: sample(text, 'gateway_response_store_lookups_total', { result: 'miss' }),
      evictions: sample(text, 'gateway_response_store_evictions_total', {}),
    };
  };
  const before = await metrics();
  const created = await clientA.responses.create({ model: 'chat', input: 'Hello' });
  const kept = await metrics();
  expect(kept).toEqual({ ...before, responses: before.responses! + 1, bytes: expect.any(Number) });
  expect(kept.bytes).toBeGreaterThan(before.bytes + FIXTURE_TEXT.length);

  await clientA.responses.create({ model: 'chat', input: 'Again', previous_response_id: created.id });
  await clientA.responses.retrieve(created.id);
  await openaiErrorOf(clientA.responses.retrieve('resp_unknown'));
  await openaiErrorOf(clientB.responses.inputItems.list(created.id));
  await clientA.responses.delete(created.id);
  const after = await metrics();
  expect(after).toEqual({ responses: kept.responses, bytes: expect.any(Number), hits: kept.hits! + 3, misses: kept.misses! + 2, evictions: kept.evictions });
  // The response kept in place of the deleted one is about its size.
  expect(Math.abs(after.bytes - kept.bytes)).toBeLessThan(100);
});
