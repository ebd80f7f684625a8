'use strict';

// renders markdown in a worker thread, synchronously
const renderSync = require('./render-worker.js');

async function renderPage(page) {
  const html = await renderSync(page.body);
  return `<main>${html}</main>`;
}

module.exports = { renderPage };
