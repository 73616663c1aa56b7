/**
 * Upstream connection pools across hot reloads: once a reload leaves an origin out of the config
 * (an `api_base` edited), its pool is closed and its keep-alive sockets with it, but only after the
 * requests already on it have finished; the origins the new config still calls keep their sockets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigWatcher } from '../../src/config/watch';
import { createApp } from '../../src/server/app';
import { createGatewayServer } from '../../src/server/http-server';
import { silentLogger } from '../../src/server/logging';
import { compileConfigText, watchForReload } from '../../src/server/reload';
import type { GatewayState } from '../../src/server/state';
import { closeAllPools } from '../../src/providers/transport/http';
import { readJsonFixture } from '../support/fixtures';
import { listenCountingSockets } from '../support/keep-alive-server';
import { SOON_MS } from '../support/timeouts';

/** An OpenAI-shaped upstream that asks clients to keep idle connections for 10 minutes, and counts its open sockets. */
interface Upstream {
  url: string;
  server: Server;
  received: () => number;
  openSockets: () => number;
  /** From now on, answers wait for `release`. */
  hold: () => void;
  release: () => void;
}

async function startUpstream(): Promise<Upstream> {
  let received = 0;
  let waiting: (() => void)[] | null = null;
  const answer = (response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json', 'keep-alive': 'timeout=600' });
    response.end(JSON.stringify(readJsonFixture('openai', 'chat.response.json')));
  };
  const server = createServer((request: IncomingMessage, response) => {
    received += 1;
    request.resume();
    request.on('end', () => (waiting ? waiting.push(() => answer(response)) : answer(response)));
  });
  const { url, openSockets } = await listenCountingSockets(server);
  return {
    url,
    server,
    received: () => received,
    openSockets,
    hold: () => (waiting = []),
    release: () => {
      const answers = waiting ?? [];
      waiting = null;
      for (const send of answers) send();
    },
  };
}

const configFor = (base: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${base}/v1" } }
`;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${SOON_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const upstreams: Upstream[] = [];
let watcher: ConfigWatcher | undefined;
let gateway: Server | undefined;
afterEach(async () => {
  watcher?.close();
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  await closeAllPools();
  for (const upstream of upstreams.splice(0)) {
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
  }
});

/** The gateway in-process on a config file, reloading as the CLI does. */
async function startGateway(text: string): Promise<{ url: string; configPath: string; reloads: () => number }> {
  const configPath = join(mkdtempSync(join(tmpdir(), 'gateway-pools-')), 'config.yaml');
  writeFileSync(configPath, text);
  const loaded = await compileConfigText(text, configPath, silentLogger);
  const state: GatewayState = { plan: loaded.plan };
  let reloads = 0;
  watcher = watchForReload({ configPath, current: loaded, logger: silentLogger, debounceMs: 20, pollIntervalMs: 100, onAccepted: (next) => ((state.plan = next.plan), (reloads += 1)) });
  gateway = createGatewayServer(createApp(state, { logger: silentLogger }), loaded.plan.server);
  await new Promise<void>((resolve) => gateway!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`, configPath, reloads: () => reloads };
}

const chat = (url: string) =>
  fetch(`${url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) });

test('a reload that moves an endpoint to another origin closes the old origin\'s sockets once its requests are done', async () => {
  const [first, second] = [await startUpstream(), await startUpstream()];
  upstreams.push(first, second);
  const { url, configPath, reloads } = await startGateway(configFor(first.url));
  expect((await chat(url)).status).toBe(200);
  expect(first.openSockets()).toBe(1);

  // A request still on the first origin when the reload comes.
  first.hold();
  const inFlight = chat(url);
  await until(() => first.received() === 2, 'the second request reaching the first upstream');
  writeFileSync(configPath, configFor(second.url));
  await until(() => reloads() === 1, 'the reload');
  expect((await chat(url)).status).toBe(200);
  expect(second.received()).toBe(1);

  // Its connection stays until it has its answer.
  expect(first.openSockets()).toBeGreaterThan(0);
  first.release();
  expect((await inFlight).status).toBe(200);
  await until(() => first.openSockets() === 0, "the first origin's sockets closing");
  expect(second.openSockets()).toBe(1);
});
