/**
 * Names every JavaScript object inherits (`__proto__`, `constructor`, `toString`, `hasOwnProperty`)
 * are names like any other in a config: defined, they load and compile under their own name; not
 * defined, a reference to them is refused as to any unknown name.
 */
import { compilePlan } from '../../../src/config/compile';
import { silentLogger } from '../../../src/server/logging';
import { issuesOf, loadInline } from '../../support/config';

const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const mock = (name: string) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock } }\n`;

test('endpoints, a route and client keys with these names load and compile under their own names', () => {
  const config = loadInline(`endpoints:
${INHERITED.map(mock).join('')}routes:
  - { name: valueOf, task_type: llm/v1/chat, destinations: [{ name: __proto__, traffic_percentage: 50 }, { name: constructor, traffic_percentage: 50 }] }
auth:
  api_keys:
    - { name: __proto__, key: k1, endpoints: [toString, valueOf], limit: { calls: 1, renewal_period: minute } }
    - { name: constructor, key: k2 }
`);
  expect(config.endpoints.map((endpoint) => endpoint.name)).toEqual(INHERITED);
  const plan = compilePlan(config, 'config.yaml', { logger: silentLogger });
  expect([...plan.endpoints.keys()]).toEqual(INHERITED);
  expect([...plan.routes.keys()]).toEqual(['valueOf']);
  expect(plan.endpoints.get('valueOf')).toBeUndefined();
  expect(plan.auth!.keys.map((key) => [key.name, key.endpoints === null ? null : [...key.endpoints]])).toEqual([
    ['__proto__', ['toString', 'valueOf']],
    ['constructor', null],
  ]);
});

test('a name written twice is a duplicate, one not defined is an unknown destination or key endpoint', () => {
  const issues = issuesOf(`endpoints:
${mock('constructor')}${mock('constructor')}routes:
  - { name: route, task_type: llm/v1/chat, destinations: [{ name: toString, traffic_percentage: 100 }] }
auth: { api_keys: [{ name: __proto__, key: k1, endpoints: [hasOwnProperty] }, { name: __proto__, key: k2 }] }
`);
  expect(issues).toEqual([
    { path: 'endpoints[1].name', message: "duplicate name 'constructor' (already used at endpoints[0].name): endpoint and route names must be unique" },
    { path: 'routes[0].destinations[0].name', message: "The route destination name must be an endpoint or route name, but the route 'route' has an invalid destination name 'toString'" },
    { path: 'auth.api_keys[0].endpoints', message: "'hasOwnProperty' is not an endpoint or route of this config" },
    { path: 'auth.api_keys[1].name', message: "duplicate key name '__proto__': each key needs its own name" },
  ]);
});
