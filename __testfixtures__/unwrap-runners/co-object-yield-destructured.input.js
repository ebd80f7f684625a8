const co = require('co');

async function getUser(id) {
  return { id };
}

async function getPosts(id) {
  return [id];
}

exports.page = co.wrap(function* (id) {
  const { user, posts: list } = yield { user: getUser(id), posts: getPosts(id), audit: Promise.resolve(id) };
  return { user, list };
});

exports.loose = co.wrap(function* (id) {
  const result = yield { user: getUser(id), posts: getPosts(id) };
  return result;
});
