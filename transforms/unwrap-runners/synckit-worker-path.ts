/**
 * Which file a synckit `createSyncFn(path)` loads, when the path is written so that it can be known
 * without running the code. synckit needs an absolute path or a file URL, so these forms count:
 *   require.resolve('./worker')                  new URL('./worker.mjs', import.meta.url)
 *   fileURLToPath(new URL('./worker.mjs', import.meta.url))
 *   path.join(__dirname, 'worker.js')            path.resolve(__dirname, './lib', 'worker.js')
 * (`path`, `join`, `resolve`, `fileURLToPath` bound to node's path / url modules). A bare string is
 * relative to the process cwd, a template or concatenation is computed: neither counts.
 */
import { dirname, posix, resolve } from 'node:path';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findModuleUses } from '../shared/modules';
import { getDeclaringScope } from '../shared/references';
import { findNodes } from '../../source/tree-walk';

export interface WorkerLocation {
  /** The relative specifier the caller will require or import (`./worker.js`). */
  specifier: string;
  /** Absolute paths the worker may be, most likely first (extension probing, .js written for .ts). */
  candidates: string[];
}

interface PathNode {
  type: string;
  name?: string;
  value?: unknown;
  computed?: boolean;
  object?: PathNode;
  property?: PathNode;
  callee?: PathNode;
  arguments?: PathNode[];
  meta?: PathNode;
}

const pathModules = ['path', 'node:path'];
const urlModules = ['url', 'node:url'];
const probeExtensions = ['.js', '.cjs', '.mjs', '.ts', '.tsx', '.cts', '.mts'];
const typeScriptFor: Readonly<Record<string, string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
  '.jsx': ['.tsx'],
};

