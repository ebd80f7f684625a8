/**
 * Test-only transforms for exercising the engine before (and independently of) the real migrations.
 */
import type { Transform } from '../../transforms/shared/types';
import { findNodes } from '../../source/tree-walk';

/** `oldName(…)` → `newName(…)`; asks for a dependency so package.json handling can be tested. */
export const renameCalls: Transform = {
  meta: {
    name: 'rename-calls',
    description: 'test: renames oldName() calls to newName()',
    options: {},
    diagnostics: { RENAMED: { severity: 'info', summary: 'test: a call was renamed' } },
  },
  prefilter: (source) => source.includes('oldName'),
  apply(root, context) {
    const { j } = context;
    const calls = findNodes(root, j.CallExpression, { callee: { type: 'Identifier', name: 'oldName' } });
    calls.forEach((path) => {
      (path.node.callee as { name: string }).name = 'newName';
      context.report({ code: 'RENAMED', message: 'renamed oldName to newName', node: path.node });
    });
    if (calls.size() > 0) {
      context.requestDependency({ name: 'new-lib', range: '^1.0.0', kind: 'add' });
      context.requestDependency({ name: 'old-lib', kind: 'remove-if-unused' });
    }
    return calls.size() > 0;
  },
};

/** Parses every file and claims a change without touching the AST: the printer must give back the input. */
export const touchEverything: Transform = {
  meta: { name: 'touch-everything', description: 'test: reprints every file unchanged', options: {}, diagnostics: {} },
  prefilter: () => true,
  apply: () => true,
};

/** Throws on files that mention `explode`, to test per-file failure isolation. */
export const throwOnExplode: Transform = {
  meta: { name: 'throw-on-explode', description: 'test: throws', options: {}, diagnostics: {} },
  prefilter: (source) => source.includes('explode'),
  apply() {
    throw new Error('boom');
  },
};
