/**
 * propagate-async over whole fixture projects (the byte comparison itself is the fixture harness's):
 * the TypeScript outputs compile with the real tsc and pass typescript-eslint's promise rules, the
 * programs print the same before (the start still synchronous) and after propagation, and a second
 * run changes nothing.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  createProgram,
  findCompilerErrors,
  findPromiseLintErrors,
  transpileToCommonJs,
} from './support/propagate-checks';
import { listProjectFiles, readCaseArgs, runPropagation } from './support/propagate-run';

const casesRoot = join(__dirname, '..', '__testfixtures__', 'propagate-async');
const folderCases = listProjectFiles(casesRoot)
  .filter((f) => /^[^/]+\/args\.json$/.test(f))
  .map((f) => f.split('/')[0]);

const typeScriptCases = folderCases.filter((name) =>
  listProjectFiles(join(casesRoot, name, 'output')).some((f) => f.endsWith('.ts')),
);

describe('TypeScript outputs', () => {
  it('there are TypeScript fixture projects to check', () => {
    expect(typeScriptCases.length).toBeGreaterThanOrEqual(3);
  });

  const listTypeScript = (dir: string) =>
    listProjectFiles(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f));
  const singleFileOutputs = listProjectFiles(casesRoot)
    .filter((f) => /^[^/]+\.output\.ts$/.test(f))
    .map((f) => join(casesRoot, f));
  const checked: [string, string[]][] = [
    ...typeScriptCases.map((name): [string, string[]] => [name, listTypeScript(join(casesRoot, name, 'output'))]),
    ...singleFileOutputs.map((file): [string, string[]] => [file.slice(casesRoot.length + 1), [file]]),
  ];
  // one program and one lint run over every output (the cases' files live in folders of their own)
  let problems: string[] = [];
  beforeAll(async () => {
    const files = checked.flatMap(([, caseFiles]) => caseFiles);
    const program = createProgram(files);
    problems = [...findCompilerErrors(program), ...(await findPromiseLintErrors(casesRoot, files, program))];
  });

  for (const [name, files] of checked) {
    it(`${name}: tsc --noEmit and the promise lint rules report nothing`, () => {
      expect(problems.filter((p) => files.some((file) => p.startsWith(file)))).toEqual([]);
    });
  }

  it('every problem belongs to a checked file (none is lost by the filter above)', () => {
    expect(problems.filter((p) => !checked.some(([, files]) => files.some((file) => p.startsWith(file))))).toEqual([]);
  });

  it('the checks do catch an un-awaited promise (the rules are live)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'awaitify-lint-'));
    try {
      const file = join(work, 'floating.ts');
      writeFileSync(file, 'async function f(): Promise<number> { return 1; }\nexport function g(): void { f(); }\n');
      const program = createProgram([file]);
      expect(findCompilerErrors(program)).toEqual([]);
      const errors = await findPromiseLintErrors(work, [file], program);
      expect(errors.join('\n')).toContain('no-floating-promises');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a second run', () => {
  for (const name of folderCases) {
    it(`${name}: changes nothing`, async () => {
      const { result } = await runPropagation(join(casesRoot, name, 'output'), readCaseArgs(join(casesRoot, name)));
      expect(result.files.filter((f) => f.status === 'changed').map((f) => f.path)).toEqual([]);
      expect(result.files.filter((f) => f.status === 'failed').map((f) => f.path)).toEqual([]);
    });
  }
});

/**
 * The program as it was before the user made the start async by hand: the start without `async`,
 * its simulated wait (`await new Promise((resolve) => setTimeout(…))`) and its Promise<T> return type.
 */
function undoHandMadeAsync(text: string, name: string): string {
  return text
    .replace(
      new RegExp(`async function ${name}\\(([^)]*)\\)(?:: Promise<([^>]+)>)?`),
      (_m, params: string, type?: string) =>
        type ? `function ${name}(${params}): ${type}` : `function ${name}(${params})`,
    )
    .replace(/^\s*await new Promise\(\(resolve\) => setTimeout\(resolve, [^)]*\)\);\n/m, '');
}

function writeRunnable(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, path.endsWith('.ts') ? transpileToCommonJs(text, path) : text);
  }
}

function runNode(dir: string, entry: string): string {
  return execFileSync(process.execPath, [join(dir, entry.replace(/\.ts$/, '.js'))], { cwd: dir, encoding: 'utf8' });
}

