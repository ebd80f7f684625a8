/**
 * Finding the nodes a plan names. Plan positions are Babel's offsets (`node.start`, and `node.end` when a
 * start is shared: `a.b().c()`) in the text the root was parsed from, the text the analysis read.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { PlannedPosition } from '../../analysis/types';
import { getParsedSource } from '../../source/parsed-source';

import { findNodes } from '../../source/tree-walk';

export function getPlannedKey(position: PlannedPosition): string {
  return position.end === undefined ? `${position.start}` : `${position.start}-${position.end}`;
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
    const source = getParsedSource(root);
    findNodes(root, j.Node).forEach((path) => {
      const offsets = source.getOffsets(path.node);
      if (!offsets) return;
      for (const key of [`${offsets.start}-${offsets.end}`, `${offsets.start}`]) {
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
