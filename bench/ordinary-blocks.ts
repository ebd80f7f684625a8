/**
 * The ordinary code that makes up most of the generated repository: utilities, classes, constants,
 * TypeScript types, async functions and iterator generators, shaped like application code. None of it
 * uses a sync pattern, but some of it contains the words a careless pre-filter would trigger on
 * (`async`, `await`, `yield`, `fetch(`, `request`), as real code does.
 */
import type { ModuleWriter } from './module-writer';
import { type NameAllocator, verbs } from './naming';
import type { Prng } from './prng';

export interface BlockContext {
  rng: Prng;
  names: NameAllocator;
  /** Functions imported from other generated modules that blocks may call. */
  callables: string[];
}

type BlockBuilder = (w: ModuleWriter, c: BlockContext) => void;

function pickCall(c: BlockContext, argument: string): string {
  return c.callables.length > 0 && c.rng.chance(0.4)
    ? `${c.rng.pick(c.callables)}(${argument})`
    : `String(${argument})`;
}

/** A few statements over `input` ending in a `result` value. */
function buildStatements(w: ModuleWriter, c: BlockContext, input: string, indent: string): string {
  const lines: string[] = [];
  const count = c.rng.int(2, 6);
  lines.push(`const parts${w.type('string[]')} = String(${input}).split('${c.rng.pick([',', ';', '|', ':'])}');`);
  lines.push(`let result = ${c.rng.int(0, 9)};`);
  for (let i = 0; i < count; i++) {
    switch (c.rng.int(0, 4)) {
      case 0:
        lines.push(`for (const part of parts) {`, `  result += part.trim().length * ${c.rng.int(2, 17)};`, `}`);
        break;
      case 1:
        lines.push(
          `if (parts.length > ${c.rng.int(1, 8)}) {`,
          `  result = Math.max(result, parts.length - ${c.rng.int(1, 4)});`,
          `} else {`,
          `  result += ${c.rng.int(1, 99)};`,
          `}`,
        );
        break;
      case 2:
        lines.push(`const label${i} = \`\${${pickCall(c, 'parts[0]')}}-\${result}\`;`, `result += label${i}.length;`);
        break;
      case 3:
        lines.push(
          `try {`,
          `  result += JSON.stringify({ parts, index: ${i} }).length;`,
          `} catch (error) {`,
          `  result = -1;`,
          `}`,
        );
        break;
      default:
        lines.push(
          `result = parts.filter((p) => p.length > ${c.rng.int(0, 5)}).reduce((sum, p) => sum + p.charCodeAt(0), result);`,
        );
    }
  }
  return lines.map((l) => indent + l).join('\n');
}

const buildUtility: BlockBuilder = (w, c) => {
  const name = c.names.func();
  const body = buildStatements(w, c, 'value', '  ');
  w.addBlock(
    `/**\n * ${name}: derives a score from a ${c.rng.pick(['delimited', 'raw', 'cached', 'imported'])} value.\n */\n` +
      `export function ${name}(value${w.type('unknown')}, weight = ${c.rng.int(1, 9)})${w.type('number')} {\n` +
      `  if (value == null) {\n    return 0;\n  }\n${body}\n  return result * weight;\n}\n`,
    [name],
    true,
  );
};

const buildClass: BlockBuilder = (w, c) => {
  const cls = c.names.type(c.rng.pick(['Store', 'Registry', 'Cache', 'Builder', 'Tracker']));
  const field = w.style === 'ts' ? '  private readonly items = new Map<string, number>();\n' : '';
  const init = w.style === 'ts' ? '' : '    this.items = new Map();\n';
  const methods: string[] = [];
  for (let i = c.rng.int(2, 5); i > 0; i--) {
    const m = c.names.func(c.rng.pick(verbs));
    methods.push(
      `  ${m}(key${w.type('string')}, amount = ${c.rng.int(1, 5)})${w.type('number')} {\n` +
        `    const current = this.items.get(key) ?? 0;\n    const next = current + amount * this.factor;\n` +
        `    this.items.set(key, next);\n    return next;\n  }\n`,
    );
  }
  w.addBlock(
    `export class ${cls} {\n${field}  constructor(${w.style === 'ts' ? 'private readonly ' : ''}factor${w.type('number')} = ${c.rng.int(1, 4)}) {\n${init}${w.style === 'ts' ? '' : '    this.factor = factor;\n'}  }\n\n` +
      `  get size()${w.type('number')} {\n    return this.items.size;\n  }\n\n${methods.join('\n')}}\n`,
    [cls],
  );
};

