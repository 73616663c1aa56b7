/**
 * The response store end to end with the official openai client: `previous_response_id` chains and
 * `item_reference`s (to output items, and to input items sent with an id) resolve to what the gateway
 * kept (JSON answers and streams), `store: false` keeps
 * nothing, a miss is OpenAI's error naming the field, client keys do not see each other's responses,
 * and `response_store.enabled: false` refuses references. What the fake upstream is sent shows the
 * conversation the gateway rebuilt. An item id that several kept responses hold outlives the latest
 * of them. (Eviction by size and age: test/unit/response-store/.)
 */
import OpenAI from 'openai';
import { keptResponseNotFound, openaiErrorOf } from '../support/errors';
import { sendStream, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';

const KEY_A = 'gw-key-a';
const KEY_B = 'gw-key-b';
const FIXTURE_TEXT = 'Bonjour ! Un café ? ☕ Je suis là pour aider.';
const STREAM_TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';

const endpoints = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
`;

let upstream: FakeUpstream;
let keyed: RunningGateway;
let open: RunningGateway;
let off: RunningGateway;
let clientA: OpenAI;
let clientB: OpenAI;

const clientOf = (gateway: RunningGateway, apiKey = 'unused') => new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  keyed = await startGateway(`${endpoints(upstream.url)}auth:\n  api_keys:\n    - { name: a, key: ${KEY_A} }\n    - { name: b, key: ${KEY_B} }\n`);
  open = await startGateway(endpoints(upstream.url));
  off = await startGateway(`${endpoints(upstream.url)}response_store: { enabled: false }\n`);
  clientA = clientOf(keyed, KEY_A);
  clientB = clientOf(keyed, KEY_B);
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.setHandler(serveOpenAIFixtures);
});
afterAll(async () => {
  await Promise.all([keyed.close(), open.close(), off.close()]);
  await upstream.close();
});

const WEATHER_TOOL = { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } }, strict: false };
const CALLS = readJsonFixture<{ choices: { message: { tool_calls: { id: string; function: { name: string; arguments: string } }[] } }[] }>('openai', 'chat-tool-calls.response.json').choices[0].message.tool_calls;
const CHAT_CALLS = { role: 'assistant', tool_calls: CALLS.map((call) => ({ id: call.id, type: 'function', function: call.function })) };

/** The messages of the last chat request the upstream was sent. */
const sentMessages = () => (upstream.requests.at(-1)!.body as { messages: unknown[] }).messages;

const previousNotFound = (id: string) => ({
  status: 400,
  error: {
    message: `previous_response_id: Previous response with id '${id}' not found. The gateway keeps a response not created with store: false for response_store.max_age after it was last used, for the client key that created it, on the gateway host that answered it.`,
    type: 'invalid_request_error',
    param: 'previous_response_id',
    code: 'previous_response_not_found',
  },
});

const itemNotFound = (id: string, index: number) => ({
  status: 404,
  error: {
    message: `input[${index}].id: Item with id '${id}' not found. Items are kept only from responses not created with store: false, for response_store.max_age, for the client key that created them, on the gateway host that answered; send the item itself, or create the response with store true.`,
    type: 'not_found_error',
    param: `input[${index}].id`,
    code: 'not_found',
  },
});

test("previous_response_id over three turns: each turn sends the earlier turns' input and output, but not their instructions", async () => {
  const first = await clientA.responses.create({ model: 'chat', instructions: 'Answer in French.', input: 'Hello' });
  expect(first).toMatchObject({ store: true, previous_response_id: null });
  const second = await clientA.responses.create({ model: 'chat', instructions: 'Be brief.', input: 'And in Spanish?', previous_response_id: first.id });
  expect(second).toMatchObject({ store: true, previous_response_id: first.id, instructions: 'Be brief.' });
  expect(sentMessages()).toEqual([
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: 'And in Spanish?' },
  ]);
  const third = await clientA.responses.create({ model: 'chat', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Thanks' }] }], previous_response_id: second.id });
  expect(third.previous_response_id).toBe(second.id);
  expect(sentMessages()).toEqual([
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: 'And in Spanish?' },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
  ]);
  expect(upstream.requests).toHaveLength(3);
});

test("a tool round by previous_response_id: the kept function calls come back, the request's outputs follow them", async () => {
  const first = await clientA.responses.create({ model: 'chat', input: 'Weather in Paris and São Paulo?', tools: [WEATHER_TOOL] });
  const outputs = CALLS.map((call, index) => ({ type: 'function_call_output' as const, call_id: call.id, output: `sunny ${index}` }));
  await clientA.responses.create({ model: 'chat', input: outputs, previous_response_id: first.id, tools: [WEATHER_TOOL] });
  expect(sentMessages()).toEqual([{ role: 'user', content: 'Weather in Paris and São Paulo?' }, CHAT_CALLS, ...outputs.map((output) => ({ role: 'tool', tool_call_id: output.call_id, content: output.output }))]);
});

test('item_reference: a kept message and kept function calls named by id are the items themselves', async () => {
  const answer = await clientA.responses.create({ model: 'chat', input: 'Hello' });
  const calls = await clientA.responses.create({ model: 'chat', input: 'Weather?', tools: [WEATHER_TOOL] });
  const input: OpenAI.Responses.ResponseInput = [
    { role: 'user', content: 'Hello' },
    { type: 'item_reference', id: answer.output[0].id! },
    { role: 'user', content: 'Weather?' },
    ...calls.output.map((item) => ({ type: 'item_reference' as const, id: item.id! })),
    ...CALLS.map((call) => ({ type: 'function_call_output' as const, call_id: call.id, output: 'sunny' })),
  ];
  await clientA.responses.create({ model: 'chat', input, tools: [WEATHER_TOOL] });
  expect(sentMessages()).toEqual([
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: 'Weather?' },
    CHAT_CALLS,
    ...CALLS.map((call) => ({ role: 'tool', tool_call_id: call.id, content: 'sunny' })),
  ]);
});

test('item_reference: input items the client sent with an id (a message, function call outputs) are found by that id too, by the same key only', async () => {
  const question = { type: 'message', id: 'msg_client_question', role: 'user', content: 'Weather in Paris and São Paulo?' } as OpenAI.Responses.ResponseInputItem;
  const calls = await clientA.responses.create({ model: 'chat', input: [question], tools: [WEATHER_TOOL] });
  const outputs = CALLS.map((call, index) => ({ type: 'function_call_output' as const, id: `fco_client_${index}`, call_id: call.id, output: `sunny ${index}` }));
  const callReferences = calls.output.map((item) => ({ type: 'item_reference' as const, id: item.id! }));
  await clientA.responses.create({ model: 'chat', input: [{ type: 'item_reference', id: 'msg_client_question' }, ...callReferences, ...outputs], tools: [WEATHER_TOOL] });
  const conversation = [{ role: 'user', content: 'Weather in Paris and São Paulo?' }, CHAT_CALLS, ...outputs.map((output) => ({ role: 'tool', tool_call_id: output.call_id, content: output.output }))];
  expect(sentMessages()).toEqual(conversation);
  const outputReferences = outputs.map(({ id }) => ({ type: 'item_reference' as const, id }));
  await clientA.responses.create({ model: 'chat', input: [{ type: 'item_reference', id: 'msg_client_question' }, ...callReferences, ...outputReferences, { role: 'user', content: 'Thanks' }], tools: [WEATHER_TOOL] });
  expect(sentMessages()).toEqual([...conversation, { role: 'user', content: 'Thanks' }]);
  expect(await openaiErrorOf(clientB.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'fco_client_0' }] }))).toEqual(itemNotFound('fco_client_0', 1));
  await clientA.responses.create({ model: 'chat', input: [{ type: 'message', id: 'msg_client_unkept', role: 'user', content: 'Hello' } as OpenAI.Responses.ResponseInputItem], store: false });
  expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', input: [{ type: 'item_reference', id: 'msg_client_unkept' }] }))).toEqual(itemNotFound('msg_client_unkept', 0));
});

describe('an item id that several kept responses hold', () => {
  const shared = (text: string) => ({ type: 'message', id: 'msg_client_shared', role: 'user', content: text }) as OpenAI.Responses.ResponseInputItem;
  // Not kept: a request kept would hold the item it names too.
  const referenceShared = (client: OpenAI) => client.responses.create({ model: 'chat', input: [{ type: 'item_reference', id: 'msg_client_shared' }], store: false });

  test('deleting the latest that holds it leaves it to the one before, by the same key only', async () => {
    await clientA.responses.create({ model: 'chat', input: [shared('First version')] });
    const latest = await clientA.responses.create({ model: 'chat', input: [shared('Second version')] });
    await referenceShared(clientA);
    expect(sentMessages()).toEqual([{ role: 'user', content: 'Second version' }]);
    await clientA.responses.delete(latest.id);
    await referenceShared(clientA);
    expect(sentMessages()).toEqual([{ role: 'user', content: 'First version' }]);
    expect(await openaiErrorOf(referenceShared(clientB))).toEqual(itemNotFound('msg_client_shared', 0));
  });

  test('an output item a later request named by reference: deleting that request leaves it to the response that answered it', async () => {
    const answer = await clientA.responses.create({ model: 'chat', input: 'Hello' });
    const reference = { type: 'item_reference' as const, id: answer.output[0].id! };
    const naming = await clientA.responses.create({ model: 'chat', input: [reference, { role: 'user', content: 'Again' }] });
    await clientA.responses.delete(naming.id);
    await clientA.responses.create({ model: 'chat', input: [reference] });
    expect(sentMessages()).toEqual([{ role: 'assistant', content: FIXTURE_TEXT }]);
    expect(await openaiErrorOf(clientB.responses.create({ model: 'chat', input: [reference] }))).toEqual(itemNotFound(reference.id, 0));
  });

  test('dropping the latest that holds it for room leaves it to an older one still kept', async () => {
    // Room for about two responses of 20,000 characters, not three.
    const small = await startGateway(`${endpoints(upstream.url)}response_store: { max_size: 64kb }\n`);
    try {
      const client = clientOf(small);
      const padding = 'x'.repeat(20_000);
      const first = await client.responses.create({ model: 'chat', input: [shared(`First ${padding}`)] });
      const latest = await client.responses.create({ model: 'chat', input: [shared(`Second ${padding}`)] });
      // Continuing the first renews it: the latest is now the oldest used, and goes first.
      await client.responses.create({ model: 'chat', input: 'Again', previous_response_id: first.id });
      await client.responses.create({ model: 'chat', input: padding });
      expect(await openaiErrorOf(client.responses.retrieve(latest.id))).toEqual(keptResponseNotFound(latest.id));
      await referenceShared(client);
      expect(sentMessages()).toEqual([{ role: 'user', content: `First ${padding}` }]);
    } finally {
      await small.close();
    }
  });
});

describe('streams', () => {
  test('a stream is kept once it completes, and continued like an answer', async () => {
    const stream = await clientA.responses.create({ model: 'chat', input: 'Coffee?', stream: true });
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) if (event.type === 'response.completed') completed = event.response;
    expect(completed).toMatchObject({ store: true, status: 'completed' });
    await clientA.responses.create({ model: 'chat', input: 'Thanks', previous_response_id: completed!.id });
    expect(sentMessages()).toEqual([
      { role: 'user', content: 'Coffee?' },
      { role: 'assistant', content: STREAM_TEXT },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  test('a stream cut before it finished is not kept', async () => {
    const cut = readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 3).join('\n\n') + '\n\n';
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(cut);
      setTimeout(() => response.destroy(), 50);
    });
    const stream = await clientA.responses.create({ model: 'chat', input: 'Coffee?', stream: true });
    const types: string[] = [];
    let id = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.created') id = event.response.id;
    }
    expect(types.at(-1)).toBe('response.failed');
    upstream.setHandler(serveOpenAIFixtures);
    expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', input: 'Thanks', previous_response_id: id }))).toEqual(previousNotFound(id));
  });
});

test('an answer cut at the token limit (incomplete) is kept, as OpenAI keeps it, and can be continued', async () => {
  const cut = readFixture('openai', 'chat.stream.sse').replace('"finish_reason":"stop"', '"finish_reason":"length"');
  upstream.setHandler((_request, response) => sendStream(response, cut));
  const stream = await clientA.responses.create({ model: 'chat', input: 'Coffee?', max_output_tokens: 9, stream: true });
  let incomplete: OpenAI.Responses.Response | undefined;
  for await (const event of stream) if (event.type === 'response.incomplete') incomplete = event.response;
  upstream.setHandler(serveOpenAIFixtures);
  await clientA.responses.create({ model: 'chat', input: 'Go on', previous_response_id: incomplete!.id });
  expect(sentMessages()).toEqual([
    { role: 'user', content: 'Coffee?' },
    { role: 'assistant', content: STREAM_TEXT },
    { role: 'user', content: 'Go on' },
  ]);
});

test('store: false keeps nothing: the Response says so, and a later reference to it or its items is a miss', async () => {
  const unkept = await clientA.responses.create({ model: 'chat', input: 'Hello', store: false });
  expect(unkept).toMatchObject({ store: false });
  expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', input: 'Again', previous_response_id: unkept.id }))).toEqual(previousNotFound(unkept.id));
  const messageId = unkept.output[0].id!;
  expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: messageId }] }))).toEqual(itemNotFound(messageId, 1));
  expect(upstream.requests).toHaveLength(1);
});

test("client keys: another key's response and items are a miss, the same as ids never made; without keys, every caller shares one space", async () => {
  const mine = await clientA.responses.create({ model: 'chat', input: 'Hello' });
  const messageId = mine.output[0].id!;
  expect(await openaiErrorOf(clientB.responses.create({ model: 'chat', input: 'Hi', previous_response_id: mine.id }))).toEqual(previousNotFound(mine.id));
  expect(await openaiErrorOf(clientB.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: messageId }] }))).toEqual(itemNotFound(messageId, 1));
  expect(await openaiErrorOf(clientB.responses.create({ model: 'chat', input: 'Hi', previous_response_id: 'resp_0123456789abcdef0123456789abcdef' }))).toEqual(previousNotFound('resp_0123456789abcdef0123456789abcdef'));
  // The same process's gateway without keys is another space too.
  expect(await openaiErrorOf(clientOf(open).responses.create({ model: 'chat', input: 'Hi', previous_response_id: mine.id }))).toEqual(previousNotFound(mine.id));

  const shared = await clientOf(open, 'one-caller').responses.create({ model: 'chat', input: 'Hello' });
  await clientOf(open, 'another-caller').responses.create({ model: 'chat', input: 'Hi again', previous_response_id: shared.id });
  expect(sentMessages()).toEqual([
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: FIXTURE_TEXT },
    { role: 'user', content: 'Hi again' },
  ]);
});

test('a reference to a reasoning item or web search call is left out without a lookup, kept or not', async () => {
  await clientA.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'rs_never_kept' }, { type: 'item_reference', id: 'ws_never_kept' }] });
  expect(sentMessages()).toEqual([{ role: 'user', content: 'Hi' }]);
});

describe('response_store.enabled: false', () => {
  test('nothing is kept (store: false in the Response), and previous_response_id or an item_reference is a 400 naming the field', async () => {
    const client = clientOf(off);
    const answer = await client.responses.create({ model: 'chat', input: 'Hello' });
    expect(answer).toMatchObject({ store: false });
    expect(await openaiErrorOf(client.responses.create({ model: 'chat', input: 'Hi', previous_response_id: answer.id }))).toEqual({
      status: 400,
      error: { message: 'previous_response_id: the gateway keeps no responses (response_store.enabled is false); send the whole input', type: 'invalid_request_error', param: 'previous_response_id', code: 'invalid_value' },
    });
    expect(await openaiErrorOf(client.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'msg_123' }] }))).toEqual({
      status: 400,
      error: {
        message: 'input[1].id: the gateway keeps no responses (response_store.enabled is false), so it cannot look up item msg_123; send the item itself (the Vercel AI SDK does with providerOptions: { openai: { store: false } })',
        type: 'invalid_request_error',
        param: 'input[1].id',
        code: 'invalid_value',
      },
    });
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('GET and DELETE /v1/responses/{response_id}', () => {
  test('a kept response reads back as it was answered, to the key that created it; DELETE drops it, and it can no longer be continued', async () => {
    const created = await clientA.responses.create({ model: 'chat', instructions: 'Answer in French.', input: 'Hello', metadata: { team: 'search' } });
    const { _request_id: _created, ...answered } = created;
    const { _request_id: _read, ...read } = await clientA.responses.retrieve(created.id);
    expect(read).toEqual(answered);
    expect(Object.keys(read)).toEqual(Object.keys(answered));

    expect(await openaiErrorOf(clientB.responses.retrieve(created.id))).toEqual(keptResponseNotFound(created.id));
    expect(await openaiErrorOf(clientB.responses.delete(created.id))).toEqual(keptResponseNotFound(created.id));
    const deleted = await fetch(`${keyed.url}/v1/responses/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${KEY_A}` } });
    expect({ status: deleted.status, body: await deleted.json() }).toEqual({ status: 200, body: { id: created.id, object: 'response', deleted: true } });
    expect(await openaiErrorOf(clientA.responses.retrieve(created.id))).toEqual(keptResponseNotFound(created.id));
    expect(await openaiErrorOf(clientA.responses.delete(created.id))).toEqual(keptResponseNotFound(created.id));
    expect(await openaiErrorOf(clientA.responses.create({ model: 'chat', input: 'Again', previous_response_id: created.id }))).toEqual(previousNotFound(created.id));
  });

  test('a streamed response reads back as its last event gave it; one not kept is a 404 (with the store off, saying so)', async () => {
    const stream = await clientA.responses.create({ model: 'chat', input: 'Coffee?', stream: true });
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) if (event.type === 'response.completed') completed = event.response;
    // The client adds output_text to what it reads, not to a stream event's Response.
    const { _request_id: _read, output_text: text, ...read } = await clientA.responses.retrieve(completed!.id);
    expect(read).toEqual(completed);
    expect(text).toBe(STREAM_TEXT);
    const unkept = await clientOf(off).responses.create({ model: 'chat', input: 'Hello' });
    const storeOff = {
      status: 404,
      error: { message: `response_id: Response with id '${unkept.id}' not found: the gateway keeps no responses (response_store.enabled is false).`, type: 'not_found_error', param: 'response_id', code: 'not_found' },
    };
    expect(await openaiErrorOf(clientOf(off).responses.retrieve(unkept.id))).toEqual(storeOff);
    expect(await openaiErrorOf(clientOf(off).responses.inputItems.list(unkept.id))).toEqual(storeOff);
    expect(await openaiErrorOf(clientOf(off).responses.delete(unkept.id))).toEqual(storeOff);
  });

  test("a read asking for a stream (the openai client's retrieve with stream: true) is a 400 naming stream, not a JSON answer read as no events; stream: false reads it", async () => {
    const created = await clientA.responses.create({ model: 'chat', input: 'Hello' });
    expect(await openaiErrorOf(clientA.responses.retrieve(created.id, { stream: true }))).toEqual({
      status: 400,
      error: {
        message:
          "stream: the gateway keeps a response's answer, not its stream events (OpenAI streams a read only of a response created with background: true, which the gateway does not serve); leave stream out or false",
        type: 'invalid_request_error',
        param: 'stream',
        code: 'invalid_value',
      },
    });
    const read = await fetch(`${keyed.url}/v1/responses/${created.id}?stream=false`, { headers: { authorization: `Bearer ${KEY_A}` } });
    expect({ status: read.status, id: ((await read.json()) as { id: string }).id }).toEqual({ status: 200, id: created.id });
  });
});

describe('POST /v1/responses/{response_id}/cancel', () => {
  test("a kept response is OpenAI's 400 for a synchronous one, and stays kept; one the key cannot read is the 404 of GET", async () => {
    const created = await clientA.responses.create({ model: 'chat', input: 'Hello' });
    expect(await openaiErrorOf(clientA.responses.cancel(created.id))).toEqual({
      status: 400,
      error: {
        message: `Cannot cancel a synchronous response. Response '${created.id}' was answered when it was created: only a response created with background: true can be cancelled, and the gateway runs none (it answers every request while it waits).`,
        type: 'invalid_request_error',
        param: 'response_id',
        code: 'invalid_value',
      },
    });
    expect((await clientA.responses.retrieve(created.id)).status).toBe('completed');
    expect(await openaiErrorOf(clientB.responses.cancel(created.id))).toEqual(keptResponseNotFound(created.id));
    expect(await openaiErrorOf(clientA.responses.cancel('resp_unknown'))).toEqual(keptResponseNotFound('resp_unknown'));
    const unkept = await clientA.responses.create({ model: 'chat', input: 'Hello', store: false });
    expect(await openaiErrorOf(clientA.responses.cancel(unkept.id))).toEqual(keptResponseNotFound(unkept.id));
    expect(upstream.requests).toHaveLength(2);
  });

  test('with the store off, any id is a 404 saying so', async () => {
    const unkept = await clientOf(off).responses.create({ model: 'chat', input: 'Hello' });
    expect(await openaiErrorOf(clientOf(off).responses.cancel(unkept.id))).toEqual({
      status: 404,
      error: { message: `response_id: Response with id '${unkept.id}' not found: the gateway keeps no responses (response_store.enabled is false).`, type: 'not_found_error', param: 'response_id', code: 'not_found' },
    });
  });
});
