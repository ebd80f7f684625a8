/**
 * The calls of a function made synchronous by a wrapper (`deasync(fn)`, `makeSynchronous(fn)`):
 *   const read = deasync(fs.readFile); read(a); read(b)        deasync(fs.stat)(file)
 * Each call becomes an await; a wrapped function used as a value cannot have its callers found.
 */
import type { ASTPath } from 'jscodeshift';
import type { ConversionId } from '../../core/async-function';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { buildAwait } from '../shared/build-await';
import { findReferences } from '../shared/references';
import { findAwaitSite, prepareAwaitSite, type AwaitSite } from '../shared/await-site';
import { guardStatementStart } from './asi-guard';
import type { StepInput } from './step';

interface ParentNode {
  type: string;
  id?: { type: string; name?: string };
  callee?: unknown;
}

/** The calls of the wrapper's result, or null (reported with `escapeCode`) when some use is not a call. */
export function findWrapperCalls(input: StepInput, wrap: ASTPath, what: string, escapeCode: string): ASTPath[] | null {
  const { j, context } = input;
  const parent = wrap.parent as ASTPath;
  const parentNode = parent.node as unknown as ParentNode;
  if (parentNode.type === 'CallExpression' && parentNode.callee === wrap.node) return [parent];
  if (parentNode.type !== 'VariableDeclarator' || parentNode.id?.type !== 'Identifier') {
    context.report({
      code: escapeCode,
      node: wrap,
      message: `${what} is stored where its callers cannot be found (a property or export); convert it by hand`,
    });
    return null;
  }
  const refs = findReferences(j, input.root, parent, String(parentNode.id.name)).filter(
    (r) => r.node !== parentNode.id,
  );
  const escape = refs.find((r) => (r.parent?.node as ParentNode).callee !== r.node);
  if (escape) {
    context.report({
      code: escapeCode,
      node: escape,
      message:
        `${what} is used as a value (passed, exported or reassigned), so its callers cannot be found; ` +
        `convert it by hand`,
    });
    return null;
  }
  return refs.map((r) => r.parent as ASTPath);
}

/** Await targets for every call, or null (already reported) when one of them cannot await. */
export function getWrapperTargets(input: StepInput, calls: ASTPath[], what: string): AwaitSite[] | null {
  const targets = calls.map((call) => findAwaitSite(call, input.context, what));
  return targets.every((t): t is AwaitSite => t !== null) ? targets : null;
}

/** Awaits each call; `property` reads one field of the awaited value (`(await run(cmd)).stdout`). */
export function awaitWrapperCalls(
  input: StepInput,
  calls: ASTPath[],
  targets: AwaitSite[],
  id: ConversionId,
  reason: string,
  property?: string,
): void {
  const { j } = input;
  calls.forEach((call, i) => {
    const awaited = buildAwait(j, call.node as unknown as ExpressionKind);
    call.replace(property ? j.memberExpression(j.parenthesizedExpression(awaited), j.identifier(property)) : awaited);
    if (property) guardStatementStart(j, call);
    prepareAwaitSite(input.context, targets[i], reason, id, input.madeAsync);
  });
}
