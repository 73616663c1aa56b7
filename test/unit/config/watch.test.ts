/** The config watcher against real files in a temporary folder: every way a config gets replaced. */
import { closeSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchConfigFile, type ConfigFileEvent, type ConfigWatcher } from '../../../src/config/watch';

const DEBOUNCE_MS = 50;
const POLL_INTERVAL_MS = 200;
/** Long enough for a poll tick and a debounced check to have happened twice over. */
const SETTLE_MS = 2 * (POLL_INTERVAL_MS + DEBOUNCE_MS) + 100;

const watchers: ConfigWatcher[] = [];
afterEach(() => watchers.splice(0).forEach((watcher) => watcher.close()));

function freshDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'gateway-watch-'));
}

/** A watcher's event, with the bytes of a change as text. */
type SeenEvent = Exclude<ConfigFileEvent, { kind: 'changed' }> | { kind: 'changed'; text: string };
const seen = (event: ConfigFileEvent): SeenEvent => (event.kind === 'changed' ? { kind: 'changed', text: event.bytes.toString('utf8') } : event);

function watch(filePath: string, initialText: string, debounceMs = DEBOUNCE_MS): SeenEvent[] {
  const events: SeenEvent[] = [];
  watchers.push(watchConfigFile({ filePath, initialText, onEvent: (event) => events.push(seen(event)), debounceMs, pollIntervalMs: POLL_INTERVAL_MS }));
  return events;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `count` events; a loaded machine may take seconds, a missed change never comes. */
async function waitForEvents(events: unknown[], count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (events.length < count && Date.now() < deadline) await sleep(10);
  if (events.length < count) throw new Error(`expected ${count} events, got ${JSON.stringify(events)}`);
}

/** A config file with `text`, watched from the start. */
function watchedFile(text = 'version: 1\n', debounceMs = DEBOUNCE_MS): { directory: string; path: string; events: SeenEvent[] } {
  const directory = freshDirectory();
  const path = join(directory, 'config.yaml');
  writeFileSync(path, text);
  return { directory, path, events: watch(path, text, debounceMs) };
}

test('an in-place edit is reported once, with the new text', async () => {
  const { path, events } = watchedFile();
  writeFileSync(path, 'version: 2\n');
  await waitForEvents(events, 1);
  await sleep(SETTLE_MS);
  expect(events).toEqual([{ kind: 'changed', text: 'version: 2\n' }]);
});

test('a burst of writes is debounced into one report of the final text', async () => {
  // A debounce far longer than the 10 ms between writes: a loaded machine cannot stretch a gap past it.
  const debounceMs = 500;
  const { path, events } = watchedFile('version: 1\n', debounceMs);
  for (let version = 2; version <= 6; version += 1) {
    writeFileSync(path, `version: ${version}\n`);
    await sleep(10);
  }
  await waitForEvents(events, 1);
  await sleep(2 * (POLL_INTERVAL_MS + debounceMs) + 100);
  expect(events).toEqual([{ kind: 'changed', text: 'version: 6\n' }]);
});

test('byte-identical content is ignored, whether rewritten, touched or renamed over the file', async () => {
  const { directory, path, events } = watchedFile('same: true\n');
  writeFileSync(path, 'same: true\n');
  const future = new Date(Date.now() + 60_000);
  utimesSync(path, future, future);
  writeFileSync(join(directory, 'copy.yaml'), 'same: true\n');
  renameSync(join(directory, 'copy.yaml'), path);
  await sleep(SETTLE_MS);
  expect(events).toEqual([]);
});

test('a change made before the watch started is reported at once', async () => {
  const directory = freshDirectory();
  const path = join(directory, 'config.yaml');
  writeFileSync(path, 'version: 2\n');
  const events = watch(path, 'version: 1\n');
  // Nothing else would ever report it: no event comes, and the poll compares with the file as found.
  await waitForEvents(events, 1);
  expect(events).toEqual([{ kind: 'changed', text: 'version: 2\n' }]);
});

test('replacing the file by rename (an atomic save) is reported', async () => {
  const { directory, path, events } = watchedFile();
  writeFileSync(join(directory, '.config.yaml.tmp'), 'version: 2\n');
  renameSync(join(directory, '.config.yaml.tmp'), path);
  await waitForEvents(events, 1);
  expect(events).toEqual([{ kind: 'changed', text: 'version: 2\n' }]);
});

test('a Kubernetes ConfigMap swap (`..data` symlink replaced) is reported', async () => {
  const directory = freshDirectory();
  mkdirSync(join(directory, '..2024_01_01'));
  writeFileSync(join(directory, '..2024_01_01', 'config.yaml'), 'version: 1\n');
  symlinkSync('..2024_01_01', join(directory, '..data'));
  symlinkSync('..data/config.yaml', join(directory, 'config.yaml'));
  const events = watch(join(directory, 'config.yaml'), 'version: 1\n');

  // What the kubelet does: write a new timestamped folder, point `..data_tmp` at it, rename it over `..data`.
  mkdirSync(join(directory, '..2024_01_02'));
  writeFileSync(join(directory, '..2024_01_02', 'config.yaml'), 'version: 2\n');
  symlinkSync('..2024_01_02', join(directory, '..data_tmp'));
  renameSync(join(directory, '..data_tmp'), join(directory, '..data'));
  rmSync(join(directory, '..2024_01_01'), { recursive: true });

  await waitForEvents(events, 1);
  await sleep(SETTLE_MS);
  expect(events).toEqual([{ kind: 'changed', text: 'version: 2\n' }]);
});

test('an in-place edit of a symlink\'s target in another folder is noticed', async () => {
  const elsewhere = freshDirectory();
  writeFileSync(join(elsewhere, 'real.yaml'), 'version: 1\n');
  const directory = freshDirectory();
  symlinkSync(join(elsewhere, 'real.yaml'), join(directory, 'config.yaml'));
  const events = watch(join(directory, 'config.yaml'), 'version: 1\n');
  await sleep(DEBOUNCE_MS * 2);

  writeFileSync(join(elsewhere, 'real.yaml'), 'version: 2\n');
  await waitForEvents(events, 1);
  expect(events).toEqual([{ kind: 'changed', text: 'version: 2\n' }]);
});

test('a deleted file is reported once; the file coming back with new content is a change', async () => {
  const { path, events } = watchedFile();
  rmSync(path);
  await waitForEvents(events, 1);
  await sleep(SETTLE_MS);
  expect(events).toEqual([{ kind: 'missing' }]);

  writeFileSync(path, 'version: 2\n');
  await waitForEvents(events, 2);
  expect(events).toEqual([{ kind: 'missing' }, { kind: 'changed', text: 'version: 2\n' }]);
});

test('a file that cannot be read is reported with its error code, once', async () => {
  const { path, events } = watchedFile();
  rmSync(path);
  mkdirSync(path);
  await waitForEvents(events, 1);
  await sleep(SETTLE_MS);
  expect(events).toEqual([{ kind: 'unreadable', code: 'EISDIR' }]);
});

test('a steady stream of unrelated events in the folder cannot postpone the check for ever', async () => {
  const { directory, path, events } = watchedFile();
  writeFileSync(path, 'version: 2\n');
  // A sibling written more often than the debounce period, for as long as the test waits.
  const noise = setInterval(() => writeFileSync(join(directory, 'noise.log'), String(Date.now())), DEBOUNCE_MS / 5);
  try {
    await waitForEvents(events, 1, 5_000);
  } finally {
    clearInterval(noise);
  }
  expect(events).toEqual([{ kind: 'changed', text: 'version: 2\n' }]);
});

test('a file still being written after five debounce periods (a slow writer) is read once its writes stop, not halfway', async () => {
  // A debounce fifty times the 10 ms between writes: this process held up longer than that (its
  // garbage collector, the CPU given to other work) sees a gap and reads the file halfway.
  const debounceMs = 500;
  const { path, events } = watchedFile('version: 1\n', debounceMs);
  const lines = Array.from({ length: 300 }, (_, index) => `line${index}: ${index}\n`);
  const file = openSync(path, 'w');
  try {
    // 3 s of writes, six times the debounce period: a cap on postponing for the folder's other files must not end them early.
    for (const line of lines) {
      writeSync(file, line);
      await sleep(10);
    }
  } finally {
    closeSync(file);
  }
  await waitForEvents(events, 1);
  await sleep(2 * (POLL_INTERVAL_MS + debounceMs) + 100);
  expect(events).toEqual([{ kind: 'changed', text: lines.join('') }]);
});

test('nothing is reported after close', async () => {
  const { path, events } = watchedFile();
  watchers.pop()!.close();
  writeFileSync(path, 'version: 2\n');
  rmSync(path);
  await sleep(SETTLE_MS);
  expect(events).toEqual([]);
});

test('file events alone, without the poll, report a ConfigMap swap and then an edit of the new target', async () => {
  const directory = freshDirectory();
  mkdirSync(join(directory, '..2024_01_01'));
  writeFileSync(join(directory, '..2024_01_01', 'config.yaml'), 'version: 1\n');
  symlinkSync('..2024_01_01', join(directory, '..data'));
  symlinkSync('..data/config.yaml', join(directory, 'config.yaml'));
  const events: SeenEvent[] = [];
  const watcher = watchConfigFile({ filePath: join(directory, 'config.yaml'), initialText: 'version: 1\n', onEvent: (event) => events.push(seen(event)), debounceMs: DEBOUNCE_MS, pollIntervalMs: 3_600_000 });
  watchers.push(watcher);
  await watcher.ready;

  mkdirSync(join(directory, '..2024_01_02'));
  writeFileSync(join(directory, '..2024_01_02', 'config.yaml'), 'version: 2\n');
  symlinkSync('..2024_01_02', join(directory, '..data_tmp'));
  renameSync(join(directory, '..data_tmp'), join(directory, '..data'));
  rmSync(join(directory, '..2024_01_01'), { recursive: true });
  await waitForEvents(events, 1, 10_000);

  writeFileSync(join(directory, '..2024_01_02', 'config.yaml'), 'version: 3\n');
  await waitForEvents(events, 2, 10_000);
  expect(events).toEqual([
    { kind: 'changed', text: 'version: 2\n' },
    { kind: 'changed', text: 'version: 3\n' },
  ]);
});
