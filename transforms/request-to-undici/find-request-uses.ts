/**
 * The uses of request, request-promise and request-promise-native in a file, however they were brought
 * in (`const request = require('request')`, `import * as rp from 'request-promise'`, `import r = require(…)`,
 * `require('request')(…)`), sorted into what the transform converts:
 *   request(uri, options, callback)  request.post(…)     rp(options)  rp.get(uri)
 *   this.request = options.request || request   (the module passed on as a value)
 * and what it reports: `request.defaults(…)`, `request.jar()`, other members, type-only names.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findModuleUses } from '../shared/modules';
import { findReferences, isWriteReference } from '../shared/references';

import { findNodes } from '../../source/tree-walk';

export type RequestLibrary = 'request' | 'request-promise' | 'request-promise-native';

export const requestLibraries: readonly RequestLibrary[] = ['request', 'request-promise', 'request-promise-native'];

/** request's method shortcuts and the method each sends (`del` is DELETE). */
export const verbs: Readonly<Record<string, string>> = {
  get: 'GET',
  head: 'HEAD',
  options: 'OPTIONS',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  del: 'DELETE',
  delete: 'DELETE',
};

export type RequestUse =
  /**
   * `request(…)` or `request.post(…)`; `method` is the shortcut's method; `wrapper` names the
   * `request.defaults(…)` wrapper called instead of the module.
   */
  | { kind: 'call'; library: RequestLibrary; call: ASTPath; method: string | null; wrapper?: string }
  /** `const api = request.defaults(options)`, whose every use is a call (`api(…)`, `api.get(…)`). */
  | { kind: 'defaults'; library: RequestLibrary; ref: ASTPath; declarator: ASTPath; options: ASTNode | null }
  /** The module itself used as a value (assigned, passed, returned). */
  | { kind: 'value'; library: RequestLibrary; ref: ASTPath }
  /** A name used only in type positions (TypeScript): left as it is. */
  | { kind: 'type'; library: RequestLibrary; ref: ASTPath }
  /** Anything else: `request.defaults(…)`, `request.jar()`, `request.cookie`, … */
  | { kind: 'other'; library: RequestLibrary; ref: ASTPath; member: string | null };

function isTypePosition(path: ASTPath): boolean {
  let current: ASTPath | null = path.parent as ASTPath | null;
  while (current) {
    const type = current.node.type as string;
    if (type.startsWith('TS') && type !== 'TSAsExpression' && type !== 'TSNonNullExpression') {
      return !['TSImportEqualsDeclaration', 'TSExternalModuleReference'].includes(type);
    }
    if (!/Expression$|Identifier/.test(type) || type.endsWith('Statement')) return false;
    current = current.parent as ASTPath | null;
  }
  return false;
}

function getMember(path: ASTPath): { name: string; member: ASTPath } | null {
  const parent = path.parent as ASTPath | null;
  const node = parent?.node as
    { type: string; object?: unknown; computed?: boolean; property?: { type: string; name?: string } } | undefined;
  if (node?.type !== 'MemberExpression' || node.object !== path.node || node.computed) return null;
  if (node.property?.type !== 'Identifier') return null;
  return { name: node.property.name ?? '', member: parent as ASTPath };
}

function isCallee(path: ASTPath): boolean {
  const parent = path.parent?.node as { type: string; callee?: unknown } | undefined;
  return parent?.type === 'CallExpression' && parent.callee === path.node;
}

/** What one reference to the module (or the inline `require(…)`) is. */
function classify(library: RequestLibrary, ref: ASTPath, viaDefault: boolean): RequestUse {
  if (isTypePosition(ref)) return { kind: 'type', library, ref };
  if (isWriteReference(ref)) return { kind: 'other', library, ref, member: null };
  if (isCallee(ref)) return { kind: 'call', library, call: ref.parent as ASTPath, method: null };
  const member = getMember(ref);
  if (member && viaDefault && member.name === 'default' && isCallee(member.member)) {
    return { kind: 'call', library, call: member.member.parent as ASTPath, method: null };
  }
  if (member && member.name in verbs && isCallee(member.member)) {
    return { kind: 'call', library, call: member.member.parent as ASTPath, method: verbs[member.name] };
  }
  if (member) return { kind: 'other', library, ref, member: member.name };
  return { kind: 'value', library, ref };
}

