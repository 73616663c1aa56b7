/**
 * The response store in memory (src/response-store/memory.ts): what a lookup finds, separate spaces,
 * dropping oldest first by age and by size, on an injected clock, input items by response, input
 * items found by their id, and what it counts for the metrics.
 */
import { createMemoryResponseStore, textBytes } from '../../../src/response-store/memory';
import type { KeptResponse, StoreBounds } from '../../../src/response-store/types';
import { keptInputOf } from '../../../src/server/responses-api/stored';

const HOUR = 3_600_000;
const ROOMY: StoreBounds = { maxBytes: 1024 * 1024, maxAgeMs: HOUR };

function response(id: string, options: { space?: string; previousId?: string; text?: string } = {}): KeptResponse {
  const text = options.text ?? `answer of ${id}`;
  return {
    space: options.space ?? '',
    id,
    previousId: options.previousId ?? null,
    input: JSON.stringify([{ role: 'user', content: `question of ${id}` }]),
    inputIds: [],
    output: [{ id: `msg_${id}`, item: JSON.stringify({ type: 'message', id: `msg_${id}`, content: [{ type: 'output_text', text }] }) }],
    response: JSON.stringify({ id, object: 'response', output: null }),
  };
}

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('a conversation comes back oldest first, each response as its input and output items; an item by its id', () => {
  const store = createMemoryResponseStore();
  store.keep(response('resp_1'), ROOMY);
  store.keep(response('resp_2', { previousId: 'resp_1' }), ROOMY);
  store.keep(response('resp_3', { previousId: 'resp_2' }), ROOMY);
  const found = store.findNow({ space: '', previousId: 'resp_3', itemIds: ['msg_resp_2', 'msg_unknown'] }, ROOMY);
  expect(found.conversation?.map((step) => JSON.parse(step.input)[0].content)).toEqual(['question of resp_1', 'question of resp_2', 'question of resp_3']);
  expect(found.conversation?.map((step) => step.output.map((item) => JSON.parse(item).id))).toEqual([['msg_resp_1'], ['msg_resp_2'], ['msg_resp_3']]);
  expect(found.items).toEqual([response('resp_2').output[0].item, null]);
  expect(store.findNow({ space: '', previousId: null, itemIds: [] }, ROOMY)).toEqual({ conversation: [], items: [] });
});

test("a space sees only its own responses and items: another's are a miss", () => {
  const store = createMemoryResponseStore();
  store.keep(response('resp_a', { space: 'key-a' }), ROOMY);
  expect(store.findNow({ space: 'key-b', previousId: 'resp_a', itemIds: ['msg_resp_a'] }, ROOMY)).toEqual({ conversation: null, items: [null] });
  expect(store.findNow({ space: '', previousId: 'resp_a', itemIds: ['msg_resp_a'] }, ROOMY)).toEqual({ conversation: null, items: [null] });
  expect(store.findNow({ space: 'key-a', previousId: 'resp_a', itemIds: ['msg_resp_a'] }, ROOMY).conversation).toHaveLength(1);
});

test("spaces and ids cannot be run together into another space's key", () => {
  const store = createMemoryResponseStore();
  store.keep(response('resp_x', { space: 'ab' }), ROOMY);
  expect(store.findNow({ space: 'a', previousId: 'bresp_x', itemIds: [] }, ROOMY).conversation).toBeNull();
});

describe('age', () => {
  test('a response older than maxAgeMs is gone; a younger one stays', () => {
    const time = clock();
    const store = createMemoryResponseStore({ now: time.now });
    store.keep(response('resp_old'), ROOMY);
    time.advance(HOUR - 1000);
    store.keep(response('resp_young'), ROOMY);
    time.advance(1000);
    expect(store.findNow({ space: '', previousId: 'resp_old', itemIds: ['msg_resp_old'] }, ROOMY)).toEqual({ conversation: null, items: [null] });
    expect(store.findNow({ space: '', previousId: 'resp_young', itemIds: [] }, ROOMY).conversation).toHaveLength(1);
    expect(store.size()).toBeGreaterThan(0);
    time.advance(HOUR);
    store.findNow({ space: '', previousId: null, itemIds: [] }, ROOMY);
    expect(store.size()).toBe(0);
  });

  test('continuing a conversation renews every response in it, so its start outlives the age limit with it', () => {
    const time = clock();
    const store = createMemoryResponseStore({ now: time.now });
    store.keep(response('resp_1'), ROOMY);
    time.advance(HOUR / 2);
    store.keep(response('resp_2', { previousId: 'resp_1' }), ROOMY);
    time.advance(HOUR / 2 - 1);
    expect(store.findNow({ space: '', previousId: 'resp_2', itemIds: [] }, ROOMY).conversation).toHaveLength(2);
    time.advance(HOUR - 1);
    expect(store.findNow({ space: '', previousId: 'resp_2', itemIds: [] }, ROOMY).conversation).toHaveLength(2);
  });

  test('a shorter maxAgeMs (a reload) applies to what is kept already', () => {
    const time = clock();
    const store = createMemoryResponseStore({ now: time.now });
    store.keep(response('resp_1'), ROOMY);
    time.advance(60_000);
    expect(store.findNow({ space: '', previousId: 'resp_1', itemIds: [] }, { ...ROOMY, maxAgeMs: 30_000 }).conversation).toBeNull();
  });
});

