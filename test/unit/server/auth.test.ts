import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { Catalog } from '../../../src/config/catalog';
import { compileAuth, sha256 } from '../../../src/config/client-keys';
import { createLimitBackend } from '../../../src/limits/limiter';
import { createMemoryStore } from '../../../src/limits/memory-store';
import { findClient, presentedKey, routeGroupOf } from '../../../src/server/auth';
import { silentLogger } from '../../../src/server/logging';
import { issuesOf, loadInline } from '../../support/config';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

describe('presentedKey', () => {
  test('reads Authorization: Bearer (any case) and x-api-key, Bearer first', () => {
    expect(presentedKey(request({ authorization: 'Bearer k1' }))).toBe('k1');
    expect(presentedKey(request({ authorization: 'bearer   k1 ' }))).toBe('k1');
    expect(presentedKey(request({ 'x-api-key': 'k2' }))).toBe('k2');
    expect(presentedKey(request({ authorization: 'Bearer k1', 'x-api-key': 'k2' }))).toBe('k1');
  });

  test('is null for other schemes, empty values and nothing', () => {
    expect(presentedKey(request({ authorization: 'Basic dXNlcjpwYXNz' }))).toBeNull();
    expect(presentedKey(request({ authorization: 'Bearer' }))).toBeNull();
    expect(presentedKey(request({ 'x-api-key': '' }))).toBeNull();
    expect(presentedKey(request({}))).toBeNull();
  });
});

test('routeGroupOf sorts paths into the groups the public_* switches name', () => {
  expect(['/health', '/', '/docs', '/docs/swagger-ui.css', '/openapi.json', '/metrics', '/api/2.0/endpoints/', '/v1/chat/completions', '/gateway/x/invocations', '/healthz'].map(routeGroupOf)).toEqual([
    'health',
    'docs',
    'docs',
    'docs',
    'docs',
    'metrics',
    'endpoint_list',
    'invocations',
    'invocations',
    'invocations',
  ]);
});

describe('compileAuth', () => {
  const chatView = { name: 'chat', endpoint_type: 'llm/v1/chat', model: { name: 'echo', provider: 'mock' }, endpoint_url: '/gateway/chat/invocations', limit: null, token_limit: null } as const;
  const names: Catalog = {
    endpointViews: [chatView],
    legacyViews: [{ name: 'chat', route_type: 'llm/v1/chat', model: chatView.model, route_url: chatView.endpoint_url, limit: null, token_limit: null }],
    models: [
      { id: 'chat', object: 'model', created: 0, owned_by: 'mock' },
      { id: 'route', object: 'model', created: 0, owned_by: 'llm-gateway' },
    ],
  };
  const backend = () => createLimitBackend({ store: createMemoryStore(), label: 'memory', logger: silentLogger });
  const hex = createHash('sha256').update('hashed-key').digest('hex');

  test('keeps only digests, and a sha256: key is used as the digest', () => {
    const { plan, issues } = compileAuth({ api_keys: [{ name: 'a', key: 'plain-key' }, { name: 'b', key: `sha256:${hex}`, endpoints: ['route'] }] }, names, backend);
    expect(issues).toEqual([]);
    expect(plan!.keys.map((key) => [key.name, key.digest.toString('hex'), key.endpoints && [...key.endpoints]])).toEqual([
      ['a', sha256('plain-key').toString('hex'), null],
      ['b', hex, ['route']],
    ]);
    expect(JSON.stringify(plan)).not.toContain('plain-key');
    // What each key lists is cut once, here: all of it, or only what it may call.
    expect(plan!.keys[0].catalog).toBe(names);
    expect(plan!.keys[1].catalog).toEqual({ endpointViews: [], legacyViews: [], models: [names.models[1]] });
    expect(findClient(plan!, 'hashed-key')?.name).toBe('b');
    expect(findClient(plan!, 'plain-key')?.name).toBe('a');
    expect(findClient(plan!, `sha256:${hex}`)).toBeNull();
  });

  test('defaults: docs open, endpoint list and metrics closed', () => {
    const { plan } = compileAuth({ api_keys: [{ name: 'a', key: 'k' }] }, names, backend);
    expect(plan).toMatchObject({ publicDocs: true, publicEndpointList: false, publicMetrics: false });
    expect(compileAuth(undefined, names, backend)).toEqual({ plan: null, issues: [] });
  });

  test('reports bad digests, unknown endpoints, duplicate names and duplicate keys without quoting a key', () => {
    const { issues } = compileAuth(
      {
        api_keys: [
          { name: 'a', key: 'sha256:abc' },
          { name: 'a', key: 'same-secret', endpoints: ['nope'] },
          { name: 'c', key: 'same-secret' },
        ],
      },
      names,
      backend,
    );
    expect(issues).toEqual([
      { path: 'auth.api_keys[0].key', message: "a 'sha256:' key must be followed by the 64 hexadecimal digits of the key's SHA-256" },
      { path: 'auth.api_keys[1].name', message: "duplicate key name 'a': each key needs its own name" },
      { path: 'auth.api_keys[1].endpoints', message: "'nope' is not an endpoint or route of this config" },
      { path: 'auth.api_keys', message: 'two entries hold the same key: each key must be unique so that it names one client' },
    ]);
    expect(JSON.stringify(issues)).not.toContain('same-secret');
  });
});

describe('loading auth:', () => {
  const base = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;
  test('resolves $ENV keys and keeps sha256: values as they are', () => {
    const config = loadInline(`${base}auth:\n  api_keys:\n    - { name: a, key: $CLIENT_KEY }\n    - { name: b, key: "sha256:${'0'.repeat(64)}" }\n`, { CLIENT_KEY: 'from-env' });
    expect(config.auth?.api_keys.map((entry) => entry.key)).toEqual(['from-env', `sha256:${'0'.repeat(64)}`]);
  });

  test('an unset variable, an unknown field and an empty key list are reported with their paths', () => {
    expect(issuesOf(`${base}auth:\n  api_keys:\n    - { name: a, key: $MISSING_KEY }\n`)).toEqual([{ path: 'auth.api_keys[0].key', message: "environment variable 'MISSING_KEY' is not set" }]);
    expect(issuesOf(`${base}auth:\n  api_keys: []\n`).map((issue) => issue.path)).toEqual(['auth.api_keys']);
    expect(issuesOf(`${base}auth:\n  api_keys: [{ name: a, key: k }]\n  public_doc: true\n`)).toEqual([{ path: 'auth.public_doc', message: "is not a known key here (did you mean 'public_docs'?)" }]);
  });

  test('an unknown key is never told to be a key its mapping already has: the keys allowed there are listed instead', () => {
    const issues = issuesOf(`${base}auth:\n  api_keys:\n    - { name: ci, nmae: deploy-bot, key: k }\n`);
    expect(issues).toEqual([{ path: 'auth.api_keys[0].nmae', message: expect.stringMatching(/^is not a known key here \(the keys allowed here are: name, key, /) }]);
  });
});
