/**
 * A plugin stream that goes on after a choice's finish chunk (a vendor sending trailing text, a
 * plugin loop that does not stop): the client gets each choice ending at its finish, as clients
 * accumulate it, and the usage that follows.
 */
import { startPluginGateway } from '../support/plugin-gateway';

const PLUGIN = `'use strict';
const base = { id: 's1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const delta = (index, content, finish_reason = null) => ({ index, delta: { role: null, content, tool_calls: null }, finish_reason });
module.exports = {
  displayName: 'Trailing',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint() {
    return {
      async *chatStream() {
        yield { ...base, choices: [delta(0, 'Hel'), delta(1, 'Two')] };
        yield { ...base, choices: [delta(0, 'lo', 'stop')] };
        yield { ...base, choices: [delta(0, ' AFTER'), delta(1, ' goes on')] };
        yield { ...base, choices: [delta(0, ' MORE')] };
        yield { ...base, choices: [delta(1, '', 'length')] };
        yield { ...base, choices: [delta(1, ' AFTER')], usage: { prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 } };
      },
    };
  },
};
`;

const ENDPOINT = '  - { name: talk, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }\n';

interface Chunk {
  choices: { index: number; delta: { content: string | null }; finish_reason: string | null }[];
  usage?: unknown;
}

test("a plugin's chunks for a choice after its finish chunk do not reach the client; other choices and the usage do", async () => {
  const gateway = await startPluginGateway(PLUGIN, ENDPOINT);
  try {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The usage is left alone on its chunk once the finished choice's text is dropped: a usage-only chunk, sent to a client that asked for usage.
      body: JSON.stringify({ model: 'talk', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true }, n: 2 }),
    });
    const data = (await response.text()).split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((text) => JSON.parse(text) as Chunk);
    const text = (index: number) => chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.index === index).map((choice) => choice.delta.content ?? '')).join('');
    const finishes = chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason !== null).map((choice) => [choice.index, choice.finish_reason]));
    expect({ first: text(0), second: text(1), finishes, usage: chunks.at(-1)?.usage }).toEqual({
      first: 'Hello',
      second: 'Two goes on',
      finishes: [[0, 'stop'], [1, 'length']],
      usage: { prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 },
    });
  } finally {
    await gateway.close();
  }
});