function getStringValue(node: PathNode | undefined): string | null {
  const isString = node && (node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string';
  return isString ? (node.value as string) : null;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** Whether `name` at `path` is the global (no local declaration shadows it). */
function isGlobalName(path: ASTPath, name: string): boolean {
  return getDeclaringScope(path, name) === null;
}

/** Local names bound to `member` of node's `modules` (`path.join` → `path` for 'default', `join` for 'join'). */
function findBoundNames(j: JSCodeshift, root: Collection, modules: string[]): { local: string; imported: string }[] {
  const uses = findModuleUses(j, root, modules);
  return modules.flatMap((m) => (uses.bindings.get(m) ?? []).map((b) => ({ local: b.local, imported: b.imported })));
}

/** Whether `callee` names `member` of one of `modules`: `path.join`, `join`, `url.fileURLToPath`. */
function isModuleMember(
  j: JSCodeshift,
  root: Collection,
  callee: PathNode | undefined,
  modules: string[],
  members: string[],
): boolean {
  const bound = findBoundNames(j, root, modules);
  if (callee?.type === 'Identifier') return bound.some((b) => b.local === callee.name && members.includes(b.imported));
  const isMember = callee?.type === 'MemberExpression' && !callee.computed && callee.object?.type === 'Identifier';
  return Boolean(
    isMember &&
    members.includes(String(callee?.property?.name)) &&
    bound.some((b) => b.local === callee?.object?.name && b.imported === 'default'),
  );
}

/** `new URL('./worker.mjs', import.meta.url)` → './worker.mjs'. */
function getUrlSpecifier(node: PathNode | undefined): string | null {
  if (node?.type !== 'NewExpression' || node.callee?.type !== 'Identifier' || node.callee.name !== 'URL') return null;
  const [first, base] = node.arguments ?? [];
  const isImportMetaUrl =
    base?.type === 'MemberExpression' && base.object?.type === 'MetaProperty' && base.property?.name === 'url';
  const value = getStringValue(first);
  if (!isImportMetaUrl || value === null || /^[a-z][a-z0-9+.-]*:|^\//i.test(value)) return null;
  return isRelative(value) ? value : `./${value}`;
}

/** `path.join(__dirname, 'lib', 'worker.js')` → './lib/worker.js'. */
function getJoinedSpecifier(j: JSCodeshift, root: Collection, call: ASTPath, node: PathNode): string | null {
  if (node.type !== 'CallExpression' || !isModuleMember(j, root, node.callee, pathModules, ['join', 'resolve']))
    return null;
  const [base, ...rest] = node.arguments ?? [];
  if (base?.type !== 'Identifier' || base.name !== '__dirname' || !isGlobalName(call, '__dirname') || rest.length === 0)
    return null;
  const segments = rest.map(getStringValue);
  if (segments.some((s) => s === null || s.startsWith('/'))) return null;
  const joined = posix.normalize((segments as string[]).join('/'));
  if (joined === '.' || joined.endsWith('/')) return null;
  return isRelative(joined) ? joined : `./${joined}`;
}

/**
 * `const require = createRequire(import.meta.url)` (markdown-it-shiki): a require of this module, whose
 * resolve is relative to this file like CommonJS's.
 */
function isModuleRequire(j: JSCodeshift, root: Collection, name: string): boolean {
  if (!name) return false;
  return (
    findNodes(root, j.VariableDeclarator, { id: { type: 'Identifier', name } }).filter((path) => {
      const init = path.node.init as PathNode | null;
      const created = init?.type === 'CallExpression' ? init.callee : undefined;
      const createName = created?.type === 'Identifier' ? created.name : created?.property?.name;
      const argument = init?.arguments?.[0] as
        { type: string; object?: { type: string }; property?: { name?: string } } | undefined;
      return (
        createName === 'createRequire' &&
        argument?.type === 'MemberExpression' &&
        argument.object?.type === 'MetaProperty' &&
        argument.property?.name === 'url'
      );
    }).length > 0
  );
}

function getSpecifier(j: JSCodeshift, root: Collection, arg: ASTPath): { specifier: string; probe: boolean } | null {
  const node = arg.node as PathNode;
  const callee = node.callee;
  const requireName = callee?.object?.type === 'Identifier' ? (callee.object.name ?? '') : '';
  const isRequireResolve =
    node.type === 'CallExpression' &&
    callee?.type === 'MemberExpression' &&
    callee.property?.name === 'resolve' &&
    ((requireName === 'require' && isGlobalName(arg, 'require')) || isModuleRequire(j, root, requireName));
  if (isRequireResolve) {
    const value = (node.arguments ?? []).length === 1 ? getStringValue(node.arguments?.[0]) : null;
    return value !== null && isRelative(value) ? { specifier: value, probe: true } : null;
  }
  const url = getUrlSpecifier(node);
  if (url) return { specifier: url, probe: false };
  const isFileUrlToPath =
    node.type === 'CallExpression' && isModuleMember(j, root, callee, urlModules, ['fileURLToPath']);
  if (isFileUrlToPath && node.arguments?.length === 1) {
    const inner = getUrlSpecifier(node.arguments[0]);
    return inner ? { specifier: inner, probe: false } : null;
  }
  const joined = getJoinedSpecifier(j, root, arg, node);
  return joined ? { specifier: joined, probe: false } : null;
}

/**
 * Absolute candidates for `specifier` from `fromFile`: as written, with the TypeScript source for a .js name, probed
 * extensions for `require.resolve`.
 */
function listCandidates(fromFile: string, specifier: string, probe: boolean): string[] {
  const base = resolve(dirname(fromFile), specifier);
  const extension = posix.extname(specifier);
  const candidates = [base, ...(typeScriptFor[extension] ?? []).map((ts) => base.slice(0, -extension.length) + ts)];
  if (probe && !(extension in typeScriptFor) && !probeExtensions.includes(extension)) {
    candidates.push(...probeExtensions.map((e) => base + e));
  }
  return candidates;
}

/** Where the worker of `createSyncFn(arg)` is, or null when the path is not one of the static forms. */
export function getWorkerLocation(
  j: JSCodeshift,
  root: Collection,
  arg: ASTPath | undefined,
  fromFile: string,
): WorkerLocation | null {
  if (!arg?.node) return null;
  const found = getSpecifier(j, root, arg);
  if (!found) return null;
  return { specifier: found.specifier, candidates: listCandidates(fromFile, found.specifier, found.probe) };
}

/** Whether the argument is a static form at all (no file system needed): for runs that cannot read the worker. */
export function isStaticWorkerPath(j: JSCodeshift, root: Collection, arg: ASTPath | undefined): boolean {
  return Boolean(arg?.node && getSpecifier(j, root, arg));
}
