/**
 * A note where a migration changes concurrency without changing the code's shape:
 *
 *   await Promise.all(keys.map(async (k) => lookup(k) + '!'))     (lookup blocked: one after another)
 *   await Promise.all(keys.map(async (k) => (await lookup(k)) + '!'))   (now: all lookups at once)
 *
 * While `lookup` blocked, each callback ran to its end before the next started; awaited, they
 * interleave. That is usually what `Promise.all` was written for, but side effects change order.
 */
import type { Diagnostic } from '../core/diagnostic';
import { createDiagnostic } from './diagnostics';
import { ts } from 'ts-morph';
import { classifyUse } from './call-use';
import { getContainer, getLocation, isAsyncFunction, isFunctionWithBody, skipOuterExpressions } from './syntax';

/**
 * One info diagnostic per `map` callback whose promises go to Promise.all and that now waits: one that
 * was async and now awaits a call (`awaitedCalls`), or one made async (`madeAsync`).
 */
export function findConcurrencyNotes(awaitedCalls: ts.CallExpression[], madeAsync: ts.Node[]): Diagnostic[] {
  const noted = new Set<ts.Node>();
  const notes: Diagnostic[] = [];
  const note = (fn: ts.Node, at: ts.Node, what: string): void => {
    if (noted.has(fn) || !isFunctionWithBody(fn)) return;
    const outer = skipOuterExpressions(fn);
    const host = outer.parent;
    if (!ts.isCallExpression(host) || host.arguments[0] !== outer || !ts.isPropertyAccessExpression(host.expression))
      return;
    if (host.expression.name.text !== 'map' || classifyUse(host) !== 'promise') return;
    noted.add(fn);
    const map = `\`${host.expression.getText()}\``;
    const message =
      `${what.replace('$map', map)}: while the call blocked, each callback ran to its end before the next began; ` +
      `now they ` +
      'interleave, so their side effects can happen in another order (use a for…of loop if the order matters)';
    notes.push(createDiagnostic('ASYNC_NOW_CONCURRENT', message, getLocation(at)));
  };
  for (const call of awaitedCalls) {
    const fn = getContainer(call);
    if (isAsyncFunction(fn))
      note(
        fn,
        call,
        `\`${call.expression.getText()}(…)\` is now awaited in a callback of $map whose promises go to Promise.all ` +
          `together`,
      );
  }
  for (const fn of madeAsync)
    note(fn, fn, 'this callback of $map now returns a promise, and Promise.all runs them together');
  return notes;
}
