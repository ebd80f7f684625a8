'use strict';
const { runAsWorker } = require('synckit');

// the markdown renderer is async (it loads plugins lazily)
const runWorker = async (markdown) => {
  const plugins = await Promise.resolve(['headings']);
  return `${plugins.length}:${markdown.toUpperCase()}`;
};

runAsWorker(runWorker);
module.exports = runWorker;
