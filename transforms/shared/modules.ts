/**
 * How a module is brought into a file, and how to add or drop it, in the file's own module style:
 *   const request = require('sync-request');         import request from 'sync-request';
 *   const { request } = require('undici');           import { request } from 'undici';
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

/** A local name bound to a module (or to one of its exports). */
export interface ModuleBinding {
  /** The local identifier. */
  local: string;
  /** `default` for the module itself / its default export, else the imported name. */
  imported: string;
  /** The declaration that creates it (ImportDeclaration, or the VariableDeclaration of the require). */
  declaration: ASTPath;
}

function isRequireOf(j: JSCodeshift, node: unknown, source: string): boolean {
  const n = node as { type: string; callee?: { type: string; name?: string }; arguments?: { type: string; value?: unknown }[] };
  return (
    n?.type === 'CallExpression' &&
    n.callee?.type === 'Identifier' &&
    n.callee.name === 'require' &&
    n.arguments?.length === 1 &&
    (n.arguments[0].type === 'StringLiteral' || n.arguments[0].type === 'Literal') &&
    n.arguments[0].value === source
  );
}

/** Every top-level binding of `source`: `import x`, `import * as x`, `import { default as x }`, `require`. */
export function findModuleBindings(j: JSCodeshift, root: Collection, source: string): ModuleBinding[] {
  return findModuleUses(j, root, [source]).bindings.get(source) ?? [];
}

/** Inline `require('x')` calls (not bound to a name), e.g. `require('sync-request')('GET', url)`. */
export function findInlineRequires(j: JSCodeshift, root: Collection, source: string): ASTPath[] {
  return findModuleUses(j, root, [source]).inlineRequires.get(source) ?? [];
}

/** The bindings and inline requires of several modules, keyed by module name. */
export interface ModuleUses {
  bindings: Map<string, ModuleBinding[]>;
  inlineRequires: Map<string, ASTPath[]>;
}

interface ModuleNodes {
  imports: ASTPath[];
  importEquals: ASTPath[];
  requireDeclarators: ASTPath[];
  requireCalls: ASTPath[];
}

/**
 * The declarations and require calls of the file, in source order, from one walk of the tree (a walk
 * per module and per node type made large files slow).
 */
function collectModuleNodes(j: JSCodeshift, root: Collection): ModuleNodes {
  const found: ModuleNodes = { imports: [], importEquals: [], requireDeclarators: [], requireCalls: [] };
  const isAnyRequire = (node: unknown): boolean => {
    const n = node as { type?: string; callee?: { type: string; name?: string }; arguments?: { type: string }[] } | null | undefined;
    return n?.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'require' && n.arguments?.length === 1;
  };
  j.types.visit(root.get(), {
    visitImportDeclaration(path) {
      found.imports.push(path as ASTPath);
      this.traverse(path);
    },
    visitTSImportEqualsDeclaration(path) {
      found.importEquals.push(path as ASTPath);
      this.traverse(path);
    },
    visitVariableDeclarator(path) {
      if (isAnyRequire(path.node.init)) found.requireDeclarators.push(path as ASTPath);
      this.traverse(path);
    },
    visitCallExpression(path) {
      if (isAnyRequire(path.node)) found.requireCalls.push(path as ASTPath);
      this.traverse(path);
    },
  });
  return found;
}

/** Keys that hold no statements or expressions: positions, tokens, recast's copy of the parsed tree. */
const skippedKeys = new Set(['loc', 'tokens', 'original', 'start', 'end', 'range', 'extra']);

/**
 * Whether the tree may import or require one of `sources`, by a plain walk over the node objects (no
 * NodePath is built, so it is far cheaper than a visitor): it looks at every property but positions,
 * so a `false` is certain; a `true` only means the visitor walk is needed.
 */
function mayNameModule(value: unknown, sources: ReadonlySet<string>, seen = new WeakSet<object>()): boolean {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((item) => mayNameModule(item, sources, seen));
  const node = value as { type?: unknown; source?: { value?: unknown }; moduleReference?: { expression?: { value?: unknown } }; callee?: { name?: unknown }; arguments?: { value?: unknown }[] };
  if (node.type === 'ImportDeclaration' && sources.has(String(node.source?.value))) return true;
  if (node.type === 'TSImportEqualsDeclaration' && sources.has(String(node.moduleReference?.expression?.value))) return true;
  if (node.type === 'CallExpression' && node.callee?.name === 'require' && sources.has(String(node.arguments?.[0]?.value))) return true;
  for (const key of Object.keys(value)) {
    if (!skippedKeys.has(key) && mayNameModule((value as Record<string, unknown>)[key], sources, seen)) return true;
  }
  return false;
}

/** Bindings and inline requires of every module in `sources`, each list as the one-module lookups return it. */
export function findModuleUses(j: JSCodeshift, root: Collection, sources: readonly string[]): ModuleUses {
  const uses: ModuleUses = { bindings: new Map(), inlineRequires: new Map() };
  if (!mayNameModule(root.get().node, new Set(sources))) {
    for (const source of sources) {
      uses.bindings.set(source, []);
      uses.inlineRequires.set(source, []);
    }
    return uses;
  }
  const nodes = collectModuleNodes(j, root);
  for (const source of sources) {
    uses.bindings.set(source, getBindingsOf(j, nodes, source));
    uses.inlineRequires.set(
      source,
      nodes.requireCalls.filter((path) => isRequireOf(j, path.node, source) && path.parent?.node.type !== 'VariableDeclarator'),
    );
  }
  return uses;
}

