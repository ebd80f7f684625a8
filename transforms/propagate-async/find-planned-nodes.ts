/**
 * Finding the nodes a plan names. Plan positions are 1-based lines and columns of Babel's `loc.start`
 * in the text the root was parsed from (and `loc.end` when a start is shared: `a.b().c()`).
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { PlannedPosition } from '../../lib/analysis/types';

interface Located {
  type: string;
  /** Babel's offsets: recast drops `loc` on some nodes (a declaration inside `export`), never these. */
  start?: number;
  end?: number;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
}

/** Offset → `line:column` (1-based) in the text the root was parsed from. */
export function createKeyLookup(root: Collection): (node: Located) => { start: string; range: string } | null {
  const program = root.get().node as { loc?: { lines?: { toString(): string } } | null };
  const text = program.loc?.lines?.toString() ?? root.toSource();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toKey = (offset: number): string => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return `${low + 1}:${offset - lineStarts[low] + 1}`;
  };
  return (node) => {
    if (typeof node.start === 'number' && typeof node.end === 'number') {
      const start = toKey(node.start);
      return { start, range: `${start}-${toKey(node.end)}` };
    }
    if (!node.loc) return null;
    const start = `${node.loc.start.line}:${node.loc.start.column + 1}`;
    return { start, range: `${start}-${node.loc.end.line}:${node.loc.end.column + 1}` };
  };
}

export function getPlannedKey(position: PlannedPosition): string {
  const start = `${position.line}:${position.column}`;
  return position.endLine === undefined ? start : `${start}-${position.endLine}:${position.endColumn}`;
}

/** Paths of the nodes of `types` at the planned positions (by start, or by range when one is given). */
export function findPlannedPaths(
  j: JSCodeshift,
  root: Collection,
  types: ReadonlySet<string>,
  positions: readonly PlannedPosition[],
): Map<string, ASTPath> {
  const wanted = new Set(positions.map(getPlannedKey));
  const found = new Map<string, ASTPath>();
  if (wanted.size === 0) return found;
  const getKeys = createKeyLookup(root);
  root.find(j.Node).forEach((path) => {
    const node = path.node as unknown as Located;
    if (!types.has(node.type)) return;
    const keys = getKeys(node);
    for (const key of keys ? [keys.range, keys.start] : []) {
      // the outermost node wins a shared start: `f()` in `f().x` is found before nothing else
      if (key && wanted.has(key) && !found.has(key)) found.set(key, path as unknown as ASTPath);
    }
  });
  return found;
}

/** Every planned path, in plan order, skipping positions nothing was found at. */
export function pickPlannedPaths(found: Map<string, ASTPath>, positions: readonly PlannedPosition[]): ASTPath[] {
  return positions.map((p) => found.get(getPlannedKey(p))).filter((p): p is ASTPath => p !== undefined);
}
