/**
 * How plugin failures are answered: an error other than a GatewayError is a 500 "Internal server
 * error" (never its status or message, which may hold the plugin's key), and a plugin that ignores
 * its signal still ends at the endpoint's total timeout.
 */
import { startPluginGateway } from '../support/plugin-gateway';

const SOURCE = `'use strict';
module.exports = {
  displayName: 'Fake',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      async chat() {
        // What the official openai SDK (and many other HTTP clients) throw: an Error with status and type.
        const error = new Error('401 Incorrect API key provided: sk-live-PLUGIN-secret-1234567890');
        error.status = 401;
        error.type = 'invalid_request_error';
        throw error;
      },
    };
  },
};
`;

test('a plugin error that is not a GatewayError answers 500 "Internal server error", without its message', async () => {
  const gateway = await startPluginGateway(SOURCE, '  - { name: p, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }\n');
  try {
    const response = await fetch(`${gateway.url}/endpoints/p/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    const body = await response.text();
    expect({ status: response.status, body }).toEqual({ status: 500, body: JSON.stringify({ detail: 'Internal server error' }) });
  } finally {
    await gateway.close();
  }
});

test('the same with the real error class of the official openai SDK (a plugin wrapping it)', async () => {
  const source = `'use strict';
const { AuthenticationError } = require(${JSON.stringify(require.resolve('openai'))});
module.exports = {
  displayName: 'Fake',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      async chat() {
        throw new AuthenticationError(401, { message: 'Incorrect API key provided: sk-live-PLUGIN-secret-1234567890', type: 'invalid_request_error', code: 'invalid_api_key' }, undefined, new Headers());
      },
    };
  },
};
`;
  const gateway = await startPluginGateway(source, '  - { name: p, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }\n');
  try {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'p', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const body = await response.text();
    expect({ status: response.status, leaksKey: body.includes('sk-live-PLUGIN') }).toEqual({ status: 500, leaksKey: false });
  } finally {
    await gateway.close();
  }
});

// A plugin that does not watch `signal`: the total timeout still ends the request.


const STUCK_SOURCE = `'use strict';
module.exports = {
  displayName: 'Stuck',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      chat() { return new Promise(() => {}); },             // a vendor SDK call that never settles and ignores signal
      async *chatStream() {
        yield { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi', tool_calls: null }, finish_reason: null }] };
        await new Promise(() => {});
      },
    };
  },
};
`;
const ENDPOINT = '  - { name: p, endpoint_type: llm/v1/chat, model: { provider: fake, name: m }, timeouts: { total: 0.5 }, retries: { max_attempts: 1 } }\n';

async function outcome(url: string, stream: boolean): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 4000);
  try {
    const response = await fetch(`${url}/endpoints/p/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], stream }),
      signal: controller.signal,
    });
    const text = await response.text();
    return `${response.status} ${stream ? (text.includes('event: error') ? 'error event' : 'no error event') : ''}`.trim();
  } catch {
    return 'still hanging after 4 s (total timeout 0.5 s)';
  } finally {
    clearTimeout(timer);
  }
}

test('a plugin call that never settles ends at the total timeout with a 504', async () => {
  const gateway = await startPluginGateway(STUCK_SOURCE, ENDPOINT);
  try {
    expect(await outcome(gateway.url, false)).toBe('504');
  } finally {
    await gateway.close();
  }
});

test('a plugin stream that stalls after its first chunk ends at the total timeout with an error event', async () => {
  const gateway = await startPluginGateway(STUCK_SOURCE, ENDPOINT);
  try {
    expect(await outcome(gateway.url, true)).toBe('200 error event');
  } finally {
    await gateway.close();
  }
});
