const { waitFor, waitForOther } = require('./wait');

async function loadConfig() {
  return waitFor(Promise.resolve({ port: 8080 }));
}

function loadSecret() {
  return waitForOther(Promise.resolve('s3cret'));
}

class Server {
  constructor() {
    this.secret = loadSecret();
  }
}

module.exports = { loadConfig, Server };