const buildConstants: BlockBuilder = (w, c) => {
  const name = c.names.constant(c.rng.pick(['DEFAULTS', 'LIMITS', 'SETTINGS']));
  const entries = Array.from(
    { length: c.rng.int(3, 9) },
    (_, i) => `  ${c.names.variable('Limit')}: ${c.rng.int(1, 5000) * (i + 1)},`,
  );
  w.addBlock(`export const ${name} = Object.freeze({\n${entries.join('\n')}\n});\n`, [name]);
};

const buildTypes: BlockBuilder = (w, c) => {
  if (w.style !== 'ts') return buildConstants(w, c);
  const name = c.names.type(c.rng.pick(['Record', 'Options', 'Row', 'Event']));
  const fields = Array.from(
    { length: c.rng.int(2, 8) },
    () =>
      `  ${c.names.variable(c.rng.pick(['Id', 'Count', 'Name', 'At']))}${c.rng.chance(0.3) ? '?' : ''}: ${c.rng.pick(['string', 'number', 'boolean', 'Date', 'string[]'])};`,
  );
  w.addBlock(`export interface ${name} {\n${fields.join('\n')}\n}\n`, []);
};

const buildAsync: BlockBuilder = (w, c) => {
  const name = c.names.func(c.rng.pick(['load', 'save', 'sync', 'refresh']));
  // Global fetch, unless the file binds `fetch` to sync-fetch (then the call would be sync-fetch's).
  const io =
    c.rng.chance(0.25) && !c.names.isTaken('fetch')
      ? `  const response = await fetch(\`https://example.test/\${id}\`);\n  const data = await response.json();\n`
      : `  const data = await store.get(id);\n`;
  w.addBlock(
    `export async function ${name}(store${w.type('{ get(id: string): Promise<unknown> }')}, id${w.type('string')}) {\n` +
      `${io}  if (!data) {\n    throw new Error(\`${name}: nothing found for \${id}\`);\n  }\n  return { id, data, loadedAt: Date.now() };\n}\n`,
    [name],
  );
};

const buildIterator: BlockBuilder = (w, c) => {
  const name = c.names.func(c.rng.pick(['iterate', 'walk', 'page']));
  w.addBlock(
    `export function* ${name}(items${w.type('readonly number[]')}, size = ${c.rng.int(2, 50)}) {\n` +
      `  for (let i = 0; i < items.length; i += size) {\n    yield items.slice(i, i + size);\n  }\n}\n`,
    [name],
  );
};

const buildSwitch: BlockBuilder = (w, c) => {
  const name = c.names.func(c.rng.pick(['describe', 'classify', 'label']));
  const cases = Array.from(
    { length: c.rng.int(3, 8) },
    (_, i) => `    case '${c.rng.pick(verbs)}${i}':\n      return '${c.rng.pick(verbs)} request ${i}';`,
  );
  w.addBlock(
    `export function ${name}(kind${w.type('string')})${w.type('string')} {\n  switch (kind) {\n${cases.join('\n')}\n    default:\n      return 'unknown';\n  }\n}\n`,
    [name],
    true,
  );
};

const builders: readonly (readonly [BlockBuilder, number])[] = [
  [buildUtility, 40],
  [buildClass, 18],
  [buildConstants, 8],
  [buildTypes, 12],
  [buildAsync, 8],
  [buildIterator, 2],
  [buildSwitch, 12],
];

/** Typical size of one block: filling stops half a block short so sizes centre on the target. */
const halfBlockBytes = 350;

/** Adds ordinary blocks until the module is about `targetBytes` long (at least one block). */
export function fillWithOrdinaryCode(w: ModuleWriter, c: BlockContext, targetBytes: number): void {
  const indexes = builders.map((_, i) => [i, builders[i][1]] as const);
  do {
    builders[c.rng.weighted(indexes)][0](w, c);
  } while (w.size < targetBytes - halfBlockBytes);
}
