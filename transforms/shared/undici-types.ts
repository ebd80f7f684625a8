/**
 * Whether a TypeScript project can compile undici's declarations. They import `node:url`,
 * `node:stream/web`, …, which @types/node before 16 does not declare, and use syntax TypeScript parses
 * from 4.7 on (measured: `import { request } from 'undici'` with undici 7 and @types/node 20 gives 0
 * errors under TypeScript 4.7.4 and 4.9.5, and over 1,400 parse errors under 4.3–4.6, skipLibCheck or
 * not). A file that imports undici in such a project would stop compiling, so it is left as it was.
 */
import { getLowestNodeVersion } from './node-engines';
import type { TransformContext } from './types';

/** Why this TypeScript file cannot import undici in its project, or null when it can (or is JavaScript). */
export function findUndiciTypesProblem(context: TransformContext): string | null {
  if (!context.isTypeScript) return null;
  const nodeTypes = context.dependencyRanges?.['@types/node'];
  const lowestTypes = nodeTypes ? getLowestNodeVersion(nodeTypes) : null;
  if (lowestTypes && lowestTypes[0] < 16) {
    return (
      `@types/node ${nodeTypes} does not declare the node: modules undici's types import, so this file would ` +
      'stop compiling; raise @types/node to >= 16 (and TypeScript to >= 4.7), then run again; nothing was converted'
    );
  }
  const typescript = context.dependencyRanges?.typescript;
  const lowestTs = typescript ? getLowestNodeVersion(typescript) : null;
  if (lowestTs && (lowestTs[0] < 4 || (lowestTs[0] === 4 && lowestTs[1] < 7))) {
    return (
      `the project's TypeScript (${typescript}) cannot parse undici's declarations (they need 4.7 or later), so ` +
      'this file would stop compiling; raise TypeScript to >= 4.7, then run again; nothing was converted'
    );
  }
  return null;
}
