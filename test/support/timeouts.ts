/** Upstream timeouts and limits for provider endpoints built directly in unit tests, and a test's own deadline. */
import { DEFAULT_SERVER_SETTINGS, sizeInBytes } from '../../src/config/server-settings';
import { SIDE_BY_SIDE } from './side-by-side';

/** Upstream timeouts (milliseconds). */
export const TEST_TIMEOUTS = { connect: 10_000, headers: 30_000, body: 30_000 } as const;

/** The longest answer read whole by those endpoints: the gateway's default (`server.max_answer_size`). */
export const TEST_MAX_ANSWER_BYTES = sizeInBytes(DEFAULT_SERVER_SETTINGS.max_answer_size);

/**
 * How long a test waits for something that must happen soon (a rejection, a connection closing):
 * seconds on a loaded CI machine, never, when the behaviour is broken. Well below jest's 40 s (jest.config.js).
 */
export const SOON_MS = 10_000;

/**
 * How long the CLI may take to answer /health on a loaded CI machine. One process loads its config
 * once; with --workers the primary loads it and then forks workers that load it again, three
 * processes on two cores (over 15 s was seen).
 */
export const CLI_START_MS = 15_000;
export const WORKERS_START_MS = 45_000;

/**
 * How long a CLI start may take among those a file starts side by side (test/support/side-by-side.ts):
 * under two CPU hogs, three starts at once took 2.2 times as long as one (10 s against 4.4 s), and in
 * a full run beside other work one of them passed CLI_START_MS.
 */
export const CLI_START_SIDE_BY_SIDE_MS = CLI_START_MS * SIDE_BY_SIDE;
/** The same for a start with --workers among them: its budget alone times the runs sharing the CPU with it. */
export const WORKERS_START_SIDE_BY_SIDE_MS = WORKERS_START_MS * SIDE_BY_SIDE;

/**
 * Jest's timeout for a test (or hook) that starts the CLI with --workers: the start, then as long
 * as any test gets (jest.config.js) for the rest. So a start that never ends fails with
 * waitForHealth's message and the gateway's output, not with jest's timeout.
 */
export const WORKERS_TEST_MS = WORKERS_START_MS + 20_000;

/** Jest's timeouts for a test (or hook) that awaits a start among those run side by side, for the same reason. */
export const SIDE_BY_SIDE_TEST_MS = CLI_START_SIDE_BY_SIDE_MS + 20_000;
export const WORKERS_SIDE_BY_SIDE_TEST_MS = WORKERS_START_SIDE_BY_SIDE_MS + 20_000;

/**
 * Jest's timeout for a hook that awaits every one of several starts run side by side, each bounded
 * by its own budget (`startMs`, which counts the runs sharing the CPU): with at most SIDE_BY_SIDE
 * running and the next started as soon as one settles, the last settles within the budgets' sum
 * shared over the places plus the longest one (the bound of list scheduling), then 20 s for the rest.
 */
export function sideBySideHookMs(startMs: number[]): number {
  const sum = startMs.reduce((total, ms) => total + ms, 0);
  return Math.ceil(sum / SIDE_BY_SIDE) + Math.max(0, ...startMs) + 20_000;
}

/** How long a redis-server may take to accept connections, and a new Redis Cluster to say it is ok (test/support/redis.ts). */
export const REDIS_START_MS = 10_000;
export const REDIS_CLUSTER_OK_MS = 15_000;

/**
 * Jest's timeout for a hook that starts Redis servers (a cluster waiting to be ok too) and then
 * gateways one after the other: each bounded wait in full, and 20 s for the rest, so a slow
 * start fails with its own message and output rather than jest's timeout.
 */
export function sequentialStartsTestMs({ redisServers, cluster = false, gateways }: { redisServers: number; cluster?: boolean; gateways: number }): number {
  return redisServers * REDIS_START_MS + (cluster ? REDIS_CLUSTER_OK_MS : 0) + gateways * CLI_START_MS + 20_000;
}

/** `promise`, or a rejection naming `what` when it has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The CPU time `work` takes in this process, in milliseconds, run again (three runs at most) while
 * it takes `bound` or more; the least of the runs. What a test of linear time bounds. Unlike the
 * time on the clock, CPU time does not grow while other processes have the CPU, but one run can
 * still take many times its usual CPU: a full collection of the jest worker's heap (earlier files'
 * garbage, marked by helper threads whose CPU counts too) or a busy sibling hyperthread made 80 ms
 * of work take 556 ms in CI. A slow path is slow in every run.
 */
export function leastCpuMillisecondsOf(work: () => void, bound: number): number {
  let least = Infinity;
  for (let run = 0; run < 3 && least >= bound; run++) least = Math.min(least, cpuMillisecondsOf(work));
  return least;
}

/**
 * As leastCpuMillisecondsOf, for work done in slices over turns of the event loop (a config's
 * compile, a gateway in this process answering): the CPU time this process spends until `work`
 * settles. It counts whatever else the process does meanwhile, so it bounds a unit test's own
 * work, where nothing else runs.
 */
export async function leastCpuMillisecondsUntilSettled(work: () => Promise<unknown>, bound: number): Promise<number> {
  let least = Infinity;
  for (let run = 0; run < 3 && least >= bound; run++) least = Math.min(least, await cpuMillisecondsUntilSettled(work));
  return least;
}

/** The CPU time of one run of `work`, in milliseconds. */
function cpuMillisecondsOf(work: () => void): number {
  const started = process.cpuUsage();
  work();
  return millisecondsSince(started);
}

/** The CPU time this process spends until `work` settles, in milliseconds. */
async function cpuMillisecondsUntilSettled(work: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await work();
  return millisecondsSince(started);
}

function millisecondsSince(started: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}
