const { exec } = require('child_process');
const dns = require('dns');
const deasync = require('deasync');

const run = deasync(exec);
const lookup = deasync(dns.lookup);

function gitHead() {
  return run('git rev-parse HEAD').trim();
}

function resolve(host) {
  return lookup(host);
}

module.exports = { gitHead, resolve };
