const { loadConfig, Server } = require('./config');

const config = loadConfig();
console.log(config.port, new Server().secret);
