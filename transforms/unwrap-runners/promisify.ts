/**
 * `promisify` as the file can reach it: an existing `const { promisify } = require('util')`, an
 * existing `util` module binding (`util.promisify`), or a new named import from `node:util`.
 */
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { ensureNamedImports, findModuleBindings } from '../shared/modules';
import type { StepInput } from './step';

export function buildPromisifyCallee(input: StepInput): ExpressionKind {
  const { j, root, context } = input;
  for (const source of ['node:util', 'util']) {
    const bindings = findModuleBindings(j, root, source);
    const named = bindings.find((b) => b.imported === 'promisify');
    if (named) return j.identifier(named.local);
    const whole = bindings.find((b) => b.imported === 'default');
    if (whole) return j.memberExpression(j.identifier(whole.local), j.identifier('promisify'));
  }
  const locals = ensureNamedImports(j, root, 'node:util', ['promisify'], context.isModule);
  return j.identifier(locals.promisify);
}