describe('a record kept with a response (the thinking its tool call ids name)', () => {
  /** What keepResponseThinking keeps: under the answer's call id, in the caller's thinking space, the reasoning items that hold the blocks. */
  const thinkingRecord = (responseId: string): KeptResponse => {
    const input = JSON.stringify({ reasoningItems: [`rs_${responseId}`] });
    return { space: 'thinking:', id: `call_${responseId}`, previousId: null, input, inputIds: [{ id: `call_${responseId}`, start: 0, end: input.length }], output: [], response: '', keptWith: { space: '', id: responseId } };
  };
  const recordFound = (store: ReturnType<typeof createMemoryResponseStore>, responseId: string, bounds = ROOMY) =>
    store.findNow({ space: 'thinking:', previousId: null, itemIds: [`call_${responseId}`] }, bounds).items[0] !== null;

  const bounds = { ...ROOMY, maxAgeMs: 2_000 };
  /** A store on a clock, with resp_1 and its record kept 1.5 s ago (2 s max age). */
  function keptRecord() {
    const time = clock();
    const store = createMemoryResponseStore({ now: time.now });
    store.keep(response('resp_1'), bounds);
    store.keep(thinkingRecord('resp_1'), bounds);
    time.advance(1_500);
    return { time, store };
  }

  test('continuing the response renews the record: with a short max age, it lives as long as the response', () => {
    const { time, store } = keptRecord();
    expect(store.findNow({ space: '', previousId: 'resp_1', itemIds: [] }, bounds).conversation).toHaveLength(1);
    time.advance(1_500);
    // 3 s after both were kept: the record was renewed with the response 1.5 s ago.
    expect(recordFound(store, 'resp_1', bounds)).toBe(true);
    time.advance(2_001);
    expect(store.findNow({ space: '', previousId: 'resp_1', itemIds: [] }, bounds).conversation).toBeNull();
    expect(recordFound(store, 'resp_1', bounds)).toBe(false);
  });

  test('a response kept after continuing it renews the record too', () => {
    const { time, store } = keptRecord();
    store.keep(response('resp_2', { previousId: 'resp_1' }), bounds);
    time.advance(1_500);
    expect(recordFound(store, 'resp_1', bounds)).toBe(true);
  });

  test('deleting the response, or dropping it for room, drops the record; one for a response not kept is not kept', () => {
    const store = createMemoryResponseStore();
    store.keep(response('resp_1'), ROOMY);
    store.keep(thinkingRecord('resp_1'), ROOMY);
    expect(store.removeNow('', 'resp_1', ROOMY)).toBe(true);
    expect(recordFound(store, 'resp_1')).toBe(false);
    expect(store.size()).toBe(0);
    store.keep(thinkingRecord('resp_gone'), ROOMY);
    expect(store.statistics().responses).toBe(0);
    store.keep(response('resp_2', { text: 'x'.repeat(1000) }), ROOMY);
    store.keep(thinkingRecord('resp_2'), ROOMY);
    const tight = { maxBytes: store.size() + 10, maxAgeMs: HOUR };
    store.keep(response('resp_3', { text: 'y'.repeat(1000) }), tight);
    expect(recordFound(store, 'resp_2', tight)).toBe(false);
    expect(store.statistics().responses).toBe(1);
  });

  test('a record dropped with its response for age or room is counted as evicted, as each was when it went on its own', () => {
    const { time, store } = keptRecord();
    time.advance(501);
    expect(store.findNow({ space: '', previousId: 'resp_1', itemIds: [] }, bounds).conversation).toBeNull();
    expect(store.statistics()).toMatchObject({ responses: 0, bytes: 0, evictions: 2 });
  });
});

