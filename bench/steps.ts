/**
 * The measured steps, each one process (or, for jscodeshift, one process per transform run one after
 * another, as a user without the awaitify driver would): the parse floor, awaitify through its API and
 * as its CLI, plain jscodeshift, and the TypeScript program the analysis is compared with.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureCommand, type Measurement } from './measure';
import type { ProbeArgs } from './probe';

export type StepName =
  'floor' | 'awaitify-api' | 'awaitify-cli' | 'jscodeshift' | 'jscodeshift-unfiltered' | 'program' | 'full-program';

export interface StepRun extends Measurement {
  /** What the process measured inside (probes only). */
  inner?: Record<string, unknown>;
  /** jscodeshift: one measurement per transform. */
  parts?: (Measurement & { transform: string; counts: JscodeshiftCounts | null })[];
}

/** jscodeshift's closing summary (`0 errors`, `4990 unmodified`, `0 skipped`, `10 ok`). */
export interface JscodeshiftCounts {
  errors: number;
  unmodified: number;
  skipped: number;
  ok: number;
}

export function readJscodeshiftCounts(stdout: string): JscodeshiftCounts | null {
  const read = (label: string): number | null => {
    const match = new RegExp(`(\\d+) ${label}`).exec(stdout);
    return match ? Number(match[1]) : null;
  };
  const [errors, unmodified, skipped, ok] = ['errors', 'unmodified', 'skipped', 'ok'].map(read);
  if (errors === null || unmodified === null || skipped === null || ok === null) return null;
  return { errors, unmodified, skipped, ok };
}

export interface StepContext {
  repo: string;
  /** Compiled awaitify root (`dist/`). */
  distRoot: string;
  /** The files awaitify discovers, absolute paths. */
  files: string[];
  scratch: string;
  /** Per-file transform names as registered (the jscodeshift step runs their default exports). */
  transformNames: string[];
}

export const jscodeshiftExtensions = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';

function probeArgs(ctx: StepContext): ProbeArgs {
  return {
    repo: ctx.repo,
    listFile: path.join(ctx.scratch, 'files.txt'),
    startsFile: path.join(ctx.scratch, 'starts.txt'),
    outFile: path.join(ctx.scratch, 'probe-out.json'),
  };
}

export function prepareScratch(ctx: StepContext): void {
  fs.mkdirSync(ctx.scratch, { recursive: true });
  fs.writeFileSync(probeArgs(ctx).listFile, ctx.files.join('\n'));
}

function runProbe(ctx: StepContext, kind: string): StepRun {
  const args = probeArgs(ctx);
  const argsFile = path.join(ctx.scratch, 'probe-args.json');
  fs.writeFileSync(argsFile, JSON.stringify(args));
  fs.rmSync(args.outFile, { force: true });
  const measured = measureCommand({
    command: process.execPath,
    args: [path.join(ctx.distRoot, 'bench', 'probe.js'), kind, argsFile],
    cwd: ctx.repo,
  });
  const inner = fs.existsSync(args.outFile)
    ? (JSON.parse(fs.readFileSync(args.outFile, 'utf8')) as Record<string, unknown>)
    : undefined;
  return { ...measured, inner };
}

/** Each transform's own module, or (`unfiltered`) the bench wrapper that drops its pre-filter. */
function runJscodeshift(ctx: StepContext, unfiltered: boolean): StepRun {
  const bin = require.resolve('jscodeshift/bin/jscodeshift.js');
  const parts = ctx.transformNames.map((transform) => {
    const transformArgs = unfiltered
      ? ['-t', path.join(ctx.distRoot, 'bench', 'jscodeshift-unfiltered.js'), `--awaitifyTransform=${transform}`]
      : ['-t', require.resolve(path.join(ctx.distRoot, 'transforms', transform))];
    const measured = measureCommand({
      command: process.execPath,
      // --no-babel: the transforms are compiled JavaScript already, and under the default --babel the
      // worker compiles every module it loads, node_modules included, and dies on ts-morph's static blocks.
      args: [
        bin,
        '--dry',
        '--no-babel',
        `--extensions=${jscodeshiftExtensions}`,
        '--parser=tsx',
        '--stdin',
        ...transformArgs,
      ],
      cwd: ctx.repo,
      input: ctx.files.join('\n'),
      captureStdout: true,
    });
    const counts = readJscodeshiftCounts(measured.stdoutTail ?? '');
    const processed = counts ? counts.errors + counts.unmodified + counts.skipped + counts.ok : 0;
    // A worker that dies still lets jscodeshift exit 0 with "0 ok"; count that as a failed run.
    const exitCode = measured.exitCode === 0 && processed !== ctx.files.length ? 1 : measured.exitCode;
    return { ...measured, exitCode, transform, counts };
  });
  return {
    wallMs: parts.reduce((sum, p) => sum + p.wallMs, 0),
    cpuMs: parts.every((p) => p.cpuMs !== null) ? parts.reduce((sum, p) => sum + (p.cpuMs ?? 0), 0) : null,
    maxRssMb: Math.max(0, ...parts.map((p) => p.maxRssMb)),
    exitCode: Math.max(0, ...parts.map((p) => p.exitCode)),
    stderrTail: parts.map((p) => p.stderrTail).join(''),
    parts,
  };
}

export function runStep(ctx: StepContext, step: StepName): StepRun {
  switch (step) {
    case 'floor':
      return runProbe(ctx, 'floor');
    case 'awaitify-api':
      return runProbe(ctx, 'awaitify');
    case 'program':
      return runProbe(ctx, 'program');
    case 'full-program':
      return runProbe(ctx, 'full-program');
    case 'awaitify-cli':
      // Plain preview: the unified diff goes to stdout (discarded), the summary to stderr.
      return measureCommand({
        command: process.execPath,
        args: [path.join(ctx.distRoot, 'bin', 'awaitify.js'), '--no-color'],
        cwd: ctx.repo,
      });
    case 'jscodeshift':
      return runJscodeshift(ctx, false);
    case 'jscodeshift-unfiltered':
      return runJscodeshift(ctx, true);
  }
}

/** Whether the compiled CLI exists (it is written by another part of the project). */
export function hasCli(distRoot: string): boolean {
  return fs.existsSync(path.join(distRoot, 'bin', 'awaitify.js'));
}
