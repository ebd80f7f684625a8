import * as path from 'node:path';
import { generateRepository } from '../bench/generate';
import { getParser, getParserName } from '../source/parsers';

const patternModules: Record<string, RegExp> = {
  'sync-request': /(?:from |require\()'sync-request'/,
  'sync-fetch': /(?:from |require\()'sync-fetch'/,
  deasync: /(?:from |require\()'deasync'/,
  co: /(?:from |require\()'co'/,
};

/** Relative specifiers each file imports, resolved to repository paths, with the names imported. */
function findLocalImports(files: Map<string, string>, file: string): { target: string; names: string[] }[] {
  const text = files.get(file) ?? '';
  const found: { target: string; names: string[] }[] = [];
  const pattern = /(?:import \{ ([^}]+) \} from|const \{ ([^}]+) \} = require\()\s*'(\.[^']+)'/g;
  for (const m of text.matchAll(pattern)) {
    const base = path.posix.join(path.posix.dirname(file), m[3]);
    const target = [base, `${base}.ts`, `${base}.js`].find((p) => files.has(p)) ?? base;
    found.push({ target, names: (m[1] ?? m[2]).split(',').map((n) => n.trim()) });
  }
  return found;
}

/** Counts functions that call something async, following imports from the pattern files upwards. */
function countAsyncFunctions(files: Map<string, string>): number {
  const asyncNames = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    if (patternModules.co.test(text)) continue;
    if (Object.values(patternModules).some((re) => re.test(text))) {
      const name = /^(?:export )?function (\w+)\(id/m.exec(text)?.[1];
      if (name) asyncNames.set(file, new Set([name]));
    }
  }
  let count = asyncNames.size;
  for (let changed = true; changed;) {
    changed = false;
    for (const file of files.keys()) {
      if (asyncNames.has(file)) continue;
      const called = findLocalImports(files, file).flatMap((i) =>
        asyncNames.get(i.target) ? i.names.filter((n) => asyncNames.get(i.target)?.has(n)) : [],
      );
      if (called.length === 0) continue;
      const units = (files.get(file) ?? '').split(/\n(?=(?:export )?(?:function|class|const) |describe\()/);
      const callers = units.filter((u) => called.some((n) => u.includes(`${n}(`)));
      asyncNames.set(file, new Set(callers.map((u) => /^(?:export )?function (\w+)/.exec(u)?.[1] ?? '')));
      count += callers.length;
      changed = true;
    }
  }
  return count;
}

describe('bench generator', () => {
  const small = generateRepository({ files: 400, seed: 7 });

  it('produces the same bytes for the same seed and size', () => {
    const again = generateRepository({ files: 400, seed: 7 });
    expect([...again.files.entries()]).toEqual([...small.files.entries()]);
    expect(again.summary).toEqual(small.summary);
  });

  it('produces a different repository for another seed', () => {
    const other = generateRepository({ files: 400, seed: 8 });
    expect([...other.files.values()].join('')).not.toEqual([...small.files.values()].join(''));
  });

  it('every generated file parses with the parser awaitify uses', () => {
    for (const [file, text] of small.files) {
      expect(() => getParser(getParserName(file)).parse(text)).not.toThrow();
    }
  });

  describe('at 5,000 files', () => {
    const large = generateRepository({ files: 5000, seed: 1 });

    it('has exactly the requested number of files, ~4 KB on average', () => {
      expect(large.files.size).toBe(5000);
      expect(large.summary.bytes / 5000).toBeGreaterThan(3000);
      expect(large.summary.bytes / 5000).toBeLessThan(6000);
    });

    it('uses a sync pattern in 2% of the files, with the counts it reports', () => {
      const texts = [...large.files.values()];
      const byKind = Object.fromEntries(
        Object.entries(patternModules).map(([kind, re]) => [kind, texts.filter((t) => re.test(t)).length]),
      );
      expect(byKind).toEqual(large.summary.byKind);
      expect(large.summary.patternFiles).toBe(100);
      expect(Object.values(byKind).every((n) => n >= 10)).toBe(true);
    });

    it('never calls the global fetch where sync-fetch is bound to that name', () => {
      const shadowed = [...large.files.values()].filter((t) =>
        /(?:import fetch from|const fetch = require\()'sync-fetch'/.test(t),
      );
      expect(shadowed.length).toBeGreaterThan(0);
      expect(shadowed.filter((t) => t.includes('await fetch(')).length).toBe(0);
    });

    it('mixes JavaScript and TypeScript, CommonJS and ESM', () => {
      const exts = new Set([...large.files.keys()].map((f) => path.extname(f)));
      expect([...exts].sort()).toEqual(['.cjs', '.js', '.mjs', '.ts']);
      const cjs = [...large.files.values()].filter((t) => t.includes('module.exports =')).length;
      expect(cjs).toBeGreaterThan(1000);
    });

    it('has ~200 functions that must become async, in chains up to eight files deep', () => {
      expect(large.summary.asyncFunctions).toBe(200);
      expect(countAsyncFunctions(large.files)).toBe(large.summary.asyncFunctions);
      expect(large.summary.longestChainFiles).toBe(8);
    });

    it('resolves every relative import to a generated file that exports the imported names', () => {
      for (const file of large.files.keys()) {
        for (const { target, names } of findLocalImports(large.files, file)) {
          const text = large.files.get(target);
          expect(text).toBeDefined();
          for (const name of names)
            expect(text).toMatch(
              new RegExp(`(export (function|const|class) ${name}\\b|module\\.exports = \\{[^}]*\\b${name}\\b)`),
            );
        }
      }
    });
  });
});
