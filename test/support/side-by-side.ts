/**
 * Independent child processes a test file runs side by side rather than one after another (its
 * tests run one at a time): started together, each test awaits and judges its own.
 */
import { execFile, type ExecFileOptions } from 'node:child_process';

/** How many run at once: the test machines have 2 cores, and more only adds contention. */
export const SIDE_BY_SIDE = 3;

export interface Exit {
  /** The exit code; null when a signal ended the process. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `file` until it exits and resolves with its code and output, whatever the code: the test judges it. */
export function runToExit(file: string, args: string[], options: ExecFileOptions = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : (error.code ?? null);
      // A code that is not a number (ENOENT, a full buffer) means it did not run to its exit.
      if (typeof code === 'string') reject(error);
      else resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Starts every task now, at most SIDE_BY_SIDE at a time in the order given, and returns a promise
 * per task. Each is marked handled, so one that fails before its test awaits it fails that test
 * (with its own message), not the whole file as an unhandled rejection.
 */
export function startSideBySide<T>(tasks: (() => Promise<T>)[]): Promise<T>[] {
  const queue = tasks.map((task) => {
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    return { start, result: started.then(task) };
  });
  let nextIndex = 0;
  // Each task, when it settles (either way), starts the next one waiting.
  const startNext = (): void => {
    const entry = queue[nextIndex++];
    if (entry === undefined) return;
    entry.start();
    void entry.result.then(startNext, startNext);
  };
  for (let running = 0; running < SIDE_BY_SIDE; running++) startNext();
  for (const { result } of queue) result.catch(() => undefined);
  return queue.map(({ result }) => result);
}

/** startSideBySide for tasks given by name, started in the order written: each name's promise. */
export function startSideBySideByName<Tasks extends Record<string, () => Promise<unknown>>>(tasks: Tasks): { [Name in keyof Tasks]: ReturnType<Tasks[Name]> } {
  const names = Object.keys(tasks);
  const results = startSideBySide(names.map((name) => tasks[name]));
  return Object.fromEntries(names.map((name, index) => [name, results[index]])) as { [Name in keyof Tasks]: ReturnType<Tasks[Name]> };
}
