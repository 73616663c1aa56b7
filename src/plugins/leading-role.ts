/**
 * A plugin's chat stream with its leading role-only chunks held back. OpenAI-shaped streams open
 * with a chunk that carries only `role: "assistant"`; sent at once, it would commit the stream, and
 * a failure right after it (the plugin's vendor overloaded) could no longer be retried or fall
 * back: the client would get a 200 and an error event. Held, its role goes on the plugin's next
 * chunk, so the client still sees the role on the first delta it receives. A usage-only chunk
 * among them is held too, and a stream with nothing else ends empty: retried and falling back like
 * a stream with no chunk at all, as the built-in providers' (providers/shared/role-only.ts).
 *
 * The built-in OpenAI-shaped providers hold such chunks in their stream fold and send them as they
 * are (providers/openai/stream.ts). The hold is decided once per stream: after the first chunk with
 * something in it, each `next` returns the plugin iterator's own promise, with no check or copy.
 */
import { isRecord } from '../providers/shared/json';
import { answersNothing, carriesNothing, isRoleOnlyChunk, isUsageOnlyChunk } from '../providers/shared/role-only';

type Chunk = Record<string, unknown>;

/** The role each held chunk gave, by choice index (a later one for the same index wins). */
function heldRoles(held: readonly Chunk[]): Map<unknown, unknown> {
  const roles = new Map<unknown, unknown>();
  for (const chunk of held) for (const choice of chunk.choices as Chunk[]) roles.set(choice.index, (choice.delta as Chunk).role);
  return roles;
}

/**
 * What to send for the held role-only and usage-only chunks and the chunk after them: the usage-only
 * ones, then that chunk with each held role on its choice of the same index (the top-level fields
 * of the held role-only chunks filling in what it lacks), or, when it has no such choice for every
 * held role, the held chunks unchanged and then it.
 */
export function withHeldRoles(held: readonly Chunk[], next: unknown): unknown[] {
  if (held.length === 0) return [next];
  const roleChunks = held.filter(isRoleOnlyChunk);
  const roles = heldRoles(roleChunks);
  const choices = isRecord(next) && Array.isArray(next.choices) ? (next.choices as unknown[]) : null;
  const takesEveryRole = choices !== null && [...roles.keys()].every((index) => choices.some((choice) => isRecord(choice) && choice.index === index && isRecord(choice.delta)));
  if (!takesEveryRole) return [...held, next];
  const merged = choices.map((choice) => {
    if (!isRecord(choice)) return choice;
    const delta = choice.delta as Chunk;
    const role = roles.get(choice.index);
    return role === undefined || !carriesNothing(delta.role) ? choice : { ...choice, delta: { ...delta, role } };
  });
  return [...held.filter(isUsageOnlyChunk), Object.assign({}, ...roleChunks, next, { choices: merged })];
}

/**
 * Reads the stream's first chunks: its leading role-only and usage-only chunks and the one after
 * them, or its end. A failure while reading them is thrown as it is (nothing has been sent for them).
 */
async function firstResults(source: AsyncIterator<unknown>): Promise<IteratorResult<unknown>[]> {
  const held: Chunk[] = [];
  for (;;) {
    const result = await source.next();
    // Only roles and usage: no answer, so the stream ends empty and the attempt is retried, as one with no chunk at all.
    if (result.done) return [result];
    if (!answersNothing(result.value)) return withHeldRoles(held, result.value).map((value) => ({ done: false as const, value }));
    held.push(result.value);
  }
}

function holdingIterator(source: AsyncIterator<unknown>): AsyncIterator<unknown> {
  let queued: IteratorResult<unknown>[] = [];
  const fromQueue = () => {
    const result = queued.shift()!;
    // Once the queue is empty, the plugin's own iterator serves every further chunk: no promise or check per chunk.
    if (queued.length === 0) step = source.next.bind(source);
    return Promise.resolve(result);
  };
  let step = async (): Promise<IteratorResult<unknown>> => {
    queued = await firstResults(source);
    step = fromQueue;
    return fromQueue();
  };
  return {
    // Through `step`, not by replacing `next`: `for await` keeps the `next` it read first.
    next: () => step(),
    return: async (value?: unknown) => (await source.return?.(value)) ?? { done: true, value: undefined },
  };
}

/** `chunks` with its leading role-only (and usage-only) chunks held and their role put on the chunk after them. */
export function withRoleOnFirstContent(chunks: AsyncIterable<unknown>): AsyncIterable<unknown> {
  return { [Symbol.asyncIterator]: () => holdingIterator(chunks[Symbol.asyncIterator]()) };
}
