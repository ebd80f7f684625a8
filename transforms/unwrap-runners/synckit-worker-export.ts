/**
 * The worker side of a synckit conversion: the function a worker module passes to `runAsWorker` gets
 * exported so callers can await it in-process. `runAsWorker` stays (it returns at once outside a
 * synckit worker thread), so callers that were not migrated keep working.
 *   runAsWorker(async (x) => { … });     →  const runWorker = async (x) => { … };
 *                                            runAsWorker(runWorker);
 *                                            …
 *                                            module.exports = runWorker;          (CommonJS, no other exports)
 *                                            module.exports.runWorker = runWorker; (CommonJS with exports)
 * A CommonJS export goes at the end of the module, after any `module.exports = {…}` that replaces the object.
 *   ES modules and TypeScript with import/export get a named export (`export const runWorker = …`,
 *   or `export { handle };` for `runAsWorker(handle)`). An existing export of the function is reused.
 * Accepted workers: one top-level `runAsWorker(fn)` statement where fn is an inline (async) function or
 * arrow, or the name of a top-level function declaration or const function.
 */
import jscodeshift, { type ASTPath, type Collection, type JSCodeshift } from 'jscodeshift';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { isModuleSource } from '../shared/context';
import { getUniqueName } from '../shared/modules';
import { getParser, getParserName } from '../../source/parsers';
import { createModuleRefs } from './runner-modules';

import { findNodes } from '../../source/tree-walk';

/** How callers reach the function: `require(w)` / `import f from w` ('default'), or by `name`. */
export interface WorkerExport {
  form: 'default' | 'named';
  /** The exported name (for 'default', the local name the worker gives the function). */
  name: string;
}

/** `apply` makes the export and returns false when the function was exported already. */
export type WorkerExportPlan = { ok: true; export: WorkerExport; apply: () => boolean } | { ok: false; reason: string };

interface Node {
  type: string;
  name?: string;
  id?: Node | null;
  init?: Node | null;
  generator?: boolean;
  computed?: boolean;
  object?: Node;
  property?: Node;
  left?: Node;
  right?: Node;
  operator?: string;
  expression?: Node;
  declaration?: Node | null;
  declarations?: Node[];
  specifiers?: { local?: Node; exported?: Node }[];
  source?: Node | null;
  kind?: string;
  arguments?: Node[];
  comments?: unknown[] | null;
  properties?: Node[];
  key?: Node;
  value?: unknown;
}

const inlineFunctionTypes = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/** The single `runAsWorker(…)` call, which must be a top-level statement. */
function findRunAsWorker(j: JSCodeshift, root: Collection): ASTPath | string {
  const refs = createModuleRefs(j, root);
  const calls = findNodes(root, j.CallExpression)
    .filter((call) => refs.isMember(call.get('callee') as ASTPath, 'synckit', 'runAsWorker'))
    .paths();
  if (calls.length !== 1)
    return calls.length === 0 ? 'it has no runAsWorker(fn) call from synckit' : 'it calls runAsWorker more than once';
  const statement = calls[0].parent as ASTPath;
  const isTopLevelStatement =
    statement.node.type === 'ExpressionStatement' && (statement.parent?.node as Node).type === 'Program';
  return isTopLevelStatement ? calls[0] : 'its runAsWorker call is not a statement at the top level of the module';
}

function getProgramBody(root: Collection): StatementKind[] {
  return (root.get().node as { program: { body: StatementKind[] } }).program.body;
}

/** `module.exports` */
function isModuleExports(node: Node | undefined): boolean {
  return (
    node?.type === 'MemberExpression' &&
    !node.computed &&
    node.object?.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property?.name === 'exports'
  );
}

