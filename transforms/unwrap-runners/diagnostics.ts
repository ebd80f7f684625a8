/** The diagnostics unwrap-runners reports, with what each one asks of the user. */
export const unwrapRunnersDiagnostics: Readonly<Record<string, string>> = {
  MODULE_TOP_LEVEL_ASYNC: 'A runner at the top level of a CommonJS module: await is not allowed there; the runner is left as it was.',
  SYNC_CALL_IN_NON_ASYNC_CONTEXT: 'A runner inside a constructor, getter, setter or iterator generator, which cannot await; left as it was.',
  CO_NON_YIELDABLE: 'co rejects the yielded value (null, undefined, a number, a string …) with a TypeError, await would not; the generator is left as it was.',
  CO_THUNK_YIELD: 'co calls a yielded function (thunk) with a callback, await would not; yield a promise instead and run again.',
  CO_DEEP_YIELD: 'co resolves a yielded array or object deeply; await Promise.all is shallow, so it is converted only when every element is provably a promise.',
  CO_UNCONVERTED_GENERATOR: 'A yielded generator call whose generator is not only run by co (exported, iterated); convert it by hand.',
  CO_UNKNOWN_DELEGATION: 'yield* delegates to a generator the transform cannot convert; convert it by hand.',
  BLUEBIRD_NON_PROMISE_YIELD: 'Bluebird.coroutine rejects a yielded non-promise (array, object, primitive, function) unless a yield handler is installed.',
  BLUEBIRD_ONLY_METHOD: 'The coroutine result is used with a Bluebird-only method (.spread, .tap, …) that a native promise lacks; left as it was.',
};
