/**
 * The CPUs this process may use, for the `--workers` warning (cli.ts). In a container `nproc` and
 * `os.cpus()` show the node's cores, not the pod's CPU limit, which the kernel enforces through the
 * cgroup's CPU quota: cgroup v2 `cpu.max` (`<quota> <period>` or `max <period>`), cgroup v1
 * `cpu.cfs_quota_us` / `cpu.cfs_period_us` (quota -1: no limit). Workers beyond it share the same
 * CPU time and are throttled in turn, adding latency and memory for nothing.
 */
import { readFileSync } from 'node:fs';
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

/** cgroup v2: `cpu.max` at the cgroup root (the container's own cgroup, in its cgroup namespace). */
function cgroupV2Limit(cgroupRoot: string): CpuLimit | null {
  const source = join(cgroupRoot, 'cpu.max');
  const [quota, period] = readText(source)?.split(/\s+/) ?? [];
  const quotaUs = positive(quota);
  const periodUs = positive(period);
  return quotaUs !== null && periodUs !== null ? { cpus: quotaUs / periodUs, source } : null;
}

/** cgroup v1: the `cpu` controller, mounted as `cpu` or `cpu,cpuacct` under the root. */
function cgroupV1Limit(cgroupRoot: string): CpuLimit | null {
  for (const controller of ['cpu', 'cpu,cpuacct', 'cpuacct,cpu']) {
    const source = join(cgroupRoot, controller, 'cpu.cfs_quota_us');
    const quotaUs = positive(readText(source));
    const periodUs = positive(readText(join(cgroupRoot, controller, 'cpu.cfs_period_us')));
    if (quotaUs !== null && periodUs !== null) return { cpus: quotaUs / periodUs, source };
  }
  return null;
}

/** The cgroup's CPU quota under `cgroupRoot` (normally /sys/fs/cgroup); null when there is none. */
export function cgroupCpuLimit(cgroupRoot = '/sys/fs/cgroup'): CpuLimit | null {
  return cgroupV2Limit(cgroupRoot) ?? cgroupV1Limit(cgroupRoot);
}

/**
 * The warning for `--workers` above what the process may use, or null: above the CPU quota
 * (rounded down, at least 1) or above the CPUs it may run on (`availableParallelism`, which a
 * cpuset such as `docker --cpuset-cpus` lowers).
 */
export function workersAboveCpuLimitWarning(options: { workers: number; cgroupRoot?: string; availableCpus?: number }): string | null {
  const { workers } = options;
  const quota = cgroupCpuLimit(options.cgroupRoot);
  const quotaWorkers = quota === null ? Infinity : Math.max(1, Math.floor(quota.cpus));
  const availableCpus = options.availableCpus ?? availableParallelism();
  const most = Math.min(quotaWorkers, availableCpus);
  if (workers <= most) return null;
  const limit = quota !== null && quotaWorkers === most ? `the CPU limit of ${quota.cpus} CPUs (${quota.source})` : `the ${availableCpus} CPUs this process may run on`;
  return `--workers ${workers} is more than ${limit}: the workers share that CPU time and are throttled, adding latency; use --workers ${most} or fewer, or more replicas`;
}
