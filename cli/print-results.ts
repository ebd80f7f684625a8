/**
 * What a run prints: the diff (preview, --check), the files written (--write), or the JSON report on
 * stdout; the summary on stderr, always.
 */
import type { LeftoverGate } from '../report/leftover-gate';
import { getPalette, shouldUseColor } from '../report/color';
import { renderDiffs } from '../report/diff';
import { renderJson } from '../report/json';
import { renderSummary, type SummaryMode } from '../report/summary';
import type { Report, WriteReport } from '../report/totals';
import { findInstallHints } from './install-hint';
import type { CliIo } from './io';
import type { CliOptions } from './options';

export interface PrintContext {
  mode: SummaryMode;
  cli: CliOptions;
  write: WriteReport | undefined;
  exitCode: number;
  /** Temp files of killed runs removed by this one (relative paths). */
  removedTemps: string[];
  gate: LeftoverGate;
  /** Where each option's value came from, and the configuration file read (for the --json echo). */
  options: { sources: Record<string, string>; configFile?: string };
}

export function printResults(io: CliIo, report: Report, context: PrintContext): void {
  const { mode, cli, write } = context;
  if (cli.json) {
    io.stdout.write(
      renderJson(report, {
        mode,
        exitCode: context.exitCode,
        write,
        cliOptions: cli,
        removedTemps: context.removedTemps,
        gate: context.gate,
        optionSources: context.options,
      }),
    );
  } else if (mode === 'preview' || mode === 'check') {
    io.stdout.write(
      renderDiffs(report.diffs, getPalette(shouldUseColor({ isTTY: io.stdoutIsTTY, env: io.env, flag: cli.color }))),
    );
  } else if (write) {
    io.stdout.write(write.written.map((p) => `wrote ${p}\n`).join(''));
  }
  const stderrPalette = getPalette(shouldUseColor({ isTTY: io.stderrIsTTY, env: io.env, flag: cli.color }));
  const { removedTemps, gate } = context;
  const hints = findInstallHints(report, mode, write);
  io.stderr.write(
    renderSummary(report, { mode, write, patchFile: cli.patch, palette: stderrPalette, removedTemps, gate, hints }),
  );
}
