const { getConfig } = require('./api');

const settings = {};

Object.defineProperty(settings, 'config', {
  get() {
    return getConfig();
  },
});

module.exports = settings;
