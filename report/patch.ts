/**
 * `--patch FILE`: the preview without colour, which `git apply` (and `patch -p1`) accept. Kept as its
 * own renderer so the patch never picks up terminal styling, whatever the CLI decided for stdout.
 *
 * The first line marks the file as awaitify's: `--patch` overwrites an existing file only when it starts
 * with this line (write/patch-file.ts). git apply and patch skip text before the first diff.
 */
import { plainPalette } from './color';
import { renderDiffs } from './diff';
import type { Report } from './totals';

export const patchHeader = '# awaitify patch: apply it with `git apply`; awaitify --patch may overwrite this file';

export function renderPatch(report: Report): string {
  return `${patchHeader}\n${renderDiffs(report.diffs, plainPalette)}`;
}

/** Whether a file's first bytes are those of a patch awaitify wrote. */
export function isAwaitifyPatch(start: string): boolean {
  return start.startsWith('# awaitify patch');
}
