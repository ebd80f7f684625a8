const { createSyncFn } = require('synckit');

const readSetting = createSyncFn(require.resolve('./read-worker.js'));

class Config {
  get theme() {
    return readSetting('theme');
  }
}

module.exports = { Config };
