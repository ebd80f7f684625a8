/**
 * Step: a deasync.loopWhile over a flag that one callback sets becomes an await of that work.
 *   p.then((v) => { result = v; done = true; }, (e) => { error = e; done = true; });
 *   deasync.loopWhile(() => !done);
 *     →  try { result = await p; } catch (e) { error = e; }
 *   fs.stat(file, (err, s) => { error = err; stats = s; done = true; });
 *   deasync.loopWhile(() => !done);
 *     →  await new Promise((resolve) => { fs.stat(file, (err, s) => { error = err; stats = s; resolve(); }); });
 * The code after the loop (`if (error) throw error; return result;`) is untouched, so errors are
 * rethrown exactly as before. runLoopOnce loops and unprovable conditions get a diagnostic.
 */
import type { ASTPath } from 'jscodeshift';
import type { StatementKind } from 'ast-types/lib/gen/kinds';
import { getUniqueName } from '../shared/modules';
import { findAwaitSite, prepareAwaitSite } from '../shared/await-site';
import { buildCompoundAwait, getNegatedFlags, readCompoundLoop, type CompoundLoop } from './compound-flag-loop';
import { getStartStatement, readFlagLoop, type FlagLoop } from './flag-loop';
import { buildPromiseHandlerAwait } from './promise-handlers';
import { moveComments, replaceStatement } from '../shared/statement-comments';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

/** `await new Promise((resolve) => { <start with each `flag = true` → resolve()> })`. */
function buildCallbackAwait(input: StepInput, loop: FlagLoop): StatementKind[] {
  const { j } = input;
  const resolve = getUniqueName(j, input.root, 'resolve');
  for (const set of loop.flagSets) set.replace(j.expressionStatement(j.callExpression(j.identifier(resolve), [])));
  const executor = j.arrowFunctionExpression(
    [j.identifier(resolve)],
    j.blockStatement([loop.start.node as StatementKind]),
  );
  const promise = j.newExpression(j.identifier('Promise'), [executor]);
  // TypeScript: `resolve()` without a value needs Promise<void>
  if (input.context.isTypeScript)
    Object.assign(promise, { typeParameters: j.tsTypeParameterInstantiation([j.tsVoidKeyword()]) });
  return [j.expressionStatement(j.awaitExpression(promise))];
}

function removeFlagDeclarator(input: StepInput, declarator: ASTPath): void {
  const declaration = declarator.parent as ASTPath;
  const declarators = (declaration.node as { declarations: unknown[] }).declarations;
  if (declarators.length === 1) declaration.prune();
  else declarator.prune();
}

/** One flag (`() => !done`) or several (`() => !done && !error`). */
function readLoop(input: StepInput, loopStatement: ASTPath, predicate: never): FlagLoop | CompoundLoop | string {
  const flags = getNegatedFlags(predicate);
  if (!flags || flags.length < 2) return readFlagLoop(input, loopStatement, predicate);
  const start = getStartStatement(loopStatement);
  return start
    ? readCompoundLoop(input, loopStatement, start, flags)
    : 'no statement before the loop starts the work it waits for';
}

function unwrapLoop(input: StepInput, loopCall: ASTPath): boolean {
  const { context } = input;
  const id = context.conversionId(loopCall);
  if (context.isSkipped(id)) return false;
  const loopStatement = loopCall.parent as ASTPath;
  const predicate = (loopCall.node as { arguments: unknown[] }).arguments[0];
  const loop =
    loopStatement.node.type === 'ExpressionStatement'
      ? readLoop(input, loopStatement, predicate as never)
      : 'the loop is not a statement of its own';
  if (typeof loop === 'string') {
    context.report({
      code: 'DEASYNC_LOOPWHILE_PREDICATE',
      node: loopCall,
      message:
        `deasync.loopWhile left as it was: ${loop}. Await the promise (or promisified callback) the loop ` +
        `waits for by hand`,
    });
    return false;
  }
  const target = findAwaitSite(loopCall, context, 'deasync.loopWhile');
  if (!target) return false;
  const replacement =
    'declarator' in loop
      ? (buildPromiseHandlerAwait(input, loop) ?? buildCallbackAwait(input, loop))
      : buildCompoundAwait(input, loop);
  replaceStatement(loop.start, replacement);
  moveComments(loopStatement.node, replacement[0], replacement[replacement.length - 1]);
  loopStatement.prune();
  if ('declarator' in loop) removeFlagDeclarator(input, loop.declarator);
  prepareAwaitSite(
    context,
    target,
    `awaits the work deasync.loopWhile waited for (at ${context.placeOf(id)})`,
    id,
    input.madeAsync,
  );
  input.refs.touch('deasync');
  return true;
}

export function unwrapDeasyncLoops(input: StepInput): boolean {
  if (!input.refs.uses('deasync')) return false;
  const { j, root, refs, context } = input;
  const loops: ASTPath[] = [];
  findNodes(root, j.CallExpression).forEach((call) => {
    const callee = call.get('callee') as ASTPath;
    if (refs.isMember(callee, 'deasync', 'loopWhile')) loops.push(call);
    else if (refs.isMember(callee, 'deasync', 'runLoopOnce')) {
      context.report({
        code: 'DEASYNC_RUN_LOOP_ONCE',
        node: call,
        message:
          'deasync.runLoopOnce polls the event loop until some condition holds; replace the loop with an await of ' +
          'the promise or event it waits for',
      });
    }
  });
  let changed = false;
  for (const loop of loops) if (unwrapLoop(input, loop)) changed = true;
  return changed;
}
