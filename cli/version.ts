import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The package's registry name (`awaitify` on npm is an unrelated library). */
export const packageName = 'awaitify-codemod';

/** The version in awaitify's package.json, found from this file in cli/ or in dist/cli/. */
export function getVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (!existsSync(candidate)) continue;
    const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === packageName) return pkg.version ?? '0.0.0';
  }
  return '0.0.0';
}
