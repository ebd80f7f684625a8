/**
 * A test-only transform for the engine's cross-file edit hook (TransformContext.runFiles,
 * Transform.applyFileEdits), independent of synckit:
 *   tag('./other.js', 'label');   asks for `tagged('label');` at the end of other.js
 *   oldName                       renamed to newName in its own file (so other files can check that
 *                                 readOriginal gives the text before this run changed it)
 * A label `explode` makes the edit throw with a location, to test that the target and the requesters fail.
 */
import { dirname, resolve } from 'node:path';
import { findNodes } from '../../source/tree-walk';
import type { Transform } from '../../transforms/shared/types';

export const tagFiles: Transform = {
  meta: {
    name: 'tag-files',
    description: 'test: asks for edits of other files',
    options: {},
    diagnostics: {
      NO_RUN_FILES: { severity: 'warning', summary: 'test: the context has no runFiles' },
      NOT_IN_RUN: { severity: 'warning', summary: 'test: the file named is not in the run' },
      SAW_ORIGINAL: { severity: 'info', summary: 'test: readOriginal gave the original text' },
      SAW_OTHER: { severity: 'info', summary: 'test: readOriginal gave another text' },
    },
  },
  prefilter: (source) => source.includes('tag(') || source.includes('oldName'),
  apply(root, context) {
    const { j } = context;
    const renamed = findNodes(root, j.Identifier, { name: 'oldName' });
    renamed.forEach((path) => {
      path.node.name = 'newName';
    });
    findNodes(root, j.CallExpression, { callee: { type: 'Identifier', name: 'tag' } }).forEach((path) => {
      const [spec, label] = path.node.arguments.map((a) => String((a as { value?: unknown }).value));
      if (!context.runFiles) {
        context.report({ code: 'NO_RUN_FILES', message: 'no access to other files', node: path.node });
        return;
      }
      const file = resolve(dirname(context.runFiles.absolutePath), spec);
      const original = context.runFiles.readOriginal(file);
      if (original === null) {
        context.report({ code: 'NOT_IN_RUN', message: spec, node: path.node });
        return;
      }
      context.report({
        code: original.includes('oldName') ? 'SAW_ORIGINAL' : 'SAW_OTHER',
        message: spec,
        node: path.node,
      });
      context.runFiles.requestEdit({ file, action: 'append-tag', args: [label] });
    });
    return renamed.size() > 0;
  },
  applyFileEdits(root, context, requests) {
    const { j } = context;
    const body = (root.get().node as { program: { body: unknown[] } }).program.body;
    for (const request of requests) {
      const [label] = request.args;
      if (label === 'explode') throw Object.assign(new Error('cannot tag here'), { line: 1, column: 1 });
      body.push(j.expressionStatement(j.callExpression(j.identifier('tagged'), [j.stringLiteral(label)])));
    }
    return requests.length > 0;
  },
};
