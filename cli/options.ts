/**
 * The command line's own options: what to do with the run's results. The engine's options
 * (engine/options.ts) and each transform's (its meta) are declared where they belong; cli/parse-args.ts
 * builds every flag, default and `--help` line from these schemas.
 */
import type { OptionSchema, OptionValues } from '../core/options';

export const outputOptions = {
  write: {
    type: 'boolean',
    default: false,
    help: 'Apply the changes to the files (refuses a dirty git tree unless --allow-dirty)',
  },
  check: {
    type: 'boolean',
    default: false,
    help: 'Write nothing; exit 1 when anything would change or a sync primitive is left unaccepted (CI gate)',
  },
  patch: {
    type: 'string',
    placeholder: 'FILE',
    help:
      'Also write the preview as a patch file that `git apply` accepts (a new file, or a patch awaitify ' +
      'wrote before; never a tracked or source file)',
  },
  json: { type: 'boolean', default: false, help: 'Print a machine-readable report on stdout instead of the diff' },
  interactive: {
    type: 'boolean',
    default: false,
    alias: 'i',
    help: 'Review each changed file (y/n/a/q), then write the accepted ones; needs a terminal',
  },
  updateBaseline: {
    type: 'boolean',
    default: false,
    help:
      'Write the baseline file: accept every sync primitive left now that no awaitify-ignore-next-line comment ' +
      'accepts, so --check fails only on new ones',
  },
} satisfies OptionSchema;

export const safetyOptions = {
  allowDirty: { type: 'boolean', default: false, help: 'Let --write change files that have uncommitted changes' },
  allowNoGit: { type: 'boolean', default: false, help: 'Let --write change files outside a git work tree' },
  allowReadOnly: {
    type: 'boolean',
    default: false,
    help: 'Let --write replace read-only files, and files in read-only folders, when this user can (keeps the mode)',
  },
  baseline: {
    type: 'string',
    placeholder: 'FILE',
    help:
      'The baseline of accepted leftovers that --check reads and --update-baseline writes ' +
      '(default: awaitify-baseline.json)',
  },
  color: {
    type: 'boolean',
    help:
      'Colour the diff (default: when stdout is a terminal and NO_COLOR is unset, or FORCE_COLOR is set); ' +
      '--no-color turns it off',
  },
} satisfies OptionSchema;

export type CliOptions = OptionValues<typeof outputOptions> & OptionValues<typeof safetyOptions>;

export const examples: readonly [string, string][] = [
  ['$0', 'preview every change in the current folder as a diff; writes nothing'],
  ['$0 src --write', 'apply the changes under src/ (git tree must be clean)'],
  ['$0 --check', 'CI gate: exit 1 while a file would change or a sync primitive is left unaccepted'],
  ['$0 --update-baseline', 'accept the sync primitives left today; --check then fails only on new ones'],
  ['$0 --patch out.patch', 'save the preview as a patch (apply it later with git apply)'],
  ['$0 --json > report.json', 'machine-readable report with every file, diff and diagnostic'],
  ['$0 --runner runSync,waitFor', 'also unwrap your own runSync and waitFor helpers'],
  ['$0 --transforms unwrap-runners', 'run one transform only'],
  ['$0 --async src/db.js#query', 'make query() async and await it in every caller'],
  ['$0 list', 'the transforms, their options and the diagnostics each can report'],
];
