/**
 * Which expressions name a runner module or one of its members, through the file's own bindings:
 *   const deasync = require('deasync'); deasync.sleep(10)      import co from 'co'; co.wrap(g)
 *   const { loopWhile } = require('deasync'); loopWhile(p)      require('deasync').sleep(10)
 * A local variable that shadows the import's name is not the module.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findModuleUses, removeUnusedModule, type ModuleBinding } from '../shared/modules';
import type { TransformContext } from '../shared/types';

export const runnerModuleNames = ['deasync', 'co', 'bluebird', 'synckit', 'make-synchronous', 'sync-rpc'] as const;
export type RunnerModule = (typeof runnerModuleNames)[number];

export interface ModuleRefs {
  /** Whether the expression at `path` is `member` of `source` (`default` = the module itself). */
  isMember(path: ASTPath, source: RunnerModule, member: string): boolean;
  /** Whether the file binds or requires `source` at all. */
  uses(source: RunnerModule): boolean;
  /** Records that a conversion removed a use of `source` (its import may now be unused). */
  touch(source: RunnerModule): void;
  readonly touched: ReadonlySet<RunnerModule>;
}

interface MemberNode {
  type: string;
  computed?: boolean;
  object?: ASTNode;
  property?: { type: string; name?: string };
  name?: string;
  callee?: { type: string; name?: string };
  arguments?: { type: string; value?: unknown }[];
}

export function isRequireCall(node: unknown, source: string): boolean {
  const n = node as MemberNode | null;
  return Boolean(
    n &&
    n.type === 'CallExpression' &&
    n.callee?.type === 'Identifier' &&
    n.callee.name === 'require' &&
    n.arguments?.length === 1 &&
    (n.arguments[0].type === 'StringLiteral' || n.arguments[0].type === 'Literal') &&
    n.arguments[0].value === source,
  );
}

/** Whether the identifier at `path` resolves to the module (top-level) scope, not a local shadow. */
function isTopLevelBinding(path: ASTPath, name: string): boolean {
  const scope = (path as unknown as { scope?: { lookup(n: string): { isGlobal: boolean } | null } }).scope;
  const declaring = scope?.lookup(name);
  // null: no scope declares it, not even a shadowing local (ast-types does not see `import x = require()`)
  return declaring === null || declaring === undefined || declaring.isGlobal;
}

export function createModuleRefs(j: JSCodeshift, root: Collection): ModuleRefs {
  const bindings = new Map<RunnerModule, ModuleBinding[]>();
  const inline = new Map<RunnerModule, number>();
  const found = findModuleUses(j, root, runnerModuleNames);
  for (const source of runnerModuleNames) {
    bindings.set(source, found.bindings.get(source) ?? []);
    inline.set(source, found.inlineRequires.get(source)?.length ?? 0);
  }
  const touched = new Set<RunnerModule>();
  const importedAs = (path: ASTPath, name: string, source: RunnerModule): string | null => {
    const found = (bindings.get(source) ?? []).find((b) => b.local === name);
    return found && isTopLevelBinding(path, name) ? found.imported : null;
  };
  return {
    isMember(path, source, member) {
      const node = path.node as MemberNode;
      if (node.type === 'Identifier') return importedAs(path, String(node.name), source) === member;
      if (member === 'default') return isRequireCall(node, source);
      const isMemberExpression = node.type === 'MemberExpression' && !node.computed;
      if (!isMemberExpression || node.property?.type !== 'Identifier' || node.property.name !== member) return false;
      const object = path.get('object') as ASTPath;
      const objectNode = object.node as MemberNode;
      if (objectNode.type === 'Identifier') return importedAs(object, String(objectNode.name), source) === 'default';
      return isRequireCall(objectNode, source);
    },
    uses(source) {
      return (bindings.get(source) ?? []).length > 0 || (inline.get(source) ?? 0) > 0;
    },
    touch(source) {
      touched.add(source);
    },
    touched,
  };
}

/**
 * Drops the imports of runner modules whose last use a conversion removed, and asks for the package
 * to leave package.json once no file of the run uses it (the engine checks the other files).
 */
export function removeUnusedRunnerImports(
  j: JSCodeshift,
  root: Collection,
  context: TransformContext,
  refs: ModuleRefs,
): boolean {
  let changed = false;
  for (const source of refs.touched) {
    if (removeUnusedModule(j, root, source)) changed = true;
    const found = findModuleUses(j, root, [source]);
    const stillUsed =
      (found.bindings.get(source) ?? []).length > 0 || (found.inlineRequires.get(source) ?? []).length > 0;
    if (!stillUsed) context.requestDependency({ name: source, kind: 'remove-if-unused' });
  }
  return changed;
}
