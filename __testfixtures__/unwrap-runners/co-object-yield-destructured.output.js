const co = require('co');

async function getUser(id) {
  return { id };
}

async function getPosts(id) {
  return [id];
}

exports.page = async function(id) {
  const [user, list] = await Promise.all([getUser(id), getPosts(id), Promise.resolve(id)]);
  return { user, list };
};

exports.loose = co.wrap(function* (id) {
  const result = yield { user: getUser(id), posts: getPosts(id) };
  return result;
});
