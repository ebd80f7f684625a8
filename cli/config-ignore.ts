/**
 * `ignore` patterns of a configuration file are relative to the file's folder, as a .gitignore's are
 * to its own; discovery matches patterns against paths relative to the run's cwd. When the file sits
 * above the cwd (`packages/app` run under a config at the repository root), each anchored pattern is
 * rebased: the folders that lead from the file's folder to the cwd are taken off its front.
 *   src/legacy        at the root, run in the root           → src/legacy (unchanged)
 *   packages/app/gen  at the root, run in packages/app       → /gen
 *   packages/web/gen  at the root, run in packages/app       → dropped (it matches nothing below the cwd)
 *   *.test.js, dist/  match at any depth                      → unchanged
 * A `**` on the way matches any folders, so the rest of the pattern is kept anchored anywhere below.
 */
import * as path from 'node:path';
import { expandBraces } from '../engine/discover-glob';

export function rebaseIgnorePatterns(patterns: readonly string[], folder: string, cwd: string): string[] {
  const steps = path
    .relative(folder, cwd)
    .split(path.sep)
    .filter((step) => step !== '');
  if (steps.length === 0) return [...patterns];
  return patterns.flatMap(expandBraces).flatMap((pattern) => {
    const rebased = rebasePattern(pattern.replace(/^!/, ''), steps);
    return rebased === null ? [] : [`${pattern.startsWith('!') ? '!' : ''}${rebased}`];
  });
}

function rebasePattern(pattern: string, steps: readonly string[]): string | null {
  const body = pattern.replace(/^\.\//, '');
  // no slash, or only a trailing one: it matches at any depth, below the cwd as below the file's folder
  if (!body.replace(/\/$/, '').includes('/')) return body;
  const segments = body.replace(/^\//, '').split('/');
  for (const step of steps) {
    if (segments[0] === '**') return `/${segments.join('/')}`;
    const segment = segments.shift();
    if (segment === undefined || !matchesSegment(segment, step)) return null;
    // the pattern names the cwd or a folder above it: everything below is ignored
    if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) return '/*';
  }
  return `/${segments.join('/')}`;
}

/** Whether one pattern segment (`*`, `?`, `[a-z]`, literal text) matches one folder name. */
function matchesSegment(segment: string, name: string): boolean {
  const source = segment
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  try {
    return new RegExp(`^${source}$`).test(name);
  } catch {
    return segment === name;
  }
}
