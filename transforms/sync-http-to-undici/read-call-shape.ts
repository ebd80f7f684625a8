/**
 * Where an HTTP call's result goes: stored in a variable (`const res = request(…)`), destructured
 * (`const { statusCode, body } = request(…)`), read directly (`request(…).getBody()`), or discarded
 * (`request('POST', u, { json });`). Anything else (returned, passed on) escapes the transform.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findReferences, isNeverReassigned } from '../shared/references';
import { accept, refuse, type Planned } from './refusal';

export type CallShape =
  | { kind: 'stored'; declarator: ASTPath; declaration: ASTPath; name: string; refs: ASTPath[] }
  | { kind: 'destructured'; declarator: ASTPath; declaration: ASTPath }
  | { kind: 'chained'; refs: ASTPath[] }
  | { kind: 'discarded'; statement: ASTPath };

interface DeclaratorNode {
  type: string;
  init?: unknown;
  id: { type: string; name?: string; typeAnnotation?: unknown; properties?: unknown[] };
}

export function readCallShape(
  j: JSCodeshift,
  root: Collection,
  call: ASTPath,
  allowedKeys: ReadonlySet<string>,
  escapeCode: string,
): Planned<CallShape> {
  const parentPath = call.parent as ASTPath;
  const parent = parentPath.node as unknown as DeclaratorNode & { expression?: unknown; object?: unknown };
  if (parent.type === 'VariableDeclarator' && parent.init === call.node) {
    const declaration = parentPath.parent as ASTPath;
    const declarations = (declaration.node as unknown as { declarations: unknown[] }).declarations;
    if (declarations.length !== 1 || typeof declaration.name !== 'number') {
      return refuse(escapeCode, call.node, 'declare the response in a statement of its own, then run again');
    }
    if (parent.id.type === 'Identifier') {
      const name = parent.id.name ?? '';
      if (parent.id.typeAnnotation)
        return refuse(
          escapeCode,
          parentPath.node,
          "the response variable is typed with the old library's type; remove the annotation, then run again",
        );
      if (!isNeverReassigned(j, root, parentPath, name))
        return refuse(escapeCode, parentPath.node, 'the response variable is reassigned');
      const refs = findReferences(j, root, parentPath, name).filter((r) => r.node !== parent.id);
      return accept<CallShape>({ kind: 'stored', declarator: parentPath, declaration, name, refs });
    }
    if (parent.id.type === 'ObjectPattern' && readPatternKeys(parent.id.properties ?? [], allowedKeys)) {
      return accept<CallShape>({ kind: 'destructured', declarator: parentPath, declaration });
    }
    return refuse(
      escapeCode,
      parentPath.node,
      `destructure only ${[...allowedKeys].join(', ')} (without defaults or rest), or keep the response in a variable`,
    );
  }
  if (parent.type === 'ExpressionStatement') return accept<CallShape>({ kind: 'discarded', statement: parentPath });
  if (parent.type === 'MemberExpression' && parent.object === call.node)
    return accept<CallShape>({ kind: 'chained', refs: [call] });
  return refuse(
    escapeCode,
    call.node,
    'the response is returned or passed on, so code the transform cannot see would read it; convert that code ' +
      'together with this call by hand',
  );
}

function readPatternKeys(properties: unknown[], allowedKeys: ReadonlySet<string>): boolean {
  return properties.every((p) => {
    const prop = p as {
      type: string;
      computed?: boolean;
      key?: { type: string; name?: string };
      value?: { type: string };
    };
    return (
      (prop.type === 'ObjectProperty' || prop.type === 'Property') &&
      !prop.computed &&
      prop.key?.type === 'Identifier' &&
      allowedKeys.has(prop.key.name ?? '') &&
      prop.value?.type === 'Identifier'
    );
  });
}
