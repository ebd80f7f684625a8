/**
 * Where a Bluebird.coroutine's promise is used with Bluebird-only methods, which a native promise from
 * an async function does not have:  const f = Promise.coroutine(function* …); f(x).spread(…)
 */
import type { ASTPath } from 'jscodeshift';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

const bluebirdOnlyMethods = new Set([
  'spread',
  'tap',
  'tapCatch',
  'map',
  'mapSeries',
  'filter',
  'reduce',
  'each',
  'asCallback',
  'nodeify',
  'timeout',
  'delay',
  'cancel',
  'isFulfilled',
  'isRejected',
  'isPending',
  'isCancelled',
  'value',
  'reason',
  'return',
  'thenReturn',
  'throw',
  'thenThrow',
  'catchReturn',
  'catchThrow',
  'reflect',
  'get',
  'call',
  'props',
  'all',
  'any',
  'some',
  'race',
  'error',
  'done',
  'disposer',
  'lastly',
  'caught',
  'bind',
  'suppressUnhandledRejections',
]);

interface Node {
  type: string;
  id?: Node;
  name?: string;
  left?: Node;
  key?: Node;
  property?: Node;
  object?: Node;
  callee?: Node;
  computed?: boolean;
  arguments?: Node[];
}

/** How the wrapped function is reached: a variable, a property name, or the call itself. */
function getCallee(site: ASTPath): { variable?: string; property?: string; direct?: ASTPath } {
  const parent = site.parent?.node as Node;
  if (parent.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return { variable: parent.id.name };
  if (parent.type === 'AssignmentExpression' && parent.left?.type === 'MemberExpression' && !parent.left.computed) {
    return { property: parent.left.property?.name };
  }
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && !parent.computed)
    return { property: parent.key?.name };
  if (parent.type === 'CallExpression' && parent.callee === site.node) return { direct: site.parent as ASTPath };
  return {};
}

function isCallOf(call: Node, target: { variable?: string; property?: string }): boolean {
  const callee = call.callee;
  if (!callee) return false;
  if (target.variable) return callee.type === 'Identifier' && callee.name === target.variable;
  return (
    Boolean(target.property) &&
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property?.name === target.property
  );
}

const chainingMethods = new Set(['then', 'catch', 'finally']);

/** The method name when `call`'s result (or a `.then()` chained on it) gets a Bluebird-only method. */
function getBluebirdOnlyUse(start: ASTPath): string | null {
  for (let call = start; ;) {
    const direct = getDirectBluebirdUse(call);
    if (direct) return direct;
    const member = call.parent?.node as Node;
    const invocation = call.parent?.parent as ASTPath | undefined;
    const chained =
      member?.type === 'MemberExpression' &&
      member.object === call.node &&
      chainingMethods.has(member.property?.name ?? '');
    if (!chained || !invocation || (invocation.node as unknown as Node).callee !== member) return null;
    call = invocation;
  }
}

function getDirectBluebirdUse(call: ASTPath): string | null {
  const parent = call.parent?.node as Node;
  if (parent?.type !== 'MemberExpression' || parent.object !== call.node || parent.computed) return null;
  const name = parent.property?.name ?? '';
  if (bluebirdOnlyMethods.has(name)) return name;
  const invocation = call.parent?.parent?.node as Node;
  if (name === 'catch' && invocation?.type === 'CallExpression' && (invocation.arguments?.length ?? 0) > 1)
    return 'catch(Class, handler)';
  return null;
}

/** Calls of the coroutine's result that use Bluebird-only methods; empty when a native promise will do. */
export function findBluebirdOnlyUses(input: StepInput, site: ASTPath): { call: ASTPath; method: string }[] {
  const target = getCallee(site);
  const calls: ASTPath[] = [];
  if (target.direct) calls.push(target.direct);
  else if (target.variable || target.property) {
    findNodes(input.root, input.j.CallExpression).forEach((path) => {
      if (isCallOf(path.node as unknown as Node, target)) calls.push(path);
    });
  }
  const uses: { call: ASTPath; method: string }[] = [];
  for (const call of calls) {
    const method = getBluebirdOnlyUse(call);
    if (method) uses.push({ call, method });
  }
  return uses;
}

/** Calls of the coroutine's result whose promise is dropped (`f(x);`): a rejection was only printed. */
export function findDroppedResults(input: StepInput, site: ASTPath): ASTPath[] {
  const target = getCallee(site);
  const calls: ASTPath[] = [];
  if (target.direct) calls.push(target.direct);
  else if (target.variable || target.property) {
    findNodes(input.root, input.j.CallExpression).forEach((path) => {
      if (isCallOf(path.node as unknown as Node, target)) calls.push(path);
    });
  }
  return calls.filter((call) => call.parent?.node.type === 'ExpressionStatement');
}

function isExportTarget(node: Node | undefined): boolean {
  if (node?.type !== 'MemberExpression') return false;
  const object = node.object;
  if (object?.type === 'Identifier') return object.name === 'exports' || object.name === 'module';
  return isExportTarget(object);
}

/**
 * Whether the coroutine's function leaves the file (`exports.f = …`, `module.exports = { f }`,
 * `export const f = …`): callers elsewhere may use Bluebird-only methods this file cannot see.
 */
export function isExported(input: StepInput, site: ASTPath): boolean {
  const parent = site.parent?.node as Node;
  if (parent.type === 'AssignmentExpression') return isExportTarget(parent.left);
  if (parent.type !== 'VariableDeclarator' || parent.id?.type !== 'Identifier') return false;
  if (site.parent?.parent?.parent?.node.type === 'ExportNamedDeclaration') return true;
  const name = parent.id.name;
  const { j, root } = input;
  const inExports = findNodes(root, j.AssignmentExpression).filter((a) =>
    isExportTarget(a.node.left as unknown as Node),
  );
  const named = findNodes(inExports, j.Identifier, { name }).size() > 0;
  const exportSpecifier =
    findNodes(root, j.ExportSpecifier)
      .filter((e) => (e.node.local as unknown as Node | undefined)?.name === name)
      .size() > 0;
  return named || exportSpecifier;
}
