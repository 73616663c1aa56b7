/** The fallback rules: which failures move on, and when a stream can still move on. */
import { GatewayError } from '../../../src/errors';
import { shouldFallBack, withFallback, withFirstChunk } from '../../../src/routing/fallback';

const upstream = (status: number) => GatewayError.upstream({ status, message: 'boom', endpoint: 'e' });

describe('shouldFallBack', () => {
  it.each([
    ['a connection error', GatewayError.upstreamUnavailable('refused')],
    ['a timeout', GatewayError.upstreamTimeout('slow')],
    ['an upstream 429', GatewayError.upstream({ status: 429, message: 'slow down', endpoint: 'e', retryAfter: '3' })],
    ['our own rate limit', GatewayError.rateLimited('Rate limit exceeded: 1 per 1 minute', '30')],
    ['an upstream 500', upstream(500)],
    ['an upstream 503', upstream(503)],
    ['an operation the provider does not serve (a 501: another destination may serve it)', GatewayError.unsupported('no streaming')],
    ["a parameter the provider's translation refuses (nothing was sent: another provider may take it)", GatewayError.invalidParam('temperature: too hot', 'temperature')],
    ["a refusal with MLflow's 422 status", GatewayError.invalidParam('max_tokens is not present in payload', 'max_tokens', 422)],
    [
      'a failure not retried but marked fallsBack (an Entra ID token server down)',
      new GatewayError({ status: 502, message: 'no token', kind: 'upstream_error', code: 'upstream_unavailable', fallsBack: true }),
    ],
  ])('moves on after %s', (_name, error) => {
    expect(shouldFallBack(error)).toBe(true);
  });

  it.each([
    ['a bad request', upstream(400)],
    ['an upstream auth failure (a config problem, same everywhere)', upstream(401)],
    ["a vendor's own 422", upstream(422)],
    ['a broken stream event', GatewayError.upstreamUnavailable('not JSON', false)],
    ['the client going away', new DOMException('aborted', 'AbortError')],
    ['a programming error', new TypeError('x is undefined')],
  ])('stops after %s', (_name, error) => {
    expect(shouldFallBack(error)).toBe(false);
  });
});

