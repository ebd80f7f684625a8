import type { ts } from 'ts-morph';
import type { Diagnostic } from '../../core/diagnostic';
import type { CallIndex } from '../call-index';
import { createDiagnostic } from '../diagnostics';
import { getLocation, getNamePath, type FunctionEntity } from '../syntax';

/** `x.m()` with x of unknown type, where a method `m` became async: the user has to look. */
export function findUnresolvedCallDiagnostics(index: CallIndex, entities: FunctionEntity[]): Diagnostic[] {
  const seen = new Set<ts.CallExpression>();
  const diagnostics: Diagnostic[] = [];
  for (const entity of entities) {
    for (const call of index.findUnresolvedCallsNamedLike(entity)) {
      if (seen.has(call)) continue;
      seen.add(call);
      const callee = call.expression as ts.PropertyAccessExpression;
      const message =
        `\`${callee.getText()}(…)\` may call ${getNamePath(entity) ?? callee.name.text}, which is now async, ` +
        `but the type of \`${callee.expression.getText()}\` is unknown (add a JSDoc or TypeScript type, or await ` +
        'it by hand if it does)';
      diagnostics.push(createDiagnostic('ASYNC_UNRESOLVED_CALL', message, getLocation(call)));
    }
  }
  return diagnostics;
}