describe('size', () => {
  test('the oldest are dropped first to stay within maxBytes, and a conversation missing its start is a miss', () => {
    const store = createMemoryResponseStore();
    store.keep(response('resp_1', { text: 'x'.repeat(1000) }), ROOMY);
    const one = store.size();
    const bounds = { maxBytes: one * 2 + 10, maxAgeMs: HOUR };
    store.keep(response('resp_2', { text: 'y'.repeat(1000), previousId: 'resp_1' }), bounds);
    store.keep(response('resp_3', { text: 'z'.repeat(1000) }), bounds);
    expect(store.size()).toBeLessThanOrEqual(bounds.maxBytes);
    const found = store.findNow({ space: '', previousId: 'resp_2', itemIds: ['msg_resp_1', 'msg_resp_2', 'msg_resp_3'] }, bounds);
    expect(found.conversation).toBeNull();
    expect(found.items.map((item) => item !== null)).toEqual([false, true, true]);
  });

  test('looking one up makes it the newest: the one not used goes first', () => {
    const store = createMemoryResponseStore();
    store.keep(response('resp_1', { text: 'x'.repeat(1000) }), ROOMY);
    const bounds = { maxBytes: store.size() * 2 + 10, maxAgeMs: HOUR };
    store.keep(response('resp_2', { text: 'y'.repeat(1000) }), bounds);
    store.findNow({ space: '', previousId: 'resp_1', itemIds: [] }, bounds);
    store.keep(response('resp_3', { text: 'z'.repeat(1000) }), bounds);
    expect(store.findNow({ space: '', previousId: null, itemIds: ['msg_resp_1', 'msg_resp_2', 'msg_resp_3'] }, bounds).items.map((item) => item !== null)).toEqual([true, false, true]);
  });

  test('keeping a response renews the conversation it continues: others kept meanwhile go first, so the new one can be continued', () => {
    const store = createMemoryResponseStore();
    store.keep(response('resp_1', { text: 'x'.repeat(1000) }), ROOMY);
    // Room for two of this size (the longer id included), not three.
    const bounds = { maxBytes: store.size() * 2 + 100, maxAgeMs: HOUR };
    store.keep(response('resp_other', { text: 'o'.repeat(1000) }), bounds);
    store.keep(response('resp_2', { text: 'y'.repeat(900), previousId: 'resp_1' }), bounds);
    expect(store.findNow({ space: '', previousId: 'resp_2', itemIds: ['msg_resp_other'] }, bounds)).toEqual({ conversation: expect.any(Array), items: [null] });
  });

  test('a response larger than maxBytes is not kept, and nothing else is dropped for it', () => {
    const store = createMemoryResponseStore();
    store.keep(response('resp_small'), ROOMY);
    const before = store.size();
    store.keep(response('resp_huge', { text: 'x'.repeat(5000) }), { maxBytes: 4000, maxAgeMs: HOUR });
    expect(store.size()).toBe(before);
    expect(store.findNow({ space: '', previousId: 'resp_huge', itemIds: [] }, ROOMY).conversation).toBeNull();
  });

  test('text is counted as V8 holds it: one byte a Latin-1 character, two each when any is beyond', () => {
    expect(textBytes('café')).toBe(4);
    expect(textBytes('café ☕')).toBe(12);
    const store = createMemoryResponseStore();
    store.keep(response('resp_a', { text: 'a'.repeat(1000) }), ROOMY);
    const latin = store.size();
    const wide = createMemoryResponseStore();
    wide.keep(response('resp_a', { text: '☕'.repeat(1000) }), ROOMY);
    expect(wide.size()).toBeGreaterThan(latin + 1000);
  });
});

test('a kept response reads back as its Response and output items; removing it frees its room and ends the conversations that continue it', () => {
  const store = createMemoryResponseStore();
  store.keep(response('resp_1'), ROOMY);
  store.keep(response('resp_2', { previousId: 'resp_1' }), ROOMY);
  expect(store.getNow('', 'resp_1', ROOMY)).toEqual({ response: response('resp_1').response, output: [response('resp_1').output[0].item] });
  expect(store.getNow('other', 'resp_1', ROOMY)).toBeNull();
  expect(store.removeNow('other', 'resp_1', ROOMY)).toBe(false);
  const before = store.size();
  expect(store.removeNow('', 'resp_1', ROOMY)).toBe(true);
  expect(store.size()).toBeLessThan(before);
  expect(store.removeNow('', 'resp_1', ROOMY)).toBe(false);
  expect(store.findNow({ space: '', previousId: 'resp_2', itemIds: ['msg_resp_1', 'msg_resp_2'] }, ROOMY)).toEqual({ conversation: null, items: [null, response('resp_2').output[0].item] });
});

