/**
 * Where a file binds or requires a module: the lookups behind modules.ts, written so that a file is
 * walked once for several modules, and not at all when no node can name them.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { walkNodes } from '../../source/tree-walk';

/** A local name bound to a module (or to one of its exports). */
/** An import specifier as Babel gives it (`imported` is a string literal in `import { 'a-b' as c }`). */
interface ImportSpecifierNode {
  type: string;
  local?: { name?: string } | null;
  imported?: { name?: string; value?: string };
}

export interface ModuleBinding {
  /** The local identifier. */
  local: string;
  /** `default` for the module itself / its default export, else the imported name. */
  imported: string;
  /** The declaration that creates it (ImportDeclaration, or the VariableDeclaration of the require). */
  declaration: ASTPath;
}

export function isRequireOf(j: JSCodeshift, node: unknown, source: string): boolean {
  const n = node as {
    type: string;
    callee?: { type: string; name?: string };
    arguments?: { type: string; value?: unknown }[];
  };
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
    const n = node as
      { type?: string; callee?: { type: string; name?: string }; arguments?: { type: string }[] } | null | undefined;
    return (
      n?.type === 'CallExpression' &&
      n.callee?.type === 'Identifier' &&
      n.callee.name === 'require' &&
      n.arguments?.length === 1
    );
  };
  walkNodes(root.get() as ASTPath, (node, getPath) => {
    if (node.type === 'ImportDeclaration') found.imports.push(getPath());
    else if (node.type === 'TSImportEqualsDeclaration') found.importEquals.push(getPath());
    else if (node.type === 'VariableDeclarator' && isAnyRequire(node.init)) found.requireDeclarators.push(getPath());
    else if (node.type === 'CallExpression' && isAnyRequire(node)) found.requireCalls.push(getPath());
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
  const node = value as {
    type?: unknown;
    source?: { value?: unknown };
    moduleReference?: { expression?: { value?: unknown } };
    callee?: { name?: unknown };
    arguments?: { value?: unknown }[];
  };
  if (node.type === 'ImportDeclaration' && sources.has(String(node.source?.value))) return true;
  if (node.type === 'TSImportEqualsDeclaration' && sources.has(String(node.moduleReference?.expression?.value)))
    return true;
  if (
    node.type === 'CallExpression' &&
    node.callee?.name === 'require' &&
    sources.has(String(node.arguments?.[0]?.value))
  )
    return true;
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
      nodes.requireCalls.filter(
        (path) => isRequireOf(j, path.node, source) && path.parent?.node.type !== 'VariableDeclarator',
      ),
    );
  }
  return uses;
}

function getBindingsOf(j: JSCodeshift, nodes: ModuleNodes, source: string): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  for (const path of nodes.imports) {
    if ((path.node as { source?: { value?: unknown } }).source?.value !== source) continue;
    const { specifiers } = path.node as { specifiers?: ImportSpecifierNode[] };
    for (const spec of specifiers ?? []) {
      const local = spec.local?.name;
      if (!local) continue;
      if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') {
        bindings.push({ local, imported: 'default', declaration: path });
      } else if (spec.type === 'ImportSpecifier') {
        bindings.push({ local, imported: spec.imported?.name ?? spec.imported?.value ?? '', declaration: path });
      }
    }
  }
  // TypeScript: import x = require('source')
  bindings.push(...getImportEqualsBindings(nodes, source));
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
  return bindings;
}

function getImportEqualsBindings(nodes: ModuleNodes, source: string): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  for (const path of nodes.importEquals) {
    const node = path.node as {
      id: { name?: unknown };
      moduleReference: { type: string; expression?: { value?: unknown } };
    };
    if (
      node.moduleReference.type === 'TSExternalModuleReference' &&
      node.moduleReference.expression?.value === source
    ) {
      bindings.push({ local: String(node.id.name), imported: 'default', declaration: path });
    }
  }
  return bindings;
}
