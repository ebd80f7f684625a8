/**
 * Parses the command line with yargs without letting yargs print or exit. Every flag comes from a
 * schema (core/options.ts): the CLI's own, the engine's and each registered transform's, so a new
 * option in a transform's meta is a new flag with its `--help` line and no other file changes. The
 * result says whether to show text (help, version), report a usage error, or run with the values
 * as given, grouped by who declared them.
 */
import type { Options } from 'yargs';
import yargs from 'yargs/yargs';
import { normaliseOptions, toFlagName, type GivenOptions, type OptionSchema, type OptionSpec } from '../core/options';
import { engineOptions } from '../engine/options';
import type { Transform } from '../transforms/shared/types';
import { findClosest } from './did-you-mean';
import { examples, outputOptions, safetyOptions, type CliOptions } from './options';

export type OptionSource = 'flag' | 'config';

export interface RunArguments {
  paths: string[];
  cli: CliOptions;
  /** The engine's options that were given (defaults are the engine's to fill). */
  engine: GivenOptions;
  /** Each transform's options that were given, by transform name. */
  transforms: Record<string, GivenOptions>;
  /** Flag → the transform that declares it, for messages about options of unselected transforms. */
  flagOwners: Record<string, string>;
  /** Every option given, by schema key, as given (flags and configuration file together). */
  given: GivenOptions;
  /** Where each given option came from (absent: its default). */
  sources: Record<string, OptionSource>;
  /** The configuration file the run read, if any. */
  configFile?: string;
}

export type ParsedCommand =
  | { kind: 'run'; run: RunArguments }
  | { kind: 'list'; json: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'usage-error'; message: string };

const description =
  'Move Node.js code off blocking sync patterns (sync-request, sync-fetch, deasync, co, synckit)\n' +
  'onto async code that awaits end to end. Shows a diff first; writes only with --write.';

const epilogue = [
  'Exit codes:',
  '  0  done: the preview was shown, the changes were written, or --check found nothing to do',
  '  1  --check: a file would change, or a sync primitive is left that nothing accepts (accept one with',
  '     `// awaitify-ignore-next-line: <reason>` on the line above it, or all with --update-baseline)',
  '  2  bad usage, a file that failed, an error diagnostic, or a refused or failed write (any mode)',
  'NO_COLOR=1 turns colour off, FORCE_COLOR=1 on (CI logs). Paths in diffs are relative to the current folder.',
].join('\n');

export interface OptionGroup {
  title: string;
  schema: OptionSchema;
  /** The transform that declares these options; absent for the CLI's and the engine's. */
  transform?: string;
}

export function getGroups(transforms: readonly Transform[]): OptionGroup[] {
  return [
    { title: 'What to do (default: preview the diff, write nothing):', schema: outputOptions },
    { title: 'Files and safety:', schema: { ...engineOptions, ...safetyOptions } },
    ...transforms
      .filter((t) => Object.keys(t.meta.options).length > 0)
      .map((t) => ({ title: `${t.meta.name}:`, schema: t.meta.options, transform: t.meta.name })),
  ];
}

function describeDefault(spec: OptionSpec): string | undefined {
  if (spec.type === 'integer') return String(spec.default);
  if (spec.type === 'bytes') return spec.default;
  return undefined;
}

function toYargsOption(spec: OptionSpec, group: string): Options {
  const common = { describe: spec.help, group, ...(spec.alias ? { alias: spec.alias } : {}) };
  if (spec.type === 'boolean') return { ...common, type: 'boolean' };
  const defaultDescription = describeDefault(spec);
  return { ...common, type: 'string', requiresArg: true, ...(defaultDescription ? { defaultDescription } : {}) };
}

function buildParser(groups: readonly OptionGroup[], version: string, width: number) {
  let parser = yargs()
    .scriptName('awaitify')
    .usage(`$0 [paths..] [options]\n\n${description}`)
    .command('$0 [paths..]', 'Preview (or apply) the migration of the given files and folders (default: .)', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: 'Files or folders to migrate' }),
    )
    .command('list', 'List the transforms, their options and the diagnostics each can report')
    .parserConfiguration({ 'dot-notation': false, 'populate--': true })
    .conflicts('write', ['check', 'interactive'])
    .conflicts('interactive', ['check', 'json'])
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(version)
    .alias('version', 'v')
    .epilogue(epilogue)
    .wrap(Math.min(width, 110))
    .exitProcess(false)
    .showHelpOnFail(false);
  for (const group of groups) {
    for (const [key, spec] of Object.entries(group.schema))
      parser = parser.option(toFlagName(key), toYargsOption(spec, group.title));
  }
  for (const [command, meaning] of examples) parser = parser.example(command, meaning);
  return parser;
}

