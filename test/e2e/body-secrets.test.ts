/**
 * Credentials a client passes through the gateway in a request body (body-secrets.ts), end to end
 * with `logging.bodies` on: the official OpenAI client sends Anthropic's MCP connector
 * (`mcp_servers[].authorization_token`) on `/v1/chat/completions` and `/v1/responses`, and the
 * gateway calls a fake Anthropic on 127.0.0.1. The fake gets the token; the audit line's
 * `request_body` holds `[redacted]` in its place, and no line, nor an error answer, holds the token.
 * The same for a password and a query token in an MCP server's `url`, logged with its scheme, host and path,
 * and for a key written in its path (Zapier's shape: test/unit/server/url-path-keys.test.ts cites the vendors' pages).
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';

const MCP_TOKEN = 'mcp-oauth-BODYSECRET-4d7e9a1c2b';
const URL_PASSWORD = 'pw-BODYSECRET-71c3';
const URL_TOKEN = 'qs-BODYSECRET-9e0b2d';
/** An MCP server URL with a password and a token in its query, as some MCP servers take them. */
const SECRET_URL = `https://wiki-bot:${URL_PASSWORD}@mcp.example.com/wiki/sse?token=${URL_TOKEN}&lang=fr`;
const SECRET_URL_LOGGED = 'https://wiki-bot:[redacted]@mcp.example.com/wiki/sse?token=[redacted]&lang=[redacted]';
const PATH_KEY = 'Zm9yLXRlc3RzLUJPRFlTRUNSRVQtcGF0aC1rZXk3';
/** A Zapier MCP server URL: the key is the path segment after `/s/`. */
const KEYED_URL = `https://mcp.zapier.com/api/mcp/s/${PATH_KEY}/mcp`;
const KEYED_URL_LOGGED = 'https://mcp.zapier.com/api/mcp/s/[redacted]/mcp';
const TOOL_TOKEN = 'Bearer openai-mcp-BODYSECRET-8f2a';
const HEADER_TOKEN = 'hdr-BODYSECRET-3c5d7e9f';

type MessagesBody = { stream?: boolean; mcp_servers?: { name: string; url: string; authorization_token?: string }[] };

/** A Messages answer; for the server named `echoing`, a 400 quoting the token it was sent (a careless vendor or MCP server). */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as MessagesBody;
  const echoing = body.mcp_servers?.find((server) => server.name === 'echoing');
  if (echoing) {
    return sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: `mcp_servers.0: the MCP server refused the token ${String(echoing.authorization_token)}` } });
  }
  const unreachable = body.mcp_servers?.find((server) => server.name === 'unreachable');
  if (unreachable) {
    return sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: `mcp_servers.0: could not connect to ${unreachable.url}` } });
  }
  if (body.stream === true) sendStream(response, readFixture('anthropic', 'chat.stream.sse'), 'text/event-stream; charset=utf-8');
  else sendJson(response, 200, readJsonFixture('anthropic', 'chat.response.json'));
}

