'use strict';
const { renderPage } = require('./render');

function buildSite(pages) {
  const out = [];
  for (const page of pages) out.push(renderPage(page));
  return out;
}

module.exports = { buildSite };
