/**
 * sync-request types `res.body` and `getBody()` as `Buffer | string`, and TypeScript code casts them.
 * A tsc-clean project with the usual casts is migrated; it must stay tsc-clean (the real compiler,
 * strict) and print the same against a loopback server, compiled as written and as migrated.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './support/http-server';
import { createProgram, findCompilerErrors, transpileToCommonJs } from './support/propagate-checks';
import { runPropagation, type ProjectRun } from './support/propagate-run';

const project: Record<string, string> = {
  'package.json': '{ "name": "casts", "private": true, "dependencies": { "sync-request": "^6.1.0" } }\n',
  'api.ts': `import request from 'sync-request';

export function getUser(base: string): { name: string } {
  const res = request('GET', base + '/json');
  return JSON.parse(res.getBody() as string) as { name: string };
}

export function getText(base: string): string {
  const res = request('GET', base + '/text');
  return res.body as string;
}

export function getLength(base: string): number {
  const res = request('GET', base + '/text');
  return res.body.toString().length;
}

export function getAngleCast(base: string): string {
  const res = request('GET', base + '/text');
  return \`[\${<string>res.getBody()}]\`;
}
`,
  'main.ts': `import { getAngleCast, getLength, getText, getUser } from './api';

export async function main(base: string): Promise<void> {
  console.log(JSON.stringify(getUser(base)));
  console.log(\`\${getText(base)} \${getLength(base)} \${getAngleCast(base)}\`);
}

void main(process.argv[2] ?? '');
`,
};

const repoModules = join(__dirname, '..', 'node_modules');
let dir = '';
let server: TestServer;
let migration: ProjectRun;

function writeProject(name: string, files: Record<string, string>): string[] {
  const folder = join(dir, name);
  mkdirSync(folder);
  symlinkSync(repoModules, join(folder, 'node_modules'), 'dir');
  const sources = Object.entries(files).filter(([file]) => file.endsWith('.ts'));
  return sources.map(([file, text]) => {
    writeFileSync(join(folder, file), text);
    writeFileSync(join(folder, file.replace(/\.ts$/, '.js')), transpileToCommonJs(text, file));
    return join(folder, file);
  });
}

async function runMain(name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['main.js', `${server.url}/${name}`], {
    cwd: join(dir, name),
    timeout: 60000,
  });
  return stdout;
}

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'awaitify-casts-'));
  const input = join(dir, 'input');
  mkdirSync(input);
  for (const [file, text] of Object.entries(project)) writeFileSync(join(input, file), text);
  migration = await runPropagation(input, { transforms: ['sync-http-to-undici', 'propagate-async'] });
}, 60000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('converts every function, with no diagnostic to leave anything out', () => {
  expect(migration.texts['api.ts']).not.toContain('sync-request');
  expect(migration.result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  expect(migration.texts['package.json']).toContain('"undici"');
});

it('compiles with strict tsc as written and as migrated', () => {
  const before = writeProject('before', project);
  const after = writeProject('after', migration.texts);
  expect(findCompilerErrors(createProgram(before))).toEqual([]);
  expect(findCompilerErrors(createProgram(after))).toEqual([]);
});

it('prints the same', async () => {
  const before = await runMain('before');
  expect(before).toContain('hello, world');
  expect(await runMain('after')).toBe(before);
});