test("a response's input items come after those of the responses it continued that are still kept, each with its output", () => {
  const store = createMemoryResponseStore();
  store.keep(response('resp_1'), ROOMY);
  store.keep(response('resp_2', { previousId: 'resp_1' }), ROOMY);
  store.keep(response('resp_3', { previousId: 'resp_2' }), ROOMY);
  const stepsOf = (id: string) => store.inputItemsNow('', id, ROOMY)?.map((step) => ({ ...step, input: JSON.parse(step.input), output: step.output.map((item) => JSON.parse(item).id) }));
  const question = (id: string) => [{ role: 'user', content: `question of ${id}` }];
  expect(stepsOf('resp_3')).toEqual([
    { id: 'resp_1', input: question('resp_1'), output: ['msg_resp_1'] },
    { id: 'resp_2', input: question('resp_2'), output: ['msg_resp_2'] },
    { id: 'resp_3', input: question('resp_3'), output: [] },
  ]);
  store.removeNow('', 'resp_2', ROOMY);
  expect(stepsOf('resp_3')).toEqual([{ id: 'resp_3', input: question('resp_3'), output: [] }]);
  expect(store.inputItemsNow('other', 'resp_3', ROOMY)).toBeNull();
  expect(store.inputItemsNow('', 'resp_2', ROOMY)).toBeNull();
});

test('the statistics: responses and bytes kept, ids asked for found or not, responses dropped for room (not those deleted)', () => {
  const store = createMemoryResponseStore();
  expect(store.statistics()).toEqual({ responses: 0, bytes: 0, hits: 0, misses: 0, evictions: 0 });
  store.keep(response('resp_1', { text: 'x'.repeat(1000) }), ROOMY);
  const bounds = { maxBytes: store.size() * 2 + 10, maxAgeMs: HOUR };
  store.keep(response('resp_2', { text: 'y'.repeat(1000), previousId: 'resp_1' }), bounds);
  // A conversation is one lookup; each item another.
  store.findNow({ space: '', previousId: 'resp_2', itemIds: ['msg_resp_1', 'msg_unknown'] }, bounds);
  store.getNow('', 'resp_unknown', bounds);
  store.inputItemsNow('', 'resp_1', bounds);
  expect(store.statistics()).toEqual({ responses: 2, bytes: store.size(), hits: 3, misses: 2, evictions: 0 });
  store.keep(response('resp_3', { text: 'z'.repeat(1000) }), bounds);
  store.removeNow('', 'resp_3', bounds);
  expect(store.statistics()).toEqual({ responses: 1, bytes: store.size(), hits: 4, misses: 2, evictions: 1 });
});

