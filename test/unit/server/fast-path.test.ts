/**
 * Which requests the fast path takes (exactly the LLM paths, POST only) and which it leaves to
 * Express, and that its errors are written in the route's dialect. Real HTTP on 127.0.0.1.
 */
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withFastPath, type NodeHandler } from '../../../src/server/fast-path';
import { silentLogger } from '../../../src/server/logging';
import type { InvocationHandlers, OpenAIRoute } from '../../../src/server/routes/invocations';
import { sendJson } from '../../../src/server/json-response';

const served: string[] = [];
const handlers: InvocationHandlers = {
  mlflow: async (name, _route, request, response) => {
    served.push(`mlflow ${name}`);
    sendJson(response, 200, { name, body: request.body });
  },
  openai: async (route, request, response) => {
    served.push(`openai ${route.path}`);
    sendJson(response, 200, { path: route.path, body: request.body });
  },
  openaiRouteAt: (path) => (path === '/v1/chat/completions' ? ({ path, endpointType: 'llm/v1/chat', noun: 'a chat' } as OpenAIRoute) : undefined),
};

let server: Server;
let url: string;

beforeAll(async () => {
  const handler = withFastPath({
    express: (_request, response) => {
      served.push('express');
      response.writeHead(418).end();
    },
    handlers,
    preamble: [express.json({ type: () => true, limit: 100 })] as unknown as NodeHandler[],
    logger: silentLogger,
  });
  server = createServer((request, response) => handler(request, response, () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (served.length = 0));

const post = (path: string, body = '{"a":1}') => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test.each([
  ['/endpoints/chat/invocations', 'mlflow chat'],
  ['/gateway/my-route/invocations', 'mlflow my-route'],
  ['/v1/chat/completions', 'openai /v1/chat/completions'],
])('POST %s is served by the fast path', async (path, expected) => {
  const response = await post(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(((await response.json()) as { body: unknown }).body).toEqual({ a: 1 });
  expect(served).toEqual([expected]);
});

test.each(['/endpoints/chat/invocations/', '/Endpoints/chat/invocations', '/endpoints/ch%61t/invocations', '/endpoints/chat/invocations?x=1', '/v1/chat/completions/', '/v1/unknown', '/health', '/endpoints/a/b/invocations'])(
  'POST %s is left to Express',
  async (path) => {
    expect((await post(path)).status).toBe(418);
    expect(served).toEqual(['express']);
  },
);

test('other methods are left to Express', async () => {
  expect((await fetch(`${url}/v1/chat/completions`)).status).toBe(418);
  expect(served).toEqual(['express']);
});

test('a body the parser refuses is answered in the route dialect, without calling the handler', async () => {
  const mlflow = await post('/endpoints/chat/invocations', '{"a":');
  expect(mlflow.status).toBe(422);
  expect(((await mlflow.json()) as { message: string }).message).toMatch(/^the request body is not valid JSON: /);
  const openai = await post('/v1/chat/completions', 'x'.repeat(200));
  expect(openai.status).toBe(413);
  expect(await openai.json()).toEqual({ error: { message: 'the request body is too large (the limit is 100 bytes: server.max_body_size)', type: 'invalid_request_error', param: null, code: 'body_too_large' } });
  expect(served).toEqual([]);
});
