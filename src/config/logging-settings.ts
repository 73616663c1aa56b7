/** `logging:` in the config: whether the audit log holds bodies, and how much of each. */
import type { Logging } from '../../generated/config';
import type { ConfigIssue } from './config-error';
import { mostBytes, sizeInBytes, sizeIssues } from './server-settings';

export interface LoggingPlan {
  bodies: boolean;
  /** The most of one body an audit line holds, in characters of its JSON (audit-line.ts). */
  maxBodyChars: number;
}

const DEFAULT_MAX_LOGGED_BODY = '100kb';

export function compileLoggingSettings(logging: Logging | undefined): { plan: LoggingPlan; issues: ConfigIssue[] } {
  const plan: LoggingPlan = { bodies: logging?.bodies ?? false, maxBodyChars: sizeInBytes(logging?.max_body_size ?? DEFAULT_MAX_LOGGED_BODY) };
  // A line is one string written at once; far longer ones are more than log collectors take (config-schema's maximum).
  const issues = sizeIssues('logging.max_body_size', plan.maxBodyChars, mostBytes('Logging', 'max_body_size'));
  return { plan, issues };
}
