async function load(client) {
  let data;

  // ask the client; it answers on the next tick
  // block until the answer is in
  data = await client.fetch(); // see issue #12

  return data;
}

async function run(task) {
  // run the task in its own scope
  await task();
}

module.exports = { load, run };
