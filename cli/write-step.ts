/**
 * `--write` and `--interactive` end here: exactly the accepted 'changed' results are written, with the
 * bytes the preview showed, after the git guard has accepted every one of them and stale temp files
 * of killed runs have been swept from their folders.
 */
import * as path from 'node:path';
import type { FileResult } from '../engine/types';
import { checkGitGuard } from '../write/git-guard';
import { sweepStaleTemps } from '../write/temp-files';
import { writeResults } from '../write/write-results';
import type { WriteReport } from '../report/totals';

export interface WriteStepOptions {
  cwd: string;
  allowDirty: boolean;
  allowNoGit: boolean;
}

/** Throws RefusedWriteError (before touching anything) when the git guard refuses. */
export async function writeChangedFiles(files: readonly FileResult[], options: WriteStepOptions): Promise<WriteReport> {
  const targets = files.filter((file) => file.status === 'changed' && file.before && file.after);
  if (targets.length === 0) return { written: [], notWritten: [] };
  await checkGitGuard(
    targets.map((file) => file.absolutePath),
    { allowDirty: options.allowDirty, allowNoGit: options.allowNoGit, cwd: options.cwd },
  );
  await sweepStaleTemps(targets.map((file) => path.dirname(file.absolutePath)));
  const outcomes = await writeResults(
    targets.map((file) => ({
      absolutePath: file.absolutePath,
      before: file.before as Buffer,
      after: file.after as Buffer,
      mode: file.mode,
    })),
  );
  const summary: WriteReport = { written: [], notWritten: [] };
  outcomes.forEach((outcome, index) => {
    if (outcome.ok) summary.written.push(targets[index].path);
    else summary.notWritten.push({ path: targets[index].path, reason: outcome.reason });
  });
  return summary;
}
