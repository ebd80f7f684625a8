/** Turns the benchmark's measurements into medians, the table, and the pass/fail of each target. */
import { median } from './measure';
import type { StepName, StepRun } from './steps';

export interface StepSummary {
  runs: StepRun[];
  wallMs: number;
  minWallMs: number;
  maxWallMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** Medians of the numbers the process measured inside (probes only). */
  inner: Record<string, number>;
}

export interface RepoMeasurement {
  label: string;
  repo: string;
  files: number;
  bytes: number;
  generated?: Record<string, unknown>;
  steps: Partial<Record<StepName, StepSummary>>;
}

export interface TargetResult {
  target: string;
  value: string;
  verdict: 'PASS' | 'FAIL' | 'N/A';
  detail: string;
}

function readNumbers(value: unknown, prefix: string, into: Record<string, number[]>): void {
  if (typeof value === 'number') (into[prefix] ??= []).push(value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) readNumbers(inner, prefix ? `${prefix}.${key}` : key, into);
  }
}

export function summariseStep(runs: StepRun[]): StepSummary {
  const walls = runs.map((r) => r.wallMs);
  const numbers: Record<string, number[]> = {};
  for (const run of runs) readNumbers(run.inner, '', numbers);
  return {
    runs,
    wallMs: median(walls),
    minWallMs: Math.min(...walls),
    maxWallMs: Math.max(...walls),
    cpuMs: median(runs.map((r) => r.cpuMs ?? NaN)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    inner: Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, median(v)])),
  };
}

const seconds = (ms: number): string => (Number.isNaN(ms) ? '-' : (ms / 1000).toFixed(2));

/** The same ratio in CPU time: steadier than wall time when other jobs share the machine. */
function cpuRatio(a: StepSummary, b: StepSummary): string {
  return Number.isNaN(a.cpuMs) || Number.isNaN(b.cpuMs) ? '' : `; CPU ${(a.cpuMs / b.cpuMs).toFixed(2)}x`;
}

/** The awaitify figure the targets use: the CLI a user runs when it worked, else the API in a process. */
export function pickAwaitify(m: RepoMeasurement): { step: StepName; summary: StepSummary } | null {
  const cli = m.steps['awaitify-cli'];
  if (cli && cli.runs.every((r) => r.exitCode === 0)) return { step: 'awaitify-cli', summary: cli };
  const api = m.steps['awaitify-api'];
  return api ? { step: 'awaitify-api', summary: api } : null;
}

export function renderTable(measurements: readonly RepoMeasurement[]): string {
  const lines = [
    '| repository | step | wall s median (min-max) | CPU s | peak RSS MB | s per 1,000 files | x floor | exit |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const m of measurements) {
    const floor = m.steps.floor?.wallMs ?? NaN;
    for (const [step, s] of Object.entries(m.steps) as [StepName, StepSummary][]) {
      const exits = [...new Set(s.runs.map((r) => r.exitCode))].join(',');
      lines.push(
        `| ${m.label} (${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB) | ${step} | ${seconds(s.wallMs)} (${seconds(s.minWallMs)}-${seconds(s.maxWallMs)}) | ${seconds(s.cpuMs)} | ${s.maxRssMb.toFixed(0)} | ${(s.wallMs / m.files).toFixed(2)} | ${(s.wallMs / floor).toFixed(2)} | ${exits} |`,
      );
    }
  }
  return lines.join('\n');
}

/** The analysis phase as run.ts times it (program + plan, without applying it) against the bare program. */
function checkAnalysis(analysisMs: number | undefined, program: StepSummary | undefined): TargetResult {
  const target = 'analysis < 3x TS program of the files it needs';
  const programMs = program?.inner.programMs;
  if (analysisMs === undefined || programMs === undefined) {
    return {
      target,
      value: '-',
      verdict: 'N/A',
      detail: 'no analysis phase ran (propagate-async not registered, or nothing became async)',
    };
  }
  const ratio = analysisMs / programMs;
  return {
    target,
    value: `${ratio.toFixed(2)}x`,
    verdict: verdict(ratio < 3),
    detail: `analysis ${seconds(analysisMs)} s vs ts-morph program + checker ${seconds(programMs)} s (${program?.inner.roots} roots, ${program?.inner.loaded} files loaded)`,
  };
}

function verdict(ok: boolean | null): TargetResult['verdict'] {
  return ok === null ? 'N/A' : ok ? 'PASS' : 'FAIL';
}

/** Checks issue 6's targets on the largest measurement (and the 50% one for linearity). */
export function checkTargets(measurements: readonly RepoMeasurement[]): TargetResult[] {
  const full = measurements[measurements.length - 1];
  const half = measurements.find((m) => m.label === '50%');
  const awaitify = pickAwaitify(full);
  const floor = full.steps.floor;
  const jscodeshift = full.steps.jscodeshift;
  const api = full.steps['awaitify-api'];
  const program = full.steps.program;
  const results: TargetResult[] = [];
  if (awaitify && floor) {
    const ratio = awaitify.summary.wallMs / floor.wallMs;
    results.push({
      target: 'preview <= parse floor',
      value: `${ratio.toFixed(2)}x`,
      verdict: verdict(ratio <= 1),
      detail: `${awaitify.step} ${seconds(awaitify.summary.wallMs)} s vs floor ${seconds(floor.wallMs)} s${cpuRatio(awaitify.summary, floor)}`,
    });
  }
  if (awaitify && jscodeshift) {
    const speedup = jscodeshift.wallMs / awaitify.summary.wallMs;
    results.push({
      target: '>= 5x faster than jscodeshift',
      value: `${speedup.toFixed(2)}x`,
      verdict: verdict(speedup >= 5),
      detail: `jscodeshift ${seconds(jscodeshift.wallMs)} s vs ${awaitify.step} ${seconds(awaitify.summary.wallMs)} s${cpuRatio(jscodeshift, awaitify.summary)}`,
    });
  }
  results.push(checkAnalysis(api?.inner['stats.phaseMs.analysis'], program));
  const halfAwaitify = half ? pickAwaitify(half) : null;
  if (awaitify && halfAwaitify && half !== full) {
    const growth = awaitify.summary.wallMs / halfAwaitify.summary.wallMs;
    results.push({
      target: '100% <= 2.2x the 50% run',
      value: `${growth.toFixed(2)}x`,
      verdict: verdict(growth <= 2.2),
      detail: `${seconds(halfAwaitify.summary.wallMs)} s -> ${seconds(awaitify.summary.wallMs)} s${cpuRatio(awaitify.summary, halfAwaitify.summary)}`,
    });
  } else {
    results.push({
      target: '100% <= 2.2x the 50% run',
      value: '-',
      verdict: 'N/A',
      detail: 'needs the 50% and 100% sizes of the generated repository',
    });
  }
  const rss = Math.max(full.steps['awaitify-cli']?.maxRssMb ?? 0, api?.maxRssMb ?? 0);
  results.push({
    target: 'peak memory < 1 GB (5,000 files)',
    value: `${rss.toFixed(0)} MB`,
    verdict: verdict(rss < 1024),
    detail: `at ${full.files} files`,
  });
  return results;
}

export function renderTargets(targets: readonly TargetResult[]): string {
  return targets.map((t) => `${t.verdict.padEnd(4)}  ${t.target}: ${t.value} (${t.detail})`).join('\n');
}
