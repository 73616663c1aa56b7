/**
 * A client that leaves aborts the plugin's `signal` (README: "it aborts when the client
 * disconnects"), over real HTTP: for a call still waiting and for a stream being read.
 */
import { startPluginGateway } from '../support/plugin-gateway';

interface Probe {
  events: string[];
}
const probe: Probe = { events: [] };
(globalThis as { __pluginProbe?: Probe }).__pluginProbe = probe;

// The plugin (loaded in this process) writes what it sees into the probe.
const PLUGIN = `'use strict';
const probe = globalThis.__pluginProbe;
const aborted = (signal, what) => new Promise((_, reject) => signal.addEventListener('abort', () => { probe.events.push(what + ' aborted'); reject(signal.reason); }));
module.exports = {
  displayName: 'Waits',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      async chat(request, { signal }) {
        probe.events.push('chat called');
        return aborted(signal, 'chat');
      },
      async *chatStream(request, { signal }) {
        yield { id: 'w', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi', tool_calls: null }, finish_reason: null }] };
        probe.events.push('stream started');
        await aborted(signal, 'stream');
      },
    };
  },
};
`;

// A total timeout far beyond the test's: what ends the calls here is the client leaving.
const ENDPOINT = '  - { name: wait, endpoint_type: llm/v1/chat, model: { provider: fake, name: m }, timeouts: { total: 60 } }\n';

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after 5 s: ${JSON.stringify(probe.events)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("a client leaving aborts the plugin's signal", () => {
  let gateway: Awaited<ReturnType<typeof startPluginGateway>>;

  beforeAll(async () => {
    gateway = await startPluginGateway(PLUGIN, ENDPOINT);
  });

  afterAll(async () => {
    await gateway.close();
  });

  const start = (stream: boolean, controller: AbortController) =>
    fetch(`${gateway.url}/endpoints/wait/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], stream }),
      signal: controller.signal,
    }).catch(() => 'left');

  test('while the plugin works on an answer', async () => {
    const controller = new AbortController();
    const call = start(false, controller);
    await until(() => probe.events.includes('chat called'), 'called');
    controller.abort();
    await call;
    await until(() => probe.events.includes('chat aborted'), 'aborted');
  });

  test('while the client reads a stream', async () => {
    const controller = new AbortController();
    const response = await start(true, controller);
    expect(typeof response === 'object' && response.status).toBe(200);
    await until(() => probe.events.includes('stream started'), 'started');
    controller.abort();
    await until(() => probe.events.includes('stream aborted'), 'aborted');
  });
});
