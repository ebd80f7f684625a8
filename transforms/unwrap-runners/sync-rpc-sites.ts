/**
 * sync-rpc runs a worker module in another process and blocks on each message. awaitify cannot move
 * the worker in-process for the user (it may rely on being a separate process), so it says where the
 * client is made, how to make it in-process, and every call that blocks on it:
 *   this._client = rpc(__dirname + '/worker.js', config)    SYNC_RPC_WORKER (a constructor: what to restructure)
 *   return this._client({ type: 'query', str })             SYNC_RPC_CALL at each call of the client
 */
import type { ASTPath } from 'jscodeshift';
import { findNodes } from '../../source/tree-walk';
import type { StepInput } from './step';

interface Node {
  type: string;
  name?: string;
  object?: Node;
  property?: Node;
  computed?: boolean;
  kind?: string;
  left?: Node;
  id?: Node;
}

/** Where the client goes: `const client = rpc(…)` → 'client', `this._client = rpc(…)` → 'this._client'. */
function getClientTarget(call: ASTPath): { key: string; written: string } | null {
  const parent = call.parent?.node as Node | undefined;
  const target =
    parent?.type === 'VariableDeclarator' ? parent.id : parent?.type === 'AssignmentExpression' ? parent.left : null;
  if (target?.type === 'Identifier') return { key: target.name ?? '', written: target.name ?? '' };
  if (target?.type === 'MemberExpression' && !target.computed && target.object?.type === 'ThisExpression') {
    const name = target.property?.name ?? '';
    return { key: `this.${name}`, written: `this.${name}` };
  }
  return null;
}

function getCalleeKey(callee: Node): string | null {
  if (callee.type === 'Identifier') return callee.name ?? null;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object?.type === 'ThisExpression')
    return `this.${callee.property?.name ?? ''}`;
  return null;
}

function isInConstructor(path: ASTPath): boolean {
  for (let p = path.parent as ASTPath | null; p; p = p.parent as ASTPath | null) {
    const node = p.node as Node;
    if (node.type === 'ClassMethod' || node.type === 'MethodDefinition') return node.kind === 'constructor';
    if (/Function/.test(node.type) && node.type !== 'ArrowFunctionExpression') return false;
  }
  return false;
}

export function reportSyncRpc(input: StepInput, call: ASTPath): void {
  const { context, j, root } = input;
  const inConstructor = isInConstructor(call);
  const target = getClientTarget(call);
  const inProcess =
    'sync-rpc runs its worker module in another process and blocks on every message. To stop blocking, ' +
    'call the worker in this process (`const client = require(worker)(init)`, then `await client(message)`; ' +
    'values are no longer JSON-copied and errors keep their class)';
  context.report({
    code: 'SYNC_RPC_WORKER',
    node: call,
    message: inConstructor
      ? `${inProcess}. A constructor cannot await: make the client in an async factory ` +
        '(`static async create(config)` that builds the object, then sets the client) or in the first async ' +
        'method that needs it'
      : inProcess,
  });
  if (!target) return;
  findNodes(root, j.CallExpression).forEach((site) => {
    if (site.node === call.node || getCalleeKey(site.node.callee as unknown as Node) !== target.key) return;
    context.report({
      code: 'SYNC_RPC_CALL',
      node: site,
      message:
        `this call blocks until the sync-rpc worker answers; once ${target.written} is made in-process ` +
        '(see SYNC_RPC_WORKER), await it',
    });
  });
}
