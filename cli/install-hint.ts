/**
 * After package.json changed, node_modules and the lock file still hold the old dependencies: the
 * summary says which install to run (the package manager whose lock file sits beside the manifest or
 * above it, as in a workspace; npm when there is none).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { SummaryMode } from '../report/summary';
import type { Report, WriteReport } from '../report/totals';

const lockFiles: [string, string][] = [
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
  ['package-lock.json', 'npm install'],
  ['npm-shrinkwrap.json', 'npm install'],
];

function findInstallCommand(folder: string): string {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const found = lockFiles.find(([file]) => existsSync(path.join(dir, file)));
    if (found) return found[1];
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return 'npm install';
  }
}

export function findInstallHints(report: Report, mode: SummaryMode, write: WriteReport | undefined): string[] {
  const manifests = report.result.files.filter(
    (file) => file.status === 'changed' && path.basename(file.path) === 'package.json',
  );
  const applied = mode === 'write' || mode === 'interactive';
  const relevant = applied ? manifests.filter((file) => write?.written.includes(file.path)) : manifests;
  return relevant.map((file) => {
    const command = findInstallCommand(path.dirname(file.absolutePath));
    const folder = path.posix.dirname(file.path);
    const where = folder === '.' ? '' : ` in ${folder}`;
    return applied
      ? `${file.path} changed: run ${command}${where} to update node_modules and the lock file`
      : `${file.path} would change: after --write, run ${command}${where}`;
  });
}
