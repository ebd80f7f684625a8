const Api = require('./api');

/** @param {Api} api */
async function printStatus(api) {
  api.checkHealth();
  console.log(api.status);
}

/** @param {Api} api */
function printUser(api, id) {
  api.getUser(id, (err, user) => console.log(err ? err.message : user.name));
}

module.exports = { printStatus, printUser };
