/**
 * Step: deasync-wrapped functions and deasync.sleep become awaits.
 *   const read = deasync(fs.readFile); const text = read(p, 'utf8')
 *     →  const read = promisify(fs.readFile); const text = await read(p, 'utf8')
 *   deasync.sleep(100)  →  await setTimeout(100)   (node:timers/promises)
 * deasync(fn) keeps the callback's second argument and throws a truthy first one, which is what
 * util.promisify does — except for functions with a custom promisified form (exec, dns.lookup, …),
 * which are refused. A wrapped function that escapes (exported, passed on) is left as it was.
 */
import type { ASTPath } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { buildAwait } from '../shared/build-await';
import { ensureNamedImports, findModuleBindings } from '../shared/modules';
import { findAwaitSite, prepareAwaitSite } from '../shared/await-site';
import { buildPromisifyCallee } from './promisify';
import type { StepInput } from './step';
import { awaitWrapperCalls, findWrapperCalls, getWrapperTargets } from './wrapper-calls';

import { findNodes } from '../../source/tree-walk';

// Node functions whose util.promisify form resolves to something other than the callback's 2nd argument.
const customPromisified = new Set(['lookup', 'lookupService', 'exists', 'setTimeout', 'setImmediate', 'setInterval']);
// child_process: deasync keeps stdout (the 2nd argument); promisify resolves { stdout, stderr }.
const resolvesStdout = new Set(['exec', 'execFile']);

interface CallNode {
  type: string;
  callee: { type: string; name?: string; property?: { name?: string } };
  arguments: ExpressionKind[];
}

function getFunctionName(fn: ExpressionKind | undefined): string | null {
  const node = fn as unknown as CallNode['callee'] | undefined;
  if (!node) return null;
  if (node.type === 'Identifier') return node.name ?? null;
  if (node.type === 'MemberExpression') return node.property?.name ?? null;
  return null;
}

/** `deasync(fn)` bound to a variable (every use a call) or called on the spot. */
function unwrapWrappedFunction(input: StepInput, wrap: ASTPath): boolean {
  const { j, context } = input;
  const node = wrap.node as unknown as CallNode;
  const fn = node.arguments[0];
  const name = getFunctionName(fn);
  const id = context.conversionId(wrap);
  if (!fn || context.isSkipped(id)) return false;
  if (name && customPromisified.has(name)) {
    context.report({
      code: 'DEASYNC_UNKNOWN_SIGNATURE',
      node: wrap,
      message:
        `deasync(${name}) keeps only the callback's second argument, but util.promisify(${name}) resolves ` +
        `differently; convert it by hand`,
    });
    return false;
  }
  const calls = findWrapperCalls(input, wrap, 'this deasync-wrapped function', 'DEASYNC_ESCAPES');
  const targets = calls && getWrapperTargets(input, calls, 'a deasync-wrapped call');
  if (!calls || !targets) return false;
  const promisified = j.callExpression(buildPromisifyCallee(input), [fn]);
  wrap.replace(promisified);
  const reason = `awaits a promisified ${name ?? 'function'} (deasync at ${input.context.placeOf(id)})`;
  awaitWrapperCalls(input, calls, targets, id, reason, name && resolvesStdout.has(name) ? 'stdout' : undefined);
  input.refs.touch('deasync');
  return true;
}

/**
 * Names the converted sleeps' callee: an existing `setTimeout` import from node:timers/promises, else a
 * new one — `setTimeout as sleep` when the file also uses the global setTimeout.
 */
export function importSleep(input: StepInput): boolean {
  if (input.sleepCallees.length === 0) return false;
  const { j, root, context } = input;
  const existing = findModuleBindings(j, root, 'node:timers/promises').concat(
    findModuleBindings(j, root, 'timers/promises'),
  );
  let local = existing.find((b) => b.imported === 'setTimeout')?.local;
  if (!local) {
    const globalInUse = findNodes(root, j.Identifier, { name: 'setTimeout' }).size() > 0;
    const preferred: Record<string, string> = globalInUse ? { setTimeout: 'sleep' } : {};
    local = ensureNamedImports(j, root, 'node:timers/promises', ['setTimeout'], context.isModule, preferred).setTimeout;
  }
  for (const callee of input.sleepCallees) callee.name = local;
  return true;
}

function unwrapSleep(input: StepInput, call: ASTPath): boolean {
  const { j, context } = input;
  const id = context.conversionId(call);
  if (context.isSkipped(id)) return false;
  const target = findAwaitSite(call, context, 'deasync.sleep');
  if (!target) return false;
  const args = (call.node as unknown as CallNode).arguments;
  const callee = j.identifier('__awaitifySleep__');
  input.sleepCallees.push(callee);
  call.replace(buildAwait(j, j.callExpression(callee, args)));
  prepareAwaitSite(
    context,
    target,
    `awaits setTimeout from node:timers/promises (deasync.sleep at ${input.context.placeOf(id)})`,
    id,
    input.madeAsync,
  );
  input.refs.touch('deasync');
  return true;
}

export function unwrapDeasyncCalls(input: StepInput): boolean {
  if (!input.refs.uses('deasync')) return false;
  const { j, root, refs } = input;
  const wraps: ASTPath[] = [];
  const sleeps: ASTPath[] = [];
  findNodes(root, j.CallExpression).forEach((call) => {
    const callee = call.get('callee') as ASTPath;
    if (refs.isMember(callee, 'deasync', 'default')) wraps.push(call);
    else if (refs.isMember(callee, 'deasync', 'sleep')) sleeps.push(call);
  });
  let changed = false;
  for (const wrap of wraps) if (unwrapWrappedFunction(input, wrap)) changed = true;
  for (const sleep of sleeps) if (unwrapSleep(input, sleep)) changed = true;
  return changed;
}
