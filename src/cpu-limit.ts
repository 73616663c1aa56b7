/**
 * The CPUs this process may use, for the `--workers` warning (cli.ts). In a container `nproc` and
 * `os.cpus()` show the node's cores, not the pod's CPU limit, which the kernel enforces through the
 * cgroup's CPU quota: cgroup v2 `cpu.max` (`<quota> <period>` or `max <period>`), cgroup v1
 * `cpu.cfs_quota_us` / `cpu.cfs_period_us` (quota -1: no limit), of the process's own cgroup and of
 * each parent, whose limits apply too. Workers beyond it share the same CPU time and are throttled
 * in turn, adding latency and memory for nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

/** A CPU limit and where it was read. */
export interface CpuLimit {
  /** CPUs, possibly fractional (a pod limit of 1500m is 1.5). */
  cpus: number;
  source: string;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

function positive(text: string | null | undefined): number | null {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : null;
}

/** Where the cgroup files are: the cgroup mount and the process's own cgroup list (injectable for tests). */
export interface CgroupLocations {
  /** Normally /sys/fs/cgroup. */
  cgroupRoot?: string;
  /** Normally /proc/self/cgroup: `0::/path` (v2), `N:cpu,cpuacct:/path` (v1). */
  processCgroupFile?: string;
}

/** The process's own cgroup paths: v2's and that of v1's `cpu` controller; null where there is none. */
function ownCgroupPaths(text: string | null): { v2: string | null; v1Cpu: string | null } {
  const paths = { v2: null as string | null, v1Cpu: null as string | null };
  for (const line of (text ?? '').split('\n')) {
    const match = /^(\d+):([^:]*):(.+)$/.exec(line);
    if (match === null) continue;
    const [, hierarchy, controllers, path] = match;
    if (hierarchy === '0' && controllers === '') paths.v2 = path;
    else if (controllers.split(',').includes('cpu')) paths.v1Cpu = path;
  }
  return paths;
}

/**
 * The folders whose limit applies, under `mount`: the own cgroup's and each parent's up to `mount`,
 * when the own one is there (outside a cgroup namespace: a systemd service with `CPUQuota=`, a host
 * without cgroupns); else `mount` alone (in a namespace, or with only its own cgroup mounted, as
 * Docker does, the mount is the process's cgroup).
 */
function limitFolders(mount: string, ownPath: string | null): string[] {
  const segments = (ownPath ?? '').split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..') || !existsSync(join(mount, ...segments))) return [mount];
  return segments.map((_, index) => join(mount, ...segments.slice(0, segments.length - index))).concat(mount);
}

/** The lowest of the limits found: a parent's applies to its children too. */
function lowest(limits: (CpuLimit | null)[]): CpuLimit | null {
  return limits.reduce<CpuLimit | null>((least, limit) => (limit !== null && (least === null || limit.cpus < least.cpus) ? limit : least), null);
}

/** cgroup v2: `cpu.max` in one cgroup's folder. */
function cpuMaxLimit(folder: string): CpuLimit | null {
  const source = join(folder, 'cpu.max');
  const [quota, period] = readText(source)?.split(/\s+/) ?? [];
  const quotaUs = positive(quota);
  const periodUs = positive(period);
  return quotaUs !== null && periodUs !== null ? { cpus: quotaUs / periodUs, source } : null;
}

/** cgroup v1: `cpu.cfs_quota_us` over `cpu.cfs_period_us` in one cgroup's folder. */
function cfsQuotaLimit(folder: string): CpuLimit | null {
  const source = join(folder, 'cpu.cfs_quota_us');
  const quotaUs = positive(readText(source));
  const periodUs = positive(readText(join(folder, 'cpu.cfs_period_us')));
  return quotaUs !== null && periodUs !== null ? { cpus: quotaUs / periodUs, source } : null;
}

/**
 * The process's CPU quota: the lowest among its own cgroup and its parents (or the cgroup root, see
 * `limitFolders`), cgroup v2 first, else v1's `cpu` controller, mounted as `cpu` or `cpu,cpuacct`
 * under the root; null when there is none.
 */
export function cgroupCpuLimit(locations: CgroupLocations = {}): CpuLimit | null {
  const cgroupRoot = locations.cgroupRoot ?? '/sys/fs/cgroup';
  const own = ownCgroupPaths(readText(locations.processCgroupFile ?? '/proc/self/cgroup'));
  const v2 = lowest(limitFolders(cgroupRoot, own.v2).map(cpuMaxLimit));
  if (v2 !== null) return v2;
  for (const controller of ['cpu', 'cpu,cpuacct', 'cpuacct,cpu']) {
    const v1 = lowest(limitFolders(join(cgroupRoot, controller), own.v1Cpu).map(cfsQuotaLimit));
    if (v1 !== null) return v1;
  }
  return null;
}

/**
 * The warning for `--workers` above what the process may use, or null: above the CPU quota
 * (rounded down, at least 1) or above the CPUs it may run on (`availableParallelism`, which a
 * cpuset such as `docker --cpuset-cpus` lowers).
 */
export function workersAboveCpuLimitWarning(options: CgroupLocations & { workers: number; availableCpus?: number }): string | null {
  const { workers } = options;
  const quota = cgroupCpuLimit(options);
  const quotaWorkers = quota === null ? Infinity : Math.max(1, Math.floor(quota.cpus));
  const availableCpus = options.availableCpus ?? availableParallelism();
  const most = Math.min(quotaWorkers, availableCpus);
  if (workers <= most) return null;
  const limit = quota !== null && quotaWorkers === most ? `the CPU limit of ${quota.cpus} CPUs (${quota.source})` : `the ${availableCpus} CPUs this process may run on`;
  return `--workers ${workers} is more than ${limit}: the workers share that CPU time and are throttled, adding latency; use --workers ${most} or fewer, or more replicas`;
}
