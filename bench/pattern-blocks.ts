/**
 * The code the transforms convert, in the shapes issues 3 and 4 list: sync-request and sync-fetch calls
 * (JSON bodies, stored responses, options), deasync (`deasync(fn)`, the flag-and-loop on a promise,
 * `deasync.sleep`) and co (`co(function* …)`, `co.wrap`); and the callers that carry a newly async
 * function up a chain of files (each must become async: plain functions, class methods at the top of a
 * chain, test callbacks).
 */
import type { BlockContext } from './ordinary-blocks';
import type { ModuleWriter } from './module-writer';

export type PatternKind = 'sync-request' | 'sync-fetch' | 'deasync' | 'co';

/** What a pattern module exports for callers: one function of one argument. */
export interface PatternExport {
  name: string;
  /** False for co functions, which already return a promise (callers need no change). */
  becomesAsync: boolean;
}

function addBaseUrl(w: ModuleWriter, c: BlockContext): string {
  const name = c.names.constant('BASE_URL');
  w.addBlock(
    `const ${name} = process.env.${name} || 'http://127.0.0.1:${c.rng.int(3000, 9000)}/${c.rng.pick(['api', 'v1', 'v2'])}';\n`,
  );
  return name;
}

function buildSyncRequest(w: ModuleWriter, c: BlockContext): PatternExport {
  const local = c.rng.pick(['request', 'request', 'syncRequest', 'httpRequest']);
  w.addImport({ from: 'sync-request', defaultName: local });
  c.names.reserve([local]);
  const base = addBaseUrl(w, c);
  const name = c.names.func(c.rng.pick(['get', 'fetch', 'post', 'lookup']));
  const id = `id${w.type('string')}`;
  const variant = c.rng.int(0, 2);
  const body =
    variant === 0
      ? `  return JSON.parse(${local}('GET', \`\${${base}}/items/\${id}\`).getBody('utf8'));\n`
      : variant === 1
        ? `  const res = ${local}('POST', \`\${${base}}/items\`, { json: { id, at: Date.now() } });\n` +
          `  if (res.statusCode >= 400) {\n    throw new Error(\`${name} failed with \${res.statusCode}\`);\n  }\n  return res.statusCode;\n`
        : `  const body = ${local}('GET', \`\${${base}}/search\`, {\n    qs: { q: id },\n    headers: { accept: 'application/json' },\n  }).getBody('utf8');\n  return JSON.parse(body);\n`;
  w.addBlock(
    `/** Reads from the remote service (blocks the process until the response arrives). */\nexport function ${name}(${id}) {\n${body}}\n`,
    [name],
    true,
  );
  return { name, becomesAsync: true };
}

function buildSyncFetch(w: ModuleWriter, c: BlockContext): PatternExport {
  const local = c.rng.pick(['fetch', 'fetch', 'syncFetch']);
  w.addImport({ from: 'sync-fetch', defaultName: local });
  c.names.reserve([local]);
  const base = addBaseUrl(w, c);
  const name = c.names.func(c.rng.pick(['load', 'download', 'read']));
  const body = c.rng.chance(0.5)
    ? `  return ${local}(\`\${${base}}/docs/\${id}\`).json();\n`
    : `  const res = ${local}(\`\${${base}}/docs/\${id}\`, { headers: { accept: 'text/plain' } });\n` +
      `  if (!res.ok) {\n    throw new Error(\`${name}: \${res.status} \${res.statusText}\`);\n  }\n  return res.text();\n`;
  w.addBlock(`export function ${name}(id${w.type('string')}) {\n${body}}\n`, [name], true);
  return { name, becomesAsync: true };
}

