/** `answersOfEach`: one call per item, a bounded number at once, answers kept by item across attempts; the counts of an answer's vectors; base64 encoding. */
import { GatewayError } from '../../../../src/errors';
import { answersOfEach, checkedCallVectors, embeddingInputs, embeddingsMismatch } from '../../../../src/providers/shared/embeddings';
import { fromTogetherAIEmbeddings } from '../../../../src/providers/togetherai';
import { readJsonFixture } from '../../../support/fixtures';

/** A `send` whose calls end when the test says, recording what was sent and how many ran at once. */
function controlledSend() {
  const sent: string[] = [];
  const pending = new Map<string, { resolve: (answer: string) => void; reject: (error: unknown) => void }>();
  let running = 0;
  let mostAtOnce = 0;
  const send = (item: string) =>
    new Promise<string>((resolve, reject) => {
      sent.push(item);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const settle = <Value>(finish: (value: Value) => void) => (value: Value) => {
        running -= 1;
        pending.delete(item);
        finish(value);
      };
      pending.set(item, { resolve: settle(resolve), reject: settle(reject) });
    });
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return {
    send,
    sent,
    mostAtOnce: () => mostAtOnce,
    inFlight: () => [...pending.keys()],
    answer: async (item: string) => {
      pending.get(item)?.resolve(item.toUpperCase());
      await turn();
    },
    fail: async (item: string, error: unknown) => {
      pending.get(item)?.reject(error);
      await turn();
    },
  };
}

const throttled = () => GatewayError.rateLimited('Too many requests, please wait before trying again.', null);

describe('answersOfEach', () => {
  it('runs at most `parallel` calls at once, starting the next as one ends; answers in item order whatever order they come in', async () => {
    const calls = controlledSend();
    const result = answersOfEach(['a', 'b', 'c', 'd', 'e'], calls.send, { parallel: 2 });
    await new Promise(setImmediate);
    expect(calls.inFlight()).toEqual(['a', 'b']);
    await calls.answer('b');
    expect(calls.inFlight()).toEqual(['a', 'c']);
    for (const item of ['c', 'a', 'e', 'd']) await calls.answer(item);
    expect(await result).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(calls.mostAtOnce()).toBe(2);
  });

  it('after a failure: starts nothing new, lets the calls in flight end and keeps their answers, then throws the failure', async () => {
    const calls = controlledSend();
    const answered: unknown[] = [];
    const result = answersOfEach(['a', 'b', 'c', 'd', 'e'], calls.send, { parallel: 3, answered });
    const outcome = result.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await new Promise(setImmediate);
    await calls.fail('b', throttled());
    expect(calls.inFlight()).toEqual(['a', 'c']);
    await calls.answer('a');
    await calls.answer('c');
    expect(await outcome).toMatchObject({ status: 429 });
    expect(calls.sent).toEqual(['a', 'b', 'c']);
    expect(answered).toEqual(['A', undefined, 'C']);

    // The retry sends only the items without an answer.
    const retried = controlledSend();
    const retry = answersOfEach(['a', 'b', 'c', 'd', 'e'], retried.send, { parallel: 3, answered });
    await new Promise(setImmediate);
    expect(retried.inFlight()).toEqual(['b', 'd', 'e']);
    for (const item of ['e', 'b', 'd']) await retried.answer(item);
    expect(await retry).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('throws the first failure when several calls fail; a failed call keeps no answer', async () => {
    const calls = controlledSend();
    const answered: unknown[] = [];
    const result = answersOfEach(['a', 'b'], calls.send, { parallel: 2, answered }).catch((error: unknown) => error);
    await new Promise(setImmediate);
    await calls.fail('b', throttled());
    await calls.fail('a', GatewayError.upstreamUnavailable('unreadable'));
    expect(await result).toMatchObject({ status: 429 });
    expect(answered).toEqual([]);
  });

  it('sends nothing when every item was answered before', async () => {
    const calls = controlledSend();
    expect(await answersOfEach(['a', 'b'], calls.send, { parallel: 8, answered: ['A', 'B'] })).toEqual(['A', 'B']);
    expect(calls.sent).toEqual([]);
  });
});

describe('one vector per input', () => {
  it('counts a string or a flat list of token ids as one input, a list of texts or token lists as one per item', () => {
    expect([embeddingInputs('a'), embeddingInputs([1, 2]), embeddingInputs(['a', 'b']), embeddingInputs([[1], [2, 3]]), embeddingInputs([])].map((inputs) => inputs.length)).toEqual([1, 1, 2, 2, 0]);
  });

  it('accepts each index once, in any order, and names what is wrong otherwise', () => {
    expect([embeddingsMismatch([0, 1, 2], 3), embeddingsMismatch([2, 0, 1], 3), embeddingsMismatch([], 0)]).toEqual([null, null, null]);
    expect(embeddingsMismatch([0, 1], 3)).toBe('2 embeddings for 3 inputs');
    expect(embeddingsMismatch([0, 1], 1)).toBe('2 embeddings for 1 input');
    expect(embeddingsMismatch([0], 2)).toBe('1 embedding for 2 inputs');
    expect(embeddingsMismatch([0, 0, 1], 3)).toBe('two embeddings with index 0 for 3 inputs, where each of indexes 0 to 2 is expected once');
    expect(embeddingsMismatch([0, 3, 1], 3)).toBe('an embedding with index 3 for 3 inputs, where each of indexes 0 to 2 is expected once');
    expect(embeddingsMismatch([-1], 1)).toBe('an embedding with index -1 for 1 input, where index 0 is expected once');
  });

  it("refuses a call's vectors of another count than its inputs, saying when the request was split", () => {
    const vectors = [[1], [2]];
    expect(checkedCallVectors(vectors, { inputs: 2, split: true })).toBe(vectors);
    const refusal = (() => {
      try {
        checkedCallVectors(vectors, { inputs: 3, split: false });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ status: 502, code: 'upstream_unreadable', message: '2 embeddings for 3 inputs' });
    expect(() => checkedCallVectors(vectors, { inputs: 1, split: true })).toThrow('2 embeddings for the 1 input of one of the calls the request was split into');
  });
});

describe('base64 encoding of a vendor vector', () => {
  // Together AI's answer (floats; the gateway encodes base64 itself) with one value that is no number.
  const withValue = (value: unknown) => {
    const answer = readJsonFixture<{ data: { embedding: unknown[] }[] }>('togetherai', 'embeddings.response.json');
    answer.data[1].embedding[2] = value;
    return answer;
  };

  test.each([['a string', '0.08'], ['null', null], ['an object', { value: 0.08 }]])('%s in a vector is a 502 naming its place, not NaN or 0 bytes', (_what, value) => {
    const read = () => fromTogetherAIEmbeddings(withValue(value), { encodingFormat: 'base64' });
    expect(read).toThrow(GatewayError);
    expect(read).toThrow(`an embedding's value at position 2 is ${JSON.stringify(value)}, not a number`);
    try {
      read();
    } catch (error) {
      expect((error as GatewayError).status).toBe(502);
    }
  });

  test('numbers are encoded as little-endian float32', () => {
    const { data } = fromTogetherAIEmbeddings(withValue(0.5), { encodingFormat: 'base64' });
    const bytes = Buffer.from(data[1].embedding as string, 'base64');
    expect([0, 1, 2, 3].map((index) => bytes.readFloatLE(index * 4))).toEqual([Math.fround(-0.0401328), Math.fround(0.3276221), 0.5, Math.fround(0.1543202)]);
  });
});
