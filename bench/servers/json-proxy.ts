/**
 * A second baseline (`npm run bench -- --json-proxy`): the least a gateway that translates JSON
 * must do. node:http and a keep-alive undici Pool like the raw proxy, plus, per request: parse the
 * client's JSON, put the provider's model name in, serialise it for the upstream, parse the
 * answer (or each stream event), build the unified answer and serialise it. No validation,
 * logging, metrics, limits, timeouts or error mapping. It shows how much of the gateway's cost
 * over the raw proxy is the translation itself, which no translating gateway can avoid.
 *
 * Serves the benchmark's paths only, for the endpoints `chat` and `embeddings`.
 * Usage: node json-proxy.js --upstream http://127.0.0.1:PORT; prints `LISTENING <port>`.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createParser } from 'eventsource-parser';
import { Pool } from 'undici';

const { values } = parseArgs({ options: { upstream: { type: 'string' } } });
if (!values.upstream) throw new Error('--upstream is required');
const pool = new Pool(values.upstream);

const MODELS: Record<string, string> = { chat: 'gpt-4o-mini', embeddings: 'text-embedding-3-small' };
const UPSTREAM_HEADERS = { authorization: 'Bearer sk-bench-not-a-real-key', 'content-type': 'application/json' };

/** Loose shapes of the fake upstream's answers: only the fields the unified answers carry. */
interface Usage {
  prompt_tokens: number;
  completion_tokens?: number;
  total_tokens: number;
}
interface Choice {
  index: number;
  message?: { role: string; content: string | null };
  delta?: { role?: string; content?: string | null };
  finish_reason: string | null;
}
interface Answer {
  id: string;
  created: number;
  model: string;
  choices: Choice[];
  data: { index: number; embedding: number[] }[];
  usage: Usage;
}

function chatAnswer(answer: Answer): unknown {
  return {
    id: answer.id,
    object: 'chat.completion',
    created: answer.created,
    model: answer.model,
    choices: answer.choices.map((choice) => ({
      index: choice.index,
      message: { role: choice.message?.role ?? 'assistant', content: choice.message?.content ?? null, tool_calls: null, refusal: null },
      finish_reason: choice.finish_reason,
    })),
    usage: { prompt_tokens: answer.usage.prompt_tokens, completion_tokens: answer.usage.completion_tokens ?? null, total_tokens: answer.usage.total_tokens },
  };
}

function chatChunk(chunk: Answer): unknown {
  return {
    id: chunk.id,
    object: 'chat.completion.chunk',
    created: chunk.created,
    model: chunk.model,
    choices: chunk.choices.map((choice) => ({
      index: choice.index,
      delta: { role: choice.delta?.role ?? null, content: choice.delta?.content ?? null, tool_calls: null },
      finish_reason: choice.finish_reason,
    })),
  };
}

function embeddingsAnswer(answer: Answer): unknown {
  return {
    object: 'list',
    data: answer.data.map((item) => ({ object: 'embedding', index: item.index, embedding: item.embedding })),
    model: answer.model,
    usage: { prompt_tokens: answer.usage.prompt_tokens, total_tokens: answer.usage.total_tokens },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Forwards the stream event by event; the events one upstream read completes leave in one write. */
function streamChat(response: ServerResponse, body: string): void {
  let pending = '';
  const flush = () => {
    if (pending !== '') response.write(pending);
    pending = '';
  };
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === '[DONE]') return;
      if (!response.headersSent) response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      if (pending === '') process.nextTick(flush);
      pending += `data: ${JSON.stringify(chatChunk(JSON.parse(event.data) as Answer))}\n\n`;
    },
  });
  const decoder = new TextDecoder();
  pool.dispatch(
    { method: 'POST', path: '/v1/chat/completions', headers: UPSTREAM_HEADERS, body },
    {
      onConnect: () => undefined,
      onHeaders: () => true,
      onData: (data) => {
        parser.feed(decoder.decode(data, { stream: true }));
        return true;
      },
      onComplete: () => {
        flush();
        response.end('data: [DONE]\n\n');
      },
      onError: () => response.destroy(),
    },
  );
}

/** The endpoint a benchmark request names: in the MLflow path, or as `model` on /v1. */
function endpointOf(url: string, request: Record<string, unknown>): string {
  return url.startsWith('/endpoints/') ? url.split('/')[2] : String(request.model);
}

async function serve(url: string, text: string, response: ServerResponse): Promise<void> {
  const request = JSON.parse(text) as Record<string, unknown>;
  const endpoint = endpointOf(url, request);
  const body = JSON.stringify({ ...request, model: MODELS[endpoint] });
  if (request.stream === true) return streamChat(response, body);
  const path = endpoint === 'embeddings' ? '/v1/embeddings' : '/v1/chat/completions';
  const upstream = await pool.request({ method: 'POST', path, headers: UPSTREAM_HEADERS, body });
  const answer = JSON.parse(await upstream.body.text()) as Answer;
  sendJson(response, upstream.statusCode, endpoint === 'embeddings' ? embeddingsAnswer(answer) : chatAnswer(answer));
}

const server = createServer((request, response) => {
  const parts: Buffer[] = [];
  request.on('data', (part: Buffer) => parts.push(part));
  request.on('end', () => {
    serve(request.url ?? '/', Buffer.concat(parts).toString('utf8'), response).catch(() => {
      if (!response.headersSent) sendJson(response, 502, { error: 'bad gateway' });
      else response.destroy();
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
