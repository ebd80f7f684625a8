/**
 * How a sync-request response is used, each use mapped to its undici form, or a refusal when the
 * response escapes (returned, passed on, an unknown member). `ref` is an identifier referring to the
 * stored response, or the call itself for a chained use (`request(…).getBody('utf8')`).
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import { findHoistTarget, type HoistTarget } from '../shared/evaluation-order';
import { isWriteReference } from '../shared/references';
import { accept, refuse, type Planned } from './refusal';
import { readStringLiteral } from './static-values';

export type ResponseUse =
  /** `res.statusCode`, `res.headers…`: the same on the undici response. */
  | { kind: 'keep' }
  /** `res.body` → the buffered body. */
  | { kind: 'body'; member: ASTPath }
  /** `res.getBody(enc?)` → status check before `target`, then the body (as text for an encoding). */
  | { kind: 'getBody'; call: ASTPath; encoding: string | null; target: HoistTarget }
  /** `res.url` → the requested URL. */
  | { kind: 'url'; member: ASTPath }
  /** `res.isError()` → `res.statusCode >= 400`. */
  | { kind: 'isError'; call: ASTPath };

export interface ResponseUses {
  uses: ResponseUse[];
  /** Header reads whose value shape differs between the libraries (info diagnostics). */
  headerShape: ASTNode[];
}

const bufferEncodings = new Set([
  'utf8',
  'utf-8',
  'ascii',
  'latin1',
  'binary',
  'base64',
  'base64url',
  'hex',
  'ucs2',
  'ucs-2',
  'utf16le',
  'utf-16le',
]);

export function readResponseUses(refs: ASTPath[]): Planned<ResponseUses> {
  const result: ResponseUses = { uses: [], headerShape: [] };
  for (const ref of refs) {
    const use = readResponseUse(ref, result.headerShape);
    if (!use.ok) return use;
    result.uses.push(use.value);
  }
  return accept(result);
}

function escapes(ref: ASTPath, what: string): Planned<ResponseUse> {
  return refuse(
    'SYNCREQ_RESPONSE_ESCAPES',
    ref.node,
    `the response is ${what}; convert this call by hand (or let the code that receives the response await it)`,
  );
}

function readResponseUse(ref: ASTPath, headerShape: ASTNode[]): Planned<ResponseUse> {
  const memberPath = ref.parent as ASTPath;
  const member = memberPath?.node as unknown as {
    type: string;
    object: unknown;
    property: { type: string; name?: string };
    computed: boolean;
  };
  if (!member || member.type !== 'MemberExpression' || member.object !== ref.node)
    return escapes(ref, 'used as a value');
  if (member.computed || member.property.type !== 'Identifier') return escapes(ref, 'read with a computed member');
  const name = member.property.name ?? '';
  const outer = memberPath.parent as ASTPath;
  const isCall =
    outer.node.type === 'CallExpression' && (outer.node as unknown as { callee: unknown }).callee === member;
  if (
    isWriteReference(memberPath) ||
    (outer.node.type === 'AssignmentExpression' && (outer.node as unknown as { left: unknown }).left === member)
  ) {
    return escapes(ref, `written to (\`.${name} = …\`)`);
  }
  switch (name) {
    case 'statusCode':
      return accept<ResponseUse>({ kind: 'keep' });
    case 'headers':
      if (!isLiteralHeaderRead(outer, member) || isSetCookieRead(outer)) headerShape.push(memberPath.node);
      return accept<ResponseUse>({ kind: 'keep' });
    case 'body':
      return accept<ResponseUse>({ kind: 'body', member: memberPath });
    case 'url':
      return accept<ResponseUse>({ kind: 'url', member: memberPath });
    case 'isError':
      if (!isCall || (outer.node as unknown as { arguments: unknown[] }).arguments.length > 0)
        return escapes(ref, 'passed on as `isError`');
      return accept<ResponseUse>({ kind: 'isError', call: outer });
    case 'getBody':
      return readGetBody(ref, outer, isCall);
    default:
      return escapes(ref, `read for \`.${name}\`, which the transform does not map`);
  }
}

function readGetBody(ref: ASTPath, call: ASTPath, isCall: boolean): Planned<ResponseUse> {
  const args = isCall ? (call.node as unknown as { arguments: ASTNode[] }).arguments : null;
  if (!args || args.length > 1) return escapes(ref, 'passed on as `getBody`');
  const encoding = args.length === 1 ? readStringLiteral(args[0]) : null;
  if (args.length === 1 && (encoding === null || !bufferEncodings.has(encoding.toLowerCase()))) {
    return escapes(ref, 'read with getBody(<an encoding the transform cannot read>)');
  }
  const target = findHoistTarget(call);
  if (!target) {
    return refuse(
      'SYNCREQ_GETBODY_POSITION',
      call.node,
      'getBody() runs conditionally or after another call in this statement; move it into a statement of its own, ' +
        'then run again',
    );
  }
  return accept<ResponseUse>({ kind: 'getBody', call, encoding, target });
}

function isLiteralHeaderRead(outer: ASTPath, headers: unknown): boolean {
  const node = outer.node as unknown as { type: string; object?: unknown; computed?: boolean; property?: ASTNode };
  if (node.type !== 'MemberExpression' || node.object !== headers) return false;
  return !node.computed || readStringLiteral(node.property) !== null;
}

function isSetCookieRead(outer: ASTPath): boolean {
  const node = outer.node as unknown as { computed?: boolean; property?: ASTNode & { name?: string } };
  const name = node.computed ? readStringLiteral(node.property) : node.property?.name;
  return (name ?? '').toLowerCase() === 'set-cookie';
}
