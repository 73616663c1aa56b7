import { foldEvents, type SseEvent, type StreamFold } from '../../../src/providers/transport/sse';
import { collectUntilError } from '../../support/iterables';

/** A fold that upper-cases each event's data, is done at `STOP`, fails at `BAD`, and ends with `end`. */
function upperCaseFold(): StreamFold<string> & { ended: number } {
  let done = false;
  return {
    ended: 0,
    get done() {
      return done;
    },
    event(event) {
      if (event.data === 'BAD') throw new Error('unreadable event');
      if (event.data === 'STOP') {
        done = true;
        return ['stopped'];
      }
      return [event.data.toUpperCase(), `${event.data}!`];
    },
    end() {
      this.ended += 1;
      return ['end'];
    },
  };
}

/** Upstream events from a list; records how far it was read and whether it was released. */
function source(data: string[], failAfter?: Error) {
  const state = { read: 0, released: false };
  const events: AsyncIterable<SseEvent> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (const item of data) {
          state.read += 1;
          yield { event: undefined, data: item };
        }
        if (failAfter) throw failAfter;
      } finally {
        state.released = true;
      }
    },
  };
  return { state, events };
}

describe('foldEvents', () => {
  it('hands out every chunk of every event in order, then the chunks of the fold end', async () => {
    const { events } = source(['a', 'b']);
    expect(await collectUntilError(foldEvents(events, upperCaseFold()))).toEqual({ values: ['A', 'a!', 'B', 'b!', 'end'] });
  });

  it('stops reading and releases the source once the fold is done, then ends the fold', async () => {
    const { state, events } = source(['a', 'STOP', 'after', 'more']);
    const fold = upperCaseFold();
    expect(await collectUntilError(foldEvents(events, fold))).toEqual({ values: ['A', 'a!', 'stopped', 'end'] });
    expect(state).toEqual({ read: 2, released: true });
    expect(fold.ended).toBe(1);
  });

  it('rejects with the fold error and releases the source', async () => {
    const { state, events } = source(['a', 'BAD', 'after']);
    const fold = upperCaseFold();
    const { values: chunks, error } = await collectUntilError(foldEvents(events, fold));
    expect(chunks).toEqual(['A', 'a!']);
    expect(error).toEqual(new Error('unreadable event'));
    expect(state).toEqual({ read: 2, released: true });
    expect(fold.ended).toBe(0);
  });

  it('passes on a source failure after the chunks before it, without ending the fold, and is over after it', async () => {
    const { events } = source(['a'], new Error('connection reset'));
    const fold = upperCaseFold();
    const stream = foldEvents(events, fold);
    expect(await collectUntilError(stream)).toEqual({ values: ['A', 'a!'], error: new Error('connection reset') });
    expect(fold.ended).toBe(0);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('releases the source when the consumer stops early, and hands out nothing more', async () => {
    const { state, events } = source(['a', 'b', 'c']);
    const fold = upperCaseFold();
    const stream = foldEvents(events, fold);
    for await (const chunk of stream) {
      expect(chunk).toBe('A');
      break;
    }
    expect(state).toEqual({ read: 1, released: true });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(fold.ended).toBe(0);
  });

  describe('a fold that holds chunks it gives up on failure (failed)', () => {
    /** Holds each event's chunk until the next event; `failed` gives the one held; `BAD` throws; `end` throws when told to. */
    function holdingFold(endThrows = false): StreamFold<string> {
      let held: string | null = null;
      const release = (next: string | null): string[] => {
        const out = held === null ? [] : [held];
        held = next;
        return out;
      };
      return {
        done: false,
        event(event) {
          if (event.data === 'BAD') throw new Error('unreadable event');
          return release(event.data.toUpperCase());
        },
        end() {
          if (endThrows) throw new Error('cut off');
          return release(null);
        },
        failed: () => release(null),
      };
    }

    it('a source failure: the held chunk, then the error', async () => {
      const { events } = source(['a', 'b'], new Error('connection reset'));
      expect(await collectUntilError(foldEvents(events, holdingFold()))).toEqual({ values: ['A', 'B'], error: new Error('connection reset') });
    });

    it('the fold throwing at an event: the held chunk, then the error; the source is released', async () => {
      const { state, events } = source(['a', 'BAD', 'after']);
      expect(await collectUntilError(foldEvents(events, holdingFold()))).toEqual({ values: ['A'], error: new Error('unreadable event') });
      expect(state).toEqual({ read: 2, released: true });
    });

    it('the fold throwing at the end: the held chunk, then the error, then nothing more', async () => {
      const { events } = source(['a']);
      const stream = foldEvents(events, holdingFold(true));
      expect(await collectUntilError(stream)).toEqual({ values: ['A'], error: new Error('cut off') });
      expect(await stream.next()).toEqual({ done: true, value: undefined });
    });

    it('a consumer that stops after the held chunk does not get the error after it', async () => {
      const { events } = source(['a'], new Error('connection reset'));
      const stream = foldEvents(events, holdingFold());
      expect(await stream.next()).toEqual({ done: false, value: 'A' });
      await stream.return!();
      expect(await stream.next()).toEqual({ done: true, value: undefined });
    });
  });

  it('reads nothing until the first chunk is asked for', async () => {
    const { state, events } = source(['a']);
    const stream = foldEvents(events, upperCaseFold());
    expect(state.read).toBe(0);
    expect(await stream.next()).toEqual({ done: false, value: 'A' });
    expect(state.read).toBe(1);
  });
});
