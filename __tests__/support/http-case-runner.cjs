/**
 * Child process for the HTTP behaviour tests: loads each case module in turn and prints, as JSON, what
 * the case observed (its value, or the error it threw: message, statusCode, code). One process runs
 * many cases so sync-request's worker and sync-fetch's per-call processes stay few.
 *
 * argv[2]: JSON [{ name, file }]; env CASE_SERVER: the test server URL; env CASE_RUN: the run prefix.
 * A CommonJS case exports `run(base)`; an ES module case reads process.env.CASE_BASE at top level and
 * exports `result`. `base` is `<server>/<run>/<case>`, and every occurrence of it in the output is
 * replaced by `<BASE>` so two runs compare equal.
 */
'use strict';

const { pathToFileURL } = require('node:url');

function toPlain(value) {
  if (Buffer.isBuffer(value)) return { buffer: value.toString('base64') };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value === undefined ? '<undefined>' : value;
}

function describeError(error) {
  return {
    thrown: true,
    message: String(error && error.message),
    statusCode: error && error.statusCode !== undefined ? error.statusCode : '<none>',
    body: error && Buffer.isBuffer(error.body) ? error.body.toString('utf8') : '<none>',
    url: error && error.url !== undefined ? error.url : '<none>',
    code: error && error.code !== undefined ? error.code : '<none>',
  };
}

async function runCase(entry, base) {
  process.env.CASE_BASE = base;
  try {
    if (entry.file.endsWith('.mjs')) {
      const mod = await import(pathToFileURL(entry.file).href);
      return { value: toPlain(await mod.result) };
    }
    const run = require(entry.file);
    return { value: toPlain(await run(base)) };
  } catch (error) {
    return { error: describeError(error) };
  }
}

async function main() {
  const entries = JSON.parse(process.argv[2]);
  const results = {};
  for (const entry of entries) {
    const base = `${process.env.CASE_SERVER}/${process.env.CASE_RUN}/${entry.name}`;
    const started = Date.now();
    const observed = await runCase(entry, base);
    results[entry.name] = JSON.parse(
      JSON.stringify({ ...observed, ms: Date.now() - started })
        .split(base)
        .join('<BASE>'),
    );
  }
  process.stdout.write(JSON.stringify(results));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(String(error && error.stack));
    process.exit(1);
  },
);
