const { runSync, other } = require('./sync-helpers');

function loadProfile(api, id) {
  const user = runSync(api.getUser(id));
  const posts = runSync(() => api.getPosts(user.id));
  const stats = runSync(async () => {
    const a = await api.count('likes');
    const b = await api.count('shares');
    return a + b;
  });
  return { user, posts, stats, other };
}

function unknownArgument(job) {
  return runSync(job);
}

module.exports = { loadProfile, unknownArgument };
