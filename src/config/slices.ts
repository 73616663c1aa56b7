/**
 * Checking and compiling a config of thousands of endpoints takes a few hundred milliseconds. On
 * reload the process keeps serving meanwhile, so that work is written as steps: a generator that
 * yields between its passes over the config and between batches of endpoints. `runInSlices` lets
 * the event loop turn at each yield (requests and streams go on, on the plan they started with);
 * `runWhole` runs the same steps at once, for callers that want a value now.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work that yields where the event loop may turn, and returns its value at the end. */
export type Steps<Value> = Generator<void, Value, void>;

/** How many endpoints (or routes, keys, definitions) one slice handles: a few milliseconds of work. */
export const ITEMS_PER_SLICE = 100;

/** Runs every step at once. */
export function runWhole<Value>(steps: Steps<Value>): Value {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps with a turn of the event loop after each. `around` wraps each synchronous slice
 * (the pool keys a compile notes are collected only while its own code runs).
 */
export async function runInSlices<Value>(steps: Steps<Value>, around: (slice: () => IteratorResult<void, Value>) => IteratorResult<void, Value> = (slice) => slice()): Promise<Value> {
  for (;;) {
    const step = around(() => steps.next());
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** `items.map(map)`, yielding after each ITEMS_PER_SLICE items. */
export function* mapInSlices<Item, Result>(items: readonly Item[], map: (item: Item, index: number) => Result): Steps<Result[]> {
  const results: Result[] = [];
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0 && index % ITEMS_PER_SLICE === 0) yield;
    results.push(map(items[index], index));
  }
  return results;
}
