/**
 * The JSON contracts shipped in schema/, compiled once per test file with ajv (strict mode). The CLI
 * harness (cli-harness.ts) and the spawned-CLI helpers validate every `--json` document the suite
 * produces against them, so a field the schema does not describe fails the test that produced it.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const schemaFolder = path.join(__dirname, '..', '..', 'schema');

function readSchema(name: string): object {
  return JSON.parse(readFileSync(path.join(schemaFolder, name), 'utf8')) as object;
}

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
export const validateReport = ajv.compile(readSchema('report.schema.json'));
export const validateList = ajv.compile(readSchema('list.schema.json'));

/** Parses `text` as a --json report and throws, naming every problem, unless the schema accepts it. */
export function parseValidReport(text: string): unknown {
  const report: unknown = JSON.parse(text);
  if (!validateReport(report)) {
    throw new Error(
      `the --json report does not match schema/report.schema.json: ${ajv.errorsText(validateReport.errors)}`,
    );
  }
  return report;
}

export function parseValidList(text: string): unknown {
  const list: unknown = JSON.parse(text);
  if (!validateList(list)) {
    throw new Error(`list --json does not match schema/list.schema.json: ${ajv.errorsText(validateList.errors)}`);
  }
  return list;
}

/** Validates what a CLI run with `argv` printed on stdout, when it printed JSON. */
export function checkJsonOutput(argv: readonly string[], stdout: string): void {
  if (!argv.includes('--json') || stdout.trim() === '') return;
  if (argv[0] === 'list') parseValidList(stdout);
  else parseValidReport(stdout);
}
