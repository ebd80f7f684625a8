function loadUser(id) {
  return (async () => {
    const user = await db.find(id);
    const [posts, friends] = await Promise.all([db.posts(id).then(rows), Promise.resolve(user.friends)]);
    const score = await (user.cached ? cache.score(id) : db.score(id));
    return { user, posts, friends, score };
  })();
}

(async () => {
  try {
    await loadUser(1);
  } catch (err) {
    console.error(err);
  }
})().catch(report);

module.exports = { loadUser };
