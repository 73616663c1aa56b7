import { writeFileSync } from 'node:fs';
import { sendJson, startFakeUpstream } from '../support/fake-upstream';
import { startGateway } from '../support/gateway';
import { captureLog } from '../support/log-capture';

let calls = 0;
test('explore2', async () => {
  const upstream = await startFakeUpstream((request, response) => {
    const body = request.body as any;
    const c = body.messages?.[0]?.content ?? '';
    if (c === 'hang') return;
    if (c === 'flaky' && calls++ % 2 === 0) return sendJson(response, 503, { error: { message: 'overloaded' } });
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const ch = (delta: any, fr: any = null) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: fr }] })}\n\n`;
    response.write(ch({ role: 'assistant', content: 'a' }));
    if (c === 'cut') return void setTimeout(() => response.socket?.destroy(), 100);
    response.write(ch({}, 'stop'));
    response.end('data: [DONE]\n\n');
  });
  const { lines, logger } = captureLog();
  const gateway = await startGateway(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-x, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: 2, initial_backoff: 0.01 }
    timeouts: { first_byte: 0.3 }
  - name: anth
    endpoint_type: llm/v1/completions
    model: { provider: anthropic, name: claude-x, config: { anthropic_api_key: sk-ant-x } }
`, { logger });
  const out: string[] = [];
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    out.push(`${r.status} ${(await r.text()).slice(0, 200)}`);
  };
  await post('/endpoints/chat/invocations', { messages: [{ role: 'user', content: 'hang' }] });
  await post('/v1/chat/completions', { model: 'chat', messages: [{ role: 'user', content: 'flaky' }], stream: true });
  await post('/v1/chat/completions', { model: 'chat', messages: [{ role: 'user', content: 'cut' }], stream: true });
  await post('/v1/completions', { model: 'anth', prompt: 'x' });
  await post('/endpoints/anth/invocations', { prompt: 'x', stream: true });
  await new Promise((r) => setTimeout(r, 200));
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  writeFileSync('/tmp/obs2-out.txt', out.join('\n'));
  writeFileSync('/tmp/obs2-log.txt', lines.join('\n'));
  writeFileSync('/tmp/obs2-metrics.txt', metrics);
  await gateway.close();
  await upstream.close();
}, 60000);
