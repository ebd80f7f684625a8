/**
 * The awaitify command line, callable in process: `runCli(argv, io)` parses, runs the engine once,
 * renders the same results as a diff, JSON, a patch or a written tree, and returns the exit code.
 *   0  done          1  --check found changes
 *   2  usage error, a file that failed, or a refused or failed write (whatever output flags are set)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as defaultRegistry from '../transforms/registry';
import type { SelectedTransforms } from '../transforms/registry';
import { RefusedWriteError, UsageError } from '../core/errors';
import { run } from '../engine/run';
import { getPalette, shouldUseColor } from '../report/color';
import { renderDiffs } from '../report/diff';
import { renderJson } from '../report/json';
import { renderPatch } from '../report/patch';
import { renderSummary } from '../report/summary';
import type { SummaryMode } from '../report/summary';
import { buildReport } from '../report/totals';
import type { Report, WriteReport } from '../report/totals';
import { renderTransformList } from '../report/transform-list';
import type { CliIo, CliOverrides, TransformRegistry } from './io';
import type { CliArgs } from './options';
import { parseArgs } from './parse-args';
import { createProgress } from './progress';
import { reviewAndWrite } from './review-step';
import { writeChangedFiles } from './write-step';

export type { CliIo, CliOverrides, TransformRegistry } from './io';

export async function runCli(argv: readonly string[], io: CliIo, overrides: CliOverrides = {}): Promise<number> {
  try {
    const command = await parseArgs(argv, { version: getVersion(), width: io.columns ?? 100 });
    switch (command.kind) {
      case 'text':
        io.stdout.write(command.text.endsWith('\n') ? command.text : `${command.text}\n`);
        return 0;
      case 'usage-error':
        io.stderr.write(`awaitify: ${command.message}\nRun awaitify --help for the options.\n`);
        return 2;
      case 'list':
        io.stdout.write(renderTransformList((overrides.registry ?? defaultRegistry).listTransforms()));
        return 0;
      case 'run':
        return await runMigration(command.paths, command.args, io, overrides);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof RefusedWriteError) {
      io.stderr.write(`awaitify: ${error.message}\n`);
    } else {
      io.stderr.write(`awaitify: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    return 2;
  }
}

function getMode(args: CliArgs): SummaryMode {
  if (args.write) return 'write';
  if (args.interactive) return 'interactive';
  if (args.check) return 'check';
  return 'preview';
}

/** Everything that can be refused is refused here, before a file is read; returns the transforms to run. */
function checkUsage(paths: readonly string[], args: CliArgs, io: CliIo, registry: TransformRegistry): SelectedTransforms {
  for (const p of paths) {
    if (!existsSync(path.resolve(io.cwd, p))) throw new UsageError(`no such file or folder: ${p}`);
  }
  if (args.interactive && !io.stdinIsTTY) {
    throw new UsageError('--interactive needs a terminal to ask on (stdin is not one); preview the diff and use --write, or --patch FILE');
  }
  if (args.patch !== undefined && !existsSync(path.dirname(path.resolve(io.cwd, args.patch)))) {
    throw new UsageError(`--patch ${args.patch}: its folder does not exist`);
  }
  return registry.selectTransforms(args.transforms);
}

async function runMigration(paths: string[], args: CliArgs, io: CliIo, overrides: CliOverrides): Promise<number> {
  const registry = overrides.registry ?? defaultRegistry;
  const selected = checkUsage(paths, args, io, registry);
  const mode = getMode(args);
  const now = overrides.now ?? (() => performance.now());
  const progress = createProgress({ stream: io.stderr, enabled: io.stderrIsTTY && !args.json, now });
  let report: Report;
  try {
    const result = await run({
      paths,
      cwd: io.cwd,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
      ignore: args.ignore ?? [],
      runners: args.runner ?? [],
      asyncNames: args.async ?? [],
      markBoundaries: args.markBoundaries === true,
      parallelMap: args.parallelMap === true,
      maxFileSize: args.maxFileSize,
      concurrency: args.concurrency,
      onProgress: (done, total) => progress.update(done, total),
    });
    report = buildReport(result);
  } finally {
    progress.finish();
  }
  if (args.patch !== undefined) writePatchFile(path.resolve(io.cwd, args.patch), renderPatch(report));
  const write = await applyChanges(mode, report, args, io);
  const exitCode = getExitCode(mode, report, write);
  printResults(io, report, { mode, args, write, exitCode });
  return exitCode;
}

function writePatchFile(file: string, patch: string): void {
  try {
    writeFileSync(file, patch);
  } catch (error) {
    throw new UsageError(`--patch: cannot write ${file}: ${(error as Error).message}`);
  }
}

async function applyChanges(mode: SummaryMode, report: Report, args: CliArgs, io: CliIo): Promise<WriteReport | undefined> {
  if (mode !== 'write' && mode !== 'interactive') return undefined;
  const options = { cwd: io.cwd, allowDirty: args.allowDirty === true, allowNoGit: args.allowNoGit === true };
  const palette = getPalette(shouldUseColor({ isTTY: io.stdoutIsTTY, env: io.env, flag: args.color }));
  try {
    return mode === 'write'
      ? await writeChangedFiles(report.result.files, options)
      : await reviewAndWrite(report, { ...options, palette, input: io.stdin, output: io.stdout });
  } catch (error) {
    if (error instanceof RefusedWriteError) return { written: [], notWritten: [], refusal: error.message };
    throw error;
  }
}

function getExitCode(mode: SummaryMode, report: Report, write: WriteReport | undefined): number {
  if (report.totals.failed > 0) return 2;
  if (write && (write.refusal !== undefined || write.notWritten.length > 0)) return 2;
  if (mode === 'check' && report.totals.changed > 0) return 1;
  return 0;
}

interface PrintContext {
  mode: SummaryMode;
  args: CliArgs;
  write: WriteReport | undefined;
  exitCode: number;
}

function printResults(io: CliIo, report: Report, context: PrintContext): void {
  const { mode, args, write } = context;
  if (args.json) {
    io.stdout.write(renderJson(report, { mode, exitCode: context.exitCode, write }));
  } else if (mode === 'preview' || mode === 'check') {
    io.stdout.write(renderDiffs(report.diffs, getPalette(shouldUseColor({ isTTY: io.stdoutIsTTY, env: io.env, flag: args.color }))));
  } else if (write) {
    io.stdout.write(write.written.map((p) => `wrote ${p}\n`).join(''));
  }
  const stderrPalette = getPalette(shouldUseColor({ isTTY: io.stderrIsTTY, env: io.env, flag: args.color }));
  io.stderr.write(renderSummary(report, { mode, write, patchFile: args.patch, palette: stderrPalette }));
}

/** The version in awaitify's package.json, found from this file in cli/ or in dist/cli/. */
function getVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (!existsSync(candidate)) continue;
    const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'awaitify') return pkg.version ?? '0.0.0';
  }
  return '0.0.0';
}
