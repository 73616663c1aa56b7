/**
 * The response store in memory (the process's own, or the cluster primary's for its workers). It
 * holds JSON text, counted as V8 holds it, plus a fixed allowance per response and item for the maps
 * and ids. Responses are ordered by when they were kept or last continued, and dropped oldest first:
 * those older than `maxAgeMs`, then as many as it takes to stay within `maxBytes`. An item id names
 * an output item, or an input item sent with an id (a slice of the input's JSON, not a second copy);
 * when kept responses share an id (a client sending its history again, or naming an item by reference),
 * it names the item of the latest kept of those still kept: each holds it in a list per id, so that
 * dropping one hands the id to the one before at once.
 * Continuing a conversation (or naming one of its items) renews every response in it, so an active
 * conversation outlives the age limit and its start is not dropped before its end. A record kept
 * with a response (`keptWith`) is renewed and dropped with it.
 */
import type { ConversationStep, InputStep, KeptResponse, KeptResponseText, ResponseStore, StoreBounds, StoreFindings, StoreLookup, StoreStatistics } from './types';

/** The maps' entries, the ids and the record's fields, beside the JSON text (an input item's index entry too). */
const RESPONSE_OVERHEAD_BYTES = 256;
const ITEM_OVERHEAD_BYTES = 128;

/** How often responses past their age are dropped when nothing else happens. */
const SWEEP_INTERVAL_MS = 60_000;

interface Entry {
  key: string;
  space: string;
  id: string;
  previousKey: string | null;
  input: string;
  output: string[];
  response: string;
  holdings: Holding[];
  bytes: number;
  touchedAt: number;
  /** Records kept with this response (`KeptResponse.keptWith`), and the response a record is kept with. */
  companions: Entry[];
  keptWith: Entry | null;
}

/** A space and an id as one map key; the length prefix keeps any two pairs apart. */
function keyOf(space: string, id: string): string {
  return `${space.length}:${space}${id}`;
}