describe('input items by their id', () => {
  const toolOutput = { type: 'function_call_output', id: 'fco_client_1', call_id: 'call_1', output: '{"temperature":21}' };
  const userMessage = { type: 'message', id: 'msg_client_1', role: 'user', content: [{ type: 'input_text', text: 'Et à Lyon ? ☀' }] };
  const withInput = (id: string, input: Record<string, unknown>[]): KeptResponse => ({ ...response(id), ...keptInputOf(input as never) });

  test('an input item sent with an id is found by it, in its space only, as long as its response is kept', () => {
    const store = createMemoryResponseStore();
    store.keep({ ...withInput('resp_1', [toolOutput, userMessage]), space: 'key-a' }, ROOMY);
    const found = store.findNow({ space: 'key-a', previousId: null, itemIds: ['msg_client_1', 'fco_client_1', 'msg_resp_1'] }, ROOMY);
    expect(found.items.map((item) => item && JSON.parse(item))).toEqual([userMessage, toolOutput, JSON.parse(response('resp_1').output[0].item)]);
    expect(store.findNow({ space: 'key-b', previousId: null, itemIds: ['msg_client_1'] }, ROOMY).items).toEqual([null]);
    store.removeNow('key-a', 'resp_1', ROOMY);
    expect(store.findNow({ space: 'key-a', previousId: null, itemIds: ['msg_client_1'] }, ROOMY).items).toEqual([null]);
  });

  test('each indexed input item is counted in the bytes (its text once, its index entry), and freed with its response', () => {
    const plain = createMemoryResponseStore();
    plain.keep({ ...withInput('resp_1', [toolOutput, userMessage]), inputIds: [] }, ROOMY);
    const indexed = createMemoryResponseStore();
    indexed.keep(withInput('resp_1', [toolOutput, userMessage]), ROOMY);
    // Two ids and two index entries: nothing of the items' text a second time.
    expect(indexed.size() - plain.size()).toBe('fco_client_1'.length + 'msg_client_1'.length + 2 * 128);
    indexed.removeNow('', 'resp_1', ROOMY);
    expect(indexed.size()).toBe(0);
  });

  test('an id kept again by a later response (a history sent again) is that one\'s; dropping the older one keeps it', () => {
    const store = createMemoryResponseStore();
    store.keep(withInput('resp_1', [userMessage]), ROOMY);
    const edited = { ...userMessage, content: [{ type: 'input_text', text: 'Et à Lyon ?' }] };
    store.keep(withInput('resp_2', [edited]), ROOMY);
    store.removeNow('', 'resp_1', ROOMY);
    expect(store.findNow({ space: '', previousId: null, itemIds: ['msg_client_1'] }, ROOMY).items.map((item) => item && JSON.parse(item))).toEqual([edited]);
    store.removeNow('', 'resp_2', ROOMY);
    expect(store.findNow({ space: '', previousId: null, itemIds: ['msg_client_1'] }, ROOMY).items).toEqual([null]);
  });

  describe('an id several kept responses hold', () => {
    const version = (text: string) => ({ ...userMessage, content: [{ type: 'input_text', text }] });
    const found = (store: ReturnType<typeof createMemoryResponseStore>, space = '') =>
      store.findNow({ space, previousId: null, itemIds: ['msg_client_1'] }, ROOMY).items.map((item) => item && JSON.parse(item).content[0].text);

    test('deleting the latest hands it to the latest still kept, wherever the deleted one was among them; with none left it is a miss', () => {
      const store = createMemoryResponseStore();
      for (const n of [1, 2, 3, 4]) store.keep(withInput(`resp_${n}`, [version(`v${n}`)]), ROOMY);
      store.keep({ ...withInput('resp_other', [version('other key')]), space: 'key-b' }, ROOMY);
      store.removeNow('', 'resp_4', ROOMY);
      expect(found(store)).toEqual(['v3']);
      store.removeNow('', 'resp_2', ROOMY);
      expect(found(store)).toEqual(['v3']);
      store.removeNow('', 'resp_3', ROOMY);
      expect(found(store)).toEqual(['v1']);
      store.removeNow('', 'resp_1', ROOMY);
      expect(found(store)).toEqual([null]);
      expect(found(store, 'key-b')).toEqual(['other key']);
      expect(found(store, 'key-c')).toEqual([null]);
    });

    test('a response that held it by reference (its output item kept again in a later input) is dropped for room: the item is still found', () => {
      const store = createMemoryResponseStore();
      store.keep(response('resp_1', { text: 'x'.repeat(1000) }), ROOMY);
      const bounds = { maxBytes: store.size() * 2 + 500, maxAgeMs: HOUR };
      const referenced = JSON.parse(response('resp_1', { text: 'x'.repeat(1000) }).output[0].item);
      store.keep({ ...withInput('resp_2', [referenced]), output: [] }, bounds);
      // resp_1 is used again, so resp_2 is the oldest when room is made.
      store.findNow({ space: '', previousId: 'resp_1', itemIds: [] }, bounds);
      store.keep(response('resp_3', { text: 'z'.repeat(1000) }), bounds);
      expect(store.getNow('', 'resp_2', bounds)).toBeNull();
      expect(store.findNow({ space: '', previousId: null, itemIds: ['msg_resp_1'] }, bounds).items.map((item) => item && JSON.parse(item))).toEqual([referenced]);
      expect(store.statistics().evictions).toBe(1);
    });

    test('each holder counts its own bytes, which it frees when dropped, whatever the order', () => {
      const sizeOf = (id: string) => {
        const alone = createMemoryResponseStore();
        alone.keep(withInput(id, [userMessage]), ROOMY);
        return alone.size();
      };
      const store = createMemoryResponseStore();
      store.keep(withInput('resp_1', [userMessage]), ROOMY);
      store.keep(withInput('resp_2', [userMessage]), ROOMY);
      expect(store.size()).toBe(sizeOf('resp_1') + sizeOf('resp_2'));
      store.removeNow('', 'resp_1', ROOMY);
      expect(store.size()).toBe(sizeOf('resp_2'));
      store.keep(withInput('resp_2', [userMessage]), ROOMY);
      expect(store.size()).toBe(sizeOf('resp_2'));
      store.removeNow('', 'resp_2', ROOMY);
      expect(store.size()).toBe(0);
      expect(found(store)).toEqual([null]);
    });
  });
});