/** A flag declared twice would mean two things: refuse the registry outright (a programming error). */
function checkFlagsUnique(groups: readonly OptionGroup[]): void {
  const seen = new Map<string, string>();
  for (const group of groups) {
    for (const key of Object.keys(group.schema)) {
      const owner = group.transform ?? group.title;
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`option --${toFlagName(key)} is declared by both ${other} and ${owner}`);
      seen.set(key, owner);
    }
  }
}

/**
 * yargs reports an unknown flag twice, as given and camel-cased (`Unknown arguments: no-such, noSuch`);
 * keep the spelling the user typed, and name the closest known flag (`writ (did you mean --write?)`).
 */
export function describeUsageError(message: string, knownFlags: readonly string[] = []): string {
  const match = /^Unknown arguments?: (.*)$/.exec(message);
  if (!match) return message;
  const names = match[1].split(', ');
  const camel = (name: string): string => name.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  const typed = names.filter((name) => !names.some((other) => other !== name && camel(other) === name));
  const described = typed.map((name) => {
    const closest = findClosest(name, knownFlags);
    return closest ? `${name} (did you mean --${closest}?)` : name;
  });
  return `Unknown argument${typed.length === 1 ? '' : 's'}: ${described.join(', ')}`;
}

function listFlagNames(groups: readonly OptionGroup[]): string[] {
  return [...groups.flatMap((group) => Object.keys(group.schema).map(toFlagName)), 'help', 'version', 'no-color'];
}

/** The values given for `schema`'s keys (absent keys stay absent: defaults belong to who declared them). */
function pickGiven(parsed: GivenOptions, schema: OptionSchema): GivenOptions {
  return Object.fromEntries(
    Object.keys(schema).flatMap((key) => (parsed[key] === undefined ? [] : [[key, parsed[key]]])),
  );
}

/** The run's arguments from options given by schema key (`sources` says by whom). */
export function buildRunArguments(
  paths: string[],
  given: GivenOptions,
  sources: Record<string, OptionSource>,
  groups: readonly OptionGroup[],
): RunArguments {
  const transforms: Record<string, GivenOptions> = {};
  const flagOwners: Record<string, string> = {};
  for (const group of groups) {
    if (!group.transform) continue;
    transforms[group.transform] = pickGiven(given, group.schema);
    for (const key of Object.keys(group.schema)) flagOwners[key] = group.transform;
  }
  const cli = { ...normaliseOptions(outputOptions, given), ...normaliseOptions(safetyOptions, given) };
  return { paths, cli, engine: pickGiven(given, engineOptions), transforms, flagOwners, given, sources };
}

function toRunArguments(parsed: Record<string, unknown>, groups: readonly OptionGroup[]): RunArguments {
  // `awaitify --write -- src/a.js`: what follows `--` is paths, never flags
  const paths = [
    ...((parsed.paths as unknown[] | undefined) ?? []),
    ...((parsed['--'] as unknown[] | undefined) ?? []),
  ].map(String);
  const given = Object.assign({}, ...groups.map((group) => pickGiven(parsed, group.schema))) as GivenOptions;
  const sources = Object.fromEntries(Object.keys(given).map((key) => [key, 'flag' as const]));
  return buildRunArguments(paths, given, sources, groups);
}

export function parseArgs(
  argv: readonly string[],
  options: { version: string; width: number; transforms: readonly Transform[] },
): Promise<ParsedCommand> {
  const groups = getGroups(options.transforms);
  checkFlagsUnique(groups);
  const parser = buildParser(groups, options.version, options.width);
  return new Promise((resolve, reject) => {
    void parser.parse([...argv], {}, (error, parsed, output) => {
      try {
        if (error) resolve({ kind: 'usage-error', message: describeUsageError(error.message, listFlagNames(groups)) });
        else if (output) resolve({ kind: 'text', text: output });
        else if (parsed._[0] === 'list') {
          if (parsed._.length > 1)
            resolve({ kind: 'usage-error', message: `list takes no arguments (got ${parsed._.slice(1).join(' ')})` });
          else resolve({ kind: 'list', json: parsed.json === true });
        } else resolve({ kind: 'run', run: toRunArguments(parsed, groups) });
      } catch (problem) {
        reject(problem instanceof Error ? problem : new Error(String(problem)));
      }
    });
  });
}
