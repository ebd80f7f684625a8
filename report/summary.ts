/**
 * The summary printed on stderr after every run: counts that add up to the files examined, lines
 * added and removed, diagnostics grouped by code, skipped and failed files with why, API changes,
 * and what to do next. Long lists are cut short; `--json` has everything.
 */
import type { Diagnostic } from '../core/diagnostic';
import type { AsyncFunction } from '../core/async-function';
import { countLeftovers, type Leftover } from '../engine/leftovers';
import { plainPalette } from './color';
import type { LeftoverGate } from './leftover-gate';
import type { Palette } from './color';
import type { Report, Totals, WriteReport } from './totals';

/** What the run did, which decides the closing line. */
export type SummaryMode = 'preview' | 'check' | 'write' | 'interactive';

export interface SummaryOptions {
  mode: SummaryMode;
  /** What --write / --interactive did. */
  write?: WriteReport;
  /** Where --patch put the patch, if it was asked for. */
  patchFile?: string;
  palette?: Palette;
  /** Temp files that a killed awaitify run had left, removed by this run. */
  removedTemps?: readonly string[];
  /** What accepts each leftover (absent: leftovers are only counted). */
  gate?: LeftoverGate;
  /** Steps left to the user, such as the install after package.json changed. */
  hints?: readonly string[];
}

const maxListed = 20;
const maxLocationsPerCode = 8;

function getFirstLine(text: string): string {
  return text.split('\n', 1)[0];
}

