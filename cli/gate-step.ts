/**
 * The leftover gate of a run: the baseline is read before the run (a broken one fails fast), the
 * leftovers are sorted into accepted and not after it, and `--update-baseline` writes the new baseline.
 */
import * as path from 'node:path';
import { buildBaseline, gateLeftovers, type Baseline, type LeftoverGate } from '../report/leftover-gate';
import type { Report } from '../report/totals';
import { defaultBaselineFile, readBaseline, writeBaseline } from './baseline';
import type { CliOptions } from './options';

export interface BaselineInput {
  file: string;
  shown: string;
  /** The baseline as read (null: none, or --update-baseline replaces it). */
  baseline: Baseline | null;
  update: boolean;
}

export function loadBaseline(cli: CliOptions, cwd: string): BaselineInput {
  const shown = cli.baseline ?? defaultBaselineFile;
  const file = path.resolve(cwd, shown);
  // --update-baseline still reads it: a file that is not a baseline must not be replaced
  const baseline = readBaseline(file, shown);
  return { file, shown, baseline: cli.updateBaseline ? null : baseline, update: cli.updateBaseline };
}

export function gateReport(report: Report, input: BaselineInput, cwd: string): LeftoverGate {
  const { leftovers, files } = report.result;
  const context = { cwd, baselineFile: input.file };
  const gate = gateLeftovers(leftovers, files, { ...context, baseline: input.baseline });
  if (!input.update) return gate;
  const baseline = buildBaseline(gate, context);
  writeBaseline(input.file, input.shown, baseline);
  const updated = gateLeftovers(leftovers, files, { ...context, baseline });
  const accepted = updated.items.filter((item) => item.accepted === 'baseline').length;
  return { ...updated, notes: [...updated.notes, `baseline written to ${input.shown} (${accepted} accepted)`] };
}
