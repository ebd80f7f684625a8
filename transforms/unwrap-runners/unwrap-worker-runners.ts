/**
 * Step: runners that block on a worker thread or process.
 *   const f = makeSynchronous(async (x) => { … }); f(1)   →  const f = async (x) => { … }; await f(1)
 * make-synchronous runs its function's source text in a worker, so a function that uses nothing from
 * the file around it runs the same in-process (values are no longer copied: info diagnostic).
 * synckit's createSyncFn loads a worker module from another file: converted with that file's edit in
 * engine runs (unwrap-synckit-calls.ts). sync-rpc runs its worker in another process: diagnostics say
 * what to do by hand, at the client and at each call that blocks (sync-rpc-sites.ts).
 */
import type { ASTPath } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { isPropertyName } from '../shared/function-body';
import type { StepInput } from './step';
import { reportSyncRpc } from './sync-rpc-sites';
import { unwrapSynckitCall } from './unwrap-synckit-calls';
import { awaitWrapperCalls, findWrapperCalls, getWrapperTargets } from './wrapper-calls';

import { findNodes } from '../../source/tree-walk';

interface Scoped {
  scope?: { lookup(name: string): { path: ASTPath } | null } | null;
}

function isInside(path: ASTPath, ancestor: ASTPath): boolean {
  for (let p: ASTPath | null = path; p; p = p.parent as ASTPath | null) if (p.node === ancestor.node) return true;
  return false;
}

/** Whether every name the function uses is its own or a global (nothing captured from the file). */
function isSelfContained(input: StepInput, fn: ASTPath): boolean {
  const captured = findNodes(input.j(fn), input.j.Identifier).filter((path) => {
    if (isPropertyName(path)) return false;
    const declaring = (path as unknown as Scoped).scope?.lookup(String(path.node.name));
    return Boolean(declaring) && !isInside(declaring!.path, fn);
  });
  return captured.size() === 0;
}

function unwrapMakeSynchronous(input: StepInput, wrap: ASTPath): boolean {
  const { context } = input;
  const id = context.conversionId(wrap);
  const fnPath = (wrap.get('arguments') as ASTPath).get(0) as ASTPath;
  const fn = fnPath.node as { type?: string } | undefined;
  const isFunction = fn?.type === 'ArrowFunctionExpression' || fn?.type === 'FunctionExpression';
  if (context.isSkipped(id)) return false;
  if (!isFunction || !isSelfContained(input, fnPath)) {
    context.report({
      code: 'MAKE_SYNCHRONOUS_UNKNOWN_FUNCTION',
      node: wrap,
      message:
        'makeSynchronous gets a function that is not written here or uses names from this file (it ran in a worker ' +
        'without them); convert it by hand',
    });
    return false;
  }
  const calls = findWrapperCalls(input, wrap, 'this makeSynchronous function', 'MAKE_SYNCHRONOUS_ESCAPES');
  const targets = calls && getWrapperTargets(input, calls, 'a makeSynchronous call');
  if (!calls || !targets) return false;
  context.report({
    code: 'MAKE_SYNCHRONOUS_IN_PROCESS',

    node: wrap,
    message:
      'the function now runs in this process: its arguments and result are no longer copied (structured clone), so ' +
      'mutations are shared',
  });
  wrap.replace(fn as unknown as ExpressionKind);
  awaitWrapperCalls(
    input,
    calls,
    targets,
    id,
    `awaits the function makeSynchronous ran in a worker (at ${input.context.placeOf(id)})`,
  );
  input.refs.touch('make-synchronous');
  return true;
}

export function unwrapWorkerRunners(input: StepInput): boolean {
  const { j, root, refs } = input;
  if (!refs.uses('make-synchronous') && !refs.uses('synckit') && !refs.uses('sync-rpc')) return false;
  let changed = false;
  findNodes(root, j.CallExpression).forEach((call) => {
    const callee = call.get('callee') as ASTPath;
    if (refs.isMember(callee, 'make-synchronous', 'default')) {
      if (unwrapMakeSynchronous(input, call)) changed = true;
    } else if (refs.isMember(callee, 'synckit', 'createSyncFn')) {
      if (unwrapSynckitCall(input, call)) changed = true;
    } else if (refs.isMember(callee, 'sync-rpc', 'default')) reportSyncRpc(input, call);
  });
  return changed;
}
