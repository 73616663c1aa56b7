/**
 * A fast fake OpenAI-shaped upstream for the benchmark: every answer is serialised once at start-up,
 * so the upstream costs as little CPU as possible. A path containing `embeddings` gets an
 * embeddings response; anything else is chat, as JSON or, when the body asks for `"stream": true`,
 * as server-sent events, one per event-loop turn (so each leaves in its own write, as a model's
 * tokens do, only much faster).
 *
 * Usage: node fake-upstream.js [--stream-chunks N] [--dimensions N]; prints `LISTENING <port>`.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'stream-chunks': { type: 'string', default: '8' }, dimensions: { type: 'string', default: '256' } },
});
const streamChunks = Number(values['stream-chunks']);
const dimensions = Number(values.dimensions);

const CREATED = 1748251200;
const MODEL = 'gpt-4o-mini-2024-07-18';

const chatResponse = JSON.stringify({
  id: 'chatcmpl-BZq3kR8vN2yTf6XwL0aPc7dE1sGhU',
  object: 'chat.completion',
  created: CREATED,
  model: MODEL,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? Je suis là pour aider.', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 21, completion_tokens: 14, total_tokens: 35, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 } },
  service_tier: 'default',
  system_fingerprint: 'fp_34a54ae93c',
});

const embedding = Array.from({ length: dimensions }, (_value, index) => Number(Math.sin(index + 1).toFixed(8)));
const embeddingsResponse = JSON.stringify({
  object: 'list',
  data: [{ object: 'embedding', index: 0, embedding }],
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 8, total_tokens: 8 },
});

function streamEvent(delta: Record<string, unknown>, finishReason: string | null): string {
  const chunk = { id: 'chatcmpl-BZq6dY5jO8qMy3ZuS0bWn4Lt1', object: 'chat.completion.chunk', created: CREATED, model: MODEL, system_fingerprint: 'fp_34a54ae93c', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

const streamEvents = [
  streamEvent({ role: 'assistant', content: '' }, null),
  ...Array.from({ length: streamChunks }, (_value, index) => streamEvent({ content: ` token${index}` }, null)),
  `${streamEvent({}, 'stop')}data: [DONE]\n\n`,
];

function writeEvents(response: ServerResponse, index: number): void {
  if (response.destroyed) return;
  if (index === streamEvents.length - 1) {
    response.end(streamEvents[index]);
    return;
  }
  response.write(streamEvents[index]);
  setImmediate(writeEvents, response, index + 1);
}

const server = createServer((request, response) => {
  const parts: Buffer[] = [];
  request.on('data', (part: Buffer) => parts.push(part));
  request.on('end', () => {
    if (request.url?.includes('embeddings')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(embeddingsResponse);
      return;
    }
    const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as { stream?: boolean };
    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(chatResponse);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    writeEvents(response, 0);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
