const deasync = require('deasync');

function load(client) {
  let done = false;
  let data;
  // ask the client; it answers on the next tick
  client.fetch().then((value) => {
    data = value;
    done = true;
  });
  // block until the answer is in
  deasync.loopWhile(() => !done); // see issue #12
  return data;
}

async function run(task) {
  // run the task in its own scope
  await (async () => {
    await task();
  })();
}

module.exports = { load, run };
