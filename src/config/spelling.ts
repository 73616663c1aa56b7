/** Spelling suggestions for names a config gets wrong (provider names, keys). */

/** The candidate within a small edit distance of `name` (a typo), if there is one. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Each edit changes the length by one at most: a name much longer or shorter is no typo, and
    // the distance of a very long value (a pasted document) would take seconds to work out.
    if (Math.abs(name.length - candidate.length) > limit) continue;
    const distance = editDistance(name, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/**
 * The key a misspelt `key` of `mapping` most likely stands for, never one the mapping already has
 * (`{name: a, nmae: b}` is not told to write `name`): the closest of `known`, or one as close that
 * the mapping lacks. When only a key it has is closest, `key` is most likely a second one of it, not
 * a typo of a farther key: none.
 */
export function closestMissingKey(key: string, known: readonly string[], mapping: unknown): string | undefined {
  const written = (candidate: string) => typeof mapping === 'object' && mapping !== null && Object.hasOwn(mapping, candidate);
  const closest = closestName(key, known);
  if (closest === undefined || !written(closest)) return closest;
  const missing = closestName(key, known.filter((candidate) => !written(candidate)));
  return missing !== undefined && editDistance(key, missing) === editDistance(key, closest) ? missing : undefined;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
