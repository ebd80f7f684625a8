/**
 * Everything that can be refused is refused here, before a file is read: paths that do not exist,
 * `--interactive` without a terminal, a `--patch` target awaitify must not write, options of a
 * transform that `--transforms` leaves out.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors';
import { normaliseOption, toFlagName } from '../core/options';
import { engineOptions } from '../engine/options';
import type { SelectedTransforms, TransformRegistry } from '../transforms/registry';
import { checkPatchTarget } from '../write/patch-file';
import { findClosest } from './did-you-mean';
import type { CliIo } from './io';
import type { RunArguments } from './parse-args';

/** Returns the transforms to run. */
export async function checkUsage(
  args: RunArguments,
  io: CliIo,
  registry: TransformRegistry,
): Promise<SelectedTransforms> {
  for (const p of args.paths) {
    if (existsSync(path.resolve(io.cwd, p))) continue;
    // `awaitify lsit` reads as a path; it was probably the command
    const command = /^[a-z]+$/.test(p) ? findClosest(p, ['list']) : null;
    throw new UsageError(`no such file or folder: ${p}${command ? ` (did you mean the command ${command}?)` : ''}`);
  }
  const { cli } = args;
  if (cli.interactive && !io.stdinIsTTY) {
    throw new UsageError(
      '--interactive needs a terminal to ask on (stdin is not one); preview the diff and use --write, or --patch FILE',
    );
  }
  if (cli.patch !== undefined) await checkPatchTarget(path.resolve(io.cwd, cli.patch), cli.patch);
  const names = normaliseOption(engineOptions.transforms, args.engine.transforms, '--transforms') as string[];
  const selected = registry.selectTransforms(names);
  const chosen = new Set(
    [...selected.transforms, ...(selected.projectTransform ? [selected.projectTransform] : [])].map((t) => t.meta.name),
  );
  for (const [name, given] of Object.entries(args.transforms)) {
    if (chosen.has(name)) continue;
    const flags = Object.keys(given)
      .filter((key) => args.sources[key] === 'flag')
      .map((key) => `--${toFlagName(key)}`);
    if (flags.length > 0) {
      throw new UsageError(`${flags.join(', ')} belongs to ${name}, which --transforms does not select`);
    }
    // a configuration file sets options for every transform; those of transforms left out rest
    args.transforms[name] = {};
  }
  return selected;
}

/**
 * What the run does differently from what was asked, said before it starts: a --concurrency above the
 * CPU count runs with the CPU count (the schema lowers it; a shared CI setting should not fail).
 */
export function findUsageNotes(args: RunArguments): string[] {
  const given = args.given.concurrency;
  if (given === undefined) return [];
  const cpus = engineOptions.concurrency.max();
  const asked = Number(given);
  if (!(asked > cpus)) return [];
  const what =
    args.sources.concurrency === 'config' ? `"concurrency": ${asked} in the configuration` : `--concurrency ${asked}`;
  return [`${what} is more than the ${cpus} CPU${cpus === 1 ? '' : 's'} here; using ${cpus}`];
}
