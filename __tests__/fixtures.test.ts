/**
 * The fixture harness. For every transform, every `__testfixtures__/<transform>/<case>.input.<ext>` is
 * run and compared BYTE FOR BYTE with `<case>.output.<ext>` (no output file: must not change), plus
 * `<case>.diagnostics.json` when present. Each single-file case is also run as CRLF and as BOM+CRLF
 * through the engine's byte path, and run a second time on its own output (idempotence).
 * Folder cases `<case>/input/**` → `<case>/output/**` go through the whole engine (`run`), with
 * optional `<case>/args.json` ({ transforms, and options by their key: async, markBoundaries, runner, … }) and
 * `<case>/diagnostics.json` ([{ file, code, line, column }]; no file: no diagnostic expected).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { decodeSource, encodeSource } from '../source/source-text';
import { transformFile } from '../engine/transform-file';
import { listTransforms } from '../transforms/registry';
import { normaliseOptions } from '../core/options';
import type { Transform } from '../transforms/shared/types';
import { createVariant, moveToVariant, undoVariant, withoutIndentation, type Variant } from './support/metamorphic';
import {
  listProjectFiles,
  readCaseArgs,
  routeCaseOptions,
  runPropagation,
  type CaseArgs,
} from './support/propagate-run';

const fixturesRoot = join(__dirname, '..', '__testfixtures__');
const inputPattern = /^(.+)\.input\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)$/;

interface ExpectedDiagnostic {
  file?: string;
  code: string;
  line: number;
  column: number;
}

/** A case's expected diagnostics; a case without the file expects none. */
function readExpectedDiagnostics(file: string): ExpectedDiagnostic[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ExpectedDiagnostic[]) : [];
}

