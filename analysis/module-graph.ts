/**
 * Which files import which, read from the text alone (no parse): enough to load into the TypeScript
 * program only the files that can reach a starting point, instead of the whole repository.
 *
 *   import x from './db'   export * from './db'   require('./db')   import('./db')
 */
import { dirname, resolve } from 'node:path';

// The quoted specifier of an import/export-from, a require() or a dynamic import().
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

const extensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export interface ModuleGraph {
  /** file → files it imports (only files among the sources). */
  imports: Map<string, Set<string>>;
  /** file → files that import it. */
  importers: Map<string, Set<string>>;
}

/** Relative specifiers found in `text` (package imports cannot lead to another file of the run). */
export function findRelativeSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(specifierPattern)) {
    const specifier = match[2];
    if (specifier.startsWith('.')) found.push(specifier);
  }
  return found;
}

/** `./db` from `/p/src/a.ts` → `/p/src/db.ts` (or `db/index.js`, `db.js` written as `db.ts`, …). */
export function resolveSpecifier(from: string, specifier: string, sources: ReadonlyMap<string, string>): string | null {
  return listSpecifierCandidates(from, specifier).find((candidate) => sources.has(candidate)) ?? null;
}

/** Every path `specifier` may name, most likely first. */
function listSpecifierCandidates(from: string, specifier: string): string[] {
  const base = resolve(dirname(from), specifier);
  const candidates = [base];
  const jsExtension = /\.(m|c)?jsx?$/.exec(base);
  if (jsExtension) {
    const stem = base.slice(0, -jsExtension[0].length);
    candidates.push(...extensions.map((ext) => stem + ext));
  }
  candidates.push(...extensions.map((ext) => base + ext));
  candidates.push(...extensions.map((ext) => `${base}/index${ext}`));
  return candidates;
}

export function buildModuleGraph(sources: ReadonlyMap<string, string>): ModuleGraph {
  const imports = new Map<string, Set<string>>();
  const importers = new Map<string, Set<string>>();
  for (const [file, text] of sources) {
    const targets = new Set<string>();
    for (const specifier of findRelativeSpecifiers(text)) {
      const target = resolveSpecifier(file, specifier, sources);
      if (target && target !== file) targets.add(target);
    }
    imports.set(file, targets);
    for (const target of targets) {
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target)?.add(file);
    }
  }
  return { imports, importers };
}

/** `files` and every file that imports one of them, directly or not. */
export function findImporterClosure(graph: ModuleGraph, files: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const importer of graph.importers.get(file) ?? []) if (!seen.has(importer)) queue.push(importer);
  }
  return seen;
}

// `export … from './x'`: a barrel whose names only resolve when the re-exported file is loaded too.
const reExportPattern = /^\s*export\s[^;'"]*?\bfrom\s*(['"])(\.[^'"\n]*)\1/gm;

/**
 * What the program must see for `roots` to type-check as it would with the whole repository: the
 * roots, the files they import directly (interfaces, base classes, types their functions use), and
 * whatever those re-export. Files further away cannot hold a caller or a callee of a start.
 */
export function findVisibleFiles(sources: ReadonlyMap<string, string>, roots: Iterable<string>): Set<string> {
  const visible = new Set(roots);
  const queue: string[] = [];
  // Every existing candidate, not only the graph's pick: the compiler may prefer another one
  // (`./a.js` → `a.ts` when both exist).
  const pushExisting = (from: string, specifier: string) =>
    queue.push(...listSpecifierCandidates(from, specifier).filter((candidate) => sources.has(candidate)));
  for (const root of visible) {
    for (const specifier of findRelativeSpecifiers(sources.get(root) ?? '')) pushExisting(root, specifier);
  }
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (visible.has(file)) continue;
    visible.add(file);
    for (const match of (sources.get(file) ?? '').matchAll(reExportPattern)) pushExisting(file, match[2]);
  }
  return visible;
}
