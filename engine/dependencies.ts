/**
 * package.json follows the code: a dependency a transform now imports is added, and a dependency it
 * stopped using is removed once no file of the run still refers to it. The edit is a text edit that
 * keeps the file's formatting, and it shows up in the preview like any other change.
 */
import { blankComments } from '../source/lexical';
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { resolve } from 'node:path';
import type { FileState } from './file-state';
import { editPackageJsonDependencies, findProjectPackageJson } from './package-json';
import { decodeSource, encodeSource } from '../source/source-text';
import type { FileResult, RunOptions } from './types';

interface PackageChange {
  add: Map<string, string>;
  remove: Set<string>;
}

/** Whether the text still loads `name` (require, import, dynamic import, export from); comments do not count. */
export function refersToModule(text: string, name: string): boolean {
  if (!text.includes(name)) return false;
  const code = blankComments(text);
  const quoted = `['"\`]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^'"\`]*)?['"\`]`;
  return new RegExp(`(?:require\\s*\\(|import\\s*\\(|from|import)\\s*${quoted}`).test(code);
}

function isCoveredByRun(packageDir: string, options: RunOptions): boolean {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  return paths.some((p) => {
    const rel = relative(resolve(options.cwd, p), packageDir);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !rel.includes(`..${sep}`));
  });
}

function collectChanges(
  states: FileState[],
  cwd: string,
): { changes: Map<string, PackageChange>; orphans: FileState[] } {
  const changes = new Map<string, PackageChange>();
  const orphans: FileState[] = [];
  for (const state of states) {
    if (state.failure || state.dependencies.length === 0) continue;
    const pkg = findProjectPackageJson(state.absolutePath, cwd);
    if (!pkg) {
      orphans.push(state);
      continue;
    }
    const change = changes.get(pkg) ?? { add: new Map(), remove: new Set() };
    changes.set(pkg, change);
    for (const request of state.dependencies) {
      if (request.kind === 'add' && request.range) change.add.set(request.name, request.range);
      if (request.kind === 'remove-if-unused') change.remove.add(request.name);
    }
  }
  return { changes, orphans };
}

/**
 * Whether a file of the package still loads `name`; the first that does is told why the dependency
 * stays in package.json.
 */
function isStillLoaded(name: string, inPackage: FileState[]): boolean {
  const user = inPackage.find((s) => refersToModule(s.text ?? '', name));
  if (!user) return false;
  // said only when the run changed something: otherwise nothing suggested it would go
  if (!inPackage.some((s) => s.changedBy.length > 0)) return true;
  user.diagnostics.push({
    code: 'DEPENDENCY_KEPT',
    severity: 'info',
    message: `${name} stays in package.json: this file still loads it (the migration converted other uses)`,
    file: user.path,
    line: 1,
    column: 1,
  });
  return true;
}

/** Code that now imports a package no package.json declares: the user must install it by hand. */
function reportMissingPackageJson(orphans: FileState[]): void {
  for (const state of orphans) {
    const adds = state.dependencies.filter((d) => d.kind === 'add' && d.range);
    if (adds.length === 0) continue;
    const packages = adds.map((d) => `${d.name}@${d.range}`).join(' ');
    state.diagnostics.push({
      code: 'DEPENDENCY_NOT_DECLARED',
      severity: 'warning',
      message:
        `the migrated code imports ${adds.map((d) => d.name).join(', ')}, but no package.json was found ` +
        `above this file to declare it: run \`npm install ${packages}\` where this code is installed`,
      file: state.path,
      line: 1,
      column: 1,
    });
  }
}

export function applyDependencyRequests(states: FileState[], options: RunOptions): FileResult[] {
  const results: FileResult[] = [];
  const { changes, orphans } = collectChanges(states, options.cwd);
  reportMissingPackageJson(orphans);
  for (const [pkg, change] of changes) {
    const packageDir = dirname(pkg);
    const inPackage = states.filter((s) => s.absolutePath.startsWith(packageDir + sep));
    const remove = isCoveredByRun(packageDir, options)
      ? [...change.remove].filter((name) => !change.add.has(name) && !isStillLoaded(name, inPackage))
      : [];
    const add = [...change.add].map(([name, range]) => ({ name, range }));
    const before = readFileSync(pkg);
    const decoded = decodeSource(before);
    if (!decoded.ok) continue;
    const text = editPackageJsonDependencies(decoded.source.text, { add, remove });
    const path = relative(options.cwd, pkg).split(sep).join('/');
    const base = { path, absolutePath: pkg, before, mode: statSync(pkg).mode & 0o7777, diagnostics: [] };
    // An unchanged package.json is not reported: it is not one of the run's source files.
    if (text === decoded.source.text) continue;
    const changedBy = [...new Set(inPackage.filter((s) => s.dependencies.length > 0).flatMap((s) => s.changedBy))];
    results.push({ ...base, status: 'changed', after: encodeSource(decoded.source, text), changedBy });
  }
  return results;
}
