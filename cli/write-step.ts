/**
 * `--write` and `--interactive` end here: exactly the accepted 'changed' results are written, with the
 * bytes the preview showed, after the git guard has accepted every one of them — all of them or none
 * (write/write-results.ts).
 */
import * as path from 'node:path';
import type { FileResult } from '../engine/types';
import type { WriteReport } from '../report/totals';
import { checkGitGuard } from '../write/git-guard';
import { writeResults, type FileProblem, type WriteBatch } from '../write/write-results';

export interface WriteStepOptions {
  cwd: string;
  allowDirty: boolean;
  allowNoGit: boolean;
  allowReadOnly: boolean;
}

/** Throws RefusedWriteError (before touching anything) when the git guard refuses. */
export async function writeChangedFiles(files: readonly FileResult[], options: WriteStepOptions): Promise<WriteReport> {
  const targets = files.filter((file) => file.status === 'changed' && file.before && file.after);
  if (targets.length === 0) return { written: [], notWritten: [] };
  await checkGitGuard(
    targets.map((file) => file.absolutePath),
    { allowDirty: options.allowDirty, allowNoGit: options.allowNoGit, cwd: options.cwd },
  );
  const batch = await writeResults(
    targets.map((file) => ({
      absolutePath: file.absolutePath,
      before: file.before as Buffer,
      after: file.after as Buffer,
      mode: file.mode,
    })),
    { allowReadOnly: options.allowReadOnly },
  );
  const shown = new Map(targets.map((file) => [file.absolutePath, file.path]));
  return describeBatch(batch, (absolutePath) => shown.get(absolutePath) ?? relativePath(options.cwd, absolutePath));
}

function relativePath(cwd: string, absolutePath: string): string {
  return path.relative(cwd, absolutePath).split(path.sep).join('/');
}

function describeBatch(batch: WriteBatch, show: (absolutePath: string) => string): WriteReport {
  const toEntry = ({ absolutePath, reason }: FileProblem) => ({ path: show(absolutePath), reason });
  switch (batch.kind) {
    case 'written':
      return { written: batch.written.map(show), notWritten: [] };
    case 'refused':
      return {
        written: [],
        notWritten: batch.refusals.map(toEntry),
        refusal: [
          'Refusing to write: these files cannot be replaced as the run read them:',
          ...batch.refusals.map((problem) => `  ${show(problem.absolutePath)}: ${problem.reason}`),
        ].join('\n'),
      };
    case 'restored': {
      const failed = batch.failure.absolutePath ? `${show(batch.failure.absolutePath)}: ` : '';
      const lines = [
        `Writing failed (${failed}${batch.failure.reason}); the ${batch.restored.length} files already written ` +
          'were restored from the bytes the run read',
        ...batch.notRestored.map((problem) => `  NOT restored: ${show(problem.absolutePath)}: ${problem.reason}`),
      ];
      return {
        written: batch.notRestored.map((problem) => show(problem.absolutePath)),
        notWritten: [toEntry(batch.failure)],
        restored: batch.restored.map(show),
        refusal: lines.join('\n'),
      };
    }
  }
}
