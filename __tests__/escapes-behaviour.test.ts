/**
 * Code a framework calls synchronously, run by the real framework before and after a whole run: a
 * markdown-it rule renders the same HTML, an ESLint rule gives the same reports (Linter and
 * RuleTester), an Express 4 route's error still reaches the error middleware; a chain with no such
 * caller converts and still observes the same statuses. Every call goes to a loopback server.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { escapeProject } from './support/escape-project';
import { startTestServer, type TestServer } from './support/http-server';
import { runPropagation, type ProjectRun } from './support/propagate-run';

const repoModules = join(__dirname, '..', 'node_modules');
let dir = '';
let server: TestServer;
let migration: ProjectRun;
let before: Record<string, unknown> = {};
let after: Record<string, unknown> = {};

async function runDriver(name: string, files: Record<string, string>): Promise<Record<string, unknown>> {
  const variant = join(dir, name);
  mkdirSync(variant);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(variant, file), text);
  symlinkSync(repoModules, join(variant, 'node_modules'), 'dir');
  const { stdout } = await promisify(execFile)(process.execPath, ['driver.js'], {
    cwd: variant,
    env: { ...process.env, CASE_SERVER: `${server.url}/${name}`, NODE_NO_WARNINGS: '1' },
    timeout: 60000,
  });
  const seen = JSON.parse(stdout) as Record<string, unknown>;
  // the run's prefix is part of every URL the server echoes
  return JSON.parse(JSON.stringify(seen).split(`/${name}/`).join('/<run>/')) as Record<string, unknown>;
}

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'awaitify-escapes-'));
  const input = join(dir, 'input');
  mkdirSync(input);
  for (const [file, text] of Object.entries(escapeProject)) writeFileSync(join(input, file), text);
  migration = await runPropagation(input, { transforms: ['sync-http-to-undici', 'propagate-async'] });
  before = await runDriver('before', escapeProject);
  after = await runDriver('after', migration.texts);
}, 120000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('runs the project as written (the server text in the HTML, the report, the error page)', () => {
  expect(before.crashed).toBeUndefined();
  expect(before.html).toContain('title="hello, world"');
  expect(before.lint).toEqual(['1:11 links to hello, world']);
  expect(before.ruleTester).toBe('passed');
  expect(before.route).toBe('200 title: hello, world');
  expect(before.routeError).toMatch(/^502 caught: /);
  expect(before.report).toEqual([200, 404]);
});

it('observes the same after the migration', () => {
  expect(after).toEqual(before);
});

it('converts the chain nobody calls synchronously and leaves the three framework chains as they were', () => {
  expect(migration.texts['status.js']).toContain("require('undici')");
  expect(migration.texts['status.js']).not.toContain('sync-request');
  expect(migration.texts['report.js']).toContain('await fetchStatus(');
  for (const file of ['image-titles.js', 'link-rule.js', 'app.js']) {
    expect(migration.texts[file]).toBe(escapeProject[file]);
  }
});

it('says where each framework chain stops, and why', () => {
  const boundaries = migration.result.diagnostics
    .filter((d) => d.code === 'ASYNC_BOUNDARY')
    .map((d) => `${d.file}:${d.line}`)
    .sort();
  expect(boundaries).toEqual(['app.js:12', 'image-titles.js:11', 'link-rule.js:12']);
  const messages = migration.result.diagnostics.map((d) => d.message).join('\n');
  expect(messages).toContain('md.renderer.rules.image');
  expect(messages).toContain("an ESLint rule's visitor");
  expect(messages).toContain('would become an unhandled rejection');
  expect(messages).not.toMatch(/make (the visitor|it) async by hand/);
});
