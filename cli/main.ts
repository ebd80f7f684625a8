/**
 * The awaitify command line, callable in process: `runCli(argv, io)` parses, runs the engine once,
 * renders the same results as a diff, JSON, a patch or a written tree, and returns the exit code
 * (cli/exit-code.ts).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RefusedWriteError, UsageError } from '../core/errors';
import { run } from '../engine/run';
import { getPalette, shouldUseColor } from '../report/color';
import { renderPatch } from '../report/patch';
import type { SummaryMode } from '../report/summary';
import { buildReport, type Report, type WriteReport } from '../report/totals';
import { renderTransformList, renderTransformListJson } from '../report/transform-list';
import { registry as defaultRegistry, type TransformRegistry } from '../transforms/registry';
import { checkPatchNotInRun, writePatchFile } from '../write/patch-file';
import { sweepStaleTemps } from '../write/temp-files';
import { applyConfig, describeSources, loadConfig } from './config';
import { getExitCode } from './exit-code';
import { gateReport, loadBaseline } from './gate-step';
import type { CliIo, CliOverrides } from './io';
import { listOptionKeys } from './option-keys';
import type { CliOptions } from './options';
import { parseArgs, type RunArguments } from './parse-args';
import { printResults } from './print-results';
import { createProgress } from './progress';
import { reviewAndWrite } from './review-step';
import { checkUsage, findUsageNotes } from './usage';
import { getVersion } from './version';
import { writeChangedFiles } from './write-step';

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
      case 'list': {
        const transforms = registry.listTransforms();
        io.stdout.write(command.json ? renderTransformListJson(transforms) : renderTransformList(transforms));
        return 0;
      }
      case 'run': {
        const config = await loadConfig(io.cwd);
        const args = applyConfig(command.run, config, registry.listTransforms(), io.cwd);
        return await runMigration(args, io, registry, overrides);
      }
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
  for (const note of findUsageNotes(args)) io.stderr.write(`awaitify: note: ${note}\n`);
  const { cli } = args;
  const baseline = loadBaseline(cli, io.cwd);
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
  const removedTemps = await removeStaleTemps(report, io.cwd);
  if (cli.patch !== undefined) savePatch(path.resolve(io.cwd, cli.patch), cli.patch, report);
  const gate = gateReport(report, baseline, io.cwd);
  const write = await applyChanges(mode, report, cli, io);
  const exitCode = getExitCode(mode, report, write, gate);
  const configFile = args.configFile && path.relative(io.cwd, args.configFile).split(path.sep).join('/');
  const options = { sources: describeSources(args, listOptionKeys(selected)), configFile };
  printResults(io, report, { mode, cli, write, exitCode, removedTemps, gate, options });
  return exitCode;
}

/**
 * Temp files that a killed awaitify run left beside the files of this run (their writer is gone), in
 * every mode: they are awaitify's own, and nobody else would remove them.
 */
async function removeStaleTemps(report: Report, cwd: string): Promise<string[]> {
  const folders = report.result.files.map((file) => path.dirname(file.absolutePath));
  const removed = await sweepStaleTemps(folders);
  return removed.map((file) => path.relative(cwd, file).split(path.sep).join('/')).sort();
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
  const options = {
    cwd: io.cwd,
    allowDirty: cli.allowDirty,
    allowNoGit: cli.allowNoGit,
    allowReadOnly: cli.allowReadOnly,
  };
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
