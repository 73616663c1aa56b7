/** An OpenAI stream whose mid-stream `error` event echoes the provider key: the key must not reach the client or the log. */
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

const PROVIDER_KEY = 'sk-proj-REVIEW-provider-key-9d8c7b6a';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] };
    if (!(request.body as { messages: { content: string }[] }).messages[0].content.startsWith('first')) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    // A careless upstream echoing the credentials it got, mid-stream.
    response.end(`data: ${JSON.stringify({ error: { message: `stream broke handling ${String(request.headers.authorization)}`, type: 'server_error' } })}\n\n`);
  });
});
afterAll(() => upstream.close());

const chatConfig = (extra = '') => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstream.url}/v1" } }
${extra}`;

test('a mid-stream upstream error echoing the provider key is redacted in the SSE error event and the audit log', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(chatConfig(), { env: { OPENAI_KEY: PROVIDER_KEY }, logger });
  try {
    const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    const text = await response.text();
    expect(text).toContain('event: error');
    // The echo reached both places the key could leak to, so its absence below means something.
    expect(text).toContain('stream broke handling Bearer [redacted]');
    const audit = await waitForLogLine(lines, (line) => line.msg === 'request' && line.request_id === response.headers.get('x-request-id'));
    expect(audit.error).toEqual({ code: 'upstream_unavailable', message: 'stream broke handling Bearer [redacted]' });
    const leaks = { sseBody: text.includes(PROVIDER_KEY), auditLog: lines.join('\n').includes(PROVIDER_KEY) };
    expect(leaks).toEqual({ sseBody: false, auditLog: false });
  } finally {
    await gateway.close();
  }
});

test('the same error as the first event (an HTTP 502 before any chunk) is redacted too', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(chatConfig('    retries: { max_attempts: 1 }\n'), { env: { OPENAI_KEY: PROVIDER_KEY }, logger });
  try {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'first' }], stream: true }),
    });
    const text = await response.text();
    expect(response.status).toBe(502);
    expect(text).toContain('stream broke handling Bearer [redacted]');
    const audit = await waitForLogLine(lines, (line) => line.msg === 'request' && line.request_id === response.headers.get('x-request-id'));
    expect(audit.error).toEqual({ code: 'upstream_unavailable', message: 'stream broke handling Bearer [redacted]' });
    const leaks = { httpBody: text.includes(PROVIDER_KEY), auditLog: lines.join('\n').includes(PROVIDER_KEY) };
    expect(leaks).toEqual({ httpBody: false, auditLog: false });
  } finally {
    await gateway.close();
  }
});
