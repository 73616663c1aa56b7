/**
 * A large config for bench/config-scale.ts and bench/reload-block.ts: half `mock` endpoints, half
 * `openai` ones with an `openai_api_base`, a third of them embeddings, every fourth with a call
 * limit; traffic routes over chat endpoints; client keys, each limited to an endpoint and a route,
 * with a limit of its own, and one key (LOAD_KEY) for every endpoint.
 */
import { createHash } from 'node:crypto';

/** The client key that may call every endpoint, and /metrics. */
export const LOAD_KEY = 'bench-load-key';

/** How large the config is. */
export interface LargeConfigSize {
  endpoints: number;
  routes: number;
  keys: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Endpoint `i` is a chat endpoint unless i % 3 === 2; a `mock` one when i is even. */
const isChat = (index: number) => index % 3 !== 2;

function endpointYaml(index: number): string[] {
  const lines = [`  - name: endpoint-${index}`, `    endpoint_type: ${isChat(index) ? 'llm/v1/chat' : 'llm/v1/embeddings'}`, '    model:'];
  if (index % 2 === 0) lines.push('      provider: mock', `      name: mock-${index}`);
  // Never called: the requests go to mock endpoints.
  else lines.push('      provider: openai', `      name: model-${index}`, '      config:', `        openai_api_key: sk-bench-${index}`, '        openai_api_base: http://127.0.0.1:9/v1');
  if (index % 4 === 0) lines.push('    limit:', '      renewal_period: minute', '      calls: 1000000');
  return lines;
}

/** A traffic route over two of the chat endpoints (their indexes in `chat`). */
function routeYaml(route: number, chat: number[]): string[] {
  const first = chat[(route * 2) % chat.length];
  const second = chat[(route * 2 + 1) % chat.length];
  const destination = (name: number) => [`      - name: endpoint-${name}`, '        traffic_percentage: 50'];
  return [`  - name: route-${route}`, '    task_type: llm/v1/chat', '    destinations:', ...destination(first), ...destination(second)];
}

/** The YAML text of a config of that size. */
export function largeConfig(options: LargeConfigSize): string {
  const chat = [...Array(options.endpoints).keys()].filter(isChat);
  const keys = [...Array(options.keys).keys()].flatMap((key) => [
    `    - name: key-${key}`,
    `      key: "sha256:${sha256(`bench-key-${key}`)}"`,
    `      endpoints: [endpoint-${(key * 3) % options.endpoints}, route-${key % options.routes}]`,
    '      limit: { calls: 100, renewal_period: hour }',
  ]);
  return [
    'endpoints:',
    ...[...Array(options.endpoints).keys()].flatMap(endpointYaml),
    'routes:',
    ...[...Array(options.routes).keys()].flatMap((route) => routeYaml(route, chat)),
    'auth:',
    '  api_keys:',
    // The load's own key: every endpoint, and /metrics.
    '    - name: bench-load',
    `      key: "sha256:${sha256(LOAD_KEY)}"`,
    ...keys,
    '',
  ].join('\n');
}
