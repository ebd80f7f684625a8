/** "Did you mean": the closest known name to a mistyped one, by edit distance. */

/** Edit distance (optimal string alignment: a swap of two neighbours is one edit), case-insensitive. */
function getDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: y.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
      }
    }
    rows.push(row);
  }
  return rows[x.length][y.length];
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