function formatCount(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatLocation(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** Up to `max` items, then a line that says how many were left out. */
function limitList(items: readonly string[], max: number, indent: string): string[] {
  const shown = items.slice(0, max).map((item) => `${indent}${item}`);
  if (items.length > max) shown.push(`${indent}… and ${items.length - max} more (see --json)`);
  return shown;
}

function renderCounts(totals: Totals, palette: Palette): string[] {
  const parts = [
    palette.green(`${totals.changed} changed`),
    `${totals.unchanged} unchanged`,
    totals.skipped > 0 ? palette.yellow(`${totals.skipped} skipped`) : '0 skipped',
    totals.failed > 0 ? palette.red(`${totals.failed} failed`) : '0 failed',
  ];
  return [
    `${palette.bold('awaitify:')} ${parts.join(', ')} (${formatCount(totals.files, 'file')})`,
    `lines: +${totals.linesAdded} -${totals.linesRemoved}`,
  ];
}

function renderDiagnostics(diagnostics: readonly Diagnostic[], palette: Palette): string[] {
  if (diagnostics.length === 0) return [];
  const byCode = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const group = byCode.get(diagnostic.code);
    if (group) group.push(diagnostic);
    else byCode.set(diagnostic.code, [diagnostic]);
  }
  const out = [palette.bold(`diagnostics (${diagnostics.length}):`)];
  for (const [code, group] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sameMessage = group.every((d) => d.message === group[0].message);
    if (sameMessage) {
      out.push(`  ${palette.yellow(code)} ${group[0].severity} ×${group.length}: ${group[0].message}`);
      const locations = group.map((d) => formatLocation(d.file, d.line, d.column));
      out.push(...limitList(locations, maxLocationsPerCode, '    '));
    } else {
      // Messages that differ (each boundary names its own chain) are shown with their location.
      out.push(`  ${palette.yellow(code)} ${group[0].severity} ×${group.length}:`);
      const items = group.map((d) => `${formatLocation(d.file, d.line, d.column)} ${d.message}`);
      out.push(...limitList(items, maxLocationsPerCode, '    '));
    }
  }
  return out;
}

function renderApiChanges(apiChanges: readonly AsyncFunction[], palette: Palette): string[] {
  if (apiChanges.length === 0) return [];
  const items = apiChanges.map(
    (c) => `${formatLocation(c.file, c.line, c.column)} ${c.name ?? '(anonymous)'} now returns a Promise`,
  );
  return [
    palette.bold('API changes (callers outside this run must await these):'),
    ...limitList(items, maxListed, '  '),
  ];
}

/**
 * `2 sync primitives left: sync-request ×1, co ×1 (1 accepted by a comment; 1 not accepted)`; under
 * --check, the ones nothing accepts with where they are and how to accept them.
 */
function renderLeftovers(leftovers: readonly Leftover[], options: SummaryOptions, palette: Palette): string[] {
  const { gate, mode } = options;
  if (leftovers.length === 0) return gate?.notes.map((note) => `note: ${note}`) ?? [];
  const counts = Object.entries(countLeftovers(leftovers)).map(([primitive, n]) => `${primitive} ×${n}`);
  let headline = `${formatCount(leftovers.length, 'sync primitive')} left: ${counts.join(', ')}`;
  if (!gate) return [palette.yellow(headline)];
  const byComment = gate.items.filter((item) => item.accepted === 'comment').length;
  const byBaseline = gate.items.filter((item) => item.accepted === 'baseline').length;
  const accepted = [
    ...(byComment > 0 ? [`${byComment} accepted by a comment`] : []),
    ...(byBaseline > 0 ? [`${byBaseline} by the baseline`] : []),
  ];
  if (accepted.length > 0) headline += ` (${accepted.join(', ')}; ${gate.unaccepted} not accepted)`;
  const lines = [palette.yellow(headline)];
  if (mode === 'check' && gate.unaccepted > 0) {
    const open = gate.items.filter((item) => item.accepted === null);
    lines.push(
      'not accepted (--check fails on these):',
      ...limitList(
        open.map((item) => `${formatLocation(item.file, item.line, item.column)} ${item.primitive}`),
        maxListed,
        '  ',
      ),
      'accept one with `// awaitify-ignore-next-line: <reason>` on the line above it, or all of them with ' +
        '--update-baseline',
    );
  }
  return [...lines, ...gate.notes.map((note) => `note: ${note}`)];
}

function renderRemovedTemps(removed: readonly string[]): string[] {
  if (removed.length === 0) return [];
  return [
    `removed ${formatCount(removed.length, 'temp file')} that an interrupted awaitify run left:`,
    ...limitList(removed, maxListed, '  '),
  ];
}

function renderWriteOutcome(write: WriteReport | undefined): string[] {
  if (write?.refusal && write.written.length > 0) {
    return [
      write.refusal,
      `${formatCount(write.written.length, 'file')} could not be restored: check them with git diff`,
    ];
  }
  if (write?.refusal) return [write.refusal, 'nothing was written: the tree is unchanged'];
  const written = `wrote ${formatCount(write?.written.length ?? 0, 'file')}`;
  const notWritten = write?.notWritten ?? [];
  if (notWritten.length === 0) return [written];
  return [
    `${written}; ${formatCount(notWritten.length, 'file')} not written:`,
    ...notWritten.map((n) => `  ${n.path}: ${n.reason}`),
  ];
}

function renderNextStep(report: Report, options: SummaryOptions): string[] {
  const { changed, files } = report.totals;
  if (files === 0) return ['no JavaScript or TypeScript files found (check the paths and --ignore)'];
  switch (options.mode) {
    case 'preview':
      return [changed > 0 ? 'nothing written; run with --write to apply' : 'nothing to change'];
    case 'check':
      if (changed > 0) return [`${formatCount(changed, 'file')} would change; run awaitify --write to apply`];
      if ((options.gate?.unaccepted ?? 0) > 0) {
        return [`${formatCount(options.gate?.unaccepted ?? 0, 'sync primitive')} left that nothing accepts`];
      }
      return ['nothing to change'];
    case 'write':
    case 'interactive':
      return renderWriteOutcome(options.write);
  }
}

/** Why the run ends with exit code 2, when it does. */
function renderErrorLine(report: Report, write: WriteReport | undefined, palette: Palette): string[] {
  const reasons = [
    ...(report.totals.failed > 0 ? [`${formatCount(report.totals.failed, 'file')} failed`] : []),
    ...(write?.refusal ? ['the write was refused'] : []),
    ...(write && write.notWritten.length > 0 ? [`${formatCount(write.notWritten.length, 'file')} not written`] : []),
  ];
  return reasons.length > 0 ? [palette.red(`exit code 2: ${reasons.join(', ')}`)] : [];
}

export function renderSummary(report: Report, options: SummaryOptions): string {
  const palette = options.palette ?? plainPalette;
  const { result } = report;
  const skipped = result.files.filter((f) => f.status === 'skipped').map((f) => `${f.path}: ${f.reason ?? 'skipped'}`);
  const failed = result.files
    .filter((f) => f.status === 'failed')
    .map(
      (f) => `${formatLocation(f.path, f.error?.line, f.error?.column)}: ${getFirstLine(f.error?.message ?? 'failed')}`,
    );
  const lines = [
    ...renderCounts(report.totals, palette),
    ...(skipped.length > 0 ? [palette.bold('skipped:'), ...limitList(skipped, maxListed, '  ')] : []),
    ...(failed.length > 0 ? [palette.bold(palette.red('failed:')), ...limitList(failed, maxListed * 5, '  ')] : []),
    ...renderDiagnostics(result.diagnostics, palette),
    ...renderApiChanges(result.apiChanges, palette),
    ...renderLeftovers(result.leftovers, options, palette),
    ...renderRemovedTemps(options.removedTemps ?? []),
    ...(options.patchFile ? [`patch written to ${options.patchFile}`] : []),
    ...renderNextStep(report, options),
    ...(options.hints ?? []),
    ...renderErrorLine(report, options.write, palette),
  ];
  return `${lines.join('\n')}\n`;
}