/** The engine's byte path for one file: decode, transform, encode. */
function transformBytes(transform: Transform, file: string, bytes: Buffer, given: Record<string, unknown> = {}) {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
  const output = transformFile({
    file,
    text: decoded.source.text,
    transforms: [transform],
    options: { [transform.meta.name]: normaliseOptions(transform.meta.options, given) },
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

const sourcePattern = /\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)$/;

/** The variant's bytes as a file would hold them: tabs, emoji comments, CRLF and a BOM. */
function toVariantBytes(variant: Variant): Buffer {
  return withBom(toCrlf(Buffer.from(variant.text, 'utf8')));
}

/** Output bytes of a variant back to comparable text: no BOM, LF, no markers, no indentation. */
function undoVariantBytes(bytes: Buffer): string {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new Error(decoded.reason);
  expect(decoded.source.bom).toBe(true);
  expect(decoded.source.raw.split('\r\n').length).toBe(decoded.source.raw.split('\n').length);
  return undoVariant(decoded.source.text);
}

/** Expected diagnostics moved to where the variant has them. */
function moveDiagnostics(expected: ExpectedDiagnostic[], variants: ReadonlyMap<string, Variant>): ExpectedDiagnostic[] {
  return expected.map((d) => {
    const variant = variants.get(d.file ?? '');
    return variant ? { ...d, ...moveToVariant(variant, d.line, d.column) } : d;
  });
}

/** `names.js:8:1` in an expected comment, moved to where the variant has that place. */
function moveMentions(text: string, variants: ReadonlyMap<string, Variant>): string {
  return text.replace(/([\w./-]+):(\d+):(\d+)/g, (whole, file: string, line: string, column: string) => {
    // comments name a file by its base name when it is in the same project
    const matches = [...variants.keys()].filter((path) => path === file || path.endsWith(`/${file}`));
    const variant = matches.length === 1 ? variants.get(matches[0]) : undefined;
    if (!variant) return whole;
    const moved = moveToVariant(variant, Number(line), Number(column));
    return `${file}:${moved.line}:${moved.column}`;
  });
}

const byPosition = (a: ExpectedDiagnostic, b: ExpectedDiagnostic) =>
  (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);

function defineSingleFileCase(transform: Transform, dir: string, name: string, ext: string) {
  const inputFile = join(dir, `${name}.input.${ext}`);
  const outputFile = join(dir, `${name}.output.${ext}`);
  const diagnosticsFile = join(dir, `${name}.diagnostics.json`);
  const argsFile = join(dir, `${name}.args.json`);
  const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as CaseArgs) : {};
  const given = routeCaseOptions(args)[transform.meta.name] ?? {};
  const fileName = `${name}.${ext}`;

  describe(`${name}.${ext}`, () => {
    const input = readFileSync(inputFile);
    const expected = existsSync(outputFile) ? readFileSync(outputFile) : input;
    // one run of the input serves the bytes and the diagnostics checks
    let first: ReturnType<typeof transformBytes> | undefined;
    const runInput = () => (first ??= transformBytes(transform, fileName, input, given));

    it('produces the expected bytes', () => {
      const { after } = runInput();
      expect(after.toString('utf8')).toBe(expected.toString('utf8'));
      expect(after.equals(expected)).toBe(true);
    });

    it('reports the expected diagnostics', () => {
      const { diagnostics } = runInput();
      const actual = diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
      const wanted = readExpectedDiagnostics(diagnosticsFile);
      // the order transforms report in carries no meaning: compare in position order
      const byPosition = (a: ExpectedDiagnostic, b: ExpectedDiagnostic) =>
        a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
      expect(actual.sort(byPosition)).toEqual(
        wanted.map((d) => ({ code: d.code, line: d.line, column: d.column })).sort(byPosition),
      );
    });

    it('changes nothing on a second run, and says nothing new about its own output', () => {
      const { after, diagnostics } = transformBytes(transform, fileName, expected, given);
      expect(after.toString('utf8')).toBe(expected.toString('utf8'));
      // the code awaitify wrote (undici imports named request2, helpers) is not taken for input
      const known = new Set(readExpectedDiagnostics(diagnosticsFile).map((d) => d.code));
      expect(
        diagnostics.map((d) => `${d.code} ${d.line}: ${d.message}`).filter((d) => !known.has(d.split(' ')[0])),
      ).toEqual([]);
    });

    it('makes the same edits when re-indented with tabs, with emoji comments, CRLF and a BOM', () => {
      const variant = createVariant(input.toString('utf8'), fileName);
      const { after, diagnostics } = transformBytes(transform, fileName, toVariantBytes(variant), given);
      expect(undoVariantBytes(after)).toBe(withoutIndentation(expected.toString('utf8')));
      const wanted = readExpectedDiagnostics(diagnosticsFile);
      const moved = moveDiagnostics(
        wanted.map((d) => ({ ...d, file: fileName })),
        new Map([[fileName, variant]]),
      );
      const actual = diagnostics.map((d) => ({ file: fileName, code: d.code, line: d.line, column: d.column }));
      expect(actual.sort(byPosition)).toEqual(
        moved.map((d) => ({ file: fileName, code: d.code, line: d.line, column: d.column })).sort(byPosition),
      );
    });

    it('keeps CRLF line endings and a BOM', () => {
      const crlf = transformBytes(transform, fileName, toCrlf(input), given).after;
      expect(crlf.toString('utf8')).toBe(toCrlf(expected).toString('utf8'));
      const bom = transformBytes(transform, fileName, withBom(toCrlf(input)), given).after;
      expect(bom.equals(withBom(toCrlf(expected)))).toBe(true);
    });
  });
}

function defineFolderCase(transformName: string, dir: string, name: string) {
  it(`${name}/ (whole project)`, async () => {
    const args = readCaseArgs(join(dir, name));
    const inputDir = join(dir, name, 'input');
    const { texts, result } = await runPropagation(inputDir, {
      ...args,
      transforms: args.transforms ?? [transformName],
    });
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
    // no diagnostics.json: no diagnostic is expected, so an unexpected one fails the case
    const got = result.diagnostics.map((d) => ({
      file: d.file.split(sep).join('/'),
      code: d.code,
      line: d.line,
      column: d.column,
    }));
    expect(got).toEqual(readExpectedDiagnostics(join(dir, name, 'diagnostics.json')));
  });
}

function defineFolderVariantCase(transformName: string, dir: string, name: string) {
  it(`${name}/ (whole project, re-indented with tabs, emoji comments, CRLF and a BOM)`, async () => {
    const args = readCaseArgs(join(dir, name));
    const inputDir = join(dir, name, 'input');
    const variants = new Map<string, Variant>();
    const rewrite = (file: string, bytes: Buffer) => {
      if (!sourcePattern.test(file)) return bytes;
      const variant = createVariant(bytes.toString('utf8'), file);
      variants.set(file, variant);
      return toVariantBytes(variant);
    };
    const { result } = await runPropagation(
      inputDir,
      { ...args, transforms: args.transforms ?? [transformName] },
      rewrite,
    );
    expect(result.files.filter((f) => f.status === 'failed').map((f) => `${f.path}: ${f.error?.message}`)).toEqual([]);
    const outputDir = join(dir, name, 'output');
    const actual: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const file of listProjectFiles(outputDir).filter((f) => sourcePattern.test(f))) {
      const bytes = result.files.find((f) => f.path === file);
      actual[file] = undoVariantBytes(bytes?.after ?? bytes?.before ?? Buffer.alloc(0));
      wanted[file] = withoutIndentation(moveMentions(readFileSync(join(outputDir, file), 'utf8'), variants));
    }
    expect(actual).toEqual(wanted);
    const expected = readExpectedDiagnostics(join(dir, name, 'diagnostics.json'));
    const got = result.diagnostics.map((d) => ({
      file: d.file.split(sep).join('/'),
      code: d.code,
      line: d.line,
      column: d.column,
    }));
    expect(got.sort(byPosition)).toEqual(moveDiagnostics(expected, variants).sort(byPosition));
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
          defineFolderVariantCase(transformName, dir, entry);
        }
      }
    });
  }
});
