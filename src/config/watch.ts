/**
 * Notices when a config file's content changes, however it was changed: edited in place, replaced
 * by rename (editors' atomic save), or swapped through symlinks (Kubernetes ConfigMaps replace a
 * `..data` symlink; the config path itself never sees an event).
 *
 * Two triggers lead to the same content check: chokidar's events for the path (it follows the
 * symlinks and sees a rename over the file or a `..data` swap) and a cheap poll of the path's
 * realpath and stat (a safety net for what file events miss: a folder unmounted and mounted again,
 * a network file system).
 * Bursts are debounced; the file is then read through the path and its bytes compared with the
 * last ones seen, so byte-identical rewrites report nothing (except a file back after it was
 * missing or unreadable).
 */
import { watch, type FSWatcher } from 'chokidar';
import { readFileSync, realpathSync, statSync } from 'node:fs';

/** What changed, as seen through the config path. Each problem is reported once until it clears. */
export type ConfigFileEvent =
  | { kind: 'changed'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'unreadable'; code: string };

export interface ConfigWatcherOptions {
  filePath: string;
  /** The content already loaded: the same bytes again are not reported. */
  initialText: string;
  onEvent: (event: ConfigFileEvent) => void;
  /** Quiet time after the last event before the file is read. */
  debounceMs?: number;
  /** How often the path's realpath and stat are compared, in case directory events are missed. */
  pollIntervalMs?: number;
}

export interface ConfigWatcher {
  /** Stops watching; no event is reported afterwards. */
  close(): void;
}

export interface ConfigFileWatcher extends ConfigWatcher {
  /** Resolves once file events are being watched (chokidar sets up asynchronously; the poll runs from the start). */
  ready: Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 100;
const DEFAULT_POLL_INTERVAL_MS = 1000;
/**
 * A steady stream of events (say, a log file in the same folder) cannot postpone a check longer than
 * this many debounce periods, unless the file itself changed meanwhile: a slow writer's half file is not the edit.
 */
const MAX_POSTPONEMENTS = 5;

/** Where the path leads now and what is there; changes whenever a rename, swap or write happened. */
function fileSignature(filePath: string): string {
  try {
    const stat = statSync(filePath, { bigint: true });
    return `${realpathSync(filePath)}|${stat.dev}|${stat.ino}|${stat.size}|${stat.mtimeNs}|${stat.ctimeNs}`;
  } catch (error) {
    return `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

function isMissing(code: string | undefined): boolean {
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function watchConfigFile(options: ConfigWatcherOptions): ConfigFileWatcher {
  const { filePath, onEvent } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let lastBytes: Buffer = Buffer.from(options.initialText, 'utf8');
  let lastProblem: string | null = null;
  let signature = fileSignature(filePath);
  let pathWatcher: FSWatcher | null = null;
  let pending: NodeJS.Timeout | null = null;
  let pendingSince = 0;
  /** The file as it was when the check was last postponed from scratch (`pendingSince`). */
  let pendingSignature = '';
  let closed = false;

  const report = (event: ConfigFileEvent) => {
    if (!closed) onEvent(event);
  };

  const check = () => {
    pending = null;
    signature = fileSignature(filePath);
    let bytes: Buffer;
    try {
      bytes = readFileSync(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      const problem = isMissing(code) ? 'missing' : code;
      if (problem !== lastProblem) report(problem === 'missing' ? { kind: 'missing' } : { kind: 'unreadable', code });
      lastProblem = problem;
      return;
    }
    // A file back after a problem is reported even with the same bytes: what was refused while it
    // was gone (an edit needing it) may be served now.
    const recovered = lastProblem !== null;
    lastProblem = null;
    if (!recovered && bytes.equals(lastBytes)) return;
    lastBytes = bytes;
    report({ kind: 'changed', bytes });
  };

  const schedule = () => {
    if (closed) return;
    const now = Date.now();
    if (pending !== null) {
      if (now - pendingSince >= debounceMs * MAX_POSTPONEMENTS) {
        // Only other files' events since: the check runs. The file itself still being written: it waits on.
        const current = fileSignature(filePath);
        if (current === pendingSignature) return;
        pendingSince = now;
        pendingSignature = current;
      }
      clearTimeout(pending);
    } else {
      pendingSince = now;
      pendingSignature = fileSignature(filePath);
    }
    pending = setTimeout(check, debounceMs);
    pending.unref();
  };

  let watching: () => void = () => {};
  const ready = new Promise<void>((resolve) => (watching = resolve));

  // A failing watch (its folder gone with a volume) is dropped; the poll starts a new one.
  const watchPath = () => {
    if (pathWatcher !== null || closed) return;
    const watcher = watch(filePath, { persistent: false, ignoreInitial: true });
    watcher.on('ready', watching);
    watcher.on('all', schedule);
    watcher.on('error', () => {
      void watcher.close();
      if (pathWatcher === watcher) pathWatcher = null;
      schedule();
    });
    pathWatcher = watcher;
  };

  const poll = setInterval(() => {
    watchPath();
    // Each change once: a change still seen at every tick would postpone its own check.
    const current = fileSignature(filePath);
    if (current === signature) return;
    signature = current;
    schedule();
  }, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  poll.unref();
  watchPath();
  // Catches a change made between the caller's read and the start of the watch.
  schedule();

  return {
    ready,
    close() {
      closed = true;
      clearInterval(poll);
      if (pending !== null) clearTimeout(pending);
      pending = null;
      void pathWatcher?.close();
      pathWatcher = null;
    },
  };
}
