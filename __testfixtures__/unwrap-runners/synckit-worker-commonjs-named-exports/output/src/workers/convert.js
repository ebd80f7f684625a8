const { runAsWorker } = require('synckit');

exports.formats = ['png', 'webp'];

const runWorker = async function (file, count) {
  return `${file}.${exports.formats[count % 2]}`;
};

runAsWorker(runWorker);

module.exports.version = 2;
module.exports.runWorker = runWorker;
