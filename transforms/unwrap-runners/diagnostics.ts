/** The diagnostics unwrap-runners reports, with what each one asks of the user. */
import type { DiagnosticSpecs } from '../../core/diagnostic';
import { awaitSiteDiagnostics } from '../shared/await-site';

export const unwrapRunnersDiagnostics: DiagnosticSpecs = {
  ...awaitSiteDiagnostics,
  CO_NON_YIELDABLE: {
    severity: 'warning',
    summary:
      'co rejects the yielded value (null, undefined, a number, a string …) with a TypeError, await would not; the ' +
      'generator is left as it was.',
  },
  CO_GENERATOR_KEPT: {
    severity: 'warning',
    summary:
      'A named generator a driver runs (co.wrap(name), co(name)) is also used another way (exported, iterated, ' +
      'passed on), so it stays a generator and its driver stays.',
  },
  CO_RUNS_PLAIN_FUNCTION: {
    severity: 'warning',
    summary: 'co(fn) with a function that is not a generator: co only calls it; replace it by hand.',
  },
  KOA1_GENERATOR_MIDDLEWARE: {
    severity: 'warning',
    summary:
      'koa 1 middleware (a generator given to app.use, or one that yields next) stays a generator; move to koa 2 ' +
      'or wrap it with koa-convert.',
  },
  CO_UNCONVERTED_GENERATOR: {
    severity: 'warning',
    summary:
      'A Bluebird coroutine yields a generator call whose generator is not only run by the coroutine (exported, ' +
      'iterated); convert it by hand.',
  },
  CO_UNKNOWN_DELEGATION: {
    severity: 'warning',
    summary:
      'yield* delegates to something that is not a call (co) or to a generator (Bluebird) the transform cannot ' +
      'convert; convert it by hand.',
  },
  BLUEBIRD_NON_PROMISE_YIELD: {
    severity: 'warning',
    summary:
      'Bluebird.coroutine rejects a yielded non-promise (array, object, primitive, function) unless a yield handler ' +
      'is installed.',
  },
  BLUEBIRD_ONLY_METHOD: {
    severity: 'warning',
    summary:
      'The coroutine result is used with a Bluebird-only method (.spread, .tap, …) that a native promise lacks; ' +
      'left as it was.',
  },
  BLUEBIRD_RESULT_EXPORTED: {
    severity: 'info',
    summary:
      'A converted Bluebird coroutine is exported; callers in other files get a native promise without Bluebird ' +
      'methods.',
  },
  UNHANDLED_REJECTION_SEMANTICS: {
    severity: 'info',
    summary:
      'A converted Bluebird coroutine called without using its promise; a rejection now ends the process instead of ' +
      'being printed.',
  },
  DEASYNC_UNKNOWN_SIGNATURE: {
    severity: 'warning',
    summary:
      'deasync(fn) of a function whose util.promisify form resolves differently (exec, dns.lookup, …); convert by ' +
      'hand.',
  },
  DEASYNC_ESCAPES: {
    severity: 'warning',
    summary:
      'A deasync-wrapped function used as a value or stored on a property: its callers cannot be found; left as it ' +
      'was.',
  },
  DEASYNC_LOOPWHILE_PREDICATE: {
    severity: 'warning',
    summary:
      'deasync.loopWhile over a condition that is not a local flag set only by the callback before the loop; left ' +
      'as it was.',
  },
  DEASYNC_RUN_LOOP_ONCE: {
    severity: 'warning',
    summary: 'deasync.runLoopOnce polling loop: await the promise or event it waits for by hand.',
  },
  RUNNER_UNKNOWN_ARGUMENT: {
    severity: 'warning',
    summary: 'A --runner helper called with something that is neither a call nor a function literal; left as it was.',
  },
  MAKE_SYNCHRONOUS_UNKNOWN_FUNCTION: {
    severity: 'warning',
    summary: 'makeSynchronous(fn) where fn is not written inline or uses names from the file; left as it was.',
  },
  MAKE_SYNCHRONOUS_ESCAPES: {
    severity: 'warning',
    summary: 'A makeSynchronous function used as a value or stored on a property; left as it was.',
  },
  MAKE_SYNCHRONOUS_IN_PROCESS: {
    severity: 'info',
    summary: 'The function now runs in-process; arguments and results are no longer copied.',
  },
  SYNCKIT_WORKER_IN_OTHER_FILE: {
    severity: 'warning',
    summary:
      'synckit createSyncFn whose worker module is not among the files of the run (or a run over one file): include ' +
      'it, or export its runAsWorker function and await it by hand.',
  },
  SYNCKIT_UNRESOLVED_WORKER: {
    severity: 'warning',
    summary:
      "synckit createSyncFn with a worker path computed at run time; write it as require.resolve('./w.js'), new " +
      "URL('./w.mjs', import.meta.url) or path.join(__dirname, 'w.js'), or convert by hand.",
  },
  SYNCKIT_WORKER_UNSUPPORTED: {
    severity: 'warning',
    summary:
      'synckit worker or call of a shape the transform cannot convert (several runAsWorker calls, a function it ' +
      'cannot follow, timeout options, ESM/CommonJS mix); the message says what to do.',
  },
  SYNCKIT_FUNCTION_ESCAPES: {
    severity: 'warning',
    summary: 'A synckit function used as a value or stored on a property: its callers cannot be found; left as it was.',
  },
  SYNCKIT_WORKER_IN_PROCESS: {
    severity: 'info',
    summary:
      "The worker's function now runs in-process (its file exports it); values are no longer cloned and its module " +
      'state is shared.',
  },
  SYNC_RPC_WORKER: {
    severity: 'warning',
    summary:
      'sync-rpc client: call the worker module in-process by hand (it ran in another process); in a constructor, ' +
      'what to restructure.',
  },
  SYNC_RPC_CALL: {
    severity: 'warning',
    summary:
      'A call of a sync-rpc client, which blocks until the worker answers; await it once the client is in-process.',
  },
};
