/**
 * Finding the starting points in the program. Per-file transforms report positions in their input
 * text, but the program holds their output, so a start is found by its name path first, the nearest
 * match to the reported line winning, and by the nearest async function when it has no name.
 */
import { ts } from 'ts-morph';
import { getNamePath, getPosition, isAsyncFunction, type FunctionEntity } from './syntax';

/** Every function-like declaration in `file`, with body or not (interface members, overloads). */
export function findFunctionEntities(file: ts.SourceFile): FunctionEntity[] {
  const found: FunctionEntity[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isMethodSignature(node) ||
      (ts.isPropertySignature(node) && node.type !== undefined && ts.isFunctionTypeNode(node.type))
    ) {
      found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function getDistance(entity: FunctionEntity, line: number, column: number): number {
  const position = getPosition(entity);
  return Math.abs(position.line - line) * 1000 + Math.abs(position.column - column);
}

function pickNearest(candidates: FunctionEntity[], line: number, column: number): FunctionEntity | null {
  let best: FunctionEntity | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = getDistance(candidate, line, column);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The function a per-file transform reported (`name` as functionNamePath gives it, or null). */
export function locateReportedStart(
  file: ts.SourceFile,
  name: string | null,
  line: number,
  column: number,
): FunctionEntity | null {
  const entities = findFunctionEntities(file);
  const named = name === null ? [] : entities.filter((e) => getNamePath(e) === name);
  if (named.length > 0) return pickNearest(named, line, column);
  return pickNearest(
    entities.filter((e) => isAsyncFunction(e)),
    line,
    column,
  );
}

/** `--async file#Db.query`: the declaration with that name path (a body-carrying one first). */
export function locateNamedStart(file: ts.SourceFile, name: string): FunctionEntity | null {
  const named = findFunctionEntities(file).filter((e) => getNamePath(e) === name);
  return named.find((e) => (e as ts.FunctionLikeDeclaration).body !== undefined) ?? named[0] ?? null;
}

/** Every dotted name a user can give `--async` in this file. */
export function listFunctionNames(file: ts.SourceFile): string[] {
  return [
    ...new Set(
      findFunctionEntities(file)
        .map(getNamePath)
        .filter((n): n is string => n !== null),
    ),
  ];
}

/** Edit distance between two names (insertions, deletions, substitutions), case-insensitive. */
function getEditDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let k = 1; k <= y.length; k += 1) {
      current[k] = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + (x[i - 1] === y[k - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * Up to three candidates close to `wanted`: within a third of its length in edits, or, for a dotted
 * name (`Db.query`), with the same last segment (`query` of another class).
 */
export function findClosestNames(wanted: string, candidates: readonly string[]): string[] {
  const dotted = wanted.includes('.') && !wanted.includes('/');
  const tail = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';
  const limit = Math.max(2, Math.ceil(wanted.length / 3));
  return candidates
    .map((name) => ({ name, distance: dotted && tail(name) === tail(wanted) ? 0 : getEditDistance(wanted, name) }))
    .filter((c) => c.distance <= limit && c.name !== wanted)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((c) => c.name);
}
