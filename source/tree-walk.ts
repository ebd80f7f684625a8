/**
 * A cheaper walk of a recast tree, and `findNodes`, jscodeshift's `find` built on it.
 *
 * jscodeshift's `find` runs an ast-types PathVisitor, which builds a NodePath for every child of every
 * node (source locations included), looks up each node's fields in the type definitions, and writes
 * every missing field's default value into the node as it goes. In a 5,000-file benchmark the walks
 * were a third of the per-file time, and the defaults written into untouched nodes made recast reprint
 * them differently from the source (printer drift), which cost a second parse and print to undo.
 *
 * This walk visits the same nodes in the same order (pre-order, each node's fields in their definition
 * order, array items in order) and returns the same NodePath objects (made through `path.get`, so they
 * are ast-types' own cached paths), but builds a path only for a node that matches, and writes nothing
 * into the tree. The equivalence is tested against jscodeshift's own visitor over real sources
 * (__tests__/tree-walk.test.ts).
 */
import type { Type } from 'ast-types/lib/types';
import jscodeshift, { type ASTPath, type Collection } from 'jscodeshift';

type AnyNode = { type: string } & Record<string, unknown>;
type PathLike = ASTPath & { get(...names: (string | number)[]): PathLike; value: unknown };

const { getFieldNames, getSupertypeNames } = jscodeshift.types;

/** Fields that never hold a node: the type name and the source location. */
const nonNodeFields = new Set(['type', 'loc']);
const fieldsByType = new Map<string, string[]>();

function getChildFields(node: AnyNode): string[] {
  let fields = fieldsByType.get(node.type);
  if (!fields) {
    // throws for a node type ast-types does not know, as its visitor does
    fields = getFieldNames(node).filter((name) => !nonNodeFields.has(name));
    fieldsByType.set(node.type, fields);
  }
  return fields;
}

/** typeName → node type → whether a node of that type is one. */
const subtypeTables = new Map<string, Map<string, boolean>>();

/** Whether a node of type `nodeType` is a `typeName` (the node types ast-types would visit with `visit<typeName>`). */
export function isNodeOfType(nodeType: string, typeName: string): boolean {
  let table = subtypeTables.get(typeName);
  if (!table) {
    table = new Map();
    subtypeTables.set(typeName, table);
  }
  let answer = table.get(nodeType);
  if (answer === undefined) {
    answer = nodeType === typeName || readSupertypes(nodeType).includes(typeName);
    table.set(nodeType, answer);
  }
  return answer;
}

function readSupertypes(nodeType: string): string[] {
  try {
    return getSupertypeNames(nodeType);
  } catch {
    return [];
  }
}

function isNode(value: unknown): value is AnyNode {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Calls `visit` for every node below `start` (not `start` itself), in ast-types' visiting order.
 * `getPath` makes the visited node's NodePath, and is valid only during that `visit` call. The tree
 * must not change during the walk. Nothing is allocated per node: the names leading from `start` to
 * the current node are a stack, and a path is made from them only when asked for.
 */
export function walkNodes(start: ASTPath, visit: (node: AnyNode, getPath: () => ASTPath) => void): void {
  const names: (string | number)[] = [];
  // paths[i]: the NodePath at the first i names, once made
  const paths: (PathLike | null)[] = [start];
  const getPath = (): ASTPath => {
    let known = names.length;
    while (paths[known] === null) known -= 1;
    let path = paths[known] as PathLike;
    for (let i = known; i < names.length; i += 1) {
      path = path.get(names[i]);
      paths[i + 1] = path;
    }
    return path;
  };
  const enter = (name: string | number): void => {
    names.push(name);
    paths.push(null);
  };
  const leave = (): void => {
    names.pop();
    paths.pop();
  };
  const visitNode = (node: AnyNode): void => {
    visit(node, getPath);
    const fields = getChildFields(node);
    for (let f = 0; f < fields.length; f += 1) {
      const value = node[fields[f]];
      if (value === null || typeof value !== 'object') continue;
      enter(fields[f]);
      if (Array.isArray(value)) visitItems(value);
      else if (isNode(value)) visitNode(value);
      leave();
    }
  };
  const visitItems = (items: unknown[]): void => {
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i];
      if (!isNode(item)) continue;
      enter(i);
      visitNode(item);
      leave();
    }
  };
  const value = start.value as unknown;
  if (Array.isArray(value)) visitItems(value);
  else if (isNode(value)) {
    // the start node itself is not visited, only what it holds
    const fields = getChildFields(value);
    for (const field of fields) {
      const child = value[field];
      if (child === null || typeof child !== 'object') continue;
      enter(field);
      if (Array.isArray(child)) visitItems(child);
      else if (isNode(child)) visitNode(child);
      leave();
    }
  }
}

type Filter = ((node: unknown) => boolean) | Record<string, unknown>;

function matchesFilter(value: unknown, filter: unknown): boolean {
  if (typeof filter === 'function') return Boolean((filter as (node: unknown) => unknown)(value));
  if (filter !== null && typeof filter === 'object' && value !== null && typeof value === 'object') {
    return Object.keys(filter).every(
      (key) =>
        Object.prototype.hasOwnProperty.call(value, key) &&
        matchesFilter((value as Record<string, unknown>)[key], (filter as Record<string, unknown>)[key]),
    );
  }
  return value === filter;
}

interface CollectionInternals {
  __paths: ASTPath[];
}

interface CollectionModule {
  fromPaths<T>(paths: ASTPath[], parent: Collection, type: Type<T>): Collection<T>;
}

/**
 * jscodeshift's `collection.find(type, filter)` on the walk above: the same paths in the same order,
 * without the visitor's writes. A function, not a patch of jscodeshift's prototype: anyone else in the
 * process who uses jscodeshift keeps its own `find`.
 */
export function findNodes<T>(collection: Collection, type: Type<T>, filter?: Filter): Collection<T> {
  const typeName = String(type);
  const found: ASTPath[] = [];
  for (const start of (collection as unknown as CollectionInternals).__paths) {
    walkNodes(start, (node, getPath) => {
      if (isNodeOfType(node.type, typeName) && (filter === undefined || matchesFilter(node, filter)))
        found.push(getPath());
    });
  }
  return collectionModule.fromPaths(found, collection, type);
}

// jscodeshift exports no typed way to build a Collection from paths
// eslint-disable-next-line @typescript-eslint/no-require-imports
const collectionModule = require('jscodeshift/src/Collection') as CollectionModule;
