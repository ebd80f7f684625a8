/**
 * Runs the whole engine over a copy of a fixture project (`<case>/input`) with the transforms its
 * args.json names (default: propagate-async), and returns every file's resulting text. The fixture
 * harness and the propagate-async tests share it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { run } from '../../engine/run';
import type { RunResult } from '../../engine/types';
import { listTransforms, selectTransforms } from '../../transforms/registry';

/**
 * `<case>/args.json` (or `<case>.args.json`): `transforms` to run, and any transform's options by their
 * key in its meta (`async`, `markBoundaries`, `runner`, …), routed to the transform that declares them
 * as the command line routes flags.
 */
export type CaseArgs = { transforms?: string[] } & Record<string, unknown>;

/** Options by key → options by the transform that declares the key. */
export function routeCaseOptions(args: CaseArgs): Record<string, Record<string, unknown>> {
  const routed: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === 'transforms') continue;
    const owner = listTransforms().find((t) => key in t.meta.options);
    if (!owner) throw new Error(`args.json: no transform declares the option ${key}`);
    (routed[owner.meta.name] ??= {})[key] = value;
  }
  return routed;
}

export interface ProjectRun {
  texts: Record<string, string>;
  result: RunResult;
}

export function listProjectFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

export function readCaseArgs(caseDir: string): CaseArgs {
  try {
    return JSON.parse(readFileSync(join(caseDir, 'args.json'), 'utf8')) as CaseArgs;
  } catch {
    return {};
  }
}

/**
 * Runs the engine over a copy of `inputDir`; nothing in the fixture folder is touched. `rewrite` may
 * change the copy's bytes first (metamorphic variants); it returns the bytes to write for a file.
 */
export async function runPropagation(
  inputDir: string,
  args: CaseArgs,
  rewrite?: (path: string, bytes: Buffer) => Buffer,
): Promise<ProjectRun> {
  const work = mkdtempSync(join(tmpdir(), 'awaitify-propagate-'));
  try {
    cpSync(inputDir, work, { recursive: true });
    if (rewrite) {
      for (const file of listProjectFiles(work))
        writeFileSync(join(work, file), rewrite(file, readFileSync(join(work, file))));
    }
    const selected = selectTransforms(args.transforms ?? ['propagate-async']);
    const result = await run({
      paths: ['.'],
      cwd: work,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
      transformOptions: routeCaseOptions(args),
    });
    const texts: Record<string, string> = {};
    for (const file of result.files) {
      const bytes = file.after ?? file.before;
      if (bytes) texts[file.path] = bytes.toString('utf8');
    }
    return { texts, result };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
