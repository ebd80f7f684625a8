/**
 * Parses the command line with yargs without letting yargs print or exit: the result says whether to
 * show text (help, version), report a usage error, or run a command with typed arguments.
 */
import yargs from 'yargs/yargs';
import type { CliArgs } from './options';
import { examples, optionTable } from './options';

export type ParsedCommand =
  | { kind: 'run'; paths: string[]; args: CliArgs }
  | { kind: 'list' }
  | { kind: 'text'; text: string }
  | { kind: 'usage-error'; message: string };

const description =
  'Move Node.js code off blocking sync patterns (sync-request, sync-fetch, deasync, co, synckit)\n' +
  'onto async code that awaits end to end. Shows a diff first; writes only with --write.';

const epilogue =
  'Exit codes: 0 done; 1 --check found changes; 2 usage error, a file that failed, or a refused or failed write.\n' +
  'NO_COLOR=1 turns colour off. Paths in diffs are relative to the current folder.';

function buildParser(version: string, width: number) {
  let parser = yargs()
    .scriptName('awaitify')
    .usage(`$0 [paths..] [options]\n\n${description}`)
    .command('$0 [paths..]', 'Preview (or apply) the migration of the given files and folders (default: .)', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: 'Files or folders to migrate' }),
    )
    .command('list', 'List the transforms, what each does and the diagnostics it can report')
    .options(optionTable)
    .conflicts('write', ['check', 'interactive'])
    .conflicts('interactive', ['check', 'json'])
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(version)
    .epilogue(epilogue)
    .wrap(Math.min(width, 110))
    .exitProcess(false)
    .showHelpOnFail(false);
  for (const [command, meaning] of examples) parser = parser.example(command, meaning);
  return parser;
}

/**
 * yargs reports an unknown flag twice, as given and camel-cased (`Unknown arguments: no-such, noSuch`);
 * keep the spelling the user typed.
 */
export function describeUsageError(message: string): string {
  const match = /^Unknown arguments?: (.*)$/.exec(message);
  if (!match) return message;
  const names = match[1].split(', ');
  const camel = (name: string): string => name.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  const typed = names.filter((name) => !names.some((other) => other !== name && camel(other) === name));
  return `Unknown argument${typed.length === 1 ? '' : 's'}: ${typed.join(', ')}`;
}

export function parseArgs(argv: readonly string[], options: { version: string; width: number }): Promise<ParsedCommand> {
  const parser = buildParser(options.version, options.width);
  return new Promise((resolve) => {
    void parser.parse([...argv], {}, (error, parsed, output) => {
      if (error) {
        resolve({ kind: 'usage-error', message: describeUsageError(error.message) });
      } else if (output) {
        resolve({ kind: 'text', text: output });
      } else if (parsed._[0] === 'list') {
        if (parsed._.length > 1) resolve({ kind: 'usage-error', message: `list takes no arguments (got ${parsed._.slice(1).join(' ')})` });
        else resolve({ kind: 'list' });
      } else {
        const paths = ((parsed as { paths?: string[] }).paths ?? []).map(String);
        resolve({ kind: 'run', paths, args: parsed as unknown as CliArgs });
      }
    });
  });
}
