async function isActive(user) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return user.active;
}

// A filter predicate that awaits would see a promise (always truthy): the chain stops here.
function activeUsers(users) {
  return users.filter((user) => isActive(user));
}

module.exports = { isActive, activeUsers };
