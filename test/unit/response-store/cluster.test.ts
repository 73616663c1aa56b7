/**
 * The response store under `--workers` (src/response-store/cluster.ts): workers keep and look up in
 * the one store the primary holds, through an in-memory IPC pair that copies messages as Node's does.
 */
import { EventEmitter } from 'node:events';
import { createClusterResponseStore, serveResponseStoreToWorkers, type IpcChannel } from '../../../src/response-store/cluster';
import { createMemoryResponseStore } from '../../../src/response-store/memory';
import type { KeptResponse } from '../../../src/response-store/types';
import { fakeCluster } from '../../support/fake-cluster';
import { SOON_MS } from '../../support/timeouts';

const BOUNDS = { maxBytes: 1024 * 1024, maxAgeMs: 60_000 };
/**
 * A worker's store whose questions wait SOON_MS, not the default 1 s: an answer takes three turns of
 * the event loop, and a turn's timers run before its setImmediate callbacks, so a stall of the jest
 * worker of 1 s at any of them (a full GC of its heap on a loaded machine) failed the lookup. A
 * primary that never answers still fails with the store's message, long before jest's timeout.
 */
const storeOf = (channel: IpcChannel) => createClusterResponseStore({ channel, timeoutMs: SOON_MS });

const kept: KeptResponse = { space: 'key-a', id: 'resp_1', previousId: null, input: '[{"role":"user","content":"Hi"}]', inputIds: [], output: [{ id: 'msg_1', item: '{"type":"message","id":"msg_1"}' }], response: '{"id":"resp_1","output":null}' };

test('a response one worker keeps is found by another, in the same turn of the primary', async () => {
  const { primary, workers } = fakeCluster(2);
  const memory = createMemoryResponseStore();
  serveResponseStoreToWorkers(primary, memory);
  const [first, second] = workers.map(storeOf);
  // The lookup reaches the primary on the same turn as the response to keep, and after it in that turn's order too.
  const found = second.find({ space: 'key-a', previousId: 'resp_1', itemIds: ['msg_1'] }, BOUNDS);
  first.keep(kept, BOUNDS);
  expect(await found).toEqual({ conversation: [{ input: kept.input, output: [kept.output[0].item] }], items: [kept.output[0].item] });
  expect(await first.find({ space: 'key-b', previousId: 'resp_1', itemIds: ['msg_1'] }, BOUNDS)).toEqual({ conversation: null, items: [null] });
});

test('an input item kept with an id is found by it from another worker', async () => {
  const { primary, workers } = fakeCluster(2);
  serveResponseStoreToWorkers(primary, createMemoryResponseStore());
  const [first, second] = workers.map(storeOf);
  const input = '[{"type":"message","id":"msg_client","role":"user","content":"Hi"}]';
  first.keep({ ...kept, input, inputIds: [{ id: 'msg_client', start: 1, end: input.length - 1 }] }, BOUNDS);
  expect(await second.find({ space: 'key-a', previousId: null, itemIds: ['msg_client'] }, BOUNDS)).toEqual({ conversation: [], items: [input.slice(1, -1)] });
});

test('reading, listing input items and removing go to the primary too', async () => {
  const { primary, workers } = fakeCluster(2);
  serveResponseStoreToWorkers(primary, createMemoryResponseStore());
  const [first, second] = workers.map(storeOf);
  first.keep(kept, BOUNDS);
  expect(await second.get('key-a', 'resp_1', BOUNDS)).toEqual({ response: kept.response, output: [kept.output[0].item] });
  expect(await second.inputItems('key-a', 'resp_1', BOUNDS)).toEqual([{ id: 'resp_1', input: kept.input, output: [] }]);
  expect(await second.inputItems('key-b', 'resp_1', BOUNDS)).toBeNull();
  expect(await second.remove('key-a', 'resp_1', BOUNDS)).toBe(true);
  expect(await first.get('key-a', 'resp_1', BOUNDS)).toBeNull();
  expect(await first.remove('key-a', 'resp_1', BOUNDS)).toBe(false);
});

test('a lookup the primary does not answer fails after the timeout; keeping never throws', async () => {
  const silent = Object.assign(new EventEmitter(), { send: () => true });
  const store = createClusterResponseStore({ channel: silent, timeoutMs: 50 });
  await expect(store.find({ space: '', previousId: 'resp_1', itemIds: [] }, BOUNDS)).rejects.toThrow(/did not answer a response-store find within 50 ms/);
  expect(() => createClusterResponseStore({ channel: new EventEmitter() }).keep(kept, BOUNDS)).not.toThrow();
});

test('other cluster messages pass untouched', async () => {
  const { primary, workers } = fakeCluster(1);
  serveResponseStoreToWorkers(primary, createMemoryResponseStore());
  const store = storeOf(workers[0]);
  primary.emit('message', { isConnected: () => true, send: () => { throw new Error('answered a message that is not ours'); } }, { channel: 'llm-gateway:rate-limit', id: 0, hits: [] });
  expect(await store.find({ space: '', previousId: null, itemIds: ['msg_x'] }, BOUNDS)).toEqual({ conversation: [], items: [null] });
});
