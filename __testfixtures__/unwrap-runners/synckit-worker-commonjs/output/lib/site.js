'use strict';
const { renderPage } = require('./render');

async function buildSite(pages) {
  const out = [];
  for (const page of pages) out.push(await renderPage(page));
  return out;
}

module.exports = { buildSite };
