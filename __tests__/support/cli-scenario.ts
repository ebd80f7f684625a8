/**
 * The acceptance scenario of issue 2 as a real scratch git repository: a CRLF+BOM file, a file with no
 * final newline, a path with a space, an untouched file, a file that does not parse, and a symlink
 * leading out of the tree, all committed.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { commitAll, initGitRepo, makeTempFolder, writeTree } from './git-repo';

export interface Scenario {
  repo: string;
  /** A folder outside the repository (the symlink's target lives there). */
  outside: string;
}

export const scenarioFiles: Record<string, string> = {
  'src/crlf-bom.js': '\ufeffconst x = oldName(1);\r\nfoo();\r\n',
  'src/no-final-newline.js': 'oldName(2)',
  'src/with space.js': 'module.exports = () => oldName(3);\n',
  'src/untouched.js': 'const y = 1;\r\nmodule.exports = y;\n',
  // Mentions oldName so the prefilter lets it through to the parser, which fails on line 2.
  'src/broken.js': 'oldName(4);\nconst = ;\n',
};

export const outsideTarget = 'oldName(5);\n';

export function buildScenario(): Scenario {
  const outside = makeTempFolder('outside');
  writeTree(outside, { 'target.js': outsideTarget });
  const repo = initGitRepo(makeTempFolder('accept'));
  writeTree(repo, scenarioFiles);
  symlinkSync(path.join(outside, 'target.js'), path.join(repo, 'src/link.js'));
  commitAll(repo);
  return { repo, outside };
}

/** Every entry under `root` except .git: file bytes (base64), or `-> target` for a symlink. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const full = path.join(dir, name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`;
      else if (stats.isDirectory()) walk(full);
      else out[rel] = readFileSync(full).toString('base64');
    }
  };
  walk(root);
  return out;
}

export function readText(root: string, relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8');
}
