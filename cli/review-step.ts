/**
 * `--interactive` from start to end: refuse early if the git guard would refuse (nobody should review
 * changes that cannot be written), ask about each changed file, then write the accepted ones.
 */
import type { Palette } from '../report/color';
import { renderFileDiff } from '../report/diff';
import type { Report, WriteReport } from '../report/totals';
import { checkGitGuard } from '../write/git-guard';
import { reviewChanges } from './interactive';
import type { OutputStream } from './io';
import { writeChangedFiles } from './write-step';
import type { WriteStepOptions } from './write-step';

export interface ReviewStepOptions extends WriteStepOptions {
  palette: Palette;
  input: NodeJS.ReadableStream;
  output: OutputStream;
}

export async function reviewAndWrite(report: Report, options: ReviewStepOptions): Promise<WriteReport> {
  const items = report.result.files
    .map((file, index) => ({ item: file, path: file.path, diff: renderFileDiff(report.diffs[index], options.palette) }))
    .filter(({ item }) => item.status === 'changed');
  if (items.length === 0) return { written: [], notWritten: [] };
  await checkGitGuard(
    items.map(({ item }) => item.absolutePath),
    { allowDirty: options.allowDirty, allowNoGit: options.allowNoGit, cwd: options.cwd },
  );
  const accepted = await reviewChanges(items, options.input, options.output);
  return writeChangedFiles(accepted, options);
}
