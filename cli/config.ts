/**
 * The configuration file: `awaitify.config.{json,js,cjs,mjs}` or the `"awaitify"` key of package.json,
 * the first found from the working folder upward (lilconfig; in one folder, a config file before
 * package.json). Its keys are the options' schema keys (`ignore`, `maxFileSize`, `runner`,
 * `markBoundaries`, …: the same schemas the flags come from, no second list); a flag wins over the
 * file. Paths (`patch`, `baseline`: options whose argument is a FILE) are relative to the file's folder,
 * and so are `ignore` patterns (cli/config-ignore.ts). A file never makes a run write or gate: `write`,
 * `check`, `interactive` and `updateBaseline` are refused there, as are unknown keys and values of the
 * wrong type, each named with what was expected (exit 2).
 */
import * as path from 'node:path';
import { defaultLoaders, lilconfig, type Loader } from 'lilconfig';
import { UsageError } from '../core/errors';
import { normaliseOption, type GivenOptions, type OptionSpec } from '../core/options';
import { checkIgnorePattern } from '../engine/discover-glob';
import { rebaseIgnorePatterns } from './config-ignore';
import { findClosest } from './did-you-mean';
import { buildRunArguments, getGroups, type OptionSource, type RunArguments } from './parse-args';
import type { Transform } from '../transforms/shared/types';

export interface LoadedConfig {
  /** Absolute path of the file read. */
  file: string;
  values: Record<string, unknown>;
}

const searchPlaces = [
  'awaitify.config.json',
  'awaitify.config.js',
  'awaitify.config.cjs',
  'awaitify.config.mjs',
  'package.json',
];

/** Options that choose what one run does: only the command line may ask for them. */
const perRunOnly = new Set(['write', 'check', 'interactive', 'updateBaseline']);

/** A loader that names the file it could not read. */
function nameFailures(loader: Loader): Loader {
  return async (filepath, content) => {
    try {
      return (await loader(filepath, content)) as unknown;
    } catch (error) {
      throw new UsageError(`cannot read the configuration in ${filepath}: ${(error as Error).message}`);
    }
  };
}

export async function loadConfig(cwd: string): Promise<LoadedConfig | null> {
  const loaders = Object.fromEntries(
    Object.entries(defaultLoaders).map(([extension, loader]) => [extension, nameFailures(loader)]),
  );
  const explorer = lilconfig('awaitify', { searchPlaces, cache: false, loaders });
  const found = await explorer.search(cwd);
  if (!found) return null;
  const config: unknown = found.config;
  const { filepath } = found;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new UsageError(`${describeFile(filepath)}: the configuration must be an object of options`);
  }
  return { file: filepath, values: config as Record<string, unknown> };
}

function describeFile(file: string): string {
  return path.basename(file) === 'package.json' ? `${file} ("awaitify" key)` : file;
}

/** The run's arguments with the file's values filled in where no flag was given. */
export function applyConfig(
  args: RunArguments,
  config: LoadedConfig | null,
  transforms: readonly Transform[],
  cwd: string,
): RunArguments {
  if (!config) return args;
  const groups = getGroups(transforms);
  const specs = new Map(groups.flatMap((group) => Object.entries(group.schema)));
  const name = describeFile(config.file);
  const given: Record<string, unknown> = { ...args.given };
  const sources: Record<string, OptionSource> = { ...args.sources };
  for (const [key, value] of Object.entries(config.values)) {
    if (key === '$schema') continue;
    const spec = specs.get(key);
    if (!spec) throw new UsageError(`${name}: unknown key "${key}"${suggest(key, [...specs.keys()])}`);
    if (perRunOnly.has(key)) {
      throw new UsageError(`${name}: "${key}" cannot be set in a configuration file; give it on the command line`);
    }
    checkValue(spec, key, value, name);
    if (args.sources[key] === 'flag') continue;
    given[key] = adjustToCwd(key, spec, value, path.dirname(config.file), cwd);
    sources[key] = 'config';
  }
  const configured = buildRunArguments(args.paths, given, sources, groups);
  return { ...configured, configFile: config.file };
}

function suggest(key: string, known: string[]): string {
  const closest = findClosest(key, known);
  return closest ? ` (did you mean "${closest}"?)` : ` (the keys are the options' names: ${known.join(', ')})`;
}

/** Paths and patterns in the file are relative to its folder; the run's are relative to the cwd. */
function adjustToCwd(key: string, spec: OptionSpec, value: unknown, folder: string, cwd: string): unknown {
  if (spec.type === 'string' && spec.placeholder === 'FILE') return path.resolve(folder, value as string);
  if (key === 'ignore') return rebaseIgnorePatterns(toStrings(value), folder, cwd);
  return value;
}

function toStrings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(String);
}

const expected: Record<OptionSpec['type'], string> = {
  boolean: 'true or false',
  string: 'a string',
  strings: 'a string or an array of strings',
  integer: 'a whole number',
  bytes: 'a size: a number of bytes, or a string such as "2mb" or "500kb"',
};

function hasType(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && value !== '';
    case 'strings':
      return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'bytes':
      return (typeof value === 'number' && value >= 0) || typeof value === 'string';
  }
}

/** Throws a UsageError naming the key and what it expects; then the schema's own checks run. */
function checkValue(spec: OptionSpec, key: string, value: unknown, name: string): void {
  if (!hasType(spec, value)) {
    throw new UsageError(`${name}: "${key}" must be ${expected[spec.type]}, not ${JSON.stringify(value)}`);
  }
  normaliseOption(spec, value, `${name}: "${key}"`);
  if (key !== 'ignore') return;
  for (const pattern of toStrings(value)) {
    const problem = checkIgnorePattern(pattern);
    if (problem) throw new UsageError(`${name}: "ignore": ${JSON.stringify(pattern)}: ${problem}`);
  }
}

/** For the --json echo: every option key with where its value came from. */
export function describeSources(args: RunArguments, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, args.sources[key] ?? 'default']));
}

export type { GivenOptions };