/** The top-level CommonJS exports: `module.exports = x` targets and `exports.n = x` / `module.exports.n = x` names. */
function findCommonJsExports(
  j: JSCodeshift,
  root: Collection,
): { any: boolean; whole: Node[]; named: Map<string, Node> } {
  const any = findNodes(root, j.Identifier, { name: 'exports' }).size() > 0;
  const whole: Node[] = [];
  const named = new Map<string, Node>();
  for (const statement of getProgramBody(root) as unknown as Node[]) {
    const e = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (e?.type !== 'AssignmentExpression' || e.operator !== '=' || !e.left || !e.right) continue;
    if (isModuleExports(e.left)) whole.push(e.right);
    // module.exports = { tally } names its properties
    for (const p of isModuleExports(e.left) && e.right.type === 'ObjectExpression' ? (e.right.properties ?? []) : []) {
      const isPlain =
        (p.type === 'ObjectProperty' || p.type === 'Property') &&
        !p.computed &&
        p.key?.type === 'Identifier' &&
        p.key.name;
      if (isPlain) named.set(String(p.key?.name), p.value as Node);
    }
    const target = e.left.type === 'MemberExpression' && !e.left.computed ? e.left.object : undefined;
    const isExportsObject = isModuleExports(target) || (target?.type === 'Identifier' && target.name === 'exports');
    if (isExportsObject && e.left.property?.name) named.set(e.left.property.name, e.right);
  }
  return { any, whole, named };
}

/** ES module export names → local names they export (`export { handle as run }` → run: handle). */
function findModuleExports(root: Collection): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const statement of getProgramBody(root) as unknown as Node[]) {
    if (statement.type === 'ExportDefaultDeclaration') names.set('default', null);
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declared = statement.declaration;
    if (declared?.id?.name) names.set(declared.id.name, declared.id.name);
    for (const d of declared?.declarations ?? []) if (d.id?.name) names.set(d.id.name, d.id.name);
    for (const s of statement.specifiers ?? []) {
      if (s.exported?.name) names.set(s.exported.name, statement.source ? null : (s.local?.name ?? null));
    }
  }
  return names;
}

/** Whether `name` is a top-level function declaration or `const name = function/arrow`. */
function isTopLevelFunction(root: Collection, name: string): boolean {
  return (getProgramBody(root) as unknown as Node[]).some((statement) => {
    const declared = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declared?.type === 'FunctionDeclaration') return declared.id?.name === name && !declared.generator;
    if (declared?.type !== 'VariableDeclaration' || declared.kind !== 'const') return false;
    return (declared.declarations ?? []).some(
      (d) => d.id?.name === name && inlineFunctionTypes.has(String(d.init?.type)) && !d.init?.generator,
    );
  });
}

function buildStatement(j: JSCodeshift, code: string): StatementKind {
  return getProgramBody(j(code))[0];
}

/** Plans (and, through `apply`, makes) the export of the worker's function. */
export function planWorkerExport(j: JSCodeshift, root: Collection, isModule: boolean): WorkerExportPlan {
  const call = findRunAsWorker(j, root);
  if (typeof call === 'string') return { ok: false, reason: call };
  const argPath = (call.get('arguments') as ASTPath).get(0) as ASTPath;
  const arg = argPath.node as Node | undefined;
  const statement = call.parent as ASTPath;
  const body = getProgramBody(root);
  const cjs = isModule ? null : findCommonJsExports(j, root);
  const esm = isModule ? findModuleExports(root) : null;
  if (arg && inlineFunctionTypes.has(arg.type) && !arg.generator && (call.node as Node).arguments?.length === 1) {
    const name = getUniqueName(j, root, 'runWorker');
    const form = cjs && !cjs.any ? 'default' : 'named';
    const apply = () => {
      const declaration = j.variableDeclaration('const', [
        j.variableDeclarator(j.identifier(name), arg as unknown as ExpressionKind),
      ]);
      argPath.replace(j.identifier(name));
      const comments = (statement.node as Node).comments;
      (statement.node as Node).comments = null;
      const first = isModule ? j.exportNamedDeclaration(declaration, []) : declaration;
      (first as unknown as Node).comments = comments ?? null;
      body.splice(body.indexOf(statement.node as StatementKind), 0, first as StatementKind);
      if (cjs) body.push(buildCommonJsExport(j, form, name));
      return true;
    };
    return { ok: true, export: { form, name }, apply };
  }
  if (arg?.type !== 'Identifier' || !arg.name || !isTopLevelFunction(root, arg.name)) {
    return {
      ok: false,
      reason: 'runAsWorker gets something other than an inline function or the name of a top-level function',
    };
  }
  return planNamedFunctionExport(j, body, arg.name, cjs, esm);
}

