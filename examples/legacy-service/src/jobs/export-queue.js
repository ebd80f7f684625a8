'use strict';

const fs = require('fs');
const deasync = require('deasync');
const { createSyncFn } = require('synckit');
const store = require('./store');

// Written so the admin scripts could "just call it": each helper blocks until the async work is done.
const readFile = deasync(fs.readFile);
// Hashing a large export froze the event loop, so it moved to a worker; the caller still blocks on it.
const checksum = createSyncFn(require.resolve('./checksum-worker.js'));

function loadTemplate(file) {
  return readFile(file, 'utf8');
}

function exportSessions() {
  let done = false;
  let sessions;
  let failure;
  store.listSessions().then((value) => {
    sessions = value;
    done = true;
  }, (err) => {
    failure = err;
    done = true;
  });
  deasync.loopWhile(() => !done);
  if (failure) throw failure;
  return sessions.map((s) => s.id).join('\n');
}

function writeExport(file, text) {
  return new Promise(async (resolve, reject) => {
    try {
      await fs.promises.writeFile(file, text);
      resolve(text.length);
    } catch (err) {
      reject(err);
    }
  });
}

function exportWithChecksum() {
  const text = exportSessions();
  return `${text}\n# sha256 ${checksum(text)}\n`;
}

module.exports = { loadTemplate, exportSessions, exportWithChecksum, writeExport };
