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

/**
 * The nodes at a plan's positions, found in one traversal of the file: every node whose start (or
 * start and end) matches a wanted key is kept, outermost first, and picked later by type.
 */
export class PlannedNodes {
  private readonly byKey = new Map<string, ASTPath[]>();

  constructor(j: JSCodeshift, root: Collection, positions: readonly PlannedPosition[]) {
    const wanted = new Set(positions.map(getPlannedKey));
    if (wanted.size === 0) return;
    const getKeys = createKeyLookup(root);
    root.find(j.Node).forEach((path) => {
      const keys = getKeys(path.node as unknown as Located);
      if (!keys) return;
      for (const key of [keys.range, keys.start]) {
        if (!wanted.has(key)) continue;
        const list = this.byKey.get(key);
        if (list) list.push(path as unknown as ASTPath);
        else this.byKey.set(key, [path as unknown as ASTPath]);
      }
    });
  }

  /** The outermost node of one of `types` at each position (any type when `types` is null), in plan order. */
  pick(types: ReadonlySet<string> | null, positions: readonly PlannedPosition[]): ASTPath[] {
    const found: ASTPath[] = [];
    for (const position of positions) {
      const path = this.byKey.get(getPlannedKey(position))?.find((p) => types === null || types.has(p.node.type));
      if (path) found.push(path);
    }
    return found;
  }
}
