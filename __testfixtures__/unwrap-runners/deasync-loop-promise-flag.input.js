const deasync = require('deasync');

function fetchSync(client, url) {
  let done = false;
  let result;
  let error;
  client.get(url).then((value) => {
    result = value;
    done = true;
  }, (err) => {
    error = err;
    done = true;
  });
  deasync.loopWhile(() => !done);
  if (error) throw error;
  return result;
}

function waitFor(promise) {
  var finished = false, value;
  promise.then(function (v) { value = v; finished = true; });
  deasync.loopWhile(function () { return !finished; });
  return value;
}

module.exports = { fetchSync, waitFor };