function getBindingsOf(j: JSCodeshift, nodes: ModuleNodes, source: string): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  for (const path of nodes.imports) {
    if ((path.node as { source?: { value?: unknown } }).source?.value !== source) continue;
    for (const spec of (path.node as { specifiers?: { type: string; local?: { name?: unknown } | null; imported?: { name?: unknown } }[] }).specifiers ?? []) {
      const local = spec.local?.name;
      if (!local) continue;
      if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') {
        bindings.push({ local: String(local), imported: 'default', declaration: path });
      } else if (spec.type === 'ImportSpecifier') {
        bindings.push({ local: String(local), imported: String(spec.imported?.name), declaration: path });
      }
    }
  }
  // TypeScript: import x = require('source')
  const importEquals = getImportEqualsBindings(nodes, source);
  bindings.push(...importEquals);
  for (const path of nodes.requireDeclarators) {
    const declarator = path.node as { init?: unknown; id: { type: string; name?: string; properties?: unknown[] } };
    if (!isRequireOf(j, declarator.init, source)) continue;
    const declaration = path.parent as ASTPath;
    if (declarator.id.type === 'Identifier') {
      bindings.push({ local: String(declarator.id.name), imported: 'default', declaration });
    } else if (declarator.id.type === 'ObjectPattern') {
      for (const prop of declarator.id.properties ?? []) {
        const p = prop as { type: string; key?: { name?: string }; value?: { type: string; name?: string } };
        if ((p.type === 'ObjectProperty' || p.type === 'Property') && p.key?.name && p.value?.type === 'Identifier') {
          bindings.push({ local: String(p.value.name), imported: p.key.name, declaration });
        }
      }
    }
  }
  // listed a second time, as the lookup always did (callers count and compare these lists)
  bindings.push(...getImportEqualsBindings(nodes, source));
  return bindings;
}

function getImportEqualsBindings(nodes: ModuleNodes, source: string): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  for (const path of nodes.importEquals) {
    const node = path.node as { id: { name?: unknown }; moduleReference: { type: string; expression?: { value?: unknown } } };
    if (node.moduleReference.type === 'TSExternalModuleReference' && node.moduleReference.expression?.value === source) {
      bindings.push({ local: String(node.id.name), imported: 'default', declaration: path });
    }
  }
  return bindings;
}

/** Whether `name` is still referenced anywhere besides its own declaration. */
export function isBindingUsed(j: JSCodeshift, root: Collection, binding: ModuleBinding): boolean {
  return (
    root
      .find(j.Identifier, { name: binding.local })
      .filter((path) => {
        const parent = path.parent?.node;
        if (!parent) return true;
        if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return false;
        if ((parent.type === 'VariableDeclarator' || parent.type === 'TSImportEqualsDeclaration') && parent.id === path.node) return false;
        // const { request } = require('x'): the names in the pattern declare, they do not use
        if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && path.parent?.parent?.node.type === 'ObjectPattern') {
          const declarator = path.parent.parent.parent?.node;
          if (declarator?.type === 'VariableDeclarator' && declarator.id === path.parent.parent.node) return false;
        }
        if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return false;
        if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === path.node && !parent.shorthand && !parent.computed) return false;
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
      node.declarations = (node.declarations ?? []).filter((d) => !isRequireOf(j, (d as { init?: unknown }).init, source));
    } else {
      j(declaration).remove();
    }
    removed = true;
  }
  return removed;
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
    const declaration = j.importDeclaration(specifiers, j.stringLiteral(source));
    body.splice(getImportInsertIndex(body), 0, declaration);
  } else {
    const pattern = buildOneLineObjectPattern(j, missing.map((name) => (locals[name] === name ? name : `${name}: ${locals[name]}`)));
    const declaration = j.variableDeclaration('const', [
      j.variableDeclarator(pattern, j.callExpression(j.identifier('require'), [j.stringLiteral(source)])),
    ]);
    body.splice(getImportInsertIndex(body), 0, declaration);
  }
  return locals;
}

/**
 * `{ a, b: c }` parsed from text: recast prints a pattern built node by node over several lines
 * (`{\n  a\n}`), but reuses the source text of a parsed one.
 */
function buildOneLineObjectPattern(j: JSCodeshift, properties: string[]) {
  return j(`const { ${properties.join(', ')} } = 0;`).find(j.ObjectPattern).get().node;
}

/** After the directives ('use strict') and the existing imports/requires at the top of the file. */
export function getImportInsertIndex(body: unknown[]): number {
  let index = 0;
  while (index < body.length) {
    const node = body[index] as { type: string; directive?: string; expression?: { type: string }; declarations?: { init?: unknown }[] };
    const isDirective = node.type === 'ExpressionStatement' && node.directive !== undefined;
    const isImport = node.type === 'ImportDeclaration';
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

/** `base`, or `base2`, `base3`, … — the first name no identifier in the file uses. */
export function getUniqueName(j: JSCodeshift, root: Collection, base: string): string {
  return pickUnusedName(collectIdentifierNames(j, root), base);
}

function collectIdentifierNames(j: JSCodeshift, root: Collection): Set<string> {
  const used = new Set<string>();
  root.find(j.Identifier).forEach((path) => {
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
      ? j.variableDeclaration('const', [j.variableDeclarator(j.identifier(local), j.callExpression(j.identifier('require'), [j.stringLiteral(source)]))])
      : j.importDeclaration(
          [style === 'default' ? j.importDefaultSpecifier(j.identifier(local)) : j.importNamespaceSpecifier(j.identifier(local))],
          j.stringLiteral(source),
        );
  body.splice(getImportInsertIndex(body), 0, declaration);
  return local;
}
