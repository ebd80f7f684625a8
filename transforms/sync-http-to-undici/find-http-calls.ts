/**
 * The sync-request / sync-fetch calls of a file, however the module was brought in:
 *   const request = require('sync-request'); request('GET', u)      import * as r from 'sync-request'; r.default(…)
 *   import fetch from 'sync-fetch'; fetch(u)                        require('sync-request')('GET', u)
 * Other uses of the module (`fetch.Headers`, passing `request` as a value) are returned separately.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findModuleUses } from '../shared/modules';
import { findReferences, isTypeReference } from '../shared/references';

import { findNodes } from '../../source/tree-walk';

export type HttpLibrary = 'sync-request' | 'sync-fetch';

export const httpLibraries: readonly HttpLibrary[] = ['sync-request', 'sync-fetch'];

export interface HttpCall {
  library: HttpLibrary;
  call: ASTPath;
}

export interface HttpUses {
  calls: HttpCall[];
  /** Uses of the module that are not calls of its main function. */
  otherUses: { library: HttpLibrary; path: ASTPath }[];
  /** Uses as a type (`request.HttpVerb`, `typeof fetch`): they do not stop a conversion. */
  typeUses: { library: HttpLibrary; path: ASTPath }[];
}

/** The call whose callee is `path` (`request(…)`, or `request.default(…)` when `viaDefault`). */
function getCallOf(path: ASTPath, viaDefault: boolean): ASTPath | null {
  const parent = path.parent as ASTPath | null;
  const node = parent?.node as
    | {
        type: string;
        callee?: unknown;
        object?: unknown;
        computed?: boolean;
        property?: { type: string; name?: string };
      }
    | undefined;
  if (node?.type === 'CallExpression' && node.callee === path.node) return parent;
  if (
    viaDefault &&
    node?.type === 'MemberExpression' &&
    node.object === path.node &&
    !node.computed &&
    node.property?.name === 'default'
  ) {
    return getCallOf(parent as ASTPath, false);
  }
  return null;
}

export function findHttpCalls(j: JSCodeshift, root: Collection): HttpUses {
  const uses: HttpUses = { calls: [], otherUses: [], typeUses: [] };
  const found = findModuleUses(j, root, httpLibraries);
  for (const library of httpLibraries) {
    for (const binding of found.bindings.get(library) ?? []) {
      const declared = findDeclaringIdentifier(j, binding.declaration, binding.local);
      const refs = declared
        ? findReferences(j, root, declared, binding.local).filter((r) => r.node !== declared.node)
        : [];
      for (const ref of refs) {
        if (isInsideDeclaration(ref, binding.declaration)) continue;
        if (isTypeReference(ref)) {
          uses.typeUses.push({ library, path: ref });
          continue;
        }
        const call = binding.imported === 'default' ? getCallOf(ref, true) : null;
        if (call) uses.calls.push({ library, call });
        else uses.otherUses.push({ library, path: ref });
      }
    }
    for (const required of found.inlineRequires.get(library) ?? []) {
      const call = getCallOf(required, false);
      if (call) uses.calls.push({ library, call });
      else if (required.parent?.node.type !== 'ExpressionStatement') uses.otherUses.push({ library, path: required });
    }
  }
  uses.calls.sort((a, b) => getStart(a.call) - getStart(b.call));
  return uses;
}

function getStart(path: ASTPath): number {
  return (path.node as { start?: number }).start ?? 0;
}

function findDeclaringIdentifier(j: JSCodeshift, declaration: ASTPath, local: string): ASTPath | null {
  const found = findNodes(j(declaration), j.Identifier, { name: local }).paths();
  return found.length > 0 ? found[found.length - 1] : null;
}

function isInsideDeclaration(path: ASTPath, declaration: ASTPath): boolean {
  let current: ASTPath | null = path;
  while (current) {
    if (current.node === declaration.node) return true;
    current = current.parent as ASTPath | null;
  }
  return false;
}
