const { exec } = require('child_process');
const dns = require('dns');
const deasync = require('deasync');

const { promisify } = require('node:util');

const run = promisify(exec);
const lookup = deasync(dns.lookup);

async function gitHead() {
  return (await run('git rev-parse HEAD')).stdout.trim();
}

function resolve(host) {
  return lookup(host);
}

module.exports = { gitHead, resolve };
