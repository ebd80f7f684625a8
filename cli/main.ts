/**
 * The awaitify command line, callable in process: `runCli(argv, io)` parses, runs the engine once,
 * renders the same results as a diff, JSON, a patch or a written tree, and returns the exit code.
 *   0  done          1  --check found changes
 *   2  usage error, a file that failed, or a refused or failed write (whatever output flags are set)
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RefusedWriteError, UsageError } from '../core/errors';
import { registry as defaultRegistry, type TransformRegistry } from '../transforms/registry';
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
import type { CliIo, CliOverrides } from './io';
import type { CliOptions } from './options';
import { parseArgs, type RunArguments } from './parse-args';
import { createProgress } from './progress';
import { checkUsage } from './usage';
import { reviewAndWrite } from './review-step';
import { writeChangedFiles } from './write-step';
import { checkPatchNotInRun, writePatchFile } from '../write/patch-file';

export type { CliIo, CliOverrides } from './io';

export async function runCli(argv: readonly string[], io: CliIo, overrides: CliOverrides = {}): Promise<number> {
  const registry = overrides.registry ?? defaultRegistry;
  try {
    const command = await parseArgs(argv, {
      version: getVersion(),
      width: io.columns ?? 100,
      transforms: registry.listTransforms(),
    });
    switch (command.kind) {
      case 'text':
        io.stdout.write(command.text.endsWith('\n') ? command.text : `${command.text}\n`);
        return 0;
      case 'usage-error':
        io.stderr.write(`awaitify: ${command.message}\nRun awaitify --help for the options.\n`);
        return 2;
      case 'list':
        io.stdout.write(renderTransformList(registry.listTransforms()));
        return 0;
      case 'run':
        return await runMigration(command.run, io, registry, overrides);
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

function getMode(cli: CliOptions): SummaryMode {
  if (cli.write) return 'write';
  if (cli.interactive) return 'interactive';
  if (cli.check) return 'check';
  return 'preview';
}

async function runMigration(
  args: RunArguments,
  io: CliIo,
  registry: TransformRegistry,
  overrides: CliOverrides,
): Promise<number> {
  const selected = await checkUsage(args, io, registry);
  const { cli } = args;
  const mode = getMode(cli);
  const now = overrides.now ?? (() => performance.now());
  const progress = createProgress({ stream: io.stderr, enabled: io.stderrIsTTY && !cli.json, now });
  let report: Report;
  try {
    const result = await run({
      paths: args.paths,
      cwd: io.cwd,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
      options: args.engine,
      transformOptions: args.transforms,
      onProgress: (done, total) => progress.update(done, total),
    });
    report = buildReport(result);
  } finally {
    progress.finish();
  }
  if (cli.patch !== undefined) savePatch(path.resolve(io.cwd, cli.patch), cli.patch, report);
  const write = await applyChanges(mode, report, cli, io);
  const exitCode = getExitCode(mode, report, write);
  printResults(io, report, { mode, cli, write, exitCode });
  return exitCode;
}

function savePatch(file: string, shown: string, report: Report): void {
  checkPatchNotInRun(
    file,
    shown,
    report.result.files.map((f) => f.absolutePath),
  );
  writePatchFile(file, shown, renderPatch(report));
}

async function applyChanges(
  mode: SummaryMode,
  report: Report,
  cli: CliOptions,
  io: CliIo,
): Promise<WriteReport | undefined> {
  if (mode !== 'write' && mode !== 'interactive') return undefined;
  const options = { cwd: io.cwd, allowDirty: cli.allowDirty, allowNoGit: cli.allowNoGit };
  const palette = getPalette(shouldUseColor({ isTTY: io.stdoutIsTTY, env: io.env, flag: cli.color }));
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
  // an error diagnostic (an --async name that matches nothing, a failed analysis) fails the run in every mode
  if (report.result.diagnostics.some((d) => d.severity === 'error')) return 2;
  if (write && (write.refusal !== undefined || write.notWritten.length > 0)) return 2;
  if (mode === 'check' && report.totals.changed > 0) return 1;
  return 0;
}

interface PrintContext {
  mode: SummaryMode;
  cli: CliOptions;
  write: WriteReport | undefined;
  exitCode: number;
}

function printResults(io: CliIo, report: Report, context: PrintContext): void {
  const { mode, cli, write } = context;
  if (cli.json) {
    io.stdout.write(renderJson(report, { mode, exitCode: context.exitCode, write, cliOptions: cli }));
  } else if (mode === 'preview' || mode === 'check') {
    io.stdout.write(
      renderDiffs(report.diffs, getPalette(shouldUseColor({ isTTY: io.stdoutIsTTY, env: io.env, flag: cli.color }))),
    );
  } else if (write) {
    io.stdout.write(write.written.map((p) => `wrote ${p}\n`).join(''));
  }
  const stderrPalette = getPalette(shouldUseColor({ isTTY: io.stderrIsTTY, env: io.env, flag: cli.color }));
  io.stderr.write(renderSummary(report, { mode, write, patchFile: cli.patch, palette: stderrPalette }));
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
