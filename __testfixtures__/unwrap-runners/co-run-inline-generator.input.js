const co = require('co');

function loadUser(id) {
  return co(function* () {
    const user = yield db.find(id);
    const [posts, friends] = yield [db.posts(id).then(rows), Promise.resolve(user.friends)];
    const score = yield (user.cached ? cache.score(id) : db.score(id));
    return { user, posts, friends, score };
  });
}

co(function* () {
  try {
    yield loadUser(1);
  } catch (err) {
    console.error(err);
  }
}).catch(report);

module.exports = { loadUser };
