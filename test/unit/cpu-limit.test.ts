/**
 * The `--workers` warning reads the CPU quota from a cgroup folder and the process's own cgroup from
 * /proc/self/cgroup; here fake ones in a temporary folder (the real /sys and /proc are never read).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroupCpuLimit, workersAboveCpuLimitWarning, type CgroupLocations } from '../../src/cpu-limit';

/**
 * A cgroup root holding `files` (relative path → content), and a /proc/self/cgroup with `processCgroup`
 * (by default the root cgroup, as in a container's cgroup namespace).
 */
function cgroups(files: Record<string, string>, processCgroup = '0::/\n'): Required<CgroupLocations> {
  const folder = mkdtempSync(join(tmpdir(), 'gateway-cgroup-'));
  const cgroupRoot = join(folder, 'sys-fs-cgroup');
  mkdirSync(cgroupRoot);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(cgroupRoot, path, '..'), { recursive: true });
    writeFileSync(join(cgroupRoot, path), text);
  }
  const processCgroupFile = join(folder, 'proc-self-cgroup');
  writeFileSync(processCgroupFile, processCgroup);
  return { cgroupRoot, processCgroupFile };
}

describe('cgroupCpuLimit', () => {
  test('cgroup v2: cpu.max quota over period, fractions included', () => {
    const locations = cgroups({ 'cpu.max': '150000 100000\n' });
    expect(cgroupCpuLimit(locations)).toEqual({ cpus: 1.5, source: join(locations.cgroupRoot, 'cpu.max') });
  });

  test('cgroup v1: cpu.cfs_quota_us over cpu.cfs_period_us, under cpu or cpu,cpuacct', () => {
    const v1 = '4:cpu,cpuacct:/\n1:name=systemd:/\n0::/\n';
    expect(cgroupCpuLimit(cgroups({ 'cpu/cpu.cfs_quota_us': '200000\n', 'cpu/cpu.cfs_period_us': '100000\n' }, v1))?.cpus).toBe(2);
    expect(cgroupCpuLimit(cgroups({ 'cpu,cpuacct/cpu.cfs_quota_us': '50000\n', 'cpu,cpuacct/cpu.cfs_period_us': '100000\n' }, v1))?.cpus).toBe(0.5);
  });

  test('no limit: v2 "max", v1 quota -1, no cgroup files at all', () => {
    expect(cgroupCpuLimit(cgroups({ 'cpu.max': 'max 100000\n' }))).toBeNull();
    expect(cgroupCpuLimit(cgroups({ 'cpu/cpu.cfs_quota_us': '-1\n', 'cpu/cpu.cfs_period_us': '100000\n' }))).toBeNull();
    expect(cgroupCpuLimit(cgroups({}))).toBeNull();
  });

  test("cgroup v2 outside a cgroup namespace (a systemd service with CPUQuota=): the process's own cgroup's cpu.max", () => {
    const locations = cgroups({ 'system.slice/gateway.service/cpu.max': '50000 100000\n', 'system.slice/cpu.max': 'max 100000\n' }, '0::/system.slice/gateway.service\n');
    expect(cgroupCpuLimit(locations)).toEqual({ cpus: 0.5, source: join(locations.cgroupRoot, 'system.slice/gateway.service/cpu.max') });
  });

  test("a parent's lower limit applies too: the lowest from the own cgroup up to the root", () => {
    const files = { 'cpu.max': '800000 100000\n', 'machine.slice/cpu.max': '100000 100000\n', 'machine.slice/gateway.scope/cpu.max': '300000 100000\n' };
    const locations = cgroups(files, '0::/machine.slice/gateway.scope\n');
    expect(cgroupCpuLimit(locations)).toEqual({ cpus: 1, source: join(locations.cgroupRoot, 'machine.slice/cpu.max') });
    const noOwnLimit = cgroups({ 'machine.slice/cpu.max': '200000 100000\n', 'machine.slice/gateway.scope/cpu.max': 'max 100000\n' }, '0::/machine.slice/gateway.scope\n');
    expect(cgroupCpuLimit(noOwnLimit)?.cpus).toBe(2);
  });

  test("cgroup v1 outside a namespace: the cpu controller's path, and its parents'", () => {
    const processCgroup = '12:memory:/system.slice/gateway.service\n4:cpu,cpuacct:/system.slice/gateway.service\n1:name=systemd:/system.slice/gateway.service\n';
    const service = 'cpu,cpuacct/system.slice/gateway.service';
    const locations = cgroups({ [`${service}/cpu.cfs_quota_us`]: '150000\n', [`${service}/cpu.cfs_period_us`]: '100000\n', 'cpu,cpuacct/cpu.cfs_quota_us': '-1\n', 'cpu,cpuacct/cpu.cfs_period_us': '100000\n' }, processCgroup);
    expect(cgroupCpuLimit(locations)).toEqual({ cpus: 1.5, source: join(locations.cgroupRoot, service, 'cpu.cfs_quota_us') });
  });

  test('an own cgroup that is not under the mount (only the container\'s cgroup mounted, without cgroupns), or that climbs out of it: the root, as before', () => {
    expect(cgroupCpuLimit(cgroups({ 'cpu.max': '200000 100000\n' }, '0::/kubepods/burstable/pod1/abc\n'))?.cpus).toBe(2);
    expect(cgroupCpuLimit(cgroups({ 'cpu.max': '200000 100000\n', 'x/cpu.max': '50000 100000\n' }, '0::/../x\n'))?.cpus).toBe(2);
  });
});

