/** `response_store:` in the config: whether the Responses API's answers are kept, and within what bounds. */
import type { ResponseStore } from '../../generated/config';
import type { ConfigIssue } from './config-error';
import { mostBytes, sizeInBytes, sizeIssues } from './server-settings';

export interface ResponseStorePlan {
  enabled: boolean;
  /** The most the kept responses may take, counted as their JSON text is held (see the store). */
  maxBytes: number;
  /** How long a response is kept after it was answered or last continued. */
  maxAgeMs: number;
}

/**
 * A full store adds its size to the heap (32 MB counted took 33.5 MB), on a process of about 120 MB
 * at rest and a 150 MB budget: 16 MB fits at rest and holds over a thousand responses of 10 KB (a
 * tool loop's step, its whole input included), which an AI SDK loop refers to within seconds. An
 * hour outlasts a tool loop or a chat, and is counted from the last time a conversation was continued.
 */
const DEFAULTS = { enabled: true, max_size: '16mb', max_age: 3600 } as const;

export function compileResponseStoreSettings(settings: ResponseStore | undefined): { plan: ResponseStorePlan; issues: ConfigIssue[] } {
  const merged = { ...DEFAULTS, ...settings };
  const plan: ResponseStorePlan = { enabled: merged.enabled, maxBytes: sizeInBytes(merged.max_size), maxAgeMs: Math.round(merged.max_age * 1000) };
  const issues = sizeIssues('response_store.max_size', plan.maxBytes, mostBytes('ResponseStore', 'max_size'), 'must be at least 1 byte (to keep nothing, set enabled: false)');
  return { plan, issues };
}
