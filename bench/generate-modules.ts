/** Builds the modules of the generated repository: ordinary ones, and each pattern file with its callers. */
import { ModuleWriter, pickExtension, type ModuleStyle } from './module-writer';
import { NameAllocator, areas, buildFileStem } from './naming';
import { fillWithOrdinaryCode, type BlockContext } from './ordinary-blocks';
import { addCallers, addControllerMethod, addTestCase, buildPattern, type PatternKind } from './pattern-blocks';
import { pickModuleSize, pickStyle, type ChainPlan } from './generate-plan';
import type { Prng } from './prng';

export interface ModuleInfo {
  path: string;
  style: ModuleStyle;
  /** Exported one-argument functions other modules may import and call. */
  functions: readonly string[];
}

export interface BuiltModule {
  info: ModuleInfo;
  text: string;
}

export interface GenerationSummary {
  generatorVersion: number;
  seed: number;
  files: number;
  bytes: number;
  patternFiles: number;
  byKind: Record<PatternKind, number>;
  byStyle: Record<ModuleStyle, number>;
  /** Functions, methods and test callbacks that must become async (co wrappers excluded). */
  asyncFunctions: number;
  coFunctions: number;
  /** Pattern files with at least one caller file above them. */
  chains: number;
  longestChainFiles: number;
}

/** How far back an import may reach: keeps the import graph local, as in real code bases. */
const importWindow = 300;

function pickPath(rng: Prng, index: number, style: ModuleStyle, folder: 'src' | 'test'): string {
  const ext = pickExtension(style, rng.next());
  const stem = buildFileStem(rng, index);
  if (folder === 'test') return `test/${stem}.test${ext}`;
  const nested = rng.chance(0.3) ? `/${rng.pick(areas)}` : '';
  return `src/${rng.pick(areas)}${nested}/${stem}${ext}`;
}

function startModule(rng: Prng, path: string, style: ModuleStyle): { w: ModuleWriter; c: BlockContext } {
  const segments = path.split('/');
  const role = segments[0] === 'test' ? 'tests' : `${segments[1]} layer`;
  const header = `/**\n * ${segments[segments.length - 1]}: part of the ${role}.\n */\n`;
  return { w: new ModuleWriter(style, path, header), c: { rng, names: new NameAllocator(rng), callables: [] } };
}

/** Imports one or two functions from up to `count` earlier modules of the same style. */
function addLocalImports(w: ModuleWriter, c: BlockContext, pool: readonly ModuleInfo[], count: number): void {
  const recent = pool.slice(-importWindow).filter((m) => m.functions.length > 0);
  const taken = new Set<string>();
  for (let i = 0; i < count && recent.length > 0; i++) {
    const target = c.rng.pick(recent);
    if (taken.has(target.path)) continue;
    taken.add(target.path);
    const named = [...new Set([c.rng.pick(target.functions), c.rng.pick(target.functions)])].filter(
      (n) => !c.callables.includes(n),
    );
    if (named.length === 0) continue;
    w.addImport({ from: target.path, named });
    c.names.reserve(named);
    c.callables.push(...named);
  }
}

function addBuiltinImport(w: ModuleWriter, c: BlockContext): void {
  if (!c.rng.chance(0.35)) return;
  const [from, name] = c.rng.pick([
    ['node:path', 'join'],
    ['node:crypto', 'createHash'],
    ['node:util', 'inspect'],
    ['node:events', 'EventEmitter'],
  ] as const);
  w.addImport({ from, named: [name] });
  c.names.reserve([name]);
}

export function buildOrdinaryModule(rng: Prng, index: number, pools: Record<ModuleStyle, ModuleInfo[]>): BuiltModule {
  const style = pickStyle(rng);
  const path = pickPath(rng, index, style, 'src');
  const { w, c } = startModule(rng, path, style);
  addBuiltinImport(w, c);
  addLocalImports(w, c, pools[style], rng.int(0, 3));
  fillWithOrdinaryCode(w, c, pickModuleSize(rng));
  return { info: { path, style, functions: w.functionExports }, text: w.render() };
}

/** A pattern file and its caller files, bottom first, with how many functions must become async. */
export function buildChain(
  rng: Prng,
  chain: ChainPlan,
  index: number,
  pool: readonly ModuleInfo[],
): { modules: BuiltModule[]; asyncFunctions: number } {
  const modules: BuiltModule[] = [];
  const bottomPath = pickPath(rng, index, chain.style, 'src');
  const bottom = startModule(rng, bottomPath, chain.style);
  addLocalImports(bottom.w, bottom.c, pool, rng.int(0, 2));
  const pattern = buildPattern(chain.kind, bottom.w, bottom.c);
  fillWithOrdinaryCode(bottom.w, bottom.c, pickModuleSize(rng));
  modules.push({ info: { path: bottomPath, style: chain.style, functions: [] }, text: bottom.w.render() });
  let asyncFunctions = pattern.becomesAsync ? 1 : 0;
  let callee = { name: pattern.name, path: bottomPath };
  chain.callersPerFile.forEach((count, level) => {
    const top = level === chain.callersPerFile.length - 1 ? chain.top : 'function';
    const path = pickPath(rng, index + level + 1, chain.style, top === 'test' ? 'test' : 'src');
    const { w, c } = startModule(rng, path, chain.style);
    w.addImport({ from: callee.path, named: [callee.name] });
    c.names.reserve([callee.name]);
    if (top === 'test') {
      addTestCase(w, c, callee.name);
      asyncFunctions += 1;
    } else {
      addLocalImports(w, c, pool, rng.int(0, 2));
      if (top === 'controller') addControllerMethod(w, c, callee.name);
      const names = top === 'controller' ? [] : addCallers(w, c, callee.name, count);
      asyncFunctions += top === 'controller' ? 1 : names.length;
      fillWithOrdinaryCode(w, c, pickModuleSize(rng));
      if (names.length > 0) callee = { name: names[0], path };
    }
    modules.push({ info: { path, style: chain.style, functions: [] }, text: w.render() });
  });
  return { modules, asyncFunctions };
}
