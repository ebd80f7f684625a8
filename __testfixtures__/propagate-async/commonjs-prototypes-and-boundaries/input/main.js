const { Client, describe } = require('./lib/client');

console.log(describe(new Client('http://x')));
