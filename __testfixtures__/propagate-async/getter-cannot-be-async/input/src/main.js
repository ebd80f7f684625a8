const User = require('./user');

console.log(new User(1).name);
