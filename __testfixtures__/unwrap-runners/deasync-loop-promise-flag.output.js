async function fetchSync(client, url) {
  let result;
  let error;

  try {
    result = await client.get(url);
  } catch (err) {
    error = err;
  }

  if (error) throw error;
  return result;
}

async function waitFor(promise) {
  var value;
  value = await promise;
  return value;
}

module.exports = { fetchSync, waitFor };