function buildDeasync(w: ModuleWriter, c: BlockContext): PatternExport {
  w.addImport({ from: 'deasync', defaultName: 'deasync' });
  const name = c.names.func(c.rng.pick(['read', 'resolve', 'wait']));
  const variant = c.rng.int(0, 2);
  if (variant === 0) {
    w.addImport({ from: 'node:fs', named: ['readFile'] });
    w.addImport({ from: 'node:path', named: ['join'] });
    w.addBlock(`const readFileBlocking = deasync(readFile);\n`);
    w.addBlock(
      `export function ${name}(id${w.type('string')}) {\n  const raw = readFileBlocking(join(process.cwd(), 'data', id + '.json'), 'utf8');\n  return JSON.parse(raw);\n}\n`,
      [name],
      true,
    );
  } else if (variant === 1) {
    const lookup = c.names.func('lookup');
    w.addBlock(`async function ${lookup}(id${w.type('string')}) {\n  return { id, resolvedAt: Date.now() };\n}\n`);
    w.addBlock(
      `export function ${name}(id${w.type('string')}) {\n  let done = false;\n  let result${w.type('unknown')};\n` +
        `  ${lookup}(id).then((value) => {\n    result = value;\n    done = true;\n  });\n` +
        `  deasync.loopWhile(() => !done);\n  return result;\n}\n`,
      [name],
      true,
    );
  } else {
    w.addBlock(
      `export function ${name}(id${w.type('string')}) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n` +
        `    if (String(id).length > attempt) {\n      return attempt;\n    }\n    deasync.sleep(${c.rng.int(2, 9) * 10} * attempt);\n  }\n  return -1;\n}\n`,
      [name],
      true,
    );
  }
  return { name, becomesAsync: true };
}

function buildCo(w: ModuleWriter, c: BlockContext): PatternExport {
  w.addImport({ from: 'co', defaultName: 'co' });
  const part = c.names.func('fetch');
  w.addBlock(
    `function ${part}(id${w.type('string')}, key${w.type('string')}) {\n  return Promise.resolve({ id, key });\n}\n`,
  );
  const name = c.names.func(c.rng.pick(['sync', 'refresh', 'gather']));
  if (c.rng.chance(0.5)) {
    w.addBlock(
      `export function ${name}(id${w.type('string')}) {\n  return co(function* () {\n    const first = yield ${part}(id, 'a');\n` +
        `    const second = yield ${part}(id, 'b');\n    return [first, second];\n  });\n}\n`,
      [name],
      true,
    );
  } else {
    w.addBlock(
      `export const ${name} = co.wrap(function* (id${w.type('string')}) {\n  const value = yield ${part}(id, 'x');\n  return value;\n});\n`,
      [name],
      true,
    );
  }
  return { name, becomesAsync: false };
}

export function buildPattern(kind: PatternKind, w: ModuleWriter, c: BlockContext): PatternExport {
  switch (kind) {
    case 'sync-request':
      return buildSyncRequest(w, c);
    case 'sync-fetch':
      return buildSyncFetch(w, c);
    case 'deasync':
      return buildDeasync(w, c);
    case 'co':
      return buildCo(w, c);
  }
}

/** The body of a caller of `callee`: every shape needs an `await` once `callee` is async. */
function buildCallerBody(callee: string, c: BlockContext): string {
  switch (c.rng.int(0, 3)) {
    case 0:
      return `  const data = ${callee}(id);\n  if (!data) {\n    return null;\n  }\n  return { id, data };\n`;
    case 1:
      return `  const summary = \`\${id}: \${JSON.stringify(${callee}(id))}\`;\n  return summary.length > 80 ? summary.slice(0, 80) : summary;\n`;
    case 2:
      return `  const results = [];\n  for (const key of [id, id + '-previous']) {\n    results.push(${callee}(key));\n  }\n  return results;\n`;
    default:
      return `  return { id, size: String(${callee}(id)).length };\n`;
  }
}

/** Adds `count` exported functions that call `callee`; returns their names. */
export function addCallers(w: ModuleWriter, c: BlockContext, callee: string, count: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = c.names.func();
    const returnType = w.style === 'ts' && c.rng.chance(0.3) ? ': unknown' : '';
    w.addBlock(
      `export function ${name}(id${w.type('string')})${returnType} {\n${buildCallerBody(callee, c)}}\n`,
      [name],
      true,
    );
    names.push(name);
  }
  return names;
}

/** The top of a chain as a class method (an entry point nothing else calls). */
export function addControllerMethod(w: ModuleWriter, c: BlockContext, callee: string): void {
  const cls = c.names.type('Controller');
  w.addBlock(
    `export class ${cls} {\n  handle(id${w.type('string')}) {\n${buildCallerBody(callee, c).replace(/^/gm, '  ').replace(/ +$/, '')}  }\n}\n`,
    [cls],
  );
}

/** The top of a chain as a test file: the test callback must become async. */
export function addTestCase(w: ModuleWriter, c: BlockContext, callee: string): void {
  w.addBlock(
    `describe('${callee}', () => {\n  it('returns data for a known id', () => {\n    const value = ${callee}('${c.rng.int(1, 999)}');\n    expect(value).toBeDefined();\n  });\n});\n`,
  );
}
