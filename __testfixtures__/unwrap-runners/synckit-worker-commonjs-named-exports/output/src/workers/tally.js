const { runAsWorker } = require('synckit');

let calls = 0;

function tally(file) {
  calls += 1;
  return file.length + calls;
}

runAsWorker(tally);
module.exports = { tally };
