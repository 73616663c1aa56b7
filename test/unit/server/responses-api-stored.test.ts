/**
 * What the Responses API asks the response store (src/server/responses-api/stored.ts): nothing for a
 * request that refers to nothing kept (or only to web search items, which are left out), or with the
 * store off; a reference to a reasoning item not kept is left out; a store that does not answer is a
 * 503 the client may retry; what is kept of the input items with an id, for a reference to name them;
 * a cancel, which nothing kept can take, asks whether the id is kept (in the caller's space) and never removes it.
 */
import * as responseStore from '../../../src/response-store';
import type { ResponseStore } from '../../../src/response-store';
import { keptInputOf, refuseCancel, resolveStoredInput, type StoreAccess } from '../../../src/server/responses-api/stored';
import type { ResponsesRequest } from '../../../src/schema';
import { gatewayRejectionOf } from '../../support/errors';

const ON: StoreAccess = { plan: { enabled: true, maxBytes: 1024, maxAgeMs: 60_000 }, space: '' };

function storeThat(find: ResponseStore['find']): jest.Mocked<ResponseStore> {
  const store = { keep: jest.fn(), find: jest.fn(find), get: jest.fn(), remove: jest.fn(), inputItems: jest.fn() };
  jest.spyOn(responseStore, 'responseStoreOfProcess').mockReturnValue(store);
  return store;
}

afterEach(() => jest.restoreAllMocks());

test.each<[string, ResponsesRequest, StoreAccess]>([
  ['text input', { model: 'chat', input: 'Hi' }, ON],
  ['items and a reference to a web search', { model: 'chat', input: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'ws_1' }] }, ON],
  ['a previous response with the store off', { model: 'chat', input: 'Hi', previous_response_id: 'resp_1' }, { ...ON, plan: { ...ON.plan, enabled: false } }],
])('%s: the store is not asked, and the input is as sent', async (_what, request, access) => {
  const store = storeThat(async () => ({ conversation: [], items: [] }));
  expect(await resolveStoredInput(request, access)).toEqual({ earlier: [], input: request.input });
  expect(store.find).not.toHaveBeenCalled();
});

test("a reference and a previous response are one question, in the caller's space and the config's bounds", async () => {
  const store = storeThat(async () => ({ conversation: [{ input: '[{"role":"user","content":"Hello"}]', output: ['{"type":"message","id":"msg_0","role":"assistant","content":"Bonjour"}'] }], items: ['{"type":"message","id":"msg_1","role":"assistant","content":"Salut"}'] }));
  const resolved = await resolveStoredInput({ model: 'chat', input: [{ type: 'item_reference', id: 'msg_1' }, { role: 'user', content: 'Again' }], previous_response_id: 'resp_0' }, { ...ON, space: 'key' });
  expect(store.find).toHaveBeenCalledWith({ space: 'key', previousId: 'resp_0', itemIds: ['msg_1'] }, ON.plan);
  expect(resolved).toEqual({
    earlier: [
      { role: 'user', content: 'Hello' },
      { type: 'message', id: 'msg_0', role: 'assistant', content: 'Bonjour' },
    ],
    input: [
      { type: 'message', id: 'msg_1', role: 'assistant', content: 'Salut' },
      { role: 'user', content: 'Again' },
    ],
  });
});

test("a reference to a reasoning item is looked up for its thinking blocks; one not kept is left as it is, and request.ts leaves it out", async () => {
  const kept = '{"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"gw-thinking.v1.W10"}';
  const store = storeThat(async () => ({ conversation: null, items: [kept, null] }));
  const input: ResponsesRequest['input'] = [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'rs_1' }, { type: 'item_reference', id: 'rs_2' }];
  expect(await resolveStoredInput({ model: 'chat', input }, ON)).toEqual({ earlier: [], input: [input[0], JSON.parse(kept), input[2]] });
  expect(store.find).toHaveBeenCalledWith({ space: '', previousId: null, itemIds: ['rs_1', 'rs_2'] }, ON.plan);
});

test('a store that does not answer (the cluster primary past its timeout) is a 503 the client may retry', async () => {
  storeThat(async () => {
    throw new Error('the cluster primary did not answer a response-store find within 1000 ms');
  });
  const error = await gatewayRejectionOf(() => resolveStoredInput({ model: 'chat', input: 'Hi', previous_response_id: 'resp_1' }, ON));
  expect(error).toMatchObject({ status: 503, code: 'response_store_unavailable', retryable: true });
});

test.each<[string, StoreAccess, boolean, { status: number; param: string; message: RegExp }]>([
  ['kept', ON, true, { status: 400, param: 'response_id', message: /^Cannot cancel a synchronous response\. Response 'resp_1' was answered / }],
  ['not kept', ON, false, { status: 404, param: 'response_id', message: /^response_id: Response with id 'resp_1' not found\. / }],
  ['the store off', { ...ON, plan: { ...ON.plan, enabled: false } }, true, { status: 404, param: 'response_id', message: /response_store\.enabled is false/ }],
])('a cancel of a response %s: the error, and nothing removed', async (_what, access, kept, expected) => {
  const store = storeThat(async () => ({ conversation: null, items: [] }));
  store.get.mockResolvedValue(kept ? { response: '{}', output: [] } : null);
  expect(await gatewayRejectionOf(() => refuseCancel('resp_1', { ...access, space: 'key' }))).toMatchObject(expected);
  expect(store.get.mock.calls).toEqual(access.plan.enabled ? [['key', 'resp_1', access.plan]] : []);
  expect(store.remove).not.toHaveBeenCalled();
});

const toolOutput = { type: 'function_call_output', id: 'fco_client_1', call_id: 'call_1', output: '{"temperature":21}' };
const userMessage = { type: 'message', id: 'msg_client_1', role: 'user', content: [{ type: 'input_text', text: 'Et à Lyon ? ☀' }] };

test("the input's JSON is JSON.stringify's, and each item with an id is found in it as its own JSON; others are not indexed", () => {
  const input = [{ role: 'user', content: 'Hi' }, toolOutput, { type: 'reasoning', id: 'rs_1', summary: [] }, { type: 'item_reference', id: 'ws_1' }, userMessage];
  const kept = keptInputOf(input as never);
  expect(kept.input).toBe(JSON.stringify(input));
  expect(kept.inputIds.map(({ id }) => id)).toEqual(['fco_client_1', 'msg_client_1']);
  expect(kept.inputIds.map(({ start, end }) => JSON.parse(kept.input.slice(start, end)))).toEqual([toolOutput, userMessage]);
  expect(keptInputOf([])).toEqual({ input: '[]', inputIds: [] });
});