const behaviourCases: { name: string; entry: string }[] = [
  { name: 'deep-chain-across-files', entry: 'src/app.ts' },
  { name: 'interface-two-implementations', entry: 'src/main.ts' },
  { name: 'abstract-method-and-renamed-reexport', entry: 'src/cli.ts' },
  { name: 'foreach-keeps-order', entry: 'lib/run.js' },
  { name: 'map-keeps-order', entry: 'lib/run.js' },
  { name: 'map-in-an-export-declaration', entry: 'main.mjs' },
  { name: 'calls-through-aliases', entry: 'main.js' },
  { name: 'recursive-cycle', entry: 'main.js' },
  { name: 'esm-top-level-await', entry: 'main.mjs' },
  { name: 'call-site-contexts', entry: 'src/main.ts' },
  { name: 'commonjs-prototypes-and-boundaries', entry: 'main.js' },
  { name: 'callbacks-in-typescript', entry: 'src/main.ts' },
];

describe('behaviour: the synchronous program and the propagated one print the same', () => {
  for (const { name, entry } of behaviourCases) {
    it(name, () => {
      const starts = ((readCaseArgs(join(casesRoot, name)).async ?? []) as string[]).map((s) => s.split('#'));
      const inputDir = join(casesRoot, name, 'input');
      const outputDir = join(casesRoot, name, 'output');
      const before: Record<string, string> = {};
      const after: Record<string, string> = {};
      for (const f of listProjectFiles(inputDir)) {
        const text = readFileSync(join(inputDir, f), 'utf8');
        before[f] = starts.filter(([file]) => file === f).reduce((t, [, start]) => undoHandMadeAsync(t, start), text);
        after[f] = existsSync(join(outputDir, f)) ? readFileSync(join(outputDir, f), 'utf8') : text;
      }
      for (const [file, start] of starts) expect(before[file]).not.toContain(`async function ${start}`);
      const work = mkdtempSync(join(tmpdir(), 'awaitify-behaviour-'));
      try {
        writeRunnable(join(work, 'before'), before);
        writeRunnable(join(work, 'after'), after);
        const expected = runNode(join(work, 'before'), entry);
        expect(expected.length).toBeGreaterThan(0);
        expect(runNode(join(work, 'after'), entry)).toBe(expected);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});

describe('behaviour: the full pipeline (sync-request → undici, then propagation) against a local server', () => {
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const bodies: Record<string, object> = {
        '/users/1': { name: 'ada' },
        '/users/2': { name: 'bob' },
        '/accounts/7': { id: '7', balance: 5 },
        '/status': { ok: true },
      };
      const body = bodies[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(body ? JSON.stringify(body) : '{"error":"missing"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** Runs without blocking this process: the server answering the request lives here. */
  function runScript(dir: string, entry: string): Promise<string> {
    const env = { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') };
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [join(dir, entry.replace(/\.ts$/, '.js')), base],
        { cwd: dir, env },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`${error.message}\n${stderr}`));
          else resolve(stdout);
        },
      );
    });
  }

  const pipelineCases = [
    {
      name: 'pipeline-sync-request-to-callers',
      entry: 'main.js',
      http: 'lib/http.js',
      output: 'user: ada\nuser: bob\nfailed: 404\n',
    },
    {
      name: 'pipeline-typescript-constructor-boundary',
      entry: 'src/main.ts',
      http: 'src/accounts.ts',
      output: 'healthy: true\nbalance: 5\n',
    },
  ];
  for (const { name, entry, http, output } of pipelineCases) {
    it(`${name} prints the same`, async () => {
      const inputDir = join(casesRoot, name, 'input');
      const before = Object.fromEntries(
        listProjectFiles(inputDir).map((f) => [f, readFileSync(join(inputDir, f), 'utf8')]),
      );
      const { texts } = await runPropagation(inputDir, readCaseArgs(join(casesRoot, name)));
      expect(texts[http]).toContain('undici');
      const work = mkdtempSync(join(tmpdir(), 'awaitify-pipeline-'));
      try {
        writeRunnable(join(work, 'before'), before);
        writeRunnable(join(work, 'after'), texts);
        const expected = await runScript(join(work, 'before'), entry);
        expect(expected).toBe(output);
        expect(await runScript(join(work, 'after'), entry)).toBe(expected);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});
