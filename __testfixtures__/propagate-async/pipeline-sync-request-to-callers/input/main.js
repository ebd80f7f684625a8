const { Users } = require('./lib/users');

const users = new Users(process.argv[2]);
const names = users.names([1, 2]);
names.forEach((name) => {
  console.log(`user: ${name}`);
});
try {
  users.find(404);
} catch (error) {
  console.log(`failed: ${error.statusCode}`);
}
