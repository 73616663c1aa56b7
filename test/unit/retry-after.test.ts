import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { retryAfterMs } from '../../src/retry-after';

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('7')).toBe(7_000);
    expect(retryAfterMs('0.5')).toBe(500);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:03 GMT', now)).toBe(3_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('reads every HTTP date as GMT, the asctime form too, whatever the machine\'s time zone', () => {
    // Jest's process.env is a copy, so the zone is set in a process of its own.
    const script = `const { retryAfterMs } = require('./src/retry-after'); const now = Date.parse('Sun, 06 Nov 1994 08:49:30 GMT'); console.log(JSON.stringify(['Sun Nov  6 08:49:37 1994', 'Sunday, 06-Nov-94 08:49:37 GMT'].map((value) => retryAfterMs(value, now))));`;
    const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: join(__dirname, '..', '..'), env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([7_000, 7_000]);
  });

  it('is null when absent or unreadable', () => {
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('')).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
    // Date.parse reads these, but they are no HTTP date.
    expect(retryAfterMs('2015-10-21T07:28:03Z')).toBeNull();
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:03 GMT (sk-not-a-date)')).toBeNull();
  });
});
