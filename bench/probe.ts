/**
 * The in-process side of the benchmark: each measurement runs in its own node process (so memory is
 * isolated) and writes what it measured inside to a JSON file.
 *
 *   node dist/bench/probe.js floor|awaitify|program|full-program <args.json>
 *
 * floor        read every file of the list and parse it once with the parser awaitify uses
 * awaitify     run() over the repository with every registered transform (analysis included)
 * program      a ts-morph program + type checker over the files the analysis needs: the files that
 *              hold a newly async function and every file that imports them, directly or not
 * full-program the same over every file of the list (what a naive analysis pays)
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ts } from 'ts-morph';

// Each probe loads only what it measures (ts-morph alone takes ~0.5 s to load), hence the lazy imports.

export interface ProbeArgs {
  repo: string;
  /** File with one absolute path per line: the files awaitify discovers. */
  listFile: string;
  /** File with the absolute paths holding newly async functions (written by the awaitify probe). */
  startsFile: string;
  outFile: string;
}

function readList(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

async function probeFloor(args: ProbeArgs): Promise<object> {
  const { getParser, getParserName } = await import('../source/parsers');
  const files = readList(args.listFile);
  const started = performance.now();
  let bytes = 0;
  let parseErrors = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    try {
      getParser(getParserName(file)).parse(text);
    } catch {
      parseErrors += 1;
    }
  }
  return { ms: performance.now() - started, files: files.length, bytes, parseErrors };
}

async function probeAwaitify(args: ProbeArgs): Promise<object> {
  const { run } = await import('../engine/run');
  const { selectTransforms } = await import('../transforms/registry');
  const selected = selectTransforms();
  const started = performance.now();
  const result = await run({
    paths: [args.repo],
    cwd: args.repo,
    transforms: selected.transforms,
    projectTransform: selected.projectTransform,
  });
  const ms = performance.now() - started;
  const starts = [...new Set(result.starts.map((n) => n.file))].sort();
  fs.writeFileSync(args.startsFile, starts.join('\n'));
  const count = (status: string): number => result.files.filter((f) => f.status === status).length;
  return {
    ms,
    transforms: [
      ...selected.transforms.map((t) => t.meta.name),
      ...(selected.projectTransform ? [selected.projectTransform.meta.name] : []),
    ],
    stats: result.stats,
    changed: count('changed'),
    failed: count('failed'),
    skipped: count('skipped'),
    failures: result.files
      .filter((f) => f.status === 'failed')
      .slice(0, 5)
      .map((f) => `${f.path}: ${f.error?.message}`),
    starts: result.starts.length,
    madeAsync: result.madeAsync.length,
    diagnostics: result.diagnostics.length,
    startFiles: starts.length,
  };
}

function buildProgramOptions(tsApi: typeof ts): ts.CompilerOptions {
  return {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    skipLibCheck: true,
    target: tsApi.ScriptTarget.ES2022,
    module: tsApi.ModuleKind.Preserve,
    moduleResolution: tsApi.ModuleResolutionKind.Bundler,
    types: [],
    lib: ['lib.es2023.d.ts'],
  };
}

/**
 * The program the analysis needs, built as the analysis builds it: the importer closure of the files
 * holding newly async functions as roots, and on an in-memory file system only the files visible from
 * them (their direct imports and what those re-export), so nothing else is parsed. `everyFile`: every
 * file of the list, on the real file system.
 */
async function probeProgram(args: ProbeArgs, everyFile: boolean): Promise<object> {
  const { Project, ts: tsApi } = await import('ts-morph');
  const { buildModuleGraph, findImporterClosure, findVisibleFiles } = await import('../analysis/module-graph');
  const files = readList(args.listFile);
  const started = performance.now();
  const sources = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const starts = fs.existsSync(args.startsFile) ? readList(args.startsFile) : [];
  const roots = everyFile ? files : [...findImporterClosure(buildModuleGraph(sources), starts)];
  const visible = everyFile ? new Set(files) : findVisibleFiles(sources, roots);
  const closureMs = performance.now() - started;
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: buildProgramOptions(tsApi) });
  for (const file of visible) project.getFileSystem().writeFileSync(file, sources.get(file) ?? '');
  for (const root of roots) project.addSourceFileAtPath(root);
  const program = project.getProgram().compilerObject;
  program.getTypeChecker();
  const loaded = program.getSourceFiles().filter((f) => !f.isDeclarationFile).length;
  return {
    ms: performance.now() - started,
    closureMs,
    programMs: performance.now() - started - closureMs,
    roots: roots.length,
    visible: visible.size,
    loaded,
  };
}

async function main(): Promise<void> {
  const [kind, argsFile] = process.argv.slice(2);
  const args = JSON.parse(fs.readFileSync(argsFile, 'utf8')) as ProbeArgs;
  const probes: Record<string, () => object | Promise<object>> = {
    floor: () => probeFloor(args),
    awaitify: () => probeAwaitify(args),
    program: () => probeProgram(args, false),
    'full-program': () => probeProgram(args, true),
  };
  const probe = probes[kind];
  if (!probe) throw new Error(`unknown probe "${kind}"; valid: ${Object.keys(probes).join(', ')}`);
  fs.writeFileSync(args.outFile, JSON.stringify(await probe()));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
