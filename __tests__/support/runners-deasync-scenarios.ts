/**
 * Behaviour scenarios for deasync: wrapped callback functions, sleeps, and flag loops (one flag, a
 * promise, callbacks, several flags), run as written and as migrated by the behaviour test.
 */
import { delay, type Scenario } from './runners-scenarios';

export const deasyncScenarios: Scenario[] = [
  {
    file: 'deasync-shapes.js',
    removes: ['deasync'],
    calls: [
      ['readValue', 'ok'],
      ['readValue', 'fail'],
      ['readValue', 'falsy'],
      ['readValue', 'many'],
      ['sleepOrder'],
      ['inline', 4],
      ['shell', 0],
      ['shell', 3],
    ],
    source: `const deasync = require('deasync');
const { exec } = require('child_process');

const run = deasync(exec);

function shell(log, exitCode) {
  const out = run(process.execPath + ' -e "process.stdout.write(\\'out\\'); process.exitCode = ' + exitCode + '"');
  log('shell said ' + out);
  return out;
}

function nodeStyle(mode, callback) {
  setTimeout(() => {
    if (mode === 'fail') callback(Object.assign(new Error('bad mode'), { code: 'E_MODE' }));
    else if (mode === 'falsy') callback(0, 'value despite 0');
    else if (mode === 'many') callback(null, 'first', 'second');
    else callback(null, 'value ' + mode);
  }, 2);
}

const read = deasync(nodeStyle);

function readValue(log, mode) {
  log('reading ' + mode);
  const value = read(mode);
  log('read ' + value);
  return value;
}

function sleepOrder(log) {
  log('a');
  setTimeout(() => log('timer fired'), 5);
  deasync.sleep(80);
  log('b');
  return 'slept';
}

function inline(log, n) {
  const doubled = deasync((x, cb) => setImmediate(() => cb(null, x * 2)))(n);
  log('doubled ' + doubled);
  return doubled;
}

module.exports = { readValue, sleepOrder, inline, shell };
`,
  },
  {
    file: 'deasync-loops.js',
    removes: ['deasync'],
    calls: [
      ['fetchSync', true],
      ['fetchSync', false],
      ['waitFor', 7],
      ['statLike', 'x'],
      ['statLike', ''],
      ['command', 'ok'],
      ['command', 'fail'],
    ],
    source: `const deasync = require('deasync');

${delay}

function fetchSync(log, succeed) {
  let done = false;
  let result;
  let error;
  log('fetch ' + succeed);
  const p = succeed ? delay(3, 'payload', log) : delay(3, 'x').then(() => { throw new SyntaxError('parse failed'); });
  p.then((value) => {
    result = value;
    done = true;
  }, (err) => {
    error = err;
    done = true;
  });
  deasync.loopWhile(() => !done);
  log('after loop');
  if (error) throw error;
  return result;
}

function waitFor(log, n) {
  var finished = false, value;
  delay(2, n * 3).then(function (v) { value = v; finished = true; });
  deasync.loopWhile(function () { return !finished; });
  log('waited ' + value);
  return value;
}

function statLike(log, name) {
  let done = false;
  let error = null;
  let stats;
  setTimeout(() => {
    const err = name ? null : new Error('empty name');
    const s = name ? { size: name.length } : undefined;
    log('callback');
    error = err;
    stats = s;
    done = true;
  }, 2);
  deasync.loopWhile(() => !done);
  if (error) throw error;
  return stats;
}

function command(log, name) {
  let done = false;
  let error = null;
  let result;
  setTimeout(() => {
    if (name === 'fail') error = new Error('command failed');
    else {
      result = 'ran ' + name;
      done = true;
    }
    log('callback ' + name);
  }, 2);
  deasync.loopWhile(() => !done && !error);
  log('after loop');
  if (error) throw error;
  return result;
}

module.exports = { fetchSync, waitFor, statLike, command };
`,
  },
];
