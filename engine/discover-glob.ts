/**
 * `--ignore` patterns, with .gitignore semantics (the `ignore` package, as ESLint and many others use):
 * - a pattern without `/` (or with one only at its end) matches a name at any depth: `*.test.js`,
 *   `fixtures`, `fixtures/` (folders only);
 * - a pattern with `/` at its start or in its middle is anchored to the current folder: `src/legacy`,
 *   `/scripts`; `**` matches any number of folders, `*` and `?` never match `/`, `[a-z]` a class;
 * - a folder that matches excludes everything below it; `!pattern` takes a match back, `\#`, `\!` escape.
 * Two additions: `{a,b}` alternatives (expanded first, as the earlier matcher accepted them), and a
 * leading `./`, which is dropped. Matching is case-sensitive, as git's is on Linux.
 * A pattern that cannot mean what it says is refused with why (`checkIgnorePattern`).
 */
import ignore from 'ignore';
import { UsageError } from '../core/errors';

/** `relativePath` uses `/` and is relative to the run's cwd; folders end with `/`. */
export type PathMatcher = (relativePath: string) => boolean;

export function buildIgnoreMatcher(globs: readonly string[], name = '--ignore'): PathMatcher {
  const patterns = globs.filter((glob) => glob.trim() !== '');
  for (const glob of patterns) {
    const problem = checkIgnorePattern(glob);
    if (problem) throw new UsageError(`${name} ${JSON.stringify(glob)}: ${problem}`);
  }
  if (patterns.length === 0) return () => false;
  const matcher = ignore({ ignorecase: false }).add(patterns.flatMap(expandBraces).map(cleanPattern));
  return (relativePath) => {
    // a path outside the cwd (`awaitify ../lib`) is matched from below its `..` steps
    const inside = relativePath.replace(/^(?:\.\.\/)+/, '');
    return inside !== '' && inside !== '/' && matcher.ignores(inside);
  };
}

function cleanPattern(pattern: string): string {
  return pattern.replace(/^(!?)\.\//, '$1');
}

/** Why `pattern` is not a usable pattern, or null. */
export function checkIgnorePattern(pattern: string): string | null {
  const body = pattern.replace(/^!/, '');
  if (body.trim() === '') return 'an empty pattern matches nothing';
  if (pattern.startsWith('#')) return 'a pattern starting with # is a comment in .gitignore syntax; write \\# for a #';
  if (/^(?:\.\/)?\.\.(?:\/|$)/.test(body))
    return 'patterns are relative to the current folder and cannot reach above it';
  if (/(?:^|[^\\])(?:\\\\)*\\$/.test(body)) return 'it ends with a lone backslash';
  return findBracketProblem(body) ?? findBraceProblem(body);
}

function findBracketProblem(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) return 'a [ is never closed (write \\[ for a literal bracket)';
      const range = /([^\\])-([^\]])/.exec(pattern.slice(i + 1, close).replace(/^!/, ''));
      if (range && range[1] > range[2]) return `the range ${range[1]}-${range[2]} is empty (its ends are reversed)`;
      i = close;
    }
  }
  return null;
}

function findBraceProblem(pattern: string): string | null {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth < 0) return 'a } has no { before it';
  }
  return depth > 0 ? 'a { is never closed' : null;
}

/** `src/{a,b}/*.js` → `src/a/*.js`, `src/b/*.js` (nested groups too). */
export function expandBraces(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open === -1) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === ',' && depth === 1) commas.push(i);
    else if (char === '}' && --depth === 0) {
      const cuts = [open, ...commas, i];
      const rest = pattern.slice(i + 1);
      return cuts
        .slice(0, -1)
        .flatMap((cut, k) => expandBraces(pattern.slice(0, open) + pattern.slice(cut + 1, cuts[k + 1]) + rest));
    }
  }
  return [pattern];
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}
