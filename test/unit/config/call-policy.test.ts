/** The timeouts and retries an endpoint's calls get: the built-in defaults, and what operators set over them. */
import { compilePlan } from '../../../src/config/compile';
import { GatewayError } from '../../../src/errors';
import { silentLogger } from '../../../src/server/logging';
import { retryWait } from '../../../src/server/retry';
import { loadInline } from '../../support/config';

const policyOf = (yaml: string, name = 'chat') => compilePlan(loadInline(yaml), 'config.yaml', { now: () => 42, logger: silentLogger }).endpoints.get(name)!.callPolicy;

const chat = (name: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: o3, config: { openai_api_key: sk-x } }${extra}`;

/** MLflow's gateway lets any call run 300 s (mlflow-gateway-behaviour.md, §1). */
const MLFLOW_UPSTREAM_TIMEOUT_MS = 300_000;

test('by default nothing a call MLflow would serve is cut: first_byte and idle wait 300 s, total 600 s', () => {
  // A reasoning model without a stream sends its headers only with its whole answer, often after 2 to 5 minutes.
  expect(policyOf(`endpoints:${chat('chat')}\n`).timeouts).toEqual({ connect: 10_000, firstByte: 300_000, idle: 300_000, total: 600_000 });
});

test('a first_byte or idle timeout at the defaults is not sent again: no retry starts past max_elapsed', () => {
  const { timeouts, retries } = policyOf(`endpoints:${chat('chat')}\n`);
  const timedOut = GatewayError.upstreamTimeout("OpenAI sent no response within 300 s for endpoint 'chat' (first_byte timeout).");
  for (const elapsedMs of [timeouts.firstByte, timeouts.idle, MLFLOW_UPSTREAM_TIMEOUT_MS]) {
    expect(retryWait({ error: timedOut, policy: retries, attempts: 1, elapsedMs, remainingMs: timeouts.total - elapsedMs, random: () => 0.5 })).toBeNull();
  }
});

test('operators still set shorter timeouts, for every endpoint or for one, and a short one is retried', () => {
  const yaml = `
defaults:
  timeouts: { first_byte: 20, idle: 15 }
endpoints:${chat('chat')}${chat('fast', '\n    timeouts: { first_byte: 5, total: 60 }')}
`;
  expect(policyOf(yaml).timeouts).toEqual({ connect: 10_000, firstByte: 20_000, idle: 15_000, total: 600_000 });
  const fast = policyOf(yaml, 'fast');
  expect(fast.timeouts).toEqual({ connect: 10_000, firstByte: 5_000, idle: 15_000, total: 60_000 });
  const timedOut = GatewayError.upstreamTimeout("OpenAI sent no response within 5 s for endpoint 'fast' (first_byte timeout).");
  expect(retryWait({ error: timedOut, policy: fast.retries, attempts: 1, elapsedMs: 5_000, remainingMs: 55_000, random: () => 0.5 })).toBe(125);
});
