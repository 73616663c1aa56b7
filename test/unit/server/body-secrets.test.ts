import { bodySecretsOf, namesSecretField, withBodySecrets, withoutBodySecrets } from '../../../src/server/body-secrets';

const functionTool = { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { headers: { type: 'string' } } } } };

describe('withoutBodySecrets', () => {
  test('a body without credential fields is returned itself, not copied (also with tools, null tokens and non-object items)', () => {
    const bodies = [
      { messages: [{ role: 'user', content: 'hi' }] },
      { messages: [], tools: [functionTool], mcp_servers: [{ type: 'url', url: 'https://mcp.example.com', name: 'a', authorization_token: null }, 'odd'] },
      { connectors: 'web-search' },
      [1, 2],
      null,
    ];
    for (const body of bodies) expect(withoutBodySecrets(body)).toBe(body);
  });

  test('each credential is [redacted], header names kept; items without one stay the same objects; the body is not changed', () => {
    const body = {
      model: 'claude',
      mcp_servers: [{ name: 'open', url: 'https://a.example' }, { name: 'closed', url: 'https://b.example', authorization_token: 'oauth-token-1234' }],
      connectors: [{ id: 'web-search' }, { id: 'drive', user_access_token: 'drive-token-5678' }],
      tools: [functionTool, { type: 'mcp', server_label: 'x', authorization: 'Bearer abcdefgh', headers: { 'X-Key': 'key-12345678', 'X-Short': 'ab' } }],
    };
    const before = structuredClone(body);
    const logged = withoutBodySecrets(body) as typeof body;
    expect(logged).toEqual({
      model: 'claude',
      mcp_servers: [body.mcp_servers[0], { name: 'closed', url: 'https://b.example', authorization_token: '[redacted]' }],
      connectors: [body.connectors[0], { id: 'drive', user_access_token: '[redacted]' }],
      tools: [functionTool, { type: 'mcp', server_label: 'x', authorization: '[redacted]', headers: { 'X-Key': '[redacted]', 'X-Short': '[redacted]' } }],
    });
    expect(logged.mcp_servers[0]).toBe(body.mcp_servers[0]);
    expect(logged.tools[0]).toBe(functionTool);
    expect(body).toEqual(before);
  });

  test("an MCP server's URL is logged without its password and query values (scheme, host and path as sent), and so is an mcp tool's server_url", () => {
    const body = {
      mcp_servers: [
        { type: 'url', name: 'wiki', url: 'https://mcp.example.com/sse' },
        { type: 'url', name: 'tickets', url: 'https://bot:hunter2-pw@tickets.example.com/mcp?token=tk-12345678&api-version=2' },
      ],
      tools: [{ type: 'mcp', server_label: 'docs', server_url: 'https://docs.example.com/mcp?key=docs-key-987654' }],
    };
    const logged = withoutBodySecrets(body) as typeof body;
    expect(logged).toEqual({
      mcp_servers: [body.mcp_servers[0], { type: 'url', name: 'tickets', url: 'https://bot:[redacted]@tickets.example.com/mcp?token=[redacted]&api-version=2' }],
      tools: [{ type: 'mcp', server_label: 'docs', server_url: 'https://docs.example.com/mcp?key=[redacted]' }],
    });
    expect(logged.mcp_servers[0]).toBe(body.mcp_servers[0]);
    // Looked for in a vendor's error: the password, the Basic header made of it, the query values.
    const basic = Buffer.from('bot:hunter2-pw').toString('base64');
    expect(bodySecretsOf(body)).toEqual(['hunter2-pw', `Basic ${basic}`, basic, 'tk-12345678', 'docs-key-987654']);
  });

  test("a key in an MCP server URL's path (Zapier's, Make's) is logged as [redacted], the path's words kept, and looked for in errors", () => {
    const zapierKey = 'NGY3ZDJhOTEtOGMzYi00ZTFhLWE5YjAtM2Y0ZTZkN2M4YjJh';
    const makeToken = '5c0f2d7e-93a1-4b8e-a6d4-1e2f7b9c3a80';
    const body = {
      mcp_servers: [{ type: 'url', name: 'zapier', url: `https://mcp.zapier.com/api/mcp/s/${zapierKey}/mcp` }],
      tools: [functionTool, { type: 'mcp', server_label: 'make', server_url: `https://eu1.make.com/mcp/api/v1/u/${makeToken}/sse?organizationId=42` }],
    };
    expect(withoutBodySecrets(body)).toEqual({
      mcp_servers: [{ type: 'url', name: 'zapier', url: 'https://mcp.zapier.com/api/mcp/s/[redacted]/mcp' }],
      tools: [functionTool, { type: 'mcp', server_label: 'make', server_url: 'https://eu1.make.com/mcp/api/v1/u/[redacted]/sse?organizationId=[redacted]' }],
    });
    expect(bodySecretsOf(body)).toEqual([zapierKey, makeToken]);
  });

  test('an object in a credential field keeps its keys, each value replaced whole; any other value is replaced', () => {
    const body = { mcp_servers: [{ name: 'a', authorization_token: { nested: { deep: 'secret-value' } } }, { name: 'b', authorization_token: ['secret-value'] }] };
    expect(withoutBodySecrets(body)).toEqual({ mcp_servers: [{ name: 'a', authorization_token: { nested: '[redacted]' } }, { name: 'b', authorization_token: '[redacted]' }] });
  });
});

test('bodySecretsOf: the string values of the credential fields, header values included, 8 characters or more', () => {
  const body = {
    mcp_servers: [{ name: 'a', authorization_token: 'oauth-token-1234' }, { name: 'b', authorization_token: 'short' }],
    tools: [functionTool, { type: 'mcp', authorization: 'Bearer abcdefgh', headers: { 'X-Key': 'key-12345678', 'X-Number': 12345678901 } }],
  };
  expect(bodySecretsOf(body)).toEqual(['oauth-token-1234', 'Bearer abcdefgh', 'key-12345678']);
  expect(bodySecretsOf({ messages: [] })).toEqual([]);
});

test('withBodySecrets reads nothing of the body until a failed call asks for its secrets: a call that succeeds walks no message', () => {
  const body = {
    messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://bucket.example/a.png?X-Amz-Signature=0123456789abcdef' } }] }],
    mcp_servers: [{ name: 'a', authorization_token: 'oauth-token-1234' }],
  };
  const read: PropertyKey[] = [];
  const watched = new Proxy(body, { get: (target, key, receiver) => (read.push(key), Reflect.get(target, key, receiver)) });
  const secrets = withBodySecrets(() => ['provider-key-5678'], watched);
  expect(read).toEqual([]);
  expect(secrets()).toEqual(['provider-key-5678', 'oauth-token-1234', '0123456789abcdef']);
  expect(read).toContain('messages');
});

test('namesSecretField: a credential field as a JSON key, not the word inside a string', () => {
  expect(namesSecretField('{"mcp_servers":[{"authorization_token":x}]')).toBe(true);
  expect(namesSecretField('{"tools":[{"headers":{')).toBe(true);
  expect(namesSecretField('{"messages":[{"content":"send the \\"headers\\" and authorization_token"}]')).toBe(false);
  expect(namesSecretField('{"mcp_servers":[{"url":"https://u:p@x')).toBe(true);
  expect(namesSecretField('{"tools":[{"type":"mcp","server_url":"https://x')).toBe(true);
  expect(namesSecretField('{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x')).toBe(false);
});
