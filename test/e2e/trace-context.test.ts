/**
 * W3C trace context, end to end: the official OpenAI client sends `traceparent` (and `tracestate`)
 * to the gateway, whose audit line gets `trace_id` and `parent_span_id` (a fake OpenAI upstream on
 * 127.0.0.1 answers); a header that is not valid is not logged.
 */
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;
const TRACESTATE = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';

let upstream: FakeUpstream;
let gateway: { gateway: RunningGateway; openai: OpenAI; lines: string[] };

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  const { lines, logger } = captureLog('info');
  const running = await startGateway(
    `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-trace-test, openai_api_base: "${upstream.url}/v1" } }
`,
    { logger },
  );
  gateway = { gateway: running, openai: openaiClientFor(running), lines };
});
afterAll(async () => {
  await gateway.gateway.close();
  await upstream.close();
});

let requestCount = 0;
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'hi' }];

/** A chat call through the openai client with these headers; returns its audit line. */
async function chat(target: { openai: OpenAI; lines: string[] }, model: string, headers: Record<string, string>, stream = false): Promise<LogLine> {
  const requestId = `trace-context-${(requestCount += 1)}`;
  const options = { headers: { ...headers, 'x-request-id': requestId } };
  if (stream) {
    let text = '';
    for await (const chunk of await target.openai.chat.completions.create({ model, messages: question, stream: true }, options)) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).not.toBe('');
  } else {
    const completion = await target.openai.chat.completions.create({ model, messages: question }, options);
    expect(completion.choices[0].message.content).not.toBe('');
  }
  return waitForLogLine(target.lines, (line) => line.request_id === requestId && line.msg === 'request');
}

describe('the audit line', () => {
  test("has the caller's trace-id and span-id, answer and stream", async () => {
    for (const stream of [false, true]) {
      const line = await chat(gateway, 'chat', { traceparent: TRACEPARENT, tracestate: TRACESTATE }, stream);
      expect(line).toMatchObject({ status: 200, stream, trace_id: TRACE_ID, parent_span_id: PARENT_ID });
      expect(JSON.stringify(line)).not.toContain('rojo=');
    }
  });

  test('a later version of the header is read by its first four fields', async () => {
    const line = await chat(gateway, 'chat', { traceparent: `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like` });
    expect(line).toMatchObject({ trace_id: TRACE_ID, parent_span_id: PARENT_ID });
  });

  test('has neither field without the header, nor for one that is not valid', async () => {
    const invalid = [`00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`, `00-${TRACE_ID}-0000000000000000-01`, `ff-${TRACE_ID}-${PARENT_ID}-01`];
    for (const headers of [{}, ...invalid.map((traceparent) => ({ traceparent }))]) {
      const line = await chat(gateway, 'chat', headers);
      expect(line.status).toBe(200);
      expect(line).not.toHaveProperty('trace_id');
      expect(line).not.toHaveProperty('parent_span_id');
    }
  });
});
