import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayError } from '../../../src/errors';
import { logLine } from '../../../src/server/audit-line';
import { requestIdOf, requestLog } from '../../../src/server/request-log';
import { recordError, type RequestRecord, type ResponseWithLocals } from '../../../src/server/request-record';
import { usageOf } from '../../../src/server/token-usage';
import { StreamTokens } from '../../../src/limits/stream-tokens';
import type { GatewayState } from '../../../src/server/state';
import { captureLog } from '../../support/log-capture';

describe('requestIdOf', () => {
  test('keeps a sane incoming id', () => {
    expect(requestIdOf('trace-123')).toBe('trace-123');
    expect(requestIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  });

  test('replaces missing, repeated, overlong or odd ids with a UUID', () => {
    for (const incoming of [undefined, ['a', 'b'], 'x'.repeat(129), 'has space', 'quote"d', 'line\nbreak', '']) {
      expect(requestIdOf(incoming)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

test('usageOf reads the unified usage block and ignores anything else', () => {
  expect(usageOf({ usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 } })).toEqual({ prompt: 3, completion: 5, total: 8, details: null, webSearches: null });
  expect(usageOf({ usage: { prompt_tokens: 3, total_tokens: 3 } })).toEqual({ prompt: 3, completion: null, total: 3, details: null, webSearches: null });
  expect(usageOf({ usage: { prompt_tokens: '3' } })).toEqual({ prompt: null, completion: null, total: null, details: null, webSearches: null });
  expect(usageOf({ usage: null })).toBeNull();
  expect(usageOf(null)).toBeNull();
  expect(usageOf('text')).toBeNull();
});

describe('usageOf: the counts that bill differently', () => {
  test('reads cached, cache-creation and reasoning tokens from the usage details', () => {
    const usage = {
      prompt_tokens: 189643,
      completion_tokens: 393,
      total_tokens: 190036,
      prompt_tokens_details: { cached_tokens: 188086, cache_creation_tokens: 1536 },
      completion_tokens_details: { reasoning_tokens: 120, audio_tokens: 0 },
    };
    expect(usageOf({ usage })?.details).toEqual({ cached: 188086, cacheCreation: 1536, reasoning: 120 });
    expect(usageOf({ usage: { prompt_tokens: 9, completion_tokens_details: { reasoning_tokens: 0 } } })?.details).toEqual({ cached: null, cacheCreation: null, reasoning: 0 });
  });

  test('details with none of those counts (null objects, audio only, strings) are no details', () => {
    expect(usageOf({ usage: { prompt_tokens: 9, prompt_tokens_details: null, completion_tokens_details: null, webSearches: null } })?.details).toBeNull();
    expect(usageOf({ usage: { prompt_tokens: 9, prompt_tokens_details: { audio_tokens: 4 } } })?.details).toBeNull();
    expect(usageOf({ usage: { prompt_tokens: 9, prompt_tokens_details: { cached_tokens: '4' } } })?.details).toBeNull();
  });
});

describe('logLine: the token fields', () => {
  const record = (usage: RequestRecord['usage'], streamTokens: StreamTokens | null = null, overrides: Partial<RequestRecord> = {}): RequestRecord => ({
    id: 'req-1',
    method: 'POST',
    path: '/v1/chat/completions',
    route: '/v1/chat/completions',
    called: 'chat',
    endpoint: null,
    client: 'finance',
    stream: false,
    status: 200,
    startedAt: 0,
    latencyMs: 12.4,
    firstChunkMs: null,
    firstTokenMs: null,
    retries: 0,
    providerCall: null,
    trace: null,
    usage,
    streamTokens,
    streamTokensLimited: false,
    streamTokensEndpoint: null,
    error: null,
    aborted: false,
    heldBodyBytes: 0,
    logBodies: false,
    maxBodyChars: 0,
    ...overrides,
  });
  const LIMITED = { streamTokensLimited: true };
  const BEFORE = { request_id: 'req-1', method: 'POST', path: '/v1/chat/completions', route: '/v1/chat/completions', endpoint: null, called: 'chat', provider: null, model: null, client: 'finance', stream: false, status: 200, latency_ms: 12, first_chunk_ms: null, retries: 0 };

  test('without usage details: the same fields and text as always', () => {
    expect(JSON.stringify(logLine(record({ prompt: 3, completion: 1, total: 4, details: null, webSearches: null })))).toBe(JSON.stringify({ ...BEFORE, prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 }));
    expect(JSON.stringify(logLine(record(null)))).toBe(JSON.stringify({ ...BEFORE, prompt_tokens: null, completion_tokens: null, total_tokens: null }));
  });

  test('with usage details: the counts the answer reported, after total_tokens', () => {
    const cached = logLine(record({ prompt: 189643, completion: 393, total: 190036, details: { cached: 188086, cacheCreation: 1536, reasoning: null }, webSearches: null }));
    expect(JSON.stringify(cached)).toBe(JSON.stringify({ ...BEFORE, prompt_tokens: 189643, completion_tokens: 393, total_tokens: 190036, cached_tokens: 188086, cache_creation_tokens: 1536 }));
    const reasoning = logLine(record({ prompt: 2006, completion: 300, total: 2306, details: { cached: 0, cacheCreation: null, reasoning: 192 }, webSearches: null }));
    expect(reasoning).toMatchObject({ cached_tokens: 0, reasoning_tokens: 192 });
    expect(reasoning).not.toHaveProperty('cache_creation_tokens');
  });

  test('web searches the answer reported: web_search_requests after the token counts, absent when none', () => {
    const searched = logLine(record({ prompt: 6039, completion: 931, total: 6970, details: { cached: 0, cacheCreation: 0, reasoning: null }, webSearches: 3 }));
    expect(JSON.stringify(searched)).toBe(
      JSON.stringify({ ...BEFORE, prompt_tokens: 6039, completion_tokens: 931, total_tokens: 6970, cached_tokens: 0, cache_creation_tokens: 0, web_search_requests: 3 }),
    );
    expect(logLine(record({ prompt: 3, completion: 1, total: 4, details: null, webSearches: 1 }))).toMatchObject({ total_tokens: 4, web_search_requests: 1 });
    expect(logLine(record({ prompt: 3, completion: 1, total: 4, details: null, webSearches: null }))).not.toHaveProperty('web_search_requests');
  });

  test('a stream a token limit counts that reported no usage: its estimate, said to be one; reported usage is logged as before', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'Hello there' }] });
    tokens.observe({ choices: [{ index: 0, delta: { content: 'General Kenobi' }, finish_reason: null }] });
    // Prompt: "user" + "Hello there" = 15 characters, 4 tokens; completion: 14 characters, 4 tokens.
    expect(JSON.stringify(logLine(record(null, tokens, LIMITED)))).toBe(JSON.stringify({ ...BEFORE, prompt_tokens: 4, completion_tokens: 4, total_tokens: 8, tokens_estimated: true }));
    tokens.observe({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } });
    expect(logLine(record({ prompt: 3, completion: 1, total: 4, details: null, webSearches: null }, tokens, LIMITED))).not.toHaveProperty('tokens_estimated');
  });

  test('without a token limit: the estimate of a stream cut short (the client left, or it failed), not of one that ended normally without usage', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'Hello there' }] });
    tokens.observe({ choices: [{ index: 0, delta: { content: 'General Kenobi' }, finish_reason: null }] });
    const ESTIMATED = { prompt_tokens: 4, completion_tokens: 4, total_tokens: 8, tokens_estimated: true };
    expect(JSON.stringify(logLine(record(null, tokens)))).toBe(JSON.stringify({ ...BEFORE, prompt_tokens: null, completion_tokens: null, total_tokens: null }));
    expect(logLine(record(null, tokens, { aborted: true, status: 499 }))).toMatchObject(ESTIMATED);
    expect(logLine(record(null, tokens, { error: { code: 'upstream_error', message: 'The provider cut the stream.' } }))).toMatchObject(ESTIMATED);
  });

  test('a stream whose usage had prompt_tokens alone: that prompt and the estimated completion, said to be an estimate', () => {
    const tokens = new StreamTokens({ messages: [{ role: 'user', content: 'Hello there' }] });
    tokens.observe({ choices: [], usage: { prompt_tokens: 9 } });
    tokens.observe({ choices: [{ index: 0, delta: { content: 'General Kenobi' }, finish_reason: null }] });
    const line = logLine(record({ prompt: 9, completion: null, total: 9, details: null, webSearches: null }, tokens, LIMITED));
    expect(line).toMatchObject({ prompt_tokens: 9, completion_tokens: 4, total_tokens: 13, tokens_estimated: true });
  });
});

