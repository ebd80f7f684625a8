/**
 * The README's "Every flag" table is checked against the option schemas (cli/options.ts,
 * engine/options.ts, each transform's meta): every declared flag has a row that shows it as `--help`
 * shows it, and every row names a flag that exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFlagName, type OptionSchema } from '../core/options';
import { outputOptions, safetyOptions } from '../cli/options';
import { engineOptions } from '../engine/options';
import { listTransforms } from '../transforms/registry';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** The first cell of each row of the table under `## Every flag`, as its code spans. */
function readFlagRows(): string[][] {
  const section = readme.split('\n## Every flag')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| flag') && !line.startsWith('|---'))
    .map((line) => [...(line.split(' | ')[0].matchAll(/`([^`]+)`/g) ?? [])].map((m) => m[1]));
}

const schemas: OptionSchema[] = [
  outputOptions,
  safetyOptions,
  engineOptions,
  ...listTransforms().map((t) => t.meta.options),
];

/** How a flag appears in the table: `--patch FILE`, `--write`. */
function expectedUsages(): Map<string, string> {
  const usages = new Map<string, string>();
  for (const schema of schemas) {
    for (const [key, spec] of Object.entries(schema)) {
      const flag = `--${toFlagName(key)}`;
      usages.set(flag, spec.type === 'boolean' ? flag : `${flag} ${spec.placeholder}`);
    }
  }
  return usages;
}

/** Rows that are not options of a schema: the positional paths, the default mode, commands, yargs' own. */
const notOptions = new Set(['[paths..]', 'list', '-h', '--help', '-v', '--version', '--no-color', '-i']);

describe('README flag table', () => {
  const rows = readFlagRows().flat();

  it('has a row for every flag the schemas declare, written as --help shows it', () => {
    const missing = [...expectedUsages().values()].filter((usage) => !rows.includes(usage));
    expect(missing).toEqual([]);
  });

  it('names no flag that the schemas do not declare', () => {
    const known = new Set(expectedUsages().values());
    expect(rows.filter((cell) => !known.has(cell) && !notOptions.has(cell))).toEqual([]);
  });
});
