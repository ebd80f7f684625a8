/**
 * Reads the lowest Node.js version an `engines.node` range admits, so a transform can pick dependency
 * ranges that install on every Node the project supports (`>=18.17 <23` → 18.17.0, `^20 || ^22` → 20.0.0).
 */
export type Version = readonly [number, number, number];

function parseVersion(text: string): Version | null {
  const match = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(text.trim());
  if (!match) return null;
  const part = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? 0 : Number(s));
  return [Number(match[1]), part(match[2]), part(match[3])];
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Lowest version one `||` alternative admits; null when it has no lower bound (`*`, `<20`). */
function getAlternativeLowerBound(alternative: string): Version | null {
  const hyphen = /^\s*(\S+)\s+-\s+\S+\s*$/.exec(alternative);
  if (hyphen) return parseVersion(hyphen[1]);
  const comparators = alternative
    .trim()
    .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  let lowest: Version | null = null;
  for (const comparator of comparators) {
    const op = /^(>=|<=|>|<|=|\^|~)?/.exec(comparator)?.[1] ?? '';
    if (op === '<' || op === '<=') continue;
    const version = parseVersion(comparator.slice(op.length));
    if (!version) continue;
    const bound: Version = op === '>' ? [version[0], version[1], version[2] + 1] : version;
    if (!lowest || compareVersions(bound, lowest) > 0) lowest = bound;
  }
  return lowest;
}

/**
 * The lowest Node version `range` admits, or null when it has none (no field, `*`, only upper bounds)
 * or cannot be read.
 */
export function getLowestNodeVersion(range: string | null): Version | null {
  if (!range || !range.trim()) return null;
  let lowest: Version | null = null;
  for (const alternative of range.split('||')) {
    const bound = getAlternativeLowerBound(alternative);
    if (!bound) return null;
    if (!lowest || compareVersions(bound, lowest) < 0) lowest = bound;
  }
  return lowest;
}
