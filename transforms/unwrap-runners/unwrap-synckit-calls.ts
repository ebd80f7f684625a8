/**
 * synckit callers: the function a worker runs is required (or imported) and awaited in-process.
 *   const work = createSyncFn(require.resolve('./worker.js'));   →  const work = require('./worker.js');
 *   function f(x) { return work(x) + 1; }                        →  async function f(x) { return (await work(x)) + 1; }
 * Only in engine runs that hold the worker file (the worker must export the function: see
 * synckit-worker-export.ts), and only when that export is certain from the worker's original text.
 * Everything else keeps the call with a diagnostic that says what to do.
 */
import type { ASTPath } from 'jscodeshift';
import type { StatementKind } from 'ast-types/lib/gen/kinds';
import type { RunFiles } from '../shared/types';
import { findModuleBindings, insertAfterImports, removeUnusedModule } from '../shared/modules';
import { isTopLevel } from '../shared/functions';
import type { StepInput } from './step';
import { exportWorkerAction, planWorkerFile, type WorkerExport } from './synckit-worker-export';
import { getWorkerLocation, isStaticWorkerPath, type WorkerLocation } from './synckit-worker-path';
import { awaitWrapperCalls, findWrapperCalls, getWrapperTargets } from './wrapper-calls';

import { findNodes } from '../../source/tree-walk';

const staticForms =
  "require.resolve('./worker.js'), new URL('./worker.mjs', import.meta.url) or path.join(__dirname, 'worker.js')";
const byHand = 'export the function the worker passes to runAsWorker and await it here directly';

interface DeclaratorNode {
  type: string;
  kind?: string;
  id?: { type: string; name?: string };
  declarations?: unknown[];
  comments?: unknown[] | null;
}

interface Worker {
  file: string;
  export: WorkerExport;
}

/** Reports why the call stays; returns false for the step. */
function refuse(input: StepInput, call: ASTPath, code: string, message: string): false {
  input.context.report({ code, node: call, message });
  return false;
}

interface Refusal {
  code: string;
  message: string;
}

/** Finds the worker among the run's files and checks that its function can be exported; why not otherwise. */
function findWorker(runFiles: RunFiles, location: WorkerLocation, callerIsModule: boolean): Worker | Refusal {
  const unsupported = (message: string): Refusal => ({ code: 'SYNCKIT_WORKER_UNSUPPORTED', message });
  const file = location.candidates.find((c) => runFiles.readOriginal(c) !== null);
  if (!file) {
    return {
      code: 'SYNCKIT_WORKER_IN_OTHER_FILE',
      message:
        `the synckit worker ${location.specifier} is not among the files of this run: include it in the run ` +
        `to convert both files, or ${byHand}`,
    };
  }
  if (file === runFiles.absolutePath) return unsupported('the synckit worker is this file itself; convert it by hand');
  const { plan, isModule } = planWorkerFile(file, runFiles.readOriginal(file) as string);
  if (!plan.ok)
    return unsupported(`the synckit worker ${location.specifier} cannot be converted: ${plan.reason}; ${byHand}`);
  if (!callerIsModule && isModule)
    return unsupported(
      `the synckit worker ${location.specifier} is an ES module, which CommonJS cannot require; ${byHand} (await ` +
        `import())`,
    );
  if (callerIsModule && !isModule && plan.export.form === 'named') {
    return unsupported(
      `the synckit worker ${location.specifier} is CommonJS with other exports, which an ES module import cannot ` +
        `name reliably; ${byHand}`,
    );
  }
  return { file, export: plan.export };
}

/** `export const work = createSyncFn(…)`. */
function isExportedDeclaration(call: ASTPath): boolean {
  return call.parent?.parent?.parent?.node.type === 'ExportNamedDeclaration';
}

/** `const work = createSyncFn(…)` at the top level: the declarator an ES module import replaces. */
function getTopLevelConstDeclarator(call: ASTPath): ASTPath | null {
  const declarator = call.parent as ASTPath;
  const declaration = declarator?.parent as ASTPath | undefined;
  const isConst = (declaration?.node as DeclaratorNode | undefined)?.kind === 'const';
  const isNamed =
    (declarator.node as DeclaratorNode).type === 'VariableDeclarator' &&
    (declarator.node as DeclaratorNode).id?.type === 'Identifier';
  return isConst &&
    isNamed &&
    declaration &&
    (declaration.parent?.node as DeclaratorNode).type === 'Program' &&
    isTopLevel(declaration)
    ? declarator
    : null;
}

/** `import { runWorker as work } from './worker.mjs'` in place of `const work = createSyncFn(…)`. */
function replaceWithImport(input: StepInput, declarator: ASTPath, specifier: string, exported: WorkerExport): void {
  const { j, root } = input;
  const local = String((declarator.node as DeclaratorNode).id?.name);
  const source = input.context.isTypeScript
    ? specifier.replace(/\.([cm]?)ts$/, '.$1js').replace(/\.tsx$/, '.js')
    : specifier;
  const specifierNode =
    exported.form === 'default'
      ? j.importDefaultSpecifier(j.identifier(local))
      : j.importSpecifier(j.identifier(exported.name), j.identifier(local));
  const declaration = declarator.parent as ASTPath;
  const declarationNode = declaration.node as DeclaratorNode;
  const importNode = j.importDeclaration([specifierNode], j.stringLiteral(source));
  if ((declarationNode.declarations ?? []).length === 1) {
    (importNode as unknown as DeclaratorNode).comments = declarationNode.comments ?? null;
    declaration.prune();
  } else declarator.prune();
  const body = (root.get().node as { program: { body: StatementKind[] } }).program.body;
  insertAfterImports(body, importNode);
}

