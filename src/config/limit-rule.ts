/**
 * The words for a failed size or range limit of a JSON Schema (Ajv's `minimum`, `maxLength`, ...),
 * shared by config messages (schema-issues.ts) and request refusals (server/validation.ts), so that a
 * limit reads the same in both: "must be at most 128", never Ajv's "must be <= 128".
 */

/** `must be at most 128`, `must list at least 2 items`, ... for an Ajv error's keyword and `params.limit`; undefined for another keyword. */
export function limitRule(keyword: string, limit: unknown): string | undefined {
  if (typeof limit !== 'number') return undefined;
  switch (keyword) {
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${limit}`;
    case 'minLength':
      return `must be at least ${characters(limit)} long`;
    case 'maxLength':
      return `must be at most ${characters(limit)} long`;
    case 'minItems':
      return `must list at least ${items(limit)}`;
    case 'maxItems':
      return `must list at most ${items(limit)}`;
    default:
      return undefined;
  }
}

const characters = (count: number): string => `${count} character${count === 1 ? '' : 's'}`;
const items = (count: number): string => `${count} item${count === 1 ? '' : 's'}`;
