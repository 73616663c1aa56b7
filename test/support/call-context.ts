import type { CallContext } from '../../src/providers/types';

/** What the gateway passes a provider call, on a real AbortSignal (`abort` may be one). */
export function callContext(signal: AbortSignal = new AbortController().signal): CallContext {
  return { signal, abort: signal };
}
