/**
 * How a module is brought into a file, and how to add or drop it, in the file's own module style:
 *   const request = require('sync-request');         import request from 'sync-request';
 *   const { request } = require('undici');           import { request } from 'undici';
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import { isPropertyName } from './function-body';
import { findModuleBindings, findModuleUses, isRequireOf, type ModuleBinding } from './module-lookup';
import { moveHeaderComments, removeStatement } from './statement-comments';

import { findNodes } from '../../source/tree-walk';

export {
  findInlineRequires,
  findModuleBindings,
  findModuleUses,
  type ModuleBinding,
  type ModuleUses,
} from './module-lookup';

/** Whether `name` is still referenced anywhere besides its own declaration. */
export function isBindingUsed(j: JSCodeshift, root: Collection, binding: ModuleBinding): boolean {
  return (
    findNodes(root, j.Identifier, { name: binding.local })
      .filter((path) => {
        const parent = path.parent?.node;
        if (!parent) return true;
        if (
          parent.type === 'ImportSpecifier' ||
          parent.type === 'ImportDefaultSpecifier' ||
          parent.type === 'ImportNamespaceSpecifier'
        )
          return false;
        if (
          (parent.type === 'VariableDeclarator' || parent.type === 'TSImportEqualsDeclaration') &&
          parent.id === path.node
        )
          return false;
        // const { request } = require('x'): the names in the pattern declare, they do not use
        if (
          (parent.type === 'ObjectProperty' || parent.type === 'Property') &&
          path.parent?.parent?.node.type === 'ObjectPattern'
        ) {
          const declarator = path.parent.parent.parent?.node;
          if (declarator?.type === 'VariableDeclarator' && declarator.id === path.parent.parent.node) return false;
        }
        if (
          (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') &&
          parent.property === path.node &&
          !parent.computed
        )
          return false;
        if (
          (parent.type === 'ObjectProperty' || parent.type === 'Property') &&
          parent.key === path.node &&
          !parent.shorthand &&
          !parent.computed
        )
          return false;
        // a method or class field named like the binding (`request(method, …) { … }`) does not use it
        if (isPropertyName(path)) return false;
        return true;
      })
      .size() > 0
  );
}

/** Removes the declarations of `source` whose bindings are all unused. Returns true if any was removed. */
export function removeUnusedModule(j: JSCodeshift, root: Collection, source: string): boolean {
  const bindings = findModuleBindings(j, root, source);
  const declarations = new Set(bindings.map((b) => b.declaration));
  let removed = false;
  for (const declaration of declarations) {
    const own = bindings.filter((b) => b.declaration === declaration);
    if (own.some((b) => isBindingUsed(j, root, b))) continue;
    const node = declaration.node as { type: string; declarations?: unknown[] };
    if (node.type === 'VariableDeclaration' && (node.declarations?.length ?? 0) > 1) {
      node.declarations = (node.declarations ?? []).filter(
        (d) => !isRequireOf(j, (d as { init?: unknown }).init, source),
      );
    } else {
      removeStatement(declaration);
    }
    removed = true;
  }
  return removed;
}

/** A value import of `source` with named specifiers only (`import { a } from 'x'`), to add names to. */
function findNamedImportOf(body: unknown[], source: string): { specifiers: unknown[] } | null {
  for (const statement of body) {
    const node = statement as {
      type: string;
      importKind?: string;
      source?: { value?: unknown };
      specifiers?: { type: string }[];
    };
    if (node.type !== 'ImportDeclaration' || node.source?.value !== source || node.importKind === 'type') continue;
    const specifiers = node.specifiers ?? [];
    if (specifiers.length > 0 && specifiers.every((spec) => spec.type === 'ImportSpecifier'))
      return node as { specifiers: unknown[] };
  }
  return null;
}

/**
 * Ensures `names` are imported from `source` in the file's style and returns the local name of each
 * (an existing import is reused; a clash with another binding gets a fresh local name). `preferredLocals`
 * names the local to use instead of the imported name (`{ setTimeout: 'sleep' }` → `setTimeout as sleep`).
 */
export function ensureNamedImports(
  j: JSCodeshift,
  root: Collection,
  source: string,
  names: readonly string[],
  isModule: boolean,
  preferredLocals: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const existing = findModuleBindings(j, root, source);
  const locals: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const found = existing.find((b) => b.imported === name);
    if (found) locals[name] = found.local;
    else missing.push(name);
  }
  if (missing.length === 0) return locals;
  // the names are picked against the file as it is now: nothing is added until all are chosen
  const used = collectIdentifierNames(j, root);
  for (const name of missing) locals[name] = pickUnusedName(used, preferredLocals[name] ?? name);
  const body = root.get().node.program.body as unknown[];
  if (isModule) {
    const specifiers = missing.map((name) =>
      j.importSpecifier(j.identifier(name), locals[name] === name ? null : j.identifier(locals[name])),
    );
    const named = findNamedImportOf(body, source);
    if (named) named.specifiers.push(...specifiers);
    else insertAfterImports(body, j.importDeclaration(specifiers, j.stringLiteral(source)));
  } else {
    const pattern = buildOneLineObjectPattern(
      j,
      missing.map((name) => (locals[name] === name ? name : `${name}: ${locals[name]}`)),
    );
    const declaration = j.variableDeclaration('const', [
      j.variableDeclarator(pattern, j.callExpression(j.identifier('require'), [j.stringLiteral(source)])),
    ]);
    insertAfterImports(body, declaration);
  }
  return locals;
}

