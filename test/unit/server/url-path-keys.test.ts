import { isKeySegment, pathKeysOf, withoutPathKeys } from '../../../src/server/url-path-keys';
import { leastCpuMillisecondsOf } from '../../support/timeouts';

/**
 * Hosted MCP servers' URLs with the key in the path, in the shapes their pages show (the keys here are
 * made up, of the same length and alphabet):
 * - Zapier: "Server URL" in https://docs.zapier.com/mcp/authentication, `https://mcp.zapier.com/api/mcp/s/<secret>/mcp`
 *   (a base64 key, `=` padded); formerly `https://actions.zapier.com/mcp/sk-ak-<key>/sse` (the OpenAI Agents SDK's
 *   Zapier example, LiteLLM's MCP docs).
 * - Make: https://developers.make.com/mcp-server, `https://<MAKE_ZONE>/mcp/api/v1/u/<MCP_TOKEN>/sse`, a UUID token;
 *   `/stream?organizationId=…` for streamable HTTP.
 * - n8n: https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-langchain.mcptrigger, the MCP Server
 *   Trigger's production URL `https://<host>/mcp/<path, a UUID by default>/sse`.
 * - Composio: github.com/ComposioHQ/Composio-MCP README, `https://mcp.composio.dev/notion/<UUID>`; its v3
 *   servers `https://backend.composio.dev/v3/mcp/<UUID>/mcp?user_id=…`.
 * - A JWT as a path segment (self-hosted SSE servers that take `/sse/<token>`).
 */
const KEYED_URLS: [sent: string, logged: string, keys: string[]][] = [
  [
    'https://mcp.zapier.com/api/mcp/s/NGY3ZDJhOTEtOGMzYi00ZTFhLWE5YjAtM2Y0ZTZkN2M4YjJhOjE0ZGUyZjZhLTk4YjctNGMxNS1hZjAzLTZiOGQ3ZTJjOWEwMQ==/mcp',
    'https://mcp.zapier.com/api/mcp/s/[redacted]/mcp',
    ['NGY3ZDJhOTEtOGMzYi00ZTFhLWE5YjAtM2Y0ZTZkN2M4YjJhOjE0ZGUyZjZhLTk4YjctNGMxNS1hZjAzLTZiOGQ3ZTJjOWEwMQ=='],
  ],
  ['https://actions.zapier.com/mcp/sk-ak-Qx7LmR2vTz9KpWc4HnYb3JdFs8/sse', 'https://actions.zapier.com/mcp/[redacted]/sse', ['sk-ak-Qx7LmR2vTz9KpWc4HnYb3JdFs8']],
  ['https://eu1.make.com/mcp/api/v1/u/5c0f2d7e-93a1-4b8e-a6d4-1e2f7b9c3a80/sse', 'https://eu1.make.com/mcp/api/v1/u/[redacted]/sse', ['5c0f2d7e-93a1-4b8e-a6d4-1e2f7b9c3a80']],
  [
    'https://us2.make.com/mcp/api/v1/u/5C0F2D7E-93A1-4B8E-A6D4-1E2F7B9C3A80/stream?organizationId=4994164',
    'https://us2.make.com/mcp/api/v1/u/[redacted]/stream?organizationId=4994164',
    ['5C0F2D7E-93A1-4B8E-A6D4-1E2F7B9C3A80'],
  ],
  ['https://n8n.acme.io/mcp/8a4e1f62-0d3b-4c9a-b7e5-2f6d8c1a9b34/sse', 'https://n8n.acme.io/mcp/[redacted]/sse', ['8a4e1f62-0d3b-4c9a-b7e5-2f6d8c1a9b34']],
  ['https://mcp.composio.dev/notion/3f9b2c1d-7e4a-4f8b-9c6d-0a1b2c3d4e5f', 'https://mcp.composio.dev/notion/[redacted]', ['3f9b2c1d-7e4a-4f8b-9c6d-0a1b2c3d4e5f']],
  [
    'https://mcp.internal:8443/sse/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.Kx9vQm2TzLp4Wc7HnYb3JdFs8R1aE6uG0iO5yXwVtU',
    'https://mcp.internal:8443/sse/[redacted]',
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.Kx9vQm2TzLp4Wc7HnYb3JdFs8R1aE6uG0iO5yXwVtU'],
  ],
];

