/**
 * tree-walk.ts's `findNodes` stands in for jscodeshift's `find`: it must find the same paths in the same
 * order, and, unlike jscodeshift's visitor, write nothing into the tree (what keeps untouched code as
 * written). jscodeshift itself is left as it is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import jscodeshift, { type ASTPath, type Collection } from 'jscodeshift';
import { getParser, getParserName } from '../source/parsers';
import { findNodes, isNodeOfType, walkNodes } from '../source/tree-walk';

const repo = join(__dirname, '..');

function listSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listSources(full, out);
    else if (/\.(m|c)?[jt]sx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every fifth source of the engine, the transforms and the fixtures: JS, TS, CJS, ESM, JSX. */
const samples = ['engine', 'transforms', '__testfixtures__']
  .flatMap((dir) => listSources(join(repo, dir)))
  .filter((_, index) => index % 5 === 0);

function parse(file: string): { j: typeof jscodeshift; root: Collection } {
  const j = jscodeshift.withParser(getParser(getParserName(file)));
  return { j, root: j(readFileSync(file, 'utf8')) };
}

/** The number of own properties over every object of the tree: grows when a walk writes defaults in. */
function countProperties(value: unknown, seen = new Set<object>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  let count = 0;
  for (const [key, child] of Object.entries(value)) {
    count += 1;
    if (key !== 'loc' && key !== 'tokens' && key !== 'original') count += countProperties(child, seen);
  }
  return count;
}

function describePaths(paths: ASTPath[]): string[] {
  return paths.map(
    (p) => `${String(p.name)}:${(p.node as { type: string }).type}:${(p.node as { start?: number }).start ?? ''}`,
  );
}

describe('tree-walk findNodes', () => {
  it('samples enough real sources', () => {
    expect(samples.length).toBeGreaterThan(40);
  });

  it.each(samples.map((file) => [relative(repo, file)]))(
    'finds what jscodeshift’s visitor finds, in the same order: %s',
    (file) => {
      const { j, root } = parse(join(repo, file));
      const queries: [string, Parameters<typeof findNodes>[1], Record<string, unknown>?][] = [
        ['Node', j.Node],
        ['Identifier', j.Identifier],
        ['Function', j.Function],
        ['Statement', j.Statement],
        ['CallExpression', j.CallExpression],
        ['Identifier named x', j.Identifier, { name: 'x' }],
        ['async functions', j.Function, { async: true }],
      ];
      for (const [label, type, filter] of queries) {
        const ours = findNodes(root, type, filter).paths() as ASTPath[];
        const theirs = (root.find as (t: unknown, f?: unknown) => Collection).call(root, type, filter).paths();
        expect({ label, found: describePaths(ours) }).toEqual({ label, found: describePaths(theirs) });
        // the same NodePath objects: parent, name and scope behave as before
        expect(ours.every((p, i) => p === theirs[i] || p.node === theirs[i].node)).toBe(true);
      }
      // from a path inside the tree, as `j(path).find(...)` does
      const firstFunction = findNodes(root, j.Function).paths()[0] as ASTPath | undefined;
      if (firstFunction) {
        const ours = findNodes(j(firstFunction), j.Identifier).paths() as ASTPath[];
        // eslint-disable-next-line no-restricted-syntax -- jscodeshift's own find is what findNodes must equal
        const theirs = j(firstFunction).find(j.Identifier).paths();
        expect(describePaths(ours)).toEqual(describePaths(theirs));
      }
    },
  );

  it('writes nothing into the tree, where jscodeshift’s visitor writes default values', () => {
    const { j, root } = parse(join(repo, 'engine/run.ts'));
    const before = countProperties(root.get().node);
    findNodes(root, j.Node).size();
    walkNodes(root.get(), () => undefined);
    expect(countProperties(root.get().node)).toBe(before);
    // jscodeshift's own find is untouched (no patch of its prototype), and still writes
    // eslint-disable-next-line no-restricted-syntax -- showing what jscodeshift's own find does
    root.find(j.Node).size();
    expect(countProperties(root.get().node)).toBeGreaterThan(before);
  });

  it('matches subtypes as ast-types does', () => {
    expect(isNodeOfType('ArrowFunctionExpression', 'Function')).toBe(true);
    expect(isNodeOfType('JSXIdentifier', 'Identifier')).toBe(true);
    expect(isNodeOfType('Identifier', 'Function')).toBe(false);
    expect(isNodeOfType('NotANodeType', 'Node')).toBe(false);
  });

  it('no engine or transform source walks with an ast-types visitor (it would write defaults into untouched nodes)', () => {
    const offenders = ['core', 'source', 'analysis', 'transforms', 'engine', 'report', 'write', 'cli']
      .flatMap((dir) => listSources(join(repo, dir)))
      .filter((file) => !file.endsWith('tree-walk.ts'))
      .filter((file) => /\b(types|recast)\.visit\(|PathVisitor/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repo, file));
    expect(offenders).toEqual([]);
  });
});
