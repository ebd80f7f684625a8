/**
 * `--patch FILE`: the preview without colour, which `git apply` (and `patch -p1`) accept. Kept as its
 * own renderer so the patch never picks up terminal styling, whatever the CLI decided for stdout.
 */
import { plainPalette } from './color';
import { renderDiffs } from './diff';
import type { Report } from './totals';

export function renderPatch(report: Report): string {
  return renderDiffs(report.diffs, plainPalette);
}
