/**
 * Secrets in a plugin's `config`, as README's "Writing a provider plugin" states them: a
 * `*_api_key` key is resolved (here from a file) and a key named otherwise is passed as written;
 * no endpoint view or model list shows either.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPluginGateway } from '../support/plugin-gateway';

const PLUGIN = `'use strict';
module.exports = {
  displayName: 'Keys',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint(settings) {
    return {
      async chat() {
        return { id: 'k1', object: 'chat.completion', created: 1, model: 'keys',
          choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(settings.config), tool_calls: null, refusal: null }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
      },
    };
  },
};
`;

test("a plugin's *_api_key is resolved and another key is passed as written; neither shows in the endpoint views or model lists", async () => {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'plugin-secret-')), 'acme.key');
  writeFileSync(keyFile, 'acme-key-FROM-FILE-123456\n');
  const endpoint = `  - { name: talk, endpoint_type: llm/v1/chat, model: { provider: fake, name: m, config: { acme_api_key: ${keyFile}, acme_token: $ACME_TOKEN, password: hunter2-PASSWORD-literal } } }\n`;
  const gateway = await startPluginGateway(PLUGIN, endpoint);
  try {
    const answer = await fetch(`${gateway.url}/endpoints/talk/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    const received = JSON.parse(((await answer.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content);
    expect(received).toEqual({ acme_api_key: 'acme-key-FROM-FILE-123456', acme_token: '$ACME_TOKEN', password: 'hunter2-PASSWORD-literal' });
    const views = await Promise.all(['/api/2.0/endpoints/', '/api/2.0/endpoints/talk', '/api/2.0/gateway/routes/', '/v1/models', '/v1/models/talk'].map(async (path) => (await fetch(`${gateway.url}${path}`)).text()));
    expect(views.filter((text) => /FROM-FILE|ACME_TOKEN|PASSWORD|acme\.key/.test(text))).toEqual([]);
    expect(views.every((text) => text.includes('talk'))).toBe(true);
  } finally {
    await gateway.close();
  }
});