describe('withFallback', () => {
  it('returns the first success and names who answered', async () => {
    const tried: string[] = [];
    const result = await withFallback({
      candidates: ['a', 'b', 'c'],
      attempt: async (name) => {
        tried.push(name);
        if (name === 'a') throw upstream(503);
        return `answer from ${name}`;
      },
    });
    expect(result).toEqual({ answeredBy: 'b', value: 'answer from b' });
    expect(tried).toEqual(['a', 'b']);
  });

  it('reports each failure it moves past', async () => {
    const moved: [string, number][] = [];
    await withFallback({
      candidates: ['a', 'b', 'c'],
      attempt: async (name) => {
        if (name !== 'c') throw GatewayError.upstreamTimeout(name);
        return name;
      },
      onFallback: (name, error) => moved.push([name, (error as GatewayError).status]),
    });
    expect(moved).toEqual([
      ['a', 504],
      ['b', 504],
    ]);
  });

  it('throws a non-retryable failure at once', async () => {
    const tried: string[] = [];
    const failure = upstream(400);
    await expect(
      withFallback({
        candidates: ['a', 'b'],
        attempt: async (name) => {
          tried.push(name);
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(tried).toEqual(['a']);
  });

  it('throws the last failure when every candidate failed', async () => {
    const last = GatewayError.rateLimited('Rate limit exceeded', '12');
    await expect(
      withFallback({
        candidates: ['a', 'b'],
        attempt: async (name) => {
          throw name === 'a' ? upstream(502) : last;
        },
      }),
    ).rejects.toBe(last);
  });

  it("answers with a real failure rather than a later destination's 501, and names whose failure it is", async () => {
    const real = upstream(503);
    const gaveUp: [string, unknown][] = [];
    await expect(
      withFallback({
        candidates: ['a', 'b', 'c'],
        attempt: async (name) => {
          throw name === 'b' ? real : GatewayError.unsupported(`no streaming on ${name}`);
        },
        onGiveUp: (name, error) => gaveUp.push([name, error]),
      }),
    ).rejects.toBe(real);
    expect(gaveUp).toEqual([['b', real]]);
  });

  const refused = (name: string) => GatewayError.invalidParam(`web_search_options: not on ${name}`, 'web_search_options');

  /** The failure `withFallback` answers with when the candidates fail with `failures`, in order, and whose it is. */
  async function answerOf(failures: readonly GatewayError[]): Promise<[number, unknown]> {
    const gaveUp: [number, unknown][] = [];
    const thrown = await withFallback({
      candidates: failures.map((_failure, index) => index),
      attempt: async (index) => {
        throw failures[index];
      },
      onGiveUp: (index, error) => gaveUp.push([index, error]),
    }).catch((error: unknown) => error);
    expect(gaveUp).toEqual([[gaveUp[0][0], thrown]]);
    return gaveUp[0];
  }

  it("answers with a real failure rather than a refusal, before or after it", async () => {
    const real = upstream(503);
    expect(await answerOf([real, refused('b')])).toEqual([0, real]);
    expect(await answerOf([refused('a'), real, refused('c')])).toEqual([1, real]);
  });

  it('answers with the 429 whose Retry-After is the shortest, in any order; the later one when they are equal or one has none', async () => {
    const minute = GatewayError.rateLimited("Rate limit exceeded: 1 per 1 minute for endpoint 'a'.", '42');
    const hour = GatewayError.rateLimited("Rate limit exceeded: 1 per 1 hour for endpoint 'b'.", '3600');
    const provider = GatewayError.upstream({ status: 429, message: 'slow down', endpoint: 'c', retryAfter: '7' });
    expect(await answerOf([minute, hour])).toEqual([0, minute]);
    expect(await answerOf([hour, minute])).toEqual([1, minute]);
    expect(await answerOf([hour, provider, minute])).toEqual([1, provider]);
    const sameWait = GatewayError.rateLimited("Rate limit exceeded: 2 per 1 minute for endpoint 'd'.", '42');
    expect(await answerOf([minute, sameWait])).toEqual([1, sameWait]);
    const withoutWait = GatewayError.upstream({ status: 429, message: 'slow down', endpoint: 'e' });
    expect(await answerOf([minute, withoutWait])).toEqual([1, withoutWait]);
    // A later real failure of another kind is still the answer (the client may retry it at once).
    expect(await answerOf([minute, upstream(503)])).toEqual([1, expect.objectContaining({ status: 502 })]);
  });

  it('answers with the shortest-waiting 429 when the answer is a 429, also when another kind of failure came between them', async () => {
    const provider = GatewayError.upstream({ status: 429, message: 'slow down', endpoint: 'a', retryAfter: '7' });
    const hour = GatewayError.rateLimited("Rate limit exceeded: 1 per 1 hour for endpoint 'c'.", '3600');
    // The 503 between them once made the hour's 429 the answer: a client told to wait an hour, where 7 s would do.
    expect(await answerOf([provider, upstream(503), hour])).toEqual([0, provider]);
    expect(await answerOf([hour, upstream(503), provider])).toEqual([2, provider]);
    // The last real failure stays the answer when it is not a 429.
    expect(await answerOf([provider, hour, upstream(503)])).toEqual([2, expect.objectContaining({ status: 502 })]);
  });

  it("answers with the first refusal when every candidate refused (the route's primary), and with a refusal rather than a 501", async () => {
    const first = refused('a');
    expect(await answerOf([first, refused('b'), refused('c')])).toEqual([0, first]);
    expect(await answerOf([GatewayError.unsupported('no streaming'), first])).toEqual([1, first]);
    expect(await answerOf([first, GatewayError.unsupported('no streaming')])).toEqual([0, first]);
  });
});

describe('withFirstChunk', () => {
  async function collect(chunks: AsyncIterable<unknown>): Promise<unknown[]> {
    const seen: unknown[] = [];
    for await (const chunk of chunks) seen.push(chunk);
    return seen;
  }

  it('rejects when the stream fails before its first chunk', async () => {
    async function* failing(): AsyncGenerator<number> {
      throw upstream(503);
    }
    await expect(withFirstChunk(failing())).rejects.toMatchObject({ status: 502, retryable: true });
  });

  it('replays the first chunk, then the rest; a later failure stays in the stream', async () => {
    let started = 0;
    async function* stream(): AsyncGenerator<number> {
      started += 1;
      yield 1;
      yield 2;
      throw upstream(500);
    }
    const primed = await withFirstChunk(stream());
    expect(started).toBe(1);
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const chunk of primed) seen.push(chunk);
      })(),
    ).rejects.toMatchObject({ status: 502 });
    expect(seen).toEqual([1, 2]);
  });

  it('passes an empty stream and early returns through', async () => {
    async function* empty(): AsyncGenerator<number> {}
    expect(await collect(await withFirstChunk(empty()))).toEqual([]);
    let finished = false;
    async function* long(): AsyncGenerator<number> {
      try {
        yield 1;
        yield 2;
      } finally {
        finished = true;
      }
    }
    for await (const _chunk of await withFirstChunk(long())) break;
    expect(finished).toBe(true);
  });
});