function findDeclaringIdentifier(j: JSCodeshift, declaration: ASTPath, local: string): ASTPath | null {
  const found = findNodes(j(declaration), j.Identifier, { name: local }).paths();
  return found.length > 0 ? found[found.length - 1] : null;
}

function isInside(path: ASTPath, ancestor: ASTPath): boolean {
  for (let current: ASTPath | null = path; current; current = current.parent as ASTPath | null) {
    if (current.node === ancestor.node) return true;
  }
  return false;
}

export function findRequestUses(j: JSCodeshift, root: Collection): RequestUse[] {
  const uses: RequestUse[] = [];
  const found = findModuleUses(j, root, requestLibraries);
  for (const library of requestLibraries) {
    const seen = new Set<unknown>();
    for (const binding of found.bindings.get(library) ?? []) {
      const declared = findDeclaringIdentifier(j, binding.declaration, binding.local);
      if (!declared || seen.has(declared.node)) continue;
      seen.add(declared.node);
      const refs = findReferences(j, root, declared, binding.local).filter(
        (r) => r.node !== declared.node && !isInside(r, binding.declaration),
      );
      for (const ref of refs) {
        const wrapper = binding.imported === 'default' ? findDefaultsWrapper(j, root, library, ref) : null;
        if (wrapper) uses.push(...wrapper);
        else if (binding.imported === 'default') uses.push(classify(library, ref, true));
        else if (isTypePosition(ref)) uses.push({ kind: 'type', library, ref });
        else uses.push({ kind: 'other', library, ref, member: binding.imported });
      }
    }
    for (const required of found.inlineRequires.get(library) ?? []) {
      if (required.parent?.node.type === 'ExpressionStatement') continue;
      uses.push(classify(library, required, false));
    }
  }
  return uses.sort((a, b) => getStart(a) - getStart(b));
}

/**
 * `const api = request.defaults(options)` whose name is only ever called (`api(…)`, `api.post(…)`; for
 * request-promise also passed on): the wrapper and its calls, or null to report it as another use.
 */
function findDefaultsWrapper(
  j: JSCodeshift,
  root: Collection,
  library: RequestLibrary,
  ref: ASTPath,
): RequestUse[] | null {
  const member = getMember(ref);
  if (member?.name !== 'defaults' || !isCallee(member.member)) return null;
  const call = member.member.parent as ASTPath;
  const args = (call.node as unknown as { arguments: ASTNode[] }).arguments;
  const declarator = call.parent as ASTPath;
  const node = declarator.node as unknown as { type: string; init?: unknown; id: { type: string; name?: string } };
  if (args.length > 1 || node.type !== 'VariableDeclarator' || node.init !== call.node) return null;
  if (node.id.type !== 'Identifier' || (declarator.parent?.node as { kind?: string }).kind !== 'const') return null;
  // an exported wrapper is used elsewhere too (api.get, api.jar …): left for the user
  if (!Array.isArray((declarator.parent as ASTPath).parentPath?.value)) return null;
  const name = node.id.name ?? '';
  const calls: RequestUse[] = [];
  for (const use of findReferences(j, root, declarator, name).filter((r) => r.node !== node.id)) {
    const found = classify(library, use, false);
    if (found.kind === 'call') calls.push({ ...found, wrapper: name });
    else if (found.kind === 'value' && library !== 'request') continue;
    else return null;
  }
  return [{ kind: 'defaults', library, ref, declarator, options: args[0] ?? null }, ...calls];
}

function getStart(use: RequestUse): number {
  const path = use.kind === 'call' ? use.call : use.kind === 'defaults' ? use.declarator : use.ref;
  return (path.node as { start?: number }).start ?? 0;
}

/** Whether the file loads nock (whose versions before 14 do not see undici's requests). */
export function findNockLoad(j: JSCodeshift, root: Collection): ASTPath | null {
  const found = findModuleUses(j, root, ['nock']);
  const binding = found.bindings.get('nock')?.[0];
  return binding?.declaration ?? found.inlineRequires.get('nock')?.[0] ?? null;
}
