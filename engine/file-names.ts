/** Which file names a run reads: source files, not type declarations or minified builds. */
import { promises as fs, type Stats } from 'fs';
import * as path from 'path';
import { findPrimitiveLoads } from './primitive-loads';

const SOURCE_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

export const DECLARATION_FILE = 'type declaration file';

/** Why a file name is not one the transforms read, or null when it is. */
export function findNameProblem(location: string): string | null {
  const name = path.basename(location);
  if (!SOURCE_EXTENSIONS.has(path.extname(name))) return 'not a JavaScript or TypeScript file';
  if (/\.d\.[cm]?ts$/.test(name) || /\.d\.[^.]+\.[cm]?ts$/.test(name)) return DECLARATION_FILE;
  if (/[.-]min\.[cm]?jsx?$/.test(name)) return 'minified file';
  return null;
}

/**
 * A type declaration file is not migrated (nothing in it runs), but one that imports a sync primitive's
 * types is listed as skipped, so that its leftover is reported with that reason (engine/leftovers.ts).
 */
export async function loadsPrimitive(location: string, stats: Stats, maxFileSize: number): Promise<boolean> {
  if (!stats.isFile() || stats.size > maxFileSize) return false;
  const text = await fs.readFile(location, 'utf8').catch(() => '');
  return findPrimitiveLoads(text).size > 0;
}
