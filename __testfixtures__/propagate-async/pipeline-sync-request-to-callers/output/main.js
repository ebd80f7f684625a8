const { Users } = require('./lib/users');

async function main() {
  const users = new Users(process.argv[2]);
  const names = await users.names([1, 2]);
  names.forEach((name) => {
    console.log(`user: ${name}`);
  });
  try {
    await users.find(404);
  } catch (error) {
    console.log(`failed: ${error.statusCode}`);
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
