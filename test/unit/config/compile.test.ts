/** compilePlan: what is worked out once at config load. */
import { compilePlan } from '../../../src/config/compile';
import { ConfigError } from '../../../src/config/config-error';
import { createLimitBackend, type LimitBackend } from '../../../src/limits/limiter';
import { createMemoryStore } from '../../../src/limits/memory-store';
import { silentLogger } from '../../../src/server/logging';
import { configPath, errorOf, loadInline } from '../../support/config';

const compile = (yaml: string) => compilePlan(loadInline(yaml), 'config.yaml', { now: () => 42, logger: silentLogger });

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
    {
      name: 'chat',
      endpoint_type: 'llm/v1/chat',
      model: { name: 'm', provider: 'openai' },
      endpoint_url: '/gateway/chat/invocations',
      limit: { calls: 3, renewal_period: '2 minutes', key: null },
      token_limit: null,
    },
  ]);
  expect(JSON.stringify(plan.endpointViews)).not.toContain('sk-secret');
});

test("a token budget is shown as token_limit, and limit stays MLflow's call limit (its client requires an integer calls)", () => {
  const plan = compile(`
endpoints:
  - { name: tokens-only, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { tokens: 1000, renewal_period: hour } }
  - { name: both, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 5, tokens: 1000, renewal_period: hour } }
`);
  const limits = (name: string) => {
    const { limit, token_limit } = plan.endpoints.get(name)!.view;
    return { limit, token_limit, legacy: plan.endpoints.get(name)!.legacyView.limit };
  };
  expect(limits('tokens-only')).toEqual({ limit: null, token_limit: { tokens: 1000, renewal_period: 'hour' }, legacy: null });
  expect(limits('both')).toEqual({
    limit: { calls: 5, renewal_period: 'hour', key: null },
    token_limit: { tokens: 1000, renewal_period: 'hour' },
    legacy: { calls: 5, renewal_period: 'hour', key: null },
  });
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

test('fallback routes keep their order and may name routes; splits may name fallback routes', () => {
  const plan = compile(`
endpoints:
  - { name: a, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: b, endpoint_type: llm/v1/chat, model: { provider: mock } }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations: [{ name: b-first, traffic_percentage: 40 }, { name: a, traffic_percentage: 60 }]
  - { name: b-first, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: b }, { name: a }] }
`);
  const fallback = plan.routes.get('b-first')!;
  const split = plan.routes.get('split')!;
  expect(fallback.strategy === 'FALLBACK' && fallback.destinations.map((target) => target.name)).toEqual(['b', 'a']);
  expect(split.strategy === 'TRAFFIC_SPLIT' && split.destinations.map(({ target, upTo }) => [target.kind, target.name, upTo])).toEqual([
    ['route', 'b-first', 0.4],
    ['endpoint', 'a', 1],
  ]);
  // The route a split names is the same compiled object, not a copy.
  expect(split.strategy === 'TRAFFIC_SPLIT' && split.destinations[0].target).toBe(fallback);
  expect(fallback.view).toEqual({ name: 'b-first', task_type: 'llm/v1/chat', destinations: [{ name: 'b' }, { name: 'a' }], routing_strategy: 'FALLBACK' });
});

describe('limiters', () => {
  const limited = (limit: string) => `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: ${limit} }
  - { name: free, endpoint_type: llm/v1/chat, model: { provider: mock } }
`;
  const withBackend = (yaml: string, backend: LimitBackend) => compilePlan(loadInline(yaml), 'config.yaml', { limitBackend: backend });

  test('are built at load for limited endpoints only', () => {
    const plan = withBackend(limited('{ calls: 1, renewal_period: minute }'), createLimitBackend({ store: createMemoryStore(), label: 'memory', logger: silentLogger }));
    expect(plan.endpoints.get('chat')!.limiter).not.toBeNull();
    expect(plan.endpoints.get('free')!.limiter).toBeNull();
  });

  test('counters survive a reload that keeps the renewal period (also with new numbers), and start fresh for a new period', async () => {
    const backend = createLimitBackend({ store: createMemoryStore(), label: 'memory', logger: silentLogger });
    const admit = (limit: string) => withBackend(limited(limit), backend).endpoints.get('chat')!.limiter!.admit();
    await admit('{ calls: 3, renewal_period: minute }');
    await admit('{ calls: 3, renewal_period: minute }');
    await expect(admit('{ calls: 2, renewal_period: minute }')).rejects.toMatchObject({ status: 429 });
    await expect(admit('{ calls: 2, renewal_period: 2 minutes }')).resolves.toBe(true);
  });

  test('a renewal period of 0 units is refused at its YAML path', () => {
    const error = errorOf(() => compile(limited('{ calls: 1, renewal_period: 0 minutes }')));
    expect(error.issues).toEqual([{ path: 'endpoints[0].limit.renewal_period', message: "endpoint 'chat': the renewal period must be at least 1 minute" }]);
  });
});

test("an adapter's refusal of an endpoint is reported at the endpoint's model, naming the endpoint, by the config check", () => {
  const error = errorOf(() =>
    compile(`
endpoints:
  - name: ok
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, config: { anthropic_api_key: sk-ant-secret } }
`),
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect(error.issues).toHaveLength(1);
  expect(error.issues[0].path).toBe('endpoints[1].model');
  expect(error.issues[0].message).toMatch(/^endpoint 'claude': .*model\.name/);
  expect(error.message).toContain(configPath);
  expect(error.message).not.toContain('sk-ant-secret');
});

test("a base URL's password is one of the endpoint's secrets (redacted from every error), and beside a key's Authorization header it is refused", () => {
  const plan = compile(`
endpoints:
  - name: tgi
    endpoint_type: llm/v1/completions
    model: { provider: huggingface-text-generation-inference, config: { hf_server_url: "https://gateway:tgi-password-42@tgi.internal" } }
`);
  const basic = Buffer.from('gateway:tgi-password-42').toString('base64');
  expect(plan.endpoints.get('tgi')!.secrets).toEqual([`Basic ${basic}`, basic, 'tgi-password-42']);
  const error = errorOf(() =>
    compile(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-secret, openai_api_base: "https://user:password-42@llm.internal/v1" } }
`),
  );
  expect(error.issues).toEqual([{ path: 'endpoints[0].model', message: expect.stringMatching(/^endpoint 'chat': the base URL holds credentials/) }]);
  expect(error.message).not.toContain('password-42');
});

test("cohere_api_v2_base is checked like cohere_api_base: credentials beside the key are refused at load without quoting them, and its query's values are secrets", () => {
  const error = errorOf(() =>
    compile(`
endpoints:
  - name: cohere
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-secret-key, cohere_api_v2_base: "https://user:v2-password-42@proxy.internal/cohere-v2" } }
`),
  );
  expect(error.issues).toEqual([{ path: 'endpoints[0].model', message: expect.stringMatching(/^endpoint 'cohere': the base URL holds credentials/) }]);
  expect(error.message).not.toContain('v2-password-42');
  const plan = compile(`
endpoints:
  - name: cohere
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-secret-key, cohere_api_v2_base: "https://proxy.internal/cohere-v2?token=v2-proxy-token-42" } }
`);
  expect(plan.endpoints.get('cohere')!.secrets).toEqual(['v2-proxy-token-42', 'co-secret-key']);
});

test("the values in a base URL's query string are secrets, as sent and decoded; Azure's api-version is not", () => {
  const plan = compile(`
endpoints:
  - name: function
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-secret-key, openai_api_base: "https://fn.example/api/v1?code=AzFn-key-0123456789&api-version=2024-10-21" } }
  - name: sas
    endpoint_type: llm/v1/completions
    model: { provider: huggingface-text-generation-inference, config: { hf_server_url: "https://tgi.example/?sv=2022-11-02&sig=k7Q%2B2hX%2F9mZr4Lw1pVb8%3D&note=a+b+c+d+e" } }
  - name: bedrock
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: { aws_config: { aws_region: us-east-1, aws_endpoint_url: "https://vpce.example/?token=vpce-token-42" } } }
`);
  expect(plan.endpoints.get('function')!.secrets).toEqual(['AzFn-key-0123456789', 'sk-secret-key']);
  expect(plan.endpoints.get('sas')!.secrets).toEqual(['k7Q%2B2hX%2F9mZr4Lw1pVb8%3D', 'k7Q+2hX/9mZr4Lw1pVb8=', '2022-11-02', 'a+b+c+d+e', 'a b c d e']);
  expect(plan.endpoints.get('bedrock')!.secrets).toEqual(['vpce-token-42']);
});

test('logging: bodies off and 100kb per body by default; max_body_size in characters, at most 16mb, reported at its YAML path', () => {
  const endpoints = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;
  expect(compile(endpoints).logging).toEqual({ bodies: false, maxBodyChars: 100 * 1024 });
  expect(compile(`${endpoints}logging: { bodies: true, max_body_size: 2kb }`).logging).toEqual({ bodies: true, maxBodyChars: 2048 });
  expect(compile(`${endpoints}logging: { max_body_size: 16mb }`).logging.maxBodyChars).toBe(16 * 1024 * 1024);
  const error = errorOf(() => compile(`${endpoints}logging: { bodies: true, max_body_size: 17mb }`));
  expect(error.issues).toEqual([{ path: 'logging.max_body_size', message: 'must be at most 16mb (16777216 bytes)' }]);
  expect(error.message).toContain('inline.yaml');
});

test('response_store: on, 16mb and an hour by default; max_size a size, max_age seconds; a size under a byte is refused at its YAML path', () => {
  const endpoints = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;
  expect(compile(endpoints).responseStore).toEqual({ enabled: true, maxBytes: 16 * 1024 ** 2, maxAgeMs: 3_600_000 });
  expect(compile(`${endpoints}response_store: { max_size: 1.5MB, max_age: 0.5 }`).responseStore).toEqual({ enabled: true, maxBytes: 1.5 * 1024 ** 2, maxAgeMs: 500 });
  expect(compile(`${endpoints}response_store: { enabled: false }`).responseStore.enabled).toBe(false);
  expect(errorOf(() => compile(`${endpoints}response_store: { max_size: 0.1b }`)).issues).toEqual([{ path: 'response_store.max_size', message: 'must be at least 1 byte (to keep nothing, set enabled: false)' }]);
  expect(errorOf(() => compile(`${endpoints}response_store: { max_size: 32MiB, max_age: 0 }`)).issues).toEqual([
    { path: 'response_store.max_size', message: 'must be a size: a number of bytes, or a number with b, kb, mb or gb (10mb, 1.5 MB)' },
    { path: 'response_store.max_age', message: 'must be more than 0' },
  ]);
});

test('sizes take their unit in any case (10MB, as most tools write it); a size that is not one says what a size is', () => {
  const endpoints = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;
  const plan = compile(`${endpoints}server: { max_body_size: 10MB, max_answer_size: 300 Mb, max_in_flight_body_size: 1.5 GB }\nlogging: { max_body_size: 2KB }`);
  expect([plan.server.maxBodyBytes, plan.server.maxAnswerBytes, plan.server.maxInFlightBodyBytes, plan.logging.maxBodyChars]).toEqual([10 * 1024 ** 2, 300 * 1024 ** 2, 1.5 * 1024 ** 3, 2048]);
  const error = errorOf(() => compile(`${endpoints}server: { max_body_size: 10MiB, max_in_flight_body_size: 1GiB }\nlogging: { max_body_size: 2k }`));
  const message = 'must be a size: a number of bytes, or a number with b, kb, mb or gb (10mb, 1.5 MB)';
  expect(error.issues).toEqual([
    { path: 'server.max_body_size', message },
    { path: 'server.max_in_flight_body_size', message },
    { path: 'logging.max_body_size', message },
  ]);
});

test('compiling a config with limits again, as every reload does, starts no timer (no logger made per compile)', () => {
  const limited = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 5, renewal_period: minute } }
auth:
  api_keys:
    - { name: team, key: team-key-123456, limit: { calls: 5, renewal_period: minute } }
`;
  const compileAsReload = () => compilePlan(loadInline(limited), 'config.yaml', { logger: silentLogger });
  compileAsReload();
  const setInterval = jest.spyOn(global, 'setInterval');
  try {
    for (let reload = 0; reload < 20; reload += 1) compileAsReload();
    expect(setInterval).not.toHaveBeenCalled();
  } finally {
    setInterval.mockRestore();
  }
});
