const deasync = require('deasync');

function waitFor(promise) {
  var finished = false, value;
  promise.then(function (v) { value = v; finished = true; });
  deasync.loopWhile(function () { return !finished; });
  return value;
}

function waitForOther(promise) {
  var finished = false, value;
  promise.then(function (v) { value = v; finished = true; });
  deasync.loopWhile(function () { return !finished; });
  return value;
}

module.exports = { waitFor, waitForOther };
