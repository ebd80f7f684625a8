const render = require('./render-worker');

exports.preview = async text => (await render(text)).slice(0, 40);
