/**
 * The baseline file of accepted leftovers (report/leftover-gate.ts has its shape): read on every run
 * when it exists, written by `--update-baseline`. Like `--patch`, the file is replaced only when it
 * does not exist or is a baseline already; it is meant to be committed, so git tracking it is fine.
 */
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from '../core/errors';
import type { Baseline } from '../report/leftover-gate';

export const defaultBaselineFile = 'awaitify-baseline.json';

/** The baseline in `file`, or null when there is none; a file that is not a baseline is a usage error. */
export function readBaseline(file: string, shown: string): Baseline | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`baseline ${shown}: not valid JSON (${(error as Error).message})`);
  }
  const problem = findBaselineProblem(parsed);
  if (problem) throw new UsageError(`baseline ${shown}: ${problem}; delete it and run --update-baseline`);
  return parsed as Baseline;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findBaselineProblem(value: unknown): string | null {
  if (!isRecord(value) || value.awaitifyBaseline !== 1) return 'not an awaitify baseline ("awaitifyBaseline": 1)';
  if (!isRecord(value.leftovers)) return '"leftovers" must be an object';
  for (const [file, primitives] of Object.entries(value.leftovers)) {
    if (!isRecord(primitives)) return `"leftovers"."${file}" must be an object`;
    for (const [primitive, entry] of Object.entries(primitives)) {
      const count = isRecord(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        return `"leftovers"."${file}"."${primitive}".count must be a whole number of at least 1`;
      }
    }
  }
  return null;
}

export function writeBaseline(file: string, shown: string, baseline: Baseline): void {
  const stats = existsSync(file) ? lstatSync(file) : null;
  if (stats && (!stats.isFile() || stats.isSymbolicLink())) {
    throw new UsageError(`--update-baseline: ${shown} is not a regular file`);
  }
  if (stats) readBaseline(file, shown);
  try {
    writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`--update-baseline: cannot write ${shown}: ${(error as Error).message}`);
  }
}
