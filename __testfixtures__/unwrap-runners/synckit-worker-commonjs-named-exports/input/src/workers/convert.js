const { runAsWorker } = require('synckit');

exports.formats = ['png', 'webp'];

runAsWorker(async function (file, count) {
  return `${file}.${exports.formats[count % 2]}`;
});

module.exports.version = 2;
