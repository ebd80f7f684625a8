/** "Did you mean": the closest known name to a mistyped one, by edit distance. */

/** Levenshtein distance, case-insensitive. */
function getDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * The known name closest to `typed` when it is close enough to be a slip (a third of its length, at
 * least 1, at most 3 edits), or one that starts with it (`--writ` → `--write`); else null.
 */
export function findClosest(typed: string, known: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = getDistance(typed, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return null;
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  if (best.distance <= limit) return best.name;
  const prefixed = known.filter((name) => name.startsWith(typed) && typed.length >= 3);
  return prefixed.length === 1 ? prefixed[0] : null;
}
