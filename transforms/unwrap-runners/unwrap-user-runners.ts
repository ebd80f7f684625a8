/**
 * Step: helpers the user names with `--runner runSync` become awaits of what they run.
 *   runSync(fetchUser(id))              →  await fetchUser(id)
 *   runSync(() => fetchUser(id))        →  await fetchUser(id)
 *   runSync(async () => { … })          →  await (async () => { … })()     (inlined later when provable)
 * A bare name (`runSync(job)`) could be a promise or a function to call: diagnostic, no change.
 */
import type { ASTPath } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { buildAwait } from '../shared/build-await';
import { removeUnusedModule } from '../shared/modules';
import { findAwaitSite, prepareAwaitSite } from '../shared/await-site';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

interface Node {
  type: string;
  name?: string;
  computed?: boolean;
  object?: Node;
  property?: Node;
  params?: unknown[];
  body?: Node;
  async?: boolean;
  arguments?: Node[];
  source?: { value?: unknown };
  specifiers?: { local?: { name?: string } }[];
}

/** `runSync` or `utils.runSync` as written in the source. */
function getDottedName(node: Node | undefined): string | null {
  if (node?.type === 'Identifier') return node.name ?? null;
  if (node?.type === 'MemberExpression' && !node.computed && node.property?.type === 'Identifier') {
    const object = getDottedName(node.object);
    return object ? `${object}.${node.property.name}` : null;
  }
  return null;
}

/** What the runner's argument runs, as an expression to await; null when it cannot be told. */
function getRunExpression(input: StepInput, argument: Node): ExpressionKind | null {
  const { j } = input;
  const isFunction = argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression';
  if (!isFunction) {
    const isValue = argument.type === 'Identifier' || argument.type === 'MemberExpression';
    return isValue ? null : (argument as unknown as ExpressionKind);
  }
  if ((argument.params ?? []).length > 0) return null;
  const isArrowExpression = argument.type === 'ArrowFunctionExpression' && argument.body?.type !== 'BlockStatement';
  if (isArrowExpression) return argument.body as unknown as ExpressionKind;
  return j.callExpression(argument as unknown as ExpressionKind, []);
}

function unwrapRunnerCall(input: StepInput, call: ASTPath, name: string): boolean {
  const { j, context } = input;
  const id = context.conversionId(call);
  if (context.isSkipped(id)) return false;
  const args = (call.node as unknown as Node).arguments ?? [];
  const run = args.length === 1 ? getRunExpression(input, args[0]) : null;
  if (!run) {
    context.report({
      code: 'RUNNER_UNKNOWN_ARGUMENT',
      node: call,
      message:
        `${name}(…) gets something that is not a call or a function literal, so what it runs cannot be told; ` +
        `write the await by hand`,
    });
    return false;
  }
  const target = findAwaitSite(call, context, `${name}(…)`);
  if (!target) return false;
  call.replace(buildAwait(j, run));
  prepareAwaitSite(context, target, `awaits what ${name} ran (at ${context.placeOf(id)})`, id, input.madeAsync);
  return true;
}

/** Drops `import { runSync } from './sync'` / `const { runSync } = require('./sync')` once unused. */
function removeRunnerImport(input: StepInput, name: string): void {
  const { j, root } = input;
  const sources = new Set<string>();
  findNodes(root, j.ImportDeclaration).forEach((path) => {
    const node = path.node as unknown as Node;
    if ((node.specifiers ?? []).some((s) => s.local?.name === name)) sources.add(String(node.source?.value));
  });
  findNodes(root, j.VariableDeclarator).forEach((path) => {
    const init = path.node.init as { type: string; callee?: Node; arguments?: { value?: unknown }[] } | null;
    const isRequire =
      init?.type === 'CallExpression' && init.callee?.type === 'Identifier' && init.callee.name === 'require';
    if (isRequire && findNodes(j(path.get('id')), j.Identifier, { name }).size() > 0)
      sources.add(String(init?.arguments?.[0]?.value));
  });
  for (const source of sources) removeUnusedModule(j, root, source);
}

export function unwrapUserRunners(input: StepInput): boolean {
  const { j, root, context } = input;
  let changed = false;
  for (const name of context.options.runner) {
    let converted = false;
    findNodes(root, j.CallExpression).forEach((call) => {
      if (getDottedName(call.node.callee as unknown as Node) !== name) return;
      if (unwrapRunnerCall(input, call, name)) converted = true;
    });
    if (converted && !name.includes('.')) removeRunnerImport(input, name);
    changed = changed || converted;
  }
  return changed;
}