/** What V8 takes to hold the text: one byte a character, two when any is beyond Latin-1. */
export function textBytes(text: string): number {
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

function bytesOf(response: KeptResponse): number {
  const output = response.output.reduce((sum, { id, item }) => sum + textBytes(item) + id.length + ITEM_OVERHEAD_BYTES, 0);
  const inputIds = response.inputIds.reduce((sum, { id }) => sum + id.length + ITEM_OVERHEAD_BYTES, 0);
  return RESPONSE_OVERHEAD_BYTES + response.space.length + response.id.length + textBytes(response.input) + textBytes(response.response) + output + inputIds;
}

/** Where a kept item's JSON is: an output item by its index, an input item by its place in the input's JSON. */
type ItemPlace = { entry: Entry; output: number } | { entry: Entry; start: number; end: number };

/**
 * One response's hold on an item id, where its item is: the holdings of an id are a list, newest
 * last, whose newest the index names; each is counted in its response's bytes as one item.
 */
type Holding = ItemPlace & { id: string; older: Holding | null; newer: Holding | null };

const itemText = (place: ItemPlace): string => ('output' in place ? place.entry.output[place.output] : place.entry.input.slice(place.start, place.end));

/** The store, answering at once (the cluster primary answers its workers with these). */
export interface MemoryResponseStore extends ResponseStore {
  findNow(lookup: StoreLookup, bounds: StoreBounds): StoreFindings;
  getNow(space: string, id: string, bounds: StoreBounds): KeptResponseText | null;
  removeNow(space: string, id: string, bounds: StoreBounds): boolean;
  inputItemsNow(space: string, id: string, bounds: StoreBounds): InputStep[] | null;
  /** The bytes held, as counted against `maxBytes`. */
  size(): number;
  statistics(): StoreStatistics;
}

export function createMemoryResponseStore(options: { now?: () => number } = {}): MemoryResponseStore {
  const now = options.now ?? Date.now;
  /** In the order they were kept or last renewed: oldest first. */
  const entries = new Map<string, Entry>();
  /** Each item id's newest holding. */
  const items = new Map<string, Holding>();
  let bytes = 0;
  const counts = { hits: 0, misses: 0, evictions: 0 };
  let lastBounds: StoreBounds | null = null;
  let sweeper: NodeJS.Timeout | null = null;

  /** Makes the holding (not yet in a list) its id's newest. */
  function hold(holding: Holding): Holding {
    const key = keyOf(holding.entry.space, holding.id);
    const older = items.get(key) ?? null;
    holding.older = older;
    if (older !== null) older.newer = holding;
    items.set(key, holding);
    return holding;
  }

  /** Takes the holding out of its id's list: the id is then the next newest holder's, or nobody's. */
  function release(holding: Holding): void {
    if (holding.older !== null) holding.older.newer = holding.newer;
    if (holding.newer !== null) holding.newer.older = holding.older;
    else if (holding.older !== null) items.set(keyOf(holding.entry.space, holding.id), holding.older);
    else items.delete(keyOf(holding.entry.space, holding.id));
  }

  function drop(entry: Entry): void {
    entries.delete(entry.key);
    for (const holding of entry.holdings) release(holding);
    bytes -= entry.bytes;
    for (const companion of entry.companions) drop(companion);
    if (entry.keptWith !== null) entry.keptWith.companions = entry.keptWith.companions.filter((companion) => companion !== entry);
  }

  function evict(bounds: StoreBounds): void {
    lastBounds = bounds;
    const oldest = now() - bounds.maxAgeMs;
    for (const entry of entries.values()) {
      if (entry.touchedAt > oldest && bytes <= bounds.maxBytes) break;
      // The records kept with it (`keptWith`) go too, each an eviction as when it went on its own.
      const before = entries.size;
      drop(entry);
      counts.evictions += before - entries.size;
    }
  }

  /** Moves the entry, and those kept with it, to the newest end. */
  function renew(entry: Entry, at: number): void {
    entries.delete(entry.key);
    entry.touchedAt = at;
    entries.set(entry.key, entry);
    for (const companion of entry.companions) renew(companion, at);
  }

  const previousOf = (entry: Entry): Entry | undefined => (entry.previousKey === null ? undefined : entries.get(entry.previousKey));

  /** Counts one response or item asked for by id: found or not. */
  function counted<Found>(found: Found): Found {
    if (found === undefined || found === null) counts.misses += 1;
    else counts.hits += 1;
    return found;
  }

  /** The response and those it continued, oldest first; null when one of them is gone. */
  function conversationOf(key: string): Entry[] | null {
    const chain: Entry[] = [];
    for (let next: string | null = key; next !== null; ) {
      const entry = entries.get(next);
      if (entry === undefined) return null;
      chain.push(entry);
      next = entry.previousKey;
    }
    return chain.reverse();
  }

  function keep(response: KeptResponse, bounds: StoreBounds): void {
    const size = bytesOf(response);
    // The conversation it continues is renewed first: others kept while it was answered must not
    // make room by dropping its start, which would leave the new response unable to be continued.
    const previous = response.previousId === null ? null : conversationOf(keyOf(response.space, response.previousId));
    for (const entry of previous ?? []) renew(entry, now());
    evict(bounds);
    const keptWith = response.keptWith === undefined ? null : (entries.get(keyOf(response.keptWith.space, response.keptWith.id)) ?? null);
    if (size > bounds.maxBytes || (response.keptWith !== undefined && keptWith === null)) return;
    const key = keyOf(response.space, response.id);
    const existing = entries.get(key);
    if (existing !== undefined) drop(existing);
    const previousKey = response.previousId === null ? null : keyOf(response.space, response.previousId);
    const entry: Entry = { key, space: response.space, id: response.id, previousKey, input: response.input, output: response.output.map(({ item }) => item), response: response.response, holdings: [], bytes: size, touchedAt: now(), companions: [], keptWith };
    entries.set(key, entry);
    keptWith?.companions.push(entry);
    // Output items last: of the same id in a response's input and output, the output's is found.
    for (const { id, start, end } of response.inputIds) entry.holdings.push(hold({ id, entry, start, end, older: null, newer: null }));
    response.output.forEach(({ id }, output) => entry.holdings.push(hold({ id, entry, output, older: null, newer: null })));
    bytes += size;
    evict(bounds);
    sweeper ??= setInterval(() => lastBounds && evict(lastBounds), SWEEP_INTERVAL_MS).unref();
  }

  function findNow(lookup: StoreLookup, bounds: StoreBounds): StoreFindings {
    evict(bounds);
    const at = now();
    const chain = lookup.previousId === null ? [] : counted(conversationOf(keyOf(lookup.space, lookup.previousId)));
    const found = lookup.itemIds.map((id) => counted(items.get(keyOf(lookup.space, id))));
    // Oldest first, so that the store's order stays the order of touchedAt.
    for (const entry of new Set([...(chain ?? []), ...found.flatMap((item) => (item ? [item.entry] : []))])) renew(entry, at);
    const conversation: ConversationStep[] | null = chain === null ? null : chain.map(({ input, output }) => ({ input, output }));
    return { conversation, items: found.map((item) => (item ? itemText(item) : null)) };
  }

  function getNow(space: string, id: string, bounds: StoreBounds): KeptResponseText | null {
    evict(bounds);
    const entry = counted(entries.get(keyOf(space, id)));
    return entry === undefined ? null : { response: entry.response, output: entry.output };
  }

  function removeNow(space: string, id: string, bounds: StoreBounds): boolean {
    evict(bounds);
    const entry = counted(entries.get(keyOf(space, id)));
    if (entry !== undefined) drop(entry);
    return entry !== undefined;
  }

  function inputItemsNow(space: string, id: string, bounds: StoreBounds): InputStep[] | null {
    evict(bounds);
    const entry = counted(entries.get(keyOf(space, id)));
    if (entry === undefined) return null;
    const steps: InputStep[] = [{ id: entry.id, input: entry.input, output: [] }];
    // Back to the first response still kept: one deleted or dropped ends what is listed.
    for (let previous = previousOf(entry); previous !== undefined; previous = previousOf(previous)) steps.push({ id: previous.id, input: previous.input, output: previous.output });
    return steps.reverse();
  }

  return {
    keep,
    findNow,
    getNow,
    removeNow,
    inputItemsNow,
    find: async (lookup, bounds) => findNow(lookup, bounds),
    get: async (space, id, bounds) => getNow(space, id, bounds),
    remove: async (space, id, bounds) => removeNow(space, id, bounds),
    inputItems: async (space, id, bounds) => inputItemsNow(space, id, bounds),
    size: () => bytes,
    statistics: () => ({ responses: entries.size, bytes, ...counts }),
  };
}