/**
 * `{ a, b: c }` parsed from text: recast prints a pattern built node by node over several lines
 * (`{\n  a\n}`), but reuses the source text of a parsed one.
 */
function buildOneLineObjectPattern(j: JSCodeshift, properties: string[]) {
  return findNodes(j(`const { ${properties.join(', ')} } = 0;`), j.ObjectPattern).get().node;
}

/** After the directives ('use strict') and the existing imports/requires at the top of the file. */
export function getImportInsertIndex(body: unknown[]): number {
  let index = 0;
  while (index < body.length) {
    const node = body[index] as {
      type: string;
      directive?: string;
      expression?: { type: string };
      declarations?: { init?: unknown }[];
    };
    const isDirective = node.type === 'ExpressionStatement' && node.directive !== undefined;
    const isImport = node.type === 'ImportDeclaration' || node.type === 'TSImportEqualsDeclaration';
    const isRequire =
      node.type === 'VariableDeclaration' &&
      (node.declarations ?? []).some((d) => {
        const init = d.init as { type?: string; callee?: { name?: string } } | undefined;
        return init?.type === 'CallExpression' && init.callee?.name === 'require';
      });
    if (!isDirective && !isImport && !isRequire) break;
    index += 1;
  }
  return index;
}

/**
 * Inserts a statement after the file's directives and imports. At the very top it goes below the file's
 * header comments (those a blank line sets apart from the first statement), not above them.
 */
export function insertAfterImports(body: unknown[], statement: unknown): void {
  const index = getImportInsertIndex(body);
  if (index === 0 && body.length > 0) moveHeaderComments(body[0], statement);
  body.splice(index, 0, statement);
}

/** `base`, or `base2`, `base3`, … — the first name no identifier in the file uses. */
export function getUniqueName(j: JSCodeshift, root: Collection, base: string): string {
  return pickUnusedName(collectIdentifierNames(j, root), base);
}

function collectIdentifierNames(j: JSCodeshift, root: Collection): Set<string> {
  const used = new Set<string>();
  findNodes(root, j.Identifier).forEach((path) => {
    used.add(String(path.node.name));
  });
  return used;
}

function pickUnusedName(used: ReadonlySet<string>, base: string): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

/**
 * Ensures the whole module `source` is bound to a local name and returns it: `const qs = require('qs')`
 * in CommonJS, `import qs from 'qs'` in JavaScript modules, `import * as qs from 'qs'` in TypeScript
 * (which needs no esModuleInterop). An existing default or namespace binding is reused.
 */
export function ensureModuleImport(
  j: JSCodeshift,
  root: Collection,
  source: string,
  preferredLocal: string,
  style: 'require' | 'default' | 'namespace',
): string {
  const existing = findModuleBindings(j, root, source).find((b) => b.imported === 'default');
  if (existing) return existing.local;
  const local = getUniqueName(j, root, preferredLocal);
  const body = root.get().node.program.body as unknown[];
  const declaration =
    style === 'require'
      ? j.variableDeclaration('const', [
          j.variableDeclarator(
            j.identifier(local),
            j.callExpression(j.identifier('require'), [j.stringLiteral(source)]),
          ),
        ])
      : j.importDeclaration(
          [
            style === 'default'
              ? j.importDefaultSpecifier(j.identifier(local))
              : j.importNamespaceSpecifier(j.identifier(local)),
          ],
          j.stringLiteral(source),
        );
  insertAfterImports(body, declaration);
  return local;
}

/**
 * Index in the program body of the first top-level import of `libraries` that no code uses any more: the
 * import that replaces them takes its place (recast would otherwise print `'use strict';;` when the
 * statement after a directive goes).
 */
export function findFirstUnusedImportIndex(
  j: JSCodeshift,
  root: Collection,
  libraries: readonly string[],
): number | null {
  const found = findModuleUses(j, root, libraries);
  const indexes = libraries
    .flatMap((library) => found.bindings.get(library) ?? [])
    .filter((binding) => !isBindingUsed(j, root, binding) && binding.declaration.parent?.node.type === 'Program')
    .map((binding) => binding.declaration.name as number);
  return indexes.length > 0 ? Math.min(...indexes) : null;
}