/** Paths of words: what a log needs to say which server was called (Smithery, GitMCP, a Gradio Space, Atlassian, Azure Functions, a dated model name). */
const PLAIN_URLS = [
  'https://server.smithery.ai/@smithery-ai/github/mcp',
  'https://gitmcp.io/modelcontextprotocol/typescript-sdk',
  'https://abidlabs-mcp-tools.hf.space/gradio_api/mcp/sse',
  'https://mcp.atlassian.com/v1/sse',
  'https://contoso-mcp.azurewebsites.net/runtime/webhooks/mcp/sse',
  'https://mcp.example.com/models/claude-sonnet-4-5-20250929/sse',
  'https://mcp.pipedream.net/user-4821/google_calendar',
  'https://mcp.example.com/github-mcp-server-v2/2025-06-18/sse',
];

test.each(KEYED_URLS)('%s: the key in its path is [redacted], every other segment, the host and the query kept', (sent, logged, keys) => {
  expect(withoutPathKeys(sent)).toBe(logged);
  expect(pathKeysOf(sent)).toEqual(keys);
});

test.each(PLAIN_URLS)('%s: a path of words is kept whole, the same string', (url) => {
  expect(withoutPathKeys(url)).toBe(url);
  expect(pathKeysOf(url)).toEqual([]);
});

test('a segment is a key when it is a UUID, or holds a run of 16 letters and digits mixed, or of 32 whatever they are', () => {
  expect(isKeySegment('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toBe(true);
  expect(isKeySegment('Ab3dEf6hIj9kLm2n')).toBe(true);
  expect(isKeySegment('Ab3dEf6hIj9kLm2')).toBe(false);
  expect(isKeySegment('abcdefghijklmnopqrstuvwxyzabcdef')).toBe(true);
  expect(isKeySegment('abcdefghijklmnopqrstuvwxyzabcde')).toBe(false);
  expect(isKeySegment('12345678901234567890')).toBe(false);
  expect(isKeySegment('modelcontextprotocol')).toBe(false);
});

test('a key percent-encoded in the path is looked for in messages as sent and decoded; one in a URL without a scheme is found too', () => {
  expect(pathKeysOf('https://mcp.example.com/k/Zm9vYmFyYmF6cXV4MTIz%2B4NTY3ODkw/sse')).toEqual(['Zm9vYmFyYmF6cXV4MTIz%2B4NTY3ODkw', 'Zm9vYmFyYmF6cXV4MTIz+4NTY3ODkw']);
  expect(withoutPathKeys('mcp.zapier.com/api/mcp/s/Qx7LmR2vTz9KpWc4HnYb3JdFs8/mcp')).toBe('mcp.zapier.com/api/mcp/s/[redacted]/mcp');
});

test('only the path is read: the host, a user, the query and the fragment are left to withoutUrlSecrets', () => {
  const url = 'https://Qx7LmR2vTz9KpWc4HnYb3JdFs8@a1b2c3d4e5f6a7b8c9d0.mcp.example.com/sse?key=Qx7LmR2vTz9KpWc4HnYb3JdFs8#Qx7LmR2vTz9KpWc4HnYb3JdFs8';
  expect(withoutPathKeys(url)).toBe(url);
  expect(withoutPathKeys('https://mcp.example.com?next=/s/Qx7LmR2vTz9KpWc4HnYb3JdFs8')).toBe('https://mcp.example.com?next=/s/Qx7LmR2vTz9KpWc4HnYb3JdFs8');
  expect(withoutPathKeys('https://mcp.example.com/s/Qx7LmR2vTz9KpWc4HnYb3JdFs8?x=1#y')).toBe('https://mcp.example.com/s/[redacted]?x=1#y');
});

test("a long path is read in linear time: a client's mcp_servers[].url passes here on every request that has one", () => {
  const texts = ['a/'.repeat(100_000), `https://h/${'a-'.repeat(100_000)}`, `https://h/${'a1'.repeat(100_000)}`, 'a://'.repeat(50_000), `https://h/${'abcdefghijklmno-'.repeat(20_000)}`];
  // Under 100 ms of CPU here; reading the URL again for each segment takes seconds.
  expect(leastCpuMillisecondsOf(() => texts.forEach((text) => withoutPathKeys(text)), 500)).toBeLessThan(500);
  expect(withoutPathKeys(texts[2])).toBe('https://h/[redacted]');
});
