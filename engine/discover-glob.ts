/**
 * `--ignore GLOB` matching. Written here rather than using `path.matchesGlob`, which Node 20 still marks
 * experimental and which prints an ExperimentalWarning on stderr.
 *
 * Semantics (gitignore-like, so `node_modules` works without `**` — jscodeshift#307):
 * - `**` matches any run of characters including `/`; `**∕` also matches no folder at all;
 * - `*` and `?` never match `/`; `{a,b}` is an alternative; every other character is literal;
 * - a glob without `/` is tried against each path segment (`*.test.js`, `fixtures`);
 * - a glob with `/` is tried against the whole relative path and each of its parent folders
 *   (`legacy/**` and `legacy` both exclude `legacy/a.js`).
 */

export type PathMatcher = (relativePath: string) => boolean;

export function buildIgnoreMatcher(globs: string[]): PathMatcher {
  const tests = globs.filter((glob) => glob.trim() !== '').map(buildGlobTest);
  if (tests.length === 0) return () => false;
  return (relativePath) => tests.some((test) => test(relativePath));
}

function buildGlobTest(glob: string): PathMatcher {
  const cleaned = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const pattern = convertGlobToRegExp(cleaned);
  if (!cleaned.includes('/')) {
    return (relativePath) => relativePath.split('/').some((segment) => pattern.test(segment));
  }
  return (relativePath) => findPathPrefixes(relativePath).some((prefix) => pattern.test(prefix));
}

/** `a/b/c.js` → [`a`, `a/b`, `a/b/c.js`]. */
function findPathPrefixes(relativePath: string): string[] {
  const segments = relativePath.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

export function convertGlobToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slashFollows = glob[i + 2] === '/';
      source += slashFollows ? '(?:.*/)?' : '.*';
      i += slashFollows ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{' && !inBraces) {
      inBraces = true;
      source += '(?:';
    } else if (char === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (char === ',' && inBraces) source += '|';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  if (inBraces) return new RegExp(`^${escapeLiteral(glob)}$`);
  return new RegExp(`^${source}$`);
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
