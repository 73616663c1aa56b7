/**
 * A secret written where a key's name goes (pasted as the key, or into the name) is never printed
 * whole by the config's messages: the unknown-key warning, a refused config's errors, a repeated key.
 */
import configSchema from '../../../config-schema/gateway-config.schema.json';
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';
import { looksLikeSecret } from '../../../src/config/secret-like-keys';
import { compileConfigText, warnAboutConfig } from '../../../src/server/reload';
import { captureLog } from '../../support/log-capture';

const OPENAI_KEY = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6h';
const KEY_IN_NAME = 'openai_api_key_sk-proj-Zy9xWv6uTs3rQp0oNm7lKj4iHg1fEd8c';
const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const HF_TOKEN = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

/** Every key name the config schema reads, at any level. */
function schemaKeyNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => schemaKeyNames(item, names));
  else if (node !== null && typeof node === 'object') {
    const { properties } = node as { properties?: Record<string, unknown> };
    Object.keys(properties ?? {}).forEach((name) => names.add(name));
    Object.values(node).forEach((value) => schemaKeyNames(value, names));
  }
  return names;
}

describe('looksLikeSecret', () => {
  it('is false for every key the config reads and for keys a config writes by mistake', () => {
    const known = [...schemaKeyNames(configSchema)];
    expect(known.length).toBeGreaterThan(50);
    const typos = ['limits', 'temprature', 'openai_api_bse', 'hf_server_url_fallback', 'max_tokens_per_request_limit', 'maxTokensPerRequest', 'x-anchors', 'sk-live 123'];
    expect([...known, ...typos].filter(looksLikeSecret)).toEqual([]);
  });

  it("is true for vendors' keys, pasted alone or into a name", () => {
    const azureKey = '0123456789abcdef0123456789abcdef';
    const mistralKey = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ012345';
    const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const googleKey = 'AIzaSyA1b2C3d4E5f6G7h8I9j0K_lMnOpQrStUv';
    expect([OPENAI_KEY, KEY_IN_NAME, AWS_KEY_ID, HF_TOKEN, azureKey, mistralKey, awsSecret, googleKey, 'sk-ant-api03-AbCdEf012345-GhIjKl'].filter((key) => !looksLikeSecret(key))).toEqual([]);
  });
});

const shown = (start: string) => `key starting "${start}" (not shown whole: it looks like a secret)`;

it("the unknown-key warning names such a key by its first characters and says why; the log line never holds it", async () => {
  const text = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    ${KEY_IN_NAME}: x
    model:
      provider: mock
      config:
        ${OPENAI_KEY}:
`;
  const { lines, logger } = captureLog();
  warnAboutConfig(await compileConfigText(text, 'config.yaml', logger), 'config.yaml', logger);
  expect(lines).toHaveLength(1);
  const line = JSON.parse(lines[0]) as { msg: string; ignoredKeys: string[] };
  expect(line.ignoredKeys).toEqual([`endpoints[0][${shown('open')}]`, `endpoints[0].model.config[${shown('sk-p')}]`]);
  expect(line.msg).toContain(`endpoints[0].model.config[${shown('sk-p')}] is not a known key here and is ignored`);
  expect(lines.filter((logged) => logged.includes('Ab3dEf6h') || logged.includes('Zy9xWv6u'))).toEqual([]);
});

it("a refused config's errors and a repeated key name such a key by its first characters", () => {
  const text = `
auth:
  api_keys:
    - { name: team, key: team-key-0123456789, ${AWS_KEY_ID}: 1 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: mock
      config: { ${HF_TOKEN}: 1, ${HF_TOKEN}: 2 }
`;
  let refusal: unknown;
  try {
    parseConfigText(text, 'config.yaml', { env: {} });
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(ConfigError);
  const { message, ignoredKeys } = refusal as ConfigError;
  expect(message).toContain(`auth.api_keys[0][${shown('AKIA')}]: is not a known key here`);
  expect(ignoredKeys[0].path).toBe(`${shown('hf_A')} at line 10, column 61`);
  expect(JSON.stringify({ message, ignoredKeys })).not.toMatch(/IOSFODNN7|AbCdEfGhIj/);
});

it('a key pasted where a value is quoted (an API type, a provider, an endpoint type) is named by its first characters; other refused values are quoted whole', () => {
  const text = `
endpoints:
  - name: chat
    endpoint_type: ${HF_TOKEN}
    model: { provider: mock }
  - name: azure
    endpoint_type: llm/v1/chat
    model: { provider: openai, config: { openai_api_key: x, openai_api_type: ${OPENAI_KEY} } }
  - name: other
    endpoint_type: llm/v1/chat
    model: { provider: ${AWS_KEY_ID} }
  - name: typo
    endpoint_type: llm/v1/chat
    model: { provider: openai, config: { openai_api_key: x, openai_api_type: azure_ad } }
`;
  let refusal: unknown;
  try {
    parseConfigText(text, 'config.yaml', { env: {} });
  } catch (error) {
    refusal = error;
  }
  const { message } = refusal as ConfigError;
  const value = (start: string) => `a value starting "${start}" (not shown whole: it looks like a secret) is not supported`;
  expect(message).toContain(`endpoints[0].endpoint_type: ${value('hf_A')}; must be one of: llm/v1/chat`);
  // The API type is read in lower case, as MLflow does.
  expect(message).toContain(`endpoints[1].model.config.openai_api_type: ${value('sk-p')}; must be one of: openai, azure, azuread`);
  expect(message).toContain(`endpoints[2].model.provider: ${value('AKIA')}; must be a built-in provider`);
  expect(message).toContain("endpoints[3].model.config.openai_api_type: 'azure_ad' is not supported");
  expect(message.toLowerCase()).not.toMatch(/iosfodnn7|abcdefghij|ab3def6h/);
});

it("a key pasted into a client key's endpoints or a route's destinations is named by its first characters; other names are quoted whole", () => {
  const text = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock } }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations: [{ name: ${OPENAI_KEY}, traffic_percentage: 50 }, { name: chta, traffic_percentage: 50 }]
auth:
  api_keys:
    - { name: ci, key: gw-ci-key, endpoints: [chat, ${HF_TOKEN}, chta] }
`;
  let refusal: unknown;
  try {
    parseConfigText(text, 'config.yaml', { env: {} });
  } catch (error) {
    refusal = error;
  }
  const { issues, message } = refusal as ConfigError;
  const shown = (start: string) => `a value starting "${start}" (not shown whole: it looks like a secret)`;
  expect(issues).toEqual([
    { path: 'routes[0].destinations[0].name', message: `The route destination name must be an endpoint or route name, but the route 'split' has an invalid destination name ${shown('sk-p')}` },
    { path: 'routes[0].destinations[1].name', message: "The route destination name must be an endpoint or route name, but the route 'split' has an invalid destination name 'chta'" },
    { path: 'auth.api_keys[0].endpoints', message: `${shown('hf_A')} is not an endpoint or route of this config` },
    { path: 'auth.api_keys[0].endpoints', message: "'chta' is not an endpoint or route of this config" },
  ]);
  expect(message.toLowerCase()).not.toMatch(/abcdefghij|ab3def6h/);
});
