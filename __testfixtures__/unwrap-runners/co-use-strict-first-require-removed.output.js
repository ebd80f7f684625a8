'use strict';

const store = require('./store');

exports.count = () => (async () => {
  const rows = await coYield(store.list());
  return rows.length;
})();
// awaitify: co resolved each yielded value by its shape (promise, array or object of them, generator, thunk).
// This does the same where the shape is not known. Where the value is a promise, `await value` is enough.
/**
 * @template T
 * @param {T} value
 * @returns {Promise<T extends PromiseLike<infer U> ? U : any>}
 */
function coYield(value) {
  const run = (generator) =>
    new Promise((resolve, reject) => {
      const step = (method, input) => {
        let result;
        try {
          result = generator[method](input);
        } catch (error) {
          return reject(error);
        }
        if (result.done) return resolve(result.value);
        coYield(result.value).then(
          (output) => step('next', output),
          (error) => step('throw', error),
        );
      };
      step('next', undefined);
    });
  const settle = (item) => {
    if (!item) return item;
    if (typeof item.then === 'function') return item;
    if (typeof item.next === 'function' && typeof item.throw === 'function') return run(item);
    if (typeof item === 'function') {
      if (item.constructor && item.constructor.name === 'GeneratorFunction') return run(item());
      return new Promise((resolve, reject) =>
        item((error, ...results) =>
          error ? reject(error) : resolve(results.length > 1 ? results : results[0]),
        ),
      );
    }
    if (Array.isArray(item)) return Promise.all(item.map(settle));
    if (item.constructor !== Object) return item;
    const keys = Object.keys(item);
    return Promise.all(keys.map((key) => settle(item[key]))).then((values) => {
      const resolved = {};
      keys.forEach((key, index) => {
        resolved[key] = values[index];
      });
      return resolved;
    });
  };
  const settled = settle(value);
  if (settled && typeof settled.then === 'function') return settled;
  return Promise.reject(
    new TypeError(
      'You may only yield a function, promise, generator, array, or object, ' +
        `but the following object was passed: "${String(value)}"`,
    ),
  );
}
