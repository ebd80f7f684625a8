const { createSyncFn } = require('synckit');

const render = createSyncFn(require.resolve('./render-worker'));

exports.preview = (text) => render(text).slice(0, 40);
