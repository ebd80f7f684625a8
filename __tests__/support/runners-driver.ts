/**
 * What the behaviour test writes next to the scenarios: the `--runner runSync` helper they import,
 * and the driver that calls every scenario and prints what happened.
 */
/** The runner helper `--runner runSync` names: blocks on a promise or a function's promise. */
export const syncHelpers = `const deasync = require('deasync');

function runSync(work) {
  const promise = typeof work === 'function' ? work() : work;
  let state = 'pending';
  let value;
  promise.then((v) => { state = 'done'; value = v; }, (e) => { state = 'failed'; value = e; });
  deasync.loopWhile(() => state === 'pending');
  if (state === 'failed') throw value;
  return value;
}

module.exports = { runSync };
`;

/**
 * Runs every scenario's calls in order and prints their logs, values and errors as JSON. Each call
 * starts in its own macrotask: deasync cannot wait on a promise from inside a promise callback.
 */
export const driver = `const results = [];
const scenarios = JSON.parse(process.argv[2]);

function runCall(fn, args) {
  return new Promise((resolve) => setImmediate(() => {
    let returned;
    try {
      returned = fn(...args);
    } catch (error) {
      resolve({ error });
      return;
    }
    Promise.resolve(returned).then((value) => resolve({ value }), (error) => resolve({ error }));
  }));
}

(async () => {
  for (const { file, calls } of scenarios) {
    const mod = require('./' + file);
    for (const [name, ...args] of calls) {
      const logs = [];
      const log = (line) => logs.push(String(line));
      const entry = { call: file + '#' + name + JSON.stringify(args), logs };
      const { value, error } = await runCall(mod[name], [log, ...args]);
      if (error) entry.error = { class: error.constructor && error.constructor.name, message: error.message, code: error.code };
      else entry.value = value;
      results.push(entry);
    }
  }
  process.stdout.write(JSON.stringify(results));
})();
`;
