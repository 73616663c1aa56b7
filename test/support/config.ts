/** Helpers for config-loader tests: load inline YAML and collect the issues it reports. */
import { join } from 'node:path';
import type { GatewayConfig } from '../../generated/config';
import { ConfigError, type ConfigIssue } from '../../src/config/config-error';
import { parseConfigText } from '../../src/config/load';

/** A path inside test/fixtures/config, so relative secret files resolve from there. */
export const configPath = join(__dirname, '..', 'fixtures', 'config', 'inline.yaml');

export function loadInline(text: string, env: NodeJS.ProcessEnv = {}): GatewayConfig {
  return parseConfigText(text, configPath, { env });
}

/** Runs `load` and returns the ConfigError it throws (fails the test when it does not throw one). */
export function errorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

export function issuesOf(text: string, env: NodeJS.ProcessEnv = {}): ConfigIssue[] {
  return errorOf(() => loadInline(text, env)).issues;
}

/** One OpenAI chat endpoint as YAML list item; `extra` is appended to the key. */
export const chatEndpoint = (name: string, extra = ''): string => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: sk-test${extra}
`;

/** `levels` anchors `lol0`…, each a list of ten aliases of the one before: 10^levels values from a few lines ("billion laughs"). */
export const aliasBomb = (levels: number): string =>
  Array.from({ length: levels }, (_, level) => (level === 0 ? 'lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]' : `lol${level}: &lol${level} [${Array(10).fill(`*lol${level - 1}`).join(', ')}]`)).join('\n');
