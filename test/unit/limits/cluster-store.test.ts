/**
 * The `--workers` store: worker side and primary side wired through an in-memory IPC pair that
 * copies messages like Node's cluster channel does (the CLI end-to-end test uses real processes).
 */
import { EventEmitter } from 'node:events';
import { serveRateLimitsToWorkers } from '../../../src/limits/cluster-primary';
import { createClusterStore, RATE_LIMIT_CHANNEL } from '../../../src/limits/cluster-store';
import { createMemoryStore } from '../../../src/limits/memory-store';
import { fakeCluster } from '../../support/fake-cluster';
import { describeStoreContract } from './store-contract';

describeStoreContract('cluster store', {
  open: async () => {
    const { primary, workers } = fakeCluster(1);
    serveRateLimitsToWorkers(primary);
    return createClusterStore({ channel: workers[0] });
  },
  close: (store) => store.close(),
});

test('every worker counts in the one set of counters the primary keeps', async () => {
  const { primary, workers } = fakeCluster(3);
  serveRateLimitsToWorkers(primary, createMemoryStore());
  const stores = workers.map((channel) => createClusterStore({ channel }));
  const counts = await Promise.all(stores.flatMap((store) => [1, 2].map(() => store.hit([{ key: 'shared', windowMs: 60_000, amount: 1 }]))));
  expect(counts.map(([state]) => state.count).sort()).toEqual([1, 2, 3, 4, 5, 6]);
});

test('other cluster messages pass untouched in both directions', async () => {
  const { primary, workers } = fakeCluster(1);
  serveRateLimitsToWorkers(primary);
  const store = createClusterStore({ channel: workers[0] });
  const answers: unknown[] = [];
  workers[0].on('message', (message) => answers.push(message));
  workers[0].send({ channel: 'hot-reload', plan: 'x' });
  primary.emit('message', { isConnected: () => true, send: () => answers.push('answered') }, { hits: [] });
  await store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }]);
  expect(answers).toEqual([{ channel: RATE_LIMIT_CHANNEL, id: 0, states: [{ count: 1, resetInMs: expect.any(Number) }] }]);
});

test('a primary that does not answer fails the hit after the timeout', async () => {
  const silent = Object.assign(new EventEmitter(), { send: () => true });
  const store = createClusterStore({ channel: silent, timeoutMs: 50 });
  await expect(store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }])).rejects.toThrow('the cluster primary did not answer a rate-limit request within 50 ms');
});

test('outside a cluster worker there is no channel to the primary', () => {
  expect(() => createClusterStore({ channel: new EventEmitter() })).toThrow(/needs an IPC channel/);
});