const { lines, logger } = captureLog('info');
const setup = useGatewayWithUpstreams({
  upstreams: { anthropic },
  config: ({ anthropic: url }) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${url}/v1", anthropic_beta: mcp-client-2025-04-04 }
    retries: { max_attempts: 1 }
logging: { bodies: true }
`,
  logger,
});

const mcpServers = (name: string) => [
  { type: 'url', url: 'https://mcp.example.com/sse', name: 'wiki' },
  { type: 'url', url: 'https://mcp.example.com/tickets', name, authorization_token: MCP_TOKEN },
];
const question = [{ role: 'user' as const, content: 'Quels tickets sont ouverts ?' }];

/** The audit line of the next request, from `from` on, after checking that no line holds a token. */
async function auditLine(from: number): Promise<LogLine> {
  const line = await waitForLogLine(lines, (entry) => entry.msg === 'request', { from });
  for (const text of lines.slice(from)) for (const token of [MCP_TOKEN, TOOL_TOKEN, HEADER_TOKEN, URL_PASSWORD, URL_TOKEN, PATH_KEY]) expect(text).not.toContain(token);
  return line;
}

/** A chat request (not streamed) naming `servers` as its `mcp_servers`. */
const chatWithServers = (servers: unknown[]) =>
  setup.openai.chat.completions.create({ model: 'claude', messages: question, mcp_servers: servers } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);

const sentServers = () => setup.upstreams.anthropic.requests.map((request) => (request.body as MessagesBody).mcp_servers);

test.each([false, true])('chat (stream: %s): Anthropic gets the MCP token; the logged body has [redacted] in its place, the rest as sent', async (stream) => {
  const from = lines.length;
  const request = { model: 'claude', messages: question, mcp_servers: mcpServers('tickets'), stream };
  if (stream) {
    const chunks = await setup.openai.chat.completions.create(request as unknown as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = '';
    for await (const chunk of chunks) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).not.toBe('');
  } else {
    const completion = await setup.openai.chat.completions.create(request as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.choices[0].message.content).not.toBe('');
  }
  expect(sentServers()).toEqual([mcpServers('tickets')]);
  const line = await auditLine(from);
  expect(line).toMatchObject({ status: 200, stream });
  expect(line.request_body).toEqual({ ...request, mcp_servers: [mcpServers('tickets')[0], { ...mcpServers('tickets')[1], authorization_token: '[redacted]' }] });
});

test('the Responses API passes mcp_servers on too, and logs it redacted', async () => {
  const from = lines.length;
  const request = { model: 'claude', input: 'Quels tickets sont ouverts ?', mcp_servers: mcpServers('tickets'), store: false };
  const response = await setup.openai.responses.create(request as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming);
  expect(response.status).toBe('completed');
  expect(sentServers()).toEqual([mcpServers('tickets')]);
  const line = await auditLine(from);
  expect((line.request_body as { mcp_servers: unknown }).mcp_servers).toEqual([mcpServers('tickets')[0], { ...mcpServers('tickets')[1], authorization_token: '[redacted]' }]);
});

/** MCP server URLs holding a secret: as sent, as logged, and as an error quoting them reaches the client (values under 8 characters are not looked for). */
const SECRET_URLS = [
  { holding: 'a password and a query token', sent: SECRET_URL, logged: SECRET_URL_LOGGED, quoted: 'https://wiki-bot:[redacted]@mcp.example.com/wiki/sse?token=[redacted]&lang=fr' },
  { holding: 'a key in its path', sent: KEYED_URL, logged: KEYED_URL_LOGGED, quoted: KEYED_URL_LOGGED },
];

test.each(SECRET_URLS)('an MCP server URL with $holding: Anthropic gets it as sent; the logged body keeps its scheme, host, other path segments and parameter names', async ({ sent, logged }) => {
  const from = lines.length;
  const servers = [{ type: 'url', url: sent, name: 'wiki' }];
  const completion = await chatWithServers(servers);
  expect(completion.choices[0].message.content).not.toBe('');
  expect(sentServers()).toEqual([servers]);
  const line = await auditLine(from);
  expect((line.request_body as { mcp_servers: unknown }).mcp_servers).toEqual([{ type: 'url', url: logged, name: 'wiki' }]);
});

test.each(SECRET_URLS)("a vendor's error quoting a URL with $holding reaches neither the client nor the log with it", async ({ sent, logged, quoted }) => {
  const from = lines.length;
  const servers = [{ type: 'url', url: sent, name: 'unreachable' }];
  const failed = chatWithServers(servers);
  const error = (await failed.then(() => null, (caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
  expect(error).toMatchObject({ status: 400, message: expect.stringContaining(`could not connect to ${quoted}`) });
  expect(sentServers()).toEqual([servers]);
  expect(await auditLine(from)).toMatchObject({ status: 400, request_body: { mcp_servers: [{ url: logged }] }, error: { message: expect.stringContaining(quoted) } });
});

test("an OpenAI mcp tool is refused with a 400; its logged body keeps the header names, not the authorization or the headers' values", async () => {
  const from = lines.length;
  const mcpTool = { type: 'mcp', server_label: 'tickets', server_url: 'https://mcp.example.com/tickets', authorization: TOOL_TOKEN, headers: { 'X-Api-Key': HEADER_TOKEN } };
  const refused = setup.openai.responses.create({ model: 'claude', input: 'Quels tickets ?', tools: [mcpTool] } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming);
  await expect(refused).rejects.toMatchObject({ status: 400, param: 'tools[0].type' });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  const line = await auditLine(from);
  expect((line.request_body as { tools: unknown }).tools).toEqual([{ ...mcpTool, authorization: '[redacted]', headers: { 'X-Api-Key': '[redacted]' } }]);
});

test("a vendor's error quoting the token reaches neither the client nor the log", async () => {
  const from = lines.length;
  const failed = chatWithServers(mcpServers('echoing'));
  await expect(failed).rejects.toMatchObject({ status: 400, message: expect.stringContaining('the MCP server refused the token [redacted]') });
  expect(sentServers()).toEqual([mcpServers('echoing')]);
  expect(await auditLine(from)).toMatchObject({ status: 400, error: { message: expect.stringContaining('refused the token [redacted]') } });
});

test("a body that is not JSON: JSON.parse's quote of the text is left out when the body names a credential field, kept otherwise", async () => {
  const post = async (text: string) => {
    const response = await fetch(`${setup.gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    return { status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message };
  };
  const from = lines.length;
  // The token unquoted, as a shell script forgetting the quotes sends it.
  const withToken = await post(`{"model":"claude","mcp_servers":[{"name":"t","authorization_token":${MCP_TOKEN}}]}`);
  expect(withToken).toEqual({ status: 400, message: "the request body is not valid JSON: Unexpected token 'm' (the text around it is not quoted: the body has a credential field)" });
  expect(await auditLine(from)).toMatchObject({ status: 400, request_body: null });
  expect(await post('{"model":"claude","temperature":hot}')).toEqual({ status: 400, message: 'the request body is not valid JSON: Unexpected token \'h\', ..."perature":hot}" is not valid JSON' });
});