/** `require('./worker.js')` or `require('./worker.js').runWorker` in place of `createSyncFn(…)`. */
function replaceWithRequire(input: StepInput, call: ASTPath, specifier: string, exported: WorkerExport): void {
  const { j } = input;
  const required = j.callExpression(j.identifier('require'), [j.stringLiteral(specifier)]);
  call.replace(exported.form === 'default' ? required : j.memberExpression(required, j.identifier(exported.name)));
}

/** Drops `import path from 'node:path'` / `const url = require('url')` that only built the worker path. */
function removePathModulesOnlyUsedBy(input: StepInput, argNames: ReadonlySet<string>): void {
  for (const source of ['path', 'node:path', 'url', 'node:url']) {
    const bindings = findModuleBindings(input.j, input.root, source);
    if (bindings.some((b) => argNames.has(b.local))) removeUnusedModule(input.j, input.root, source);
  }
}

/** Why a synckit call cannot be converted without a run over the files its worker is in. */
function refuseWithoutRunFiles(input: StepInput, call: ASTPath, argPath: ASTPath): false {
  if (!isStaticWorkerPath(input.j, input.root, argPath)) {
    const why =
      `the synckit worker path cannot be known without running the code; write it as ${staticForms}, or ` + `${byHand}`;
    return refuse(input, call, 'SYNCKIT_UNRESOLVED_WORKER', why);
  }
  const why =
    'the synckit worker lives in another file, which only a run over the whole project can edit: run awaitify on ' +
    `the project, or ${byHand}`;
  return refuse(input, call, 'SYNCKIT_WORKER_IN_OTHER_FILE', why);
}

interface ResolvedWorker {
  runFiles: RunFiles;
  location: WorkerLocation;
  worker: Worker;
  /** `const work = createSyncFn(…)` at an ES module's top level, which becomes an import. */
  declarator: ASTPath | null;
}

/** The worker of a `createSyncFn(path)` call and where its function comes from, or false after reporting why not. */
function resolveWorker(input: StepInput, call: ASTPath, argPath: ASTPath): ResolvedWorker | false {
  const { j, root, context } = input;
  const runFiles = context.runFiles;
  if (!runFiles) return refuseWithoutRunFiles(input, call, argPath);
  const location = getWorkerLocation(j, root, argPath, runFiles.absolutePath);
  if (!location) {
    const why =
      'the synckit worker path cannot be known without running the code (computed, or a string relative to the ' +
      `process cwd); write it as ${staticForms} and run again, or ${byHand}`;
    return refuse(input, call, 'SYNCKIT_UNRESOLVED_WORKER', why);
  }
  if ((call.node as unknown as { arguments: unknown[] }).arguments.length > 1) {
    const why =
      'createSyncFn gets a timeout or options, which an in-process await would drop; race the awaited call against ' +
      'a timer by hand';
    return refuse(input, call, 'SYNCKIT_WORKER_UNSUPPORTED', why);
  }
  const worker = findWorker(runFiles, location, context.isModule);
  if ('code' in worker) return refuse(input, call, worker.code, worker.message);
  if (isExportedDeclaration(call)) {
    const why =
      'the synckit function is exported, so its callers are in other files, which this conversion does not reach; ' +
      'export the function the worker passes to runAsWorker and await it at each caller instead';
    return refuse(input, call, 'SYNCKIT_WORKER_UNSUPPORTED', why);
  }
  const declarator = context.isModule ? getTopLevelConstDeclarator(call) : null;
  if (context.isModule && !declarator) {
    const why =
      'in an ES module the synckit function must be a top-level const (`const work = createSyncFn(…)`) to become an ' +
      'import; declare it so and run again';
    return refuse(input, call, 'SYNCKIT_WORKER_UNSUPPORTED', why);
  }
  return { runFiles, location, worker, declarator };
}

export function unwrapSynckitCall(input: StepInput, call: ASTPath): boolean {
  const { j, context } = input;
  const id = context.conversionId(call);
  if (context.isSkipped(id)) return false;
  const argPath = (call.get('arguments') as ASTPath).get(0) as ASTPath;
  const resolved = resolveWorker(input, call, argPath);
  if (!resolved) return false;
  const { runFiles, location, worker, declarator } = resolved;
  const calls = findWrapperCalls(input, call, 'this synckit function', 'SYNCKIT_FUNCTION_ESCAPES');
  const targets = calls && getWrapperTargets(input, calls, 'a synckit call');
  if (!calls || !targets) return false;
  const message =
    `the worker's function now runs in this thread: arguments and results are no longer structured-cloned ` +
    `(mutations are shared, class instances keep their prototype), errors keep their class, and the worker ` +
    `module's state and top-level code are shared with this process; ${location.specifier} now also exports it ` +
    `(runAsWorker stays for callers not migrated)`;
  context.report({ code: 'SYNCKIT_WORKER_IN_PROCESS', node: call, message });
  const argNames = new Set(
    findNodes(j(argPath), j.Identifier)
      .nodes()
      .map((n) => String(n.name)),
  );
  if (declarator) replaceWithImport(input, declarator, location.specifier, worker.export);
  else replaceWithRequire(input, call, location.specifier, worker.export);
  removePathModulesOnlyUsedBy(input, argNames);
  const reason = `awaits the synckit worker function (createSyncFn at ${context.placeOf(id)})`;
  awaitWrapperCalls(input, calls, targets, id, reason);
  runFiles.requestEdit({
    file: worker.file,
    action: exportWorkerAction,
    args: [worker.export.form, worker.export.name],
  });
  input.refs.touch('synckit');
  return true;
}
