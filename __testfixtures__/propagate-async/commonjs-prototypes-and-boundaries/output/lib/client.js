const api = require('./api');

function Client(base) {
  this.base = base;
}

Client.prototype.get = async function (path) {
  return api.getJson(this.base + path);
};

Client.prototype.status = async function (path) {
  return (await this.get(path)).ok ? 'up' : 'down';
};

exports.Client = Client;

/** @param {Client} client */
exports.describe = async function (client) {
  return `status: ${await client.status('/health')}`;
};

// `client` has no type here: the call cannot be resolved, so it is reported, not guessed.
exports.describeUntyped = function (client) {
  return `status: ${client.status('/health')}`;
};
