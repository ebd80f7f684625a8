/**
 * The fixture harness. For every transform, every `__testfixtures__/<transform>/<case>.input.<ext>` is
 * run and compared BYTE FOR BYTE with `<case>.output.<ext>` (no output file: must not change), plus
 * `<case>.diagnostics.json` when present. Each single-file case is also run as CRLF and as BOM+CRLF
 * through the engine's byte path, and run a second time on its own output (idempotence).
 * Folder cases `<case>/input/**` → `<case>/output/**` go through the whole engine (`run`), with
 * optional `<case>/args.json` ({ async, markBoundaries, runners, transforms }) and
 * `<case>/diagnostics.json` ([{ file, code, line, column }]).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { decodeSource, encodeSource } from '../lib/engine/source-text';
import { transformFile } from '../lib/engine/transform-file';
import { listTransforms } from '../transforms/index';
import { defaultTransformOptions, type Transform } from '../transforms/shared/types';
import { listProjectFiles, readCaseArgs, runPropagation, type CaseArgs } from './support/propagate-run';

const fixturesRoot = join(__dirname, '..', '__testfixtures__');
const inputPattern = /^(.+)\.input\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)$/;

interface ExpectedDiagnostic {
  file?: string;
  code: string;
  line: number;
  column: number;
}

/** The engine's byte path for one file: decode, transform, encode. */
function transformBytes(transform: Transform, file: string, bytes: Buffer, runners: string[] = []) {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
  const output = transformFile({
    file,
    text: decoded.source.text,
    transforms: [transform],
    options: { ...defaultTransformOptions, runners },
    nodeEngines: null,
  });
  const after = output.text === decoded.source.text ? bytes : encodeSource(decoded.source, output.text);
  return { after, diagnostics: output.diagnostics };
}

function toCrlf(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');
}

function withBom(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
}

function defineSingleFileCase(transform: Transform, dir: string, name: string, ext: string) {
  const inputFile = join(dir, `${name}.input.${ext}`);
  const outputFile = join(dir, `${name}.output.${ext}`);
  const diagnosticsFile = join(dir, `${name}.diagnostics.json`);
  const argsFile = join(dir, `${name}.args.json`);
  const runners = existsSync(argsFile) ? ((JSON.parse(readFileSync(argsFile, 'utf8')) as CaseArgs).runners ?? []) : [];
  const fileName = `${name}.${ext}`;

  describe(`${name}.${ext}`, () => {
    const input = readFileSync(inputFile);
    const expected = existsSync(outputFile) ? readFileSync(outputFile) : input;

    it('produces the expected bytes', () => {
      const { after } = transformBytes(transform, fileName, input, runners);
      expect(after.toString('utf8')).toBe(expected.toString('utf8'));
      expect(after.equals(expected)).toBe(true);
    });

    it('reports the expected diagnostics', () => {
      const { diagnostics } = transformBytes(transform, fileName, input, runners);
      const actual = diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
      const wanted = existsSync(diagnosticsFile)
        ? (JSON.parse(readFileSync(diagnosticsFile, 'utf8')) as ExpectedDiagnostic[])
        : [];
      // the order transforms report in carries no meaning: compare in position order
      const byPosition = (a: ExpectedDiagnostic, b: ExpectedDiagnostic) =>
        a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
      expect(actual.sort(byPosition)).toEqual(wanted.map((d) => ({ code: d.code, line: d.line, column: d.column })).sort(byPosition));
    });

    it('changes nothing on a second run', () => {
      const { after } = transformBytes(transform, fileName, expected, runners);
      expect(after.toString('utf8')).toBe(expected.toString('utf8'));
    });

    it('keeps CRLF line endings and a BOM', () => {
      const crlf = transformBytes(transform, fileName, toCrlf(input), runners).after;
      expect(crlf.toString('utf8')).toBe(toCrlf(expected).toString('utf8'));
      const bom = transformBytes(transform, fileName, withBom(toCrlf(input)), runners).after;
      expect(bom.equals(withBom(toCrlf(expected)))).toBe(true);
    });
  });
}

function defineFolderCase(transformName: string, dir: string, name: string) {
  it(`${name}/ (whole project)`, async () => {
    const args = readCaseArgs(join(dir, name));
    const inputDir = join(dir, name, 'input');
    const { texts, result } = await runPropagation(inputDir, { ...args, transforms: args.transforms ?? [transformName] });
    const failures = result.files.filter((f) => f.status === 'failed');
    expect(failures.map((f) => `${f.path}: ${f.error?.message}`)).toEqual([]);
    const outputDir = join(dir, name, 'output');
    const actual: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const file of listProjectFiles(outputDir)) {
      // files the run does not report (data, an untouched package.json) keep their input bytes
      actual[file] = texts[file] ?? readFileSync(join(inputDir, file), 'utf8');
      wanted[file] = readFileSync(join(outputDir, file), 'utf8');
    }
    expect(actual).toEqual(wanted);
    const diagnosticsFile = join(dir, name, 'diagnostics.json');
    if (existsSync(diagnosticsFile)) {
      const expected = JSON.parse(readFileSync(diagnosticsFile, 'utf8')) as ExpectedDiagnostic[];
      const got = result.diagnostics.map((d) => ({
        file: d.file.split(sep).join('/'),
        code: d.code,
        line: d.line,
        column: d.column,
      }));
      expect(got).toEqual(expected);
    }
  });
}

const transformsByName = new Map(listTransforms().map((t) => [t.meta.name, t]));
const fixtureDirs = existsSync(fixturesRoot) ? readdirSync(fixturesRoot).sort() : [];

describe('fixtures', () => {
  it('every fixture folder names a registered transform', () => {
    expect(fixtureDirs.filter((d) => !transformsByName.has(d))).toEqual([]);
  });

  for (const transformName of fixtureDirs) {
    const transform = transformsByName.get(transformName);
    if (!transform) continue;
    const dir = join(fixturesRoot, transformName);
    describe(transformName, () => {
      for (const entry of readdirSync(dir).sort()) {
        const match = inputPattern.exec(entry);
        if (match) defineSingleFileCase(transform, dir, match[1], match[2]);
        else if (statSync(join(dir, entry)).isDirectory() && existsSync(join(dir, entry, 'input'))) {
          defineFolderCase(transformName, dir, entry);
        }
      }
    });
  }
});
