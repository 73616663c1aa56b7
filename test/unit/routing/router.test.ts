/** Resolving a called name to the endpoints that may serve it, in order. */
import type { TrafficSplitRoute } from '../../../src/config/compile';
import { compilePlan } from '../../../src/config/compile';
import { attemptOrder, pickDestination, resolveTarget } from '../../../src/routing/router';
import { loadInline } from '../../support/config';

const plan = compilePlan(
  loadInline(`
endpoints:
  - { name: a, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: b, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: c, endpoint_type: llm/v1/chat, model: { provider: mock } }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - { name: a, traffic_percentage: 25 }
      - { name: b, traffic_percentage: 75 }
  - name: a-then-c
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: a }, { name: c }]
  - name: b-then-c
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: b }, { name: c }]
  - name: split-of-fallbacks
    task_type: llm/v1/chat
    destinations:
      - { name: a-then-c, traffic_percentage: 50 }
      - { name: b-then-c, traffic_percentage: 50 }
  - name: split-then-c
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: split }, { name: a }, { name: c }]
`),
  'config.yaml',
);

const split = plan.routes.get('split') as TrafficSplitRoute;
const names = (name: string, random: () => number) => attemptOrder(resolveTarget(plan, name), random).map((endpoint) => endpoint.name);

/** Park–Miller: deterministic, so statistical tests cannot flake. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

test('an endpoint name is tried alone', () => {
  expect(names('b', Math.random)).toEqual(['b']);
});

test('a traffic split picks by cumulative share', () => {
  expect([0, 0.2499, 0.25, 0.9999].map((random) => pickDestination(split, random).name)).toEqual(['a', 'a', 'b', 'b']);
  expect(names('split', () => 0.1)).toEqual(['a']);
});

test.each([1, 42, 2024])('seed %i: 10 000 seeded picks land within 4 sigma of the configured 25/75 shares', (seed) => {
  const random = seeded(seed);
  const counts: Record<string, number> = { a: 0, b: 0 };
  for (let index = 0; index < 10_000; index += 1) counts[pickDestination(split, random()).name] += 1;
  // Binomial(10 000, 0.25): mean 2500, sigma ≈ 43.3.
  expect(Math.abs(counts.a - 2500)).toBeLessThan(4 * 43.3);
  expect(counts.a + counts.b).toBe(10_000);
});

test('a fallback route lists its destinations in order', () => {
  expect(names('a-then-c', Math.random)).toEqual(['a', 'c']);
});

test('a split of fallback routes draws one route, then follows its order', () => {
  expect(names('split-of-fallbacks', () => 0.3)).toEqual(['a', 'c']);
  expect(names('split-of-fallbacks', () => 0.7)).toEqual(['b', 'c']);
});

test('a fallback over a split draws once and tries each endpoint at most once', () => {
  expect(names('split-then-c', () => 0.1)).toEqual(['a', 'c']);
  expect(names('split-then-c', () => 0.9)).toEqual(['b', 'a', 'c']);
});

test('an unknown name is a 404 with MLflow\'s message', () => {
  expect(() => resolveTarget(plan, 'nope')).toThrow("The endpoint 'nope' is not present or active on the server. Please verify the endpoint name.");
});