describe('requestLog: the line of an answer that did not end normally', () => {
  interface Line {
    msg: string;
    status: number;
    error?: { code: string | null };
  }

  /** A server whose every answer is its first chunk then `finish(response)`; resolves with the line of one request. */
  async function lineOf(finish: (response: ResponseWithLocals) => void, clientLeaves: boolean): Promise<Line> {
    const { lines, logger } = captureLog();
    const state = { plan: { logging: { bodies: false, maxBodyChars: 0 } } } as unknown as GatewayState;
    const logged = new Promise<void>((resolve) => {
      const log = requestLog({ logger, state, onDone: () => resolve() });
      const server = createServer((request, response) => {
        // What Express (or the fast path) adds to the request and the response.
        const withLocals = Object.assign(response, { locals: {} });
        log(Object.assign(request, { path: '/x' }) as never, withLocals as never, () => {
          withLocals.writeHead(200, { 'content-type': 'text/event-stream' });
          withLocals.write('data: {}\n\n');
          if (!clientLeaves) setTimeout(() => finish(withLocals), 20);
        });
      });
      servers.push(server);
      server.listen(0, '127.0.0.1', () => {
        const client = httpRequest({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, method: 'POST', path: '/x' }, (response) => {
          response.once('data', () => {
            if (clientLeaves) client.destroy();
          });
        });
        client.on('error', () => undefined);
        client.end();
      });
    });
    await logged;
    for (let waited = 0; lines.length < 2 && waited < 1_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    return JSON.parse(lines.at(-1)!) as Line;
  }

  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a stream the gateway cuts after its headers with an error keeps its 200 and says so, not that the client left', async () => {
    // As the fast path and the Express error handler do with a failure once the headers are out.
    const cut = (response: ResponseWithLocals) => {
      recordError(response, GatewayError.upstreamTimeout("Endpoint 'chat' did not finish within 1 s (total timeout)."));
      response.destroy();
    };
    expect(await lineOf(cut, false)).toMatchObject({ msg: 'request', status: 200, error: { code: 'upstream_timeout' } });
  });

  test('a stream its client leaves is 499, aborted by the client', async () => {
    const line = await lineOf(() => undefined, true);
    expect(line).toMatchObject({ msg: 'request aborted by the client', status: 499 });
    expect(line).not.toHaveProperty('error');
  });
});
