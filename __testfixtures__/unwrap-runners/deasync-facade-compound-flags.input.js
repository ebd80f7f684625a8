const deasync = require('deasync');

// Lets user scripts call the async client as if it were synchronous.
function runCommand(client, name, args) {
  let done = false;
  let error = null;
  let result;
  client.send(name, args, (err, res) => {
    if (err) error = err;
    else {
      result = res;
      done = true;
    }
  });
  deasync.loopWhile(() => !done && !error);
  if (error) throw error;
  return result;
}

function leaky(client) {
  let done = false;
  let error = null;
  client.on('error', (e) => { error = e; });
  client.connect(() => { done = true; });
  deasync.loopWhile(() => !done && !error);
}

module.exports = { runCommand, leaky };
