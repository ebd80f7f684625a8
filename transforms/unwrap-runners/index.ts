/**
 * unwrap-runners: removes the code that drives async work from the outside (nested event loops,
 * worker + Atomics.wait, generator drivers, promise re-wrappers) and awaits the work directly.
 *   const r = deasync(fs.readFile)(p)        →  const r = await promisify(fs.readFile)(p)
 *   co(function* () { yield save(x) })       →  (async () => { await save(x) })()
 * It refuses (diagnostic, code unchanged) whatever `await` would run differently: deasync loops over
 * conditions it cannot prove, co yields of thunks or deep arrays, Bluebird-only promise methods,
 * synckit workers outside the run, sync-rpc workers, and awaits at a CommonJS top level.
 * A synckit caller's conversion edits its worker file too (applyFileEdits: the worker exports its function).
 */
import { toJscodeshift } from '../shared/to-jscodeshift';
import type { Transform } from '../shared/types';
import { applyWorkerExportRequest, exportWorkerAction } from './synckit-worker-export';
import { unwrapRunnersDiagnostics } from './diagnostics';
import { unwrapRunnersOptions } from './options';
import { createModuleRefs, removeUnusedRunnerImports } from './runner-modules';
import type { Step, StepInput } from './step';
import { importSleep, unwrapDeasyncCalls } from './unwrap-deasync-calls';
import { unwrapDeasyncLoops } from './unwrap-deasync-loops';
import { flattenPromiseWrappers } from './flatten-promise-wrappers';
import { inlineAsyncIifes } from './inline-async-iifes';
import { unwrapGenerators } from './unwrap-generators';
import { unwrapUserRunners } from './unwrap-user-runners';
import { unwrapWorkerRunners } from './unwrap-worker-runners';

const runnerText = /deasync|['"](?:co|bluebird|synckit|make-synchronous|sync-rpc)['"]|new\s+Promise|\(\s*async\b/;
/** koa 1 middleware, reported even in a file that does not load co (kept-generators.ts). */
const koaMiddlewareText = /\byield\*?\s*next\b|\.use\(\s*function\s*\*/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Steps in order: generators first (their bodies then await like any async function), wrappers last. */
const steps: readonly Step[] = [
  unwrapGenerators,
  unwrapDeasyncCalls,
  unwrapDeasyncLoops,
  unwrapWorkerRunners,
  unwrapUserRunners,
  flattenPromiseWrappers,
  inlineAsyncIifes,
];

export const unwrapRunners: Transform<typeof unwrapRunnersOptions> = {
  meta: {
    name: 'unwrap-runners',
    description:
      'Replaces runners (deasync, co, Bluebird.coroutine, synckit, make-synchronous, sync-rpc, nested async ' +
      'wrappers, ' +
      '--runner helpers) with await in async functions',
    options: unwrapRunnersOptions,
    diagnostics: unwrapRunnersDiagnostics,
  },
  prefilter(source, { runner }): boolean {
    if (runnerText.test(source) || koaMiddlewareText.test(source)) return true;
    return runner.some((name) => new RegExp(`\\b${escapeRegExp(name)}\\s*\\(`).test(source));
  },
  apply(root, context): boolean {
    const { j } = context;
    const input: StepInput = {
      j,
      root,
      context,
      refs: createModuleRefs(j, root),
      madeAsync: new Set(),
      sleepCallees: [],
    };
    let changed = false;
    for (const step of steps) {
      if (step(input)) changed = true;
    }
    if (removeUnusedRunnerImports(j, root, context, input.refs)) changed = true;
    importSleep(input);
    return changed;
  },
  applyFileEdits(root, context, requests): boolean {
    let changed = false;
    for (const request of requests) {
      if (request.action !== exportWorkerAction) throw new Error(`unknown edit ${request.action}`);
      if (applyWorkerExportRequest(context.j, root, context.isModule, request.args)) changed = true;
    }
    return changed;
  },
};

export default toJscodeshift(unwrapRunners);
