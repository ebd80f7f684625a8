/**
 * Whether the migrated code can use undici here, for both HTTP transforms: which undici to add, from
 * the project's `engines.node` (or `--node`):
 * - no engines field, or every admitted Node is >= 20.18.1 → `^7.16.0` (undici 7 needs 20.18.1; 7.16
 *   is the first whose error classes match across copies). undici 8 is never chosen: it needs 22.19,
 *   speaks HTTP/2 by default over TLS and its dispatchers break Node 22/24's global fetch.
 * - lowest admitted Node in [18.17, 20.18.1) → `^6.21.0` (undici 6 needs 18.17; what the migrated code
 *   uses, `interceptors.redirect` and `Dispatcher#compose`, exists since 6.9).
 * - an older Node admitted → null: no undici line with these APIs installs there.
 */
import type { DiagnosticSpecs } from '../../core/diagnostic';
import { compareVersions, getLowestNodeVersion, type Version } from './node-engines';
import type { TransformContext } from './types';
import { findUndiciTypesProblem } from './undici-types';

const undici7Floor: Version = [20, 18, 1];
const undici6Floor: Version = [18, 17, 0];

export function chooseUndiciRange(nodeEngines: string | null): string | null {
  const lowest = getLowestNodeVersion(nodeEngines);
  if (!lowest || compareVersions(lowest, undici7Floor) >= 0) return '^7.16.0';
  if (compareVersions(lowest, undici6Floor) >= 0) return '^6.21.0';
  return null;
}

export const undiciSupportDiagnostics = {
  UNDICI_NODE_UNSUPPORTED: {
    severity: 'warning',
    summary:
      'engines.node (or --node) admits a Node.js older than 18.17, where no undici with the APIs used here ' +
      'installs: nothing was converted.',
  },
  UNDICI_TYPES_UNSUPPORTED: {
    severity: 'warning',
    summary:
      "(TypeScript) the project's @types/node (before 16) or TypeScript (before 4.7) cannot compile undici's " +
      'declarations: the file would stop compiling, so nothing in it was converted.',
  },
} satisfies DiagnosticSpecs;

export type UndiciSupport = { range: string } | { code: keyof typeof undiciSupportDiagnostics; message: string };

/** The undici range to add, or why this file cannot move to undici (the transform reports it and stops). */
export function checkUndiciSupport(context: TransformContext): UndiciSupport {
  const range = chooseUndiciRange(context.nodeEngines);
  if (!range) {
    return {
      code: 'UNDICI_NODE_UNSUPPORTED',
      message:
        `the Node.js versions targeted ("${context.nodeEngines}", from engines.node or --node) include ones ` +
        'older than 18.17, where no undici with the APIs used here installs; raise engines.node (a breaking ' +
        'change for a library), or pass --node VERSION when the code only runs on a newer Node.js, and run ' +
        'again; nothing was converted',
    };
  }
  const typesProblem = findUndiciTypesProblem(context);
  return typesProblem ? { code: 'UNDICI_TYPES_UNSUPPORTED', message: typesProblem } : { range };
}
