'use strict';

const { fetchTitle } = require('./client');

// an ordinary caller in the code base: converted
async function main() {
  console.log(fetchTitle(process.argv[2]));
}

module.exports = { main };
