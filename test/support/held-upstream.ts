/**
 * A fake OpenAI upstream whose answers wait for the test, for tests of what the gateway does while
 * requests are in flight (a shutdown, a second signal). A mock model's latency is a timer that a
 * loaded machine can outlast before the test acts; an answer held until the test releases it cannot.
 */
import { readFixture, readJsonFixture } from './fixtures';
import { sendJson, startFakeUpstream, type FakeUpstream } from './fake-upstream';

const STREAM_EVENTS = readFixture('openai', 'chat.stream.sse').split(/(?<=\n\n)/);

/** OpenAI's role-only chunk (which the gateway holds) and the first word: what the client reads first. */
const FIRST_EVENTS = STREAM_EVENTS.slice(0, 2).join('');
const LATER_EVENTS = STREAM_EVENTS.slice(2).join('');

/** The last word of the held stream, which a client that read it whole has. */
export const HELD_STREAM_LAST_WORD = 'journée';

export interface HeldUpstream {
  upstream: FakeUpstream;
  /** Resolves once a request with this user message has arrived (the gateway has it in flight). */
  arrival(content: string): Promise<void>;
  /** Answers every request with this user message, those held and those to come: the rest of a stream, or the whole answer. */
  release(content: string): void;
}

/**
 * Streams start at once with their first events; the rest, and whole answers, wait for `release`
 * of the request's (first) user message. A request never released is ended by the gateway.
 */
export async function startHeldUpstream(): Promise<HeldUpstream> {
  const waiting = new Map<string, (() => void)[]>();
  const released = new Set<string>();
  const arrivals = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const arrivalOf = (content: string) => {
    if (!arrivals.has(content)) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      arrivals.set(content, { promise, resolve });
    }
    return arrivals.get(content)!;
  };
  const upstream = await startFakeUpstream((request, response) => {
    const body = request.body as { stream?: boolean; messages: { content: string }[] };
    const content = body.messages[0].content;
    arrivalOf(content).resolve();
    if (body.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(FIRST_EVENTS);
    }
    const answer = () => (body.stream ? response.end(LATER_EVENTS) : sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
    if (released.has(content)) answer();
    else waiting.set(content, [...(waiting.get(content) ?? []), answer]);
  });
  return {
    upstream,
    arrival: (content) => arrivalOf(content).promise,
    release(content) {
      released.add(content);
      for (const answer of waiting.get(content) ?? []) answer();
      waiting.delete(content);
    },
  };
}

/** A chat endpoint calling the held upstream with OpenAI's provider, without retries. */
export function heldEndpoint(name: string, upstreamUrl: string): string {
  return `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-held-test, openai_api_base: "${upstreamUrl}/v1" } }
    retries: { max_attempts: 1 }`;
}
