/**
 * A value far longer than a refusal quotes whole, and how refusals show it: a message that echoed it
 * would carry 100,000 characters back to the client (or into the log); cut, it keeps its first 80.
 */

/** 100,000 characters. */
export const LONG_VALUE = 'x'.repeat(100_000);

/** LONG_VALUE as a message quotes it in JSON's double quotes (quotedJson). */
export const LONG_VALUE_CUT = `"${'x'.repeat(80)}…" (100000 characters)`;
