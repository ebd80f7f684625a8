const { runSync, other } = require('./sync-helpers');

async function loadProfile(api, id) {
  const user = await api.getUser(id);
  const posts = await api.getPosts(user.id);
  const a = await api.count('likes');
  const b = await api.count('shares');
  const stats = a + b;
  return { user, posts, stats, other };
}

function unknownArgument(job) {
  return runSync(job);
}

module.exports = { loadProfile, unknownArgument };