describe('workersAboveCpuLimitWarning', () => {
  const twoCpus = cgroups({ 'cpu.max': '200000 100000\n' });

  test('names the quota, where it was read and the most workers that fit', () => {
    expect(workersAboveCpuLimitWarning({ workers: 8, ...twoCpus, availableCpus: 64 })).toBe(
      `--workers 8 is more than the CPU limit of 2 CPUs (${join(twoCpus.cgroupRoot, 'cpu.max')}): the workers share that CPU time and are throttled, adding latency; use --workers 2 or fewer, or more replicas`,
    );
  });

  test("names a systemd service's own cpu.max", () => {
    const service = cgroups({ 'system.slice/gateway.service/cpu.max': '200000 100000\n' }, '0::/system.slice/gateway.service\n');
    expect(workersAboveCpuLimitWarning({ workers: 4, ...service, availableCpus: 64 })).toBe(
      `--workers 4 is more than the CPU limit of 2 CPUs (${join(service.cgroupRoot, 'system.slice/gateway.service/cpu.max')}): the workers share that CPU time and are throttled, adding latency; use --workers 2 or fewer, or more replicas`,
    );
  });

  test('a fractional quota is rounded down, to at least 1: --workers 2 on 1.5 CPUs warns, --workers 1 on 0.5 does not', () => {
    expect(workersAboveCpuLimitWarning({ workers: 2, ...cgroups({ 'cpu.max': '150000 100000' }), availableCpus: 64 })).toContain('use --workers 1 or fewer');
    expect(workersAboveCpuLimitWarning({ workers: 1, ...cgroups({ 'cpu.max': '50000 100000' }), availableCpus: 64 })).toBeNull();
  });

  test('within the quota: no warning', () => {
    expect(workersAboveCpuLimitWarning({ workers: 2, ...twoCpus, availableCpus: 64 })).toBeNull();
  });

  test('without a quota, the CPUs the process may run on (a cpuset) are the limit', () => {
    const unlimited = cgroups({ 'cpu.max': 'max 100000' });
    expect(workersAboveCpuLimitWarning({ workers: 4, ...unlimited, availableCpus: 2 })).toBe(
      '--workers 4 is more than the 2 CPUs this process may run on: the workers share that CPU time and are throttled, adding latency; use --workers 2 or fewer, or more replicas',
    );
    expect(workersAboveCpuLimitWarning({ workers: 2, ...unlimited, availableCpus: 2 })).toBeNull();
  });
});