function planNamedFunctionExport(
  j: JSCodeshift,
  body: StatementKind[],
  name: string,
  cjs: ReturnType<typeof findCommonJsExports> | null,
  esm: Map<string, string | null> | null,
): WorkerExportPlan {
  const nothing = () => false;
  const append = (code: string) => () => body.push(buildStatement(j, code)) > 0;
  if (esm) {
    const existing = [...esm].find(([, local]) => local === name);
    if (existing) return { ok: true, export: { form: 'named', name: existing[0] }, apply: nothing };
    if (esm.has(name)) return { ok: false, reason: `the module already exports another value as ${name}` };
    return { ok: true, export: { form: 'named', name }, apply: append(`export { ${name} };`) };
  }
  if (!cjs) return { ok: false, reason: 'unknown module system' };
  const isName = (n: Node | undefined) => n?.type === 'Identifier' && n.name === name;
  if (cjs.whole.length === 1 && isName(cjs.whole[0]) && cjs.named.size === 0)
    return { ok: true, export: { form: 'default', name }, apply: nothing };
  if (isName(cjs.named.get(name))) return { ok: true, export: { form: 'named', name }, apply: nothing };
  if (cjs.named.has(name)) return { ok: false, reason: `the module already exports another value as ${name}` };
  const form = cjs.any ? 'named' : 'default';
  return { ok: true, export: { form, name }, apply: () => body.push(buildCommonJsExport(j, form, name)) > 0 };
}

/**
 * `module.exports = name` when the module exported nothing, else `module.exports.name = name`; both at
 * the end of the module, after any `module.exports = {…}` that would replace the object.
 */
function buildCommonJsExport(j: JSCodeshift, form: WorkerExport['form'], name: string): StatementKind {
  return buildStatement(j, form === 'default' ? `module.exports = ${name};` : `module.exports.${name} = ${name};`);
}

/** The action name of the edit a synckit caller asks of its worker file; args: [form, name]. */
export const exportWorkerAction = 'export-synckit-worker';

/** Plans the export on a worker file's text, as the caller sees it before converting (null plan: does not parse). */
export function planWorkerFile(file: string, text: string): { plan: WorkerExportPlan; isModule: boolean } {
  const j = jscodeshift.withParser(getParser(getParserName(file)));
  let root: Collection;
  try {
    root = j(text);
  } catch (error) {
    return { plan: { ok: false, reason: `it does not parse (${(error as Error).message})` }, isModule: false };
  }
  const isModule = isModuleSource(j, root, file);
  return { plan: planWorkerExport(j, root, isModule), isModule };
}

/**
 * Makes the export a caller planned on the worker's original text. Throws when the worker's current
 * text no longer allows the same export (the engine then fails the worker and its callers).
 */
export function applyWorkerExportRequest(
  j: JSCodeshift,
  root: Collection,
  isModule: boolean,
  args: readonly string[],
): boolean {
  const plan = planWorkerExport(j, root, isModule);
  const [form, name] = args;
  if (!plan.ok) throw new Error(`cannot export the synckit worker function: ${plan.reason}`);
  if (plan.export.form !== form || plan.export.name !== name) {
    throw new Error(
      `the synckit worker function would now be exported as ${plan.export.form} ${plan.export.name}, not ${form} ` +
        `${name} as its callers expect`,
    );
  }
  return plan.apply();
}
