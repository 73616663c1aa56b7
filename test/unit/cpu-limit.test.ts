/** The `--workers` warning reads the container's CPU quota from a cgroup folder; here a fake one. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroupCpuLimit, workersAboveCpuLimitWarning } from '../../src/cpu-limit';

/** A cgroup root holding `files` (relative path → content). */
function cgroupRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gateway-cgroup-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('cgroupCpuLimit', () => {
  test('cgroup v2: cpu.max quota over period, fractions included', () => {
    const root = cgroupRoot({ 'cpu.max': '150000 100000\n' });
    expect(cgroupCpuLimit(root)).toEqual({ cpus: 1.5, source: join(root, 'cpu.max') });
  });

  test('cgroup v1: cpu.cfs_quota_us over cpu.cfs_period_us, under cpu or cpu,cpuacct', () => {
    expect(cgroupCpuLimit(cgroupRoot({ 'cpu/cpu.cfs_quota_us': '200000\n', 'cpu/cpu.cfs_period_us': '100000\n' }))?.cpus).toBe(2);
    expect(cgroupCpuLimit(cgroupRoot({ 'cpu,cpuacct/cpu.cfs_quota_us': '50000\n', 'cpu,cpuacct/cpu.cfs_period_us': '100000\n' }))?.cpus).toBe(0.5);
  });

  test('no limit: v2 "max", v1 quota -1, no cgroup files at all', () => {
    expect(cgroupCpuLimit(cgroupRoot({ 'cpu.max': 'max 100000\n' }))).toBeNull();
    expect(cgroupCpuLimit(cgroupRoot({ 'cpu/cpu.cfs_quota_us': '-1\n', 'cpu/cpu.cfs_period_us': '100000\n' }))).toBeNull();
    expect(cgroupCpuLimit(cgroupRoot({}))).toBeNull();
  });
});

describe('workersAboveCpuLimitWarning', () => {
  const twoCpus = cgroupRoot({ 'cpu.max': '200000 100000\n' });

  test('names the quota, where it was read and the most workers that fit', () => {
    expect(workersAboveCpuLimitWarning({ workers: 8, cgroupRoot: twoCpus, availableCpus: 64 })).toBe(
      `--workers 8 is more than the CPU limit of 2 CPUs (${join(twoCpus, 'cpu.max')}): the workers share that CPU time and are throttled, adding latency; use --workers 2 or fewer, or more replicas`,
    );
  });

  test('a fractional quota is rounded down, to at least 1: --workers 2 on 1.5 CPUs warns, --workers 1 on 0.5 does not', () => {
    expect(workersAboveCpuLimitWarning({ workers: 2, cgroupRoot: cgroupRoot({ 'cpu.max': '150000 100000' }), availableCpus: 64 })).toContain('use --workers 1 or fewer');
    expect(workersAboveCpuLimitWarning({ workers: 1, cgroupRoot: cgroupRoot({ 'cpu.max': '50000 100000' }), availableCpus: 64 })).toBeNull();
  });

  test('within the quota: no warning', () => {
    expect(workersAboveCpuLimitWarning({ workers: 2, cgroupRoot: twoCpus, availableCpus: 64 })).toBeNull();
  });

  test('without a quota, the CPUs the process may run on (a cpuset) are the limit', () => {
    const unlimited = cgroupRoot({ 'cpu.max': 'max 100000' });
    expect(workersAboveCpuLimitWarning({ workers: 4, cgroupRoot: unlimited, availableCpus: 2 })).toBe(
      '--workers 4 is more than the 2 CPUs this process may run on: the workers share that CPU time and are throttled, adding latency; use --workers 2 or fewer, or more replicas',
    );
    expect(workersAboveCpuLimitWarning({ workers: 2, cgroupRoot: unlimited, availableCpus: 2 })).toBeNull();
  });
});
