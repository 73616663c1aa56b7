/** compilePlan: what is worked out once at config load. */
import { compilePlan } from '../../../src/config/compile';
import { ConfigError } from '../../../src/config/config-error';
import { errorOf, loadInline } from '../../support/config';

const compile = (yaml: string) => compilePlan(loadInline(yaml), 'config.yaml', { now: () => 42 });

test('parameter defaults are picked from model.config for chat and completions, never provider settings', () => {
  const plan = compile(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-x, temperature: 0.2, max_tokens: 50, stop: ["END"], seed: 7 }
  - name: embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config: { openai_api_key: sk-x, temperature: 0.2 }
`);
  expect(plan.endpoints.get('chat')!.defaults).toEqual({ temperature: 0.2, max_tokens: 50, stop: ['END'], seed: 7 });
  expect(plan.endpoints.get('embed')!.defaults).toEqual({});
});

test('views carry no provider config; limit key defaults to null', () => {
  const plan = compile(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: m, config: { openai_api_key: sk-secret } }
    limit: { calls: 3, renewal_period: 2 minutes }
`);
  expect(plan.endpointViews).toEqual([
    { name: 'chat', endpoint_type: 'llm/v1/chat', model: { name: 'm', provider: 'openai' }, endpoint_url: '/gateway/chat/invocations', limit: { calls: 3, renewal_period: '2 minutes', key: null } },
  ]);
  expect(JSON.stringify(plan.endpointViews)).not.toContain('sk-secret');
});

test('a provider whose translation has not landed yet is refused at load, naming endpoint and provider', () => {
  const error = errorOf(() =>
    compile(`
endpoints:
  - name: ok
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-x, config: { anthropic_api_key: k } }
`),
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect(error.issues).toEqual([{ path: 'endpoints[1].model', message: "endpoint 'claude': the Anthropic provider is not available in this version of the gateway yet" }]);
  expect(error.message).toContain('config.yaml');
});

test('traffic routes keep only destinations with a share, with cumulative bounds', () => {
  const plan = compile(`
endpoints:
  - { name: a, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: b, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: c, endpoint_type: llm/v1/chat, model: { provider: mock } }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - { name: a, traffic_percentage: 30 }
      - { name: b, traffic_percentage: 0 }
      - { name: c, traffic_percentage: 70 }
`);
  const route = plan.routes.get('split')!;
  expect(route.strategy).toBe('TRAFFIC_SPLIT');
  if (route.strategy !== 'TRAFFIC_SPLIT') return;
  expect(route.destinations.map((destination) => [destination.target.name, destination.upTo])).toEqual([
    ['a', 0.3],
    ['c', 1],
  ]);
  expect(route.view.routing_strategy).toBe('TRAFFIC_SPLIT');
});
