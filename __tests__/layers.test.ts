/**
 * The layering rule of .dependency-cruiser.cjs (what `npm run lint` checks over the real tree) fails on
 * a planted upward import and on a cycle, and passes imports that point down.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from './support/git-repo';

const repo = join(__dirname, '..');
const depcruise = join(repo, 'node_modules', '.bin', 'depcruise');

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'awaitify-layers-'));
  try {
    writeTree(dir, { 'tsconfig.json': '{ "compilerOptions": { "module": "commonjs" } }\n', ...files });
    const folders = [...new Set(Object.keys(files).map((f) => f.split('/')[0]))];
    const result = spawnSync(depcruise, ['--config', join(repo, '.dependency-cruiser.cjs'), ...folders], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('layers', () => {
  // one cruise over a tree with an allowed import, a planted upward import and a cycle
  const result = cruise({
    'cli/main.ts': "import { x } from '../core/x';\nexport const y = x;\n",
    'core/x.ts': "import { z } from '../engine/a';\nexport const x = z;\n",
    'engine/a.ts': "import { b } from './b';\nexport const z = b;\n",
    'engine/b.ts': "import { z } from './a';\nexport const b = z;\n",
  });

  it('refuse a planted upward import, naming the rule', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('no-upward-from-core: core/x.ts → engine/a.ts');
  });

  it('refuse an import cycle inside a layer', () => {
    expect(result.output).toContain('no-circular');
  });

  it('accept an import that points down', () => {
    expect(result.output).not.toContain('cli/main.ts →');
  });
});
