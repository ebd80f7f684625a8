/**
 * The package as a user gets it: `npm pack`, then an install of the tarball into an empty folder.
 * Offline: the folder gets a lock file built from this repository's (the production entries, each with
 * its registry tarball URL and integrity), so `npm ci --offline` takes every tarball from the npm cache
 * that installing this repository filled; only when the cache lacks one does it ask the registry.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTempFolder } from './git-repo';

const root = path.join(__dirname, '..', '..');

interface LockEntry {
  version: string;
  dev?: boolean;
  link?: boolean;
  resolved?: string;
  [field: string]: unknown;
}

interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
}

function runNpm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `npm pack` into a new folder; returns the tarball's path (prepare is skipped: dist/ is built). */
export function packTarball(): string {
  const folder = makeTempFolder('pack');
  const name = runNpm(['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], root).trim();
  return path.join(folder, name.split('\n').pop() ?? name);
}

/** The files `npm pack` would put in the tarball. */
export function listPackedFiles(): string[] {
  const [packed] = JSON.parse(runNpm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as {
    files: { path: string }[];
  }[];
  return packed.files.map((file) => file.path).sort();
}

function toRegistryUrl(lockPath: string, version: string): string {
  const name = lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** A folder where the tarball is installed as a dependency; returns the folder. */
export function installTarball(tarball: string): string {
  const app = makeTempFolder('installed');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, object> = {
    '': { name: 'app', dependencies: { [manifest.name]: spec } },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: spec,
      integrity,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [lockPath, entry] of Object.entries(lock.packages)) {
    if (lockPath === '' || entry.dev || entry.link) continue;
    packages[lockPath] = { ...entry, resolved: entry.resolved ?? toRegistryUrl(lockPath, entry.version) };
  }
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, dependencies: { [manifest.name]: spec } }),
  );
  writeFileSync(
    path.join(app, 'package-lock.json'),
    JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }),
  );
  const ci = ['ci', '--ignore-scripts', '--no-audit', '--no-fund'];
  try {
    runNpm([...ci, '--offline'], app);
  } catch {
    // a cache without some tarball (it was cleaned since the install): the registry has it
    runNpm([...ci, '--prefer-offline'], app);
  }
  return app;
}
