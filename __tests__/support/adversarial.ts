/**
 * Helpers of the adversarial suite: the built CLI (dist/, with the test transform that renames
 * `oldName(` to `newName(`), a byte-exact picture of a tree, and the table of outcomes the suite can
 * write (AWAITIFY_ADVERSARIAL_TABLE=<file>).
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const entry = path.join(__dirname, 'cli-tty-entry.js');

/** The environment of a spawned CLI: no colour decided by the outer terminal or jest. */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...extra };
}

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runEntry(args: string[], cwd: string, options: SpawnSyncOptions = {}): Spawned {
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd,
    encoding: 'utf8',
    env: buildEnv(),
    timeout: 60_000,
    ...options,
  });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export interface Started {
  child: ChildProcess;
  /** Settles on exit with everything the process printed; listening starts at the spawn, so no exit is missed. */
  done: Promise<Spawned & { signal: NodeJS.Signals | null }>;
}

/** Starts the CLI without waiting; its output is read as it comes, so a full pipe never blocks it. */
export function startEntry(args: string[], cwd: string): Started {
  const child = spawn(process.execPath, [entry, ...args], { cwd, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Spawned & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Every entry below `root` (not .git): a file's sha256, a link's target, a folder, or another kind. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) out.set(rel, `link -> ${readlinkSync(full)}`);
      else if (stats.isDirectory()) {
        out.set(rel, 'folder');
        walk(full);
      } else if (stats.isFile()) out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
      else out.set(rel, 'special');
    }
  };
  walk(root);
  return out;
}

export interface TreeChange {
  changed: string[];
  lost: string[];
  added: string[];
}

export function compareSnapshots(before: Map<string, string>, after: Map<string, string>): TreeChange {
  const changed = [...before].filter(([p, h]) => after.has(p) && after.get(p) !== h).map(([p]) => p);
  const lost = [...before.keys()].filter((p) => !after.has(p));
  const added = [...after.keys()].filter((p) => !before.has(p));
  return { changed: changed.sort(), lost: lost.sort(), added: added.sort() };
}

export interface TableRow {
  input: string;
  exitCodes: string;
  changed: string;
  wronglyChanged: number;
  lost: number;
}

const rows: TableRow[] = [];

export function recordRow(row: TableRow): void {
  rows.push(row);
}

/** Writes the table when AWAITIFY_ADVERSARIAL_TABLE names a file. */
export function writeTable(): void {
  const file = process.env.AWAITIFY_ADVERSARIAL_TABLE;
  if (!file || rows.length === 0) return;
  const lines = [
    '| input | exit code(s) | files changed | wrongly changed | lost |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.input} | ${r.exitCodes} | ${r.changed} | ${r.wronglyChanged} | ${r.lost} |`),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}
