/** `logging:` in the config: whether the audit log holds bodies, and how much of each. */
import type { Logging } from '../../generated/config';
import type { ConfigIssue } from './config-error';
import { sizeInBytes } from './server-settings';

export interface LoggingPlan {
  bodies: boolean;
  /** The most of one body an audit line holds, in characters of its JSON (audit-line.ts). */
  maxBodyChars: number;
}

const DEFAULT_MAX_LOGGED_BODY = '100kb';

/** A line is one string written at once; far longer ones are more than log collectors take. */
const MOST_LOGGED_BODY_CHARS = 16 * 1024 * 1024;

export function compileLoggingSettings(logging: Logging | undefined): { plan: LoggingPlan; issues: ConfigIssue[] } {
  const plan: LoggingPlan = { bodies: logging?.bodies ?? false, maxBodyChars: sizeInBytes(logging?.max_body_size ?? DEFAULT_MAX_LOGGED_BODY) };
  const issues: ConfigIssue[] = [];
  if (plan.maxBodyChars < 1) issues.push({ path: 'logging.max_body_size', message: 'must be at least 1 byte' });
  if (plan.maxBodyChars > MOST_LOGGED_BODY_CHARS) issues.push({ path: 'logging.max_body_size', message: 'must be at most 16mb' });
  return { plan, issues };
}
