/**
 * A request body's raw JSON, read before it is parsed: how deep it nests, how many keys its objects
 * have, whether it holds a number long enough to be beyond a 64-bit float, and about how much heap
 * its parsed form takes (body.ts acts on it).
 */
const OPEN_BRACE = 0x7b; // {
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACE = 0x7d; // }
const CLOSE_BRACKET = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const PLUS = 0x2b;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** Not a count of keys: the open container is an array. */
const ARRAY = -1;

/**
 * A number that may be beyond a 64-bit float (about 1.8e308) has an exponent of three digits or more,
 * or 210 digits before its point (and so 210 characters or more): below that, 1e209 × 1e99 is finite.
 */
const LONG_EXPONENT_DIGITS = 3;
const LONG_NUMBER_LENGTH = 210;

/**
 * What a body's parsed form takes on V8's heap beyond its text, measured with bench/parsed-size.ts
 * (Node 20, 64-bit): text (a message, a base64 image, tool results in strings) takes about its
 * raw size (0.9 to 1.3 times; 2.2 where a character beyond Latin-1 makes V8 store the whole string at
 * 2 bytes a character), but an empty object takes 64 bytes with its place in its array, 21 times its
 * `{},`, an empty array 40, and a value's place 8 bytes, a fraction among other values 16 more
 * (`[1,1,…]` 4 times its size, `["x",1.5,…]` 4 times). So bodies of tiny containers or values, which
 * the raw bytes let through, took 4 to 23 times their size while their calls lasted. With the largest
 * measured as constants, they take 0.4 to 0.8 of `parsedSize`; many different short keys (each a new
 * hidden class in V8) up to 2.5 times it, about as text with an emoji takes 2.2 times its size.
 */
const CONTAINER_BYTES = 64;
const VALUE_BYTES = 16;

/** The limits a body's raw JSON is checked against before it is parsed (the plan's `server:` settings). */
export interface JsonLimits {
  maxJsonDepth: number;
  maxJsonKeys: number;
}

// Past the end a byte is undefined, which is no digit.
const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;

/** Whether the `e` or `E` at `index` (outside strings: in `true`, `false` or an exponent) starts an exponent of three digits or more. */
function isLongExponent(bytes: Uint8Array, index: number): boolean {
  const first = bytes[index + 1] === PLUS ? index + 2 : index + 1;
  for (let digit = first; digit < first + LONG_EXPONENT_DIGITS; digit += 1) if (!isDigit(bytes[digit])) return false;
  return true;
}

/**
 * Where the string whose text starts at `from` ends: its closing quote, the first one after an even
 * run of backslashes (an odd run escapes it), or -1. Found with the native search: a byte loop in
 * JS over every character of a long body (a base64 image, tool results) cost about as much as parsing it.
 */
function closingQuote(bytes: Uint8Array, from: number): number {
  let quote = bytes.indexOf(QUOTE, from);
  while (quote !== -1) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = bytes.indexOf(QUOTE, quote + 1);
  }
  return -1;
}

/** What scanJson finds in a body's raw JSON. */
export interface JsonScan {
  /** The limit passed, 'depth' or 'keys' (the scan stops there); else 'long-number' where a number may be beyond a 64-bit float; else null. */
  finding: 'depth' | 'keys' | 'long-number' | null;
  /** Arrays and objects. */
  containers: number;
  /** Commas outside strings: one for each value after the first of its array or object. */
  commas: number;
}

/**
 * About how many bytes of heap a body of `length` bytes takes once parsed: its text, and for each
 * container and value what it takes beyond it (the largest measured, so a body of `{}` or of
 * one-digit numbers is not underestimated). An ordinary chat body comes to 1.0 to 1.4 times its length.
 */
export function parsedSize(length: number, scan: JsonScan): number {
  return length + scan.containers * CONTAINER_BYTES + scan.commas * VALUE_BYTES;
}

/**
 * What the raw JSON passes of `limits`, read outside strings (escapes included) before any parsing,
 * so that no recursion sees a deeper body and no object of a million keys is built: 'depth', 'keys',
 * or, when neither, 'long-number' where a number may be beyond a 64-bit float (the parsed body is
 * then searched for one), else null. An object's keys are its commas plus one (from its first key on).
 * Counts its containers and commas on the way, for `parsedSize`.
 */
export function scanJson(bytes: Uint8Array, limits: JsonLimits): JsonScan {
  // Per open container, outermost first: ARRAY, or the keys of an object so far.
  const keys: number[] = [];
  let depth = 0;
  let longNumber = false;
  let containers = 0;
  let commas = 0;
  // Where the last string, bracket or comma was: a number lies between it and the next comma or bracket.
  let valueStart = -1;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte === QUOTE) {
      if (keys[depth - 1] === 0) keys[depth - 1] = 1;
      const end = closingQuote(bytes, index + 1);
      // An unclosed string runs to the end: nothing after it is outside a string.
      if (end === -1) break;
      index = end;
      valueStart = end;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      containers += 1;
      if (depth > limits.maxJsonDepth) return { finding: 'depth', containers, commas };
      keys[depth - 1] = byte === OPEN_BRACE ? 0 : ARRAY;
      valueStart = index;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      if (index - valueStart > LONG_NUMBER_LENGTH) longNumber = true;
      depth -= 1;
      valueStart = index;
    } else if (byte === COMMA) {
      if (index - valueStart > LONG_NUMBER_LENGTH) longNumber = true;
      valueStart = index;
      commas += 1;
      if (depth > 0 && keys[depth - 1] !== ARRAY) {
        keys[depth - 1] += 1;
        if (keys[depth - 1] > limits.maxJsonKeys) return { finding: 'keys', containers, commas };
      }
    } else if ((byte === LOWER_E || byte === UPPER_E) && isLongExponent(bytes, index)) {
      longNumber = true;
    }
  }
  // A body that is a number alone ends without a comma or bracket.
  const finding = longNumber || bytes.length - valueStart > LONG_NUMBER_LENGTH ? 'long-number' : null;
  return { finding, containers, commas };
}
