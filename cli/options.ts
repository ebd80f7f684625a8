/**
 * Every command-line option, typed once. This table is what yargs parses, what `--help` prints and
 * where defaults live; `CliArgs` is inferred from it, so a flag cannot exist in one place only.
 */
import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase, InferredOptionTypes, Options } from 'yargs';
import { UsageError } from '../core/errors';

/** `--runner a,b --runner c` → ['a', 'b', 'c']: repeatable and comma-separated. */
function splitList(value: string | string[] | undefined): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** `--ignore GLOB` may repeat; globs keep their commas (`{a,b}`). */
function collectList(value: string | string[] | undefined): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.map(String).filter((v) => v !== '');
}

/** `2mb`, `512kb`, `1048576` → bytes. */
export function parseByteSize(value: string | number): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(String(value));
  if (!match) throw new UsageError(`--max-file-size: "${value}" is not a size (examples: 2mb, 500kb, 1048576)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(match[1]) * factor);
}

/** `file#Name`: a file and a dotted function or method name in it. */
/** `--concurrency N`: a whole number of threads, 1 up to the machine's (more only adds waiting). */
function parseConcurrency(value: string): number {
  const n = Number(value);
  const most = Math.max(1, availableParallelism());
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new UsageError(`--concurrency: "${value}" is not a whole number of threads from 1 to ${most}`);
  return Math.min(n, most);
}

function parseAsyncNames(value: string | string[] | undefined): string[] {
  const names = collectList(value);
  for (const name of names) {
    if (!/^[^#]+#[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name)) {
      throw new UsageError(`--async: "${name}" is not file#Name (examples: src/db.js#query, lib/api.ts#Client.get)`);
    }
  }
  return names;
}

const outputGroup = 'What to do (default: preview the diff, write nothing):';
const migrationGroup = 'Migration:';
const filesGroup = 'Files and safety:';

export const optionTable = {
  write: { type: 'boolean', group: outputGroup, describe: 'Apply the changes to the files (refuses a dirty git tree unless --allow-dirty)' },
  check: { type: 'boolean', group: outputGroup, describe: 'Write nothing; exit 1 when anything would change (CI gate)' },
  patch: { type: 'string', requiresArg: true, group: outputGroup, describe: 'Also write the preview as a patch file that `git apply` accepts', normalize: false },
  json: { type: 'boolean', group: outputGroup, describe: 'Print a machine-readable report on stdout instead of the diff' },
  interactive: { type: 'boolean', alias: 'i', group: outputGroup, describe: 'Review each changed file (y/n/a/q), then write the accepted ones; needs a terminal' },
  transforms: { type: 'string', coerce: splitList, group: migrationGroup, describe: 'Transforms to run, comma-separated, in pipeline order (default: all; see `awaitify list`)' },
  runner: { type: 'string', coerce: splitList, group: migrationGroup, describe: 'A helper of yours that runs async work synchronously, to unwrap like deasync (repeatable)' },
  async: { type: 'string', coerce: parseAsyncNames, group: migrationGroup, describe: 'Declare file#Name newly async and make its callers await it (repeatable)' },
  'mark-boundaries': { type: 'boolean', group: migrationGroup, describe: 'Convert chains that reach a sync-only boundary too, leaving an awaitify: comment there' },
  'parallel-map': {
    type: 'boolean',
    group: migrationGroup,
    describe: 'Turn arr.map(cb) whose callback now awaits into await Promise.all(arr.map(async cb)): the calls then run at the same time (default: a for…of loop that awaits each in turn, as before)',
  },
  ignore: { type: 'string', coerce: collectList, group: filesGroup, describe: 'Skip files matching this glob (repeatable)' },
  'allow-dirty': { type: 'boolean', group: filesGroup, describe: 'Let --write change files that have uncommitted changes' },
  'allow-no-git': { type: 'boolean', group: filesGroup, describe: 'Let --write change files outside a git work tree' },
  'max-file-size': { type: 'string', default: '2mb', coerce: parseByteSize, group: filesGroup, describe: 'Skip files larger than this' },
  concurrency: {
    type: 'string',
    default: '1',
    coerce: parseConcurrency,
    group: filesGroup,
    describe: 'Threads for the per-file transforms: N means the main thread plus up to N-1 worker threads (default 1, at most the number of CPUs; a worker starts only for every 12 files that need parsing). The result is the same whatever N',
  },
  color: { type: 'boolean', group: filesGroup, describe: 'Colour the diff (default: when stdout is a terminal and NO_COLOR is unset); --no-color turns it off' },
} as const satisfies Record<string, Options>;

/** Booleans have no yargs default (a default would count as given for `.conflicts`); absent means false. */
export type CliArgs = ArgumentsCamelCase<InferredOptionTypes<typeof optionTable>>;

export const examples: readonly [string, string][] = [
  ['$0', 'preview every change in the current folder as a diff; writes nothing'],
  ['$0 src --write', 'apply the changes under src/ (git tree must be clean)'],
  ['$0 --check', 'CI gate: exit 1 while anything is left to migrate'],
  ['$0 --patch out.patch', 'save the preview as a patch (apply it later with git apply)'],
  ['$0 --json > report.json', 'machine-readable report with every file, diff and diagnostic'],
  ['$0 --runner runSync,waitFor', 'also unwrap your own runSync and waitFor helpers'],
  ['$0 --transforms unwrap-runners', 'run one transform only'],
  ['$0 --async src/db.js#query', 'make query() async and await it in every caller'],
  ['$0 list', 'the transforms and the diagnostics each can report'],
];
