'use strict';
const { createSyncFn } = require('synckit');

// renders markdown in a worker thread, synchronously
const renderSync = createSyncFn(require.resolve('./render-worker.js'));

function renderPage(page) {
  const html = renderSync(page.body);
  return `<main>${html}</main>`;
}

module.exports = { renderPage };
