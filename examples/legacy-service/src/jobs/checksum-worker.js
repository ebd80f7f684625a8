'use strict';

const { createHash } = require('crypto');
const { runAsWorker } = require('synckit');

// Runs in a worker thread: synckit's createSyncFn blocks the caller until this promise settles.
runAsWorker(async (text) => createHash('sha256').update(text).digest('hex'));
