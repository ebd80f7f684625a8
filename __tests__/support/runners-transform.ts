/**
 * Reads the unwrap-runners fixtures: `<case>.input.<ext>`, optional `<case>.output.<ext>` (absent =
 * must not change) and optional `<case>.diagnostics.json` (absent = no diagnostics expected).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformFile } from '../../lib/engine/transform-file';
import { defaultTransformOptions, type TransformOptions } from '../../transforms/shared/types';
import { unwrapRunners } from '../../transforms/unwrap-runners';

export const fixtureDir = join(__dirname, '..', '..', '__testfixtures__', 'unwrap-runners');

export interface RunnerFixture {
  name: string;
  inputFile: string;
  input: string;
  /** Expected text; equal to `input` when the case must not change. */
  output: string;
  diagnostics: { code: string; line: number; column: number }[];
  options: TransformOptions;
}

export function readFixtures(): RunnerFixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => /\.input\.[cm]?[jt]sx?$/.test(f))
    .sort()
    .map((inputFile) => {
      const [name, ext] = inputFile.split(/\.input\./);
      const outputPath = join(fixtureDir, `${name}.output.${ext}`);
      const diagnosticsPath = join(fixtureDir, `${name}.diagnostics.json`);
      const optionsPath = join(fixtureDir, `${name}.options.json`);
      const input = readFileSync(join(fixtureDir, inputFile), 'utf8');
      return {
        name,
        inputFile,
        input,
        output: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : input,
        diagnostics: existsSync(diagnosticsPath) ? JSON.parse(readFileSync(diagnosticsPath, 'utf8')) : [],
        options: { ...defaultTransformOptions, ...(existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {}) },
      };
    });
}

export function runUnwrapRunners(file: string, text: string, options: TransformOptions = defaultTransformOptions, skipped?: ReadonlySet<string>) {
  return transformFile({ file, text, transforms: [unwrapRunners], options, nodeEngines: null, skipped });
}
