import { setTimeout as sleep } from 'node:timers/promises';
import { CallAbort } from '../../../src/providers/abort';

describe('CallAbort', () => {
  test('tells each listener once, with the reason set, and ignores a second abort', () => {
    const abort = new CallAbort();
    const seen: unknown[] = [];
    abort.addEventListener('abort', () => seen.push(abort.reason));
    abort.addEventListener('abort', () => seen.push('second listener'));
    abort.abort('client gone');
    abort.abort('later reason');
    expect(abort.aborted).toBe(true);
    expect(abort.reason).toBe('client gone');
    expect(seen).toEqual(['client gone', 'second listener']);
  });

  test('a removed listener is not called', () => {
    const abort = new CallAbort();
    const calls: string[] = [];
    const removed = () => calls.push('removed');
    abort.addEventListener('abort', removed);
    abort.addEventListener('abort', () => calls.push('kept'));
    abort.removeEventListener('abort', removed);
    abort.removeEventListener('abort', () => calls.push('never added'));
    abort.abort(new Error('x'));
    expect(calls).toEqual(['kept']);
  });

  test('its AbortSignal, made before the abort, follows it with the same reason', () => {
    const abort = new CallAbort();
    const signal = abort.signal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(abort.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    const reason = new Error('total timeout');
    abort.abort(reason);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(reason);
  });

  test('its AbortSignal, made after the abort, is already aborted', () => {
    const abort = new CallAbort();
    abort.abort('gone');
    expect(abort.signal.aborted).toBe(true);
    expect(abort.signal.reason).toBe('gone');
  });

  test('its AbortSignal works with node timers (the wait between retries)', async () => {
    const abort = new CallAbort();
    const waiting = sleep(60_000, undefined, { signal: abort.signal }).catch((error: Error) => error.name);
    abort.abort(new Error('client gone'));
    expect(await waiting).toBe('AbortError');
  });
});
