/** Resolving a called name to the endpoint that serves it. */
import { compilePlan } from '../../../src/config/compile';
import { pickDestination, resolveEndpoint } from '../../../src/routing/router';
import { loadInline } from '../../support/config';

const plan = compilePlan(
  loadInline(`
endpoints:
  - { name: a, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: b, endpoint_type: llm/v1/chat, model: { provider: mock } }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - { name: a, traffic_percentage: 25 }
      - { name: b, traffic_percentage: 75 }
`),
  'config.yaml',
);

test('an endpoint name resolves to itself', () => {
  expect(resolveEndpoint(plan, 'b').name).toBe('b');
});

test('a route picks by cumulative share', () => {
  const route = plan.routes.get('split')!;
  expect([0, 0.2499, 0.25, 0.9999].map((random) => pickDestination(route, random).name)).toEqual(['a', 'a', 'b', 'b']);
  expect(resolveEndpoint(plan, 'split', () => 0.1).name).toBe('a');
});

test('a seeded run of 10 000 picks lands near the configured shares', () => {
  let seed = 12345;
  // Park–Miller: deterministic, so this test cannot flake.
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const counts = { a: 0, b: 0 } as Record<string, number>;
  for (let index = 0; index < 10_000; index += 1) counts[resolveEndpoint(plan, 'split', random).name] += 1;
  expect(counts.a).toBeGreaterThan(2300);
  expect(counts.a).toBeLessThan(2700);
});

test('an unknown name is a 404 with MLflow\'s message', () => {
  expect(() => resolveEndpoint(plan, 'nope')).toThrow("The endpoint 'nope' is not present or active on the server. Please verify the endpoint name.");
});
