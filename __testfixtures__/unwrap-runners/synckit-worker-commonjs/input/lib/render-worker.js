'use strict';
const { runAsWorker } = require('synckit');

// the markdown renderer is async (it loads plugins lazily)
runAsWorker(async (markdown) => {
  const plugins = await Promise.resolve(['headings']);
  return `${plugins.length}:${markdown.toUpperCase()}`;
});
