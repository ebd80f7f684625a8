/**
 * A test-only transform for the CLI tests (plain CommonJS so that both the in-process tests and the
 * spawned built CLI in cli-tty-entry.js load this one copy): `oldName(…)` → `newName(…)`, and a
 * diagnostic for every `oldName` that is referenced but not called. Never registered in transforms/.
 */
'use strict';

const renameOldName = {
  meta: {
    name: 'rename-old-name',
    description: 'test: renames oldName() calls to newName()',
    options: {
      renameTo: { type: 'string', placeholder: 'NAME', help: 'test: the name oldName() calls get (default newName)' },
    },
    diagnostics: {
      TEST_OLDNAME_REFERENCE: {
        severity: 'warning',
        summary: 'oldName is passed around, not called; rename it by hand',
      },
    },
  },
  prefilter: (source) => source.includes('oldName'),
  apply(root, context) {
    const { j } = context;
    const calls = root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'oldName' } });
    calls.forEach((call) => {
      call.node.callee = j.identifier(context.options.renameTo || 'newName');
    });
    root
      .find(j.Identifier, { name: 'oldName' })
      .filter((id) => !(j.CallExpression.check(id.parent.node) && id.parent.node.callee === id.node))
      .forEach((id) => {
        context.report({ code: 'TEST_OLDNAME_REFERENCE', message: 'oldName is referenced, not called', node: id });
      });
    return calls.size() > 0;
  },
};

/** A registry holding only the test transform, shaped like transforms/registry.ts; `UsageError` is passed in. */
function buildTestRegistry(UsageError) {
  return {
    listTransforms: () => [renameOldName],
    selectTransforms(names) {
      const unknown = (names || []).filter((name) => name !== renameOldName.meta.name);
      if (unknown.length > 0)
        throw new UsageError(`unknown transform "${unknown[0]}"; valid names: ${renameOldName.meta.name}`);
      return { transforms: [renameOldName], projectTransform: null };
    },
  };
}

module.exports = { renameOldName, buildTestRegistry };
