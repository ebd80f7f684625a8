/**
 * Positions from the analysis (computed on the per-file transforms' output) are reported in the
 * original files the user reads.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineMap, mapMentions } from '../source/line-map';
import { run } from '../engine/run';
import { selectTransforms } from '../transforms/registry';

describe('createLineMap', () => {
  it('maps unchanged lines to where they were and replaced lines to the line they replace', () => {
    const before = ['a', 'b', 'c', 'd', ''].join('\n');
    const after = ['new 1', 'new 2', 'a', 'B', 'c', 'extra', 'd', ''].join('\n');
    const map = createLineMap(before, after);
    expect([1, 2, 3, 4, 5, 6, 7].map(map)).toEqual([1, 1, 1, 2, 3, 4, 4]);
  });

  it('is the identity for an unchanged text', () => {
    expect(createLineMap('x\ny\n', 'x\ny\n')(2)).toBe(2);
  });

  it('rewrites file:line:col mentions of mapped files only', () => {
    const maps = new Map([['src/a.js', (line: number) => line - 3]]);
    expect(mapMentions('f (src/a.js:12:1) → g (src/b.js:12:1)', maps)).toBe('f (src/a.js:9:1) → g (src/b.js:12:1)');
  });
});

describe('boundary diagnostics after the HTTP migration', () => {
  it('name the starting function at its line in the original file', async () => {
    const work = mkdtempSync(join(tmpdir(), 'awaitify-linemap-'));
    try {
      cpSync(
        join(__dirname, '..', '__testfixtures__', 'propagate-async', 'http-chain-reaching-getter-left-alone', 'input'),
        work,
        {
          recursive: true,
        },
      );
      const selected = selectTransforms(['sync-http-to-undici', 'propagate-async']);
      const result = await run({ paths: ['.'], cwd: work, ...selected });
      const boundary = result.diagnostics.find((d) => d.code === 'ASYNC_BOUNDARY');
      // getJson is declared on line 5 of client.js; the migrated text has it further down
      expect(boundary?.message).toContain('getJson (client.js:5:1)');
      expect(boundary).toMatchObject({ file: 'account.js', line: 7, column: 12 });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
