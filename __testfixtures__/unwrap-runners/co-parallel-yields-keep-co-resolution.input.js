// git-meta and feature-toggle shapes: co resolved these yields in parallel, by their run-time shape
const co = require('co');

function* checkUpdate(repo, name) {
  const head = yield repo.head(name);
  return { name, head };
}

exports.checkAll = co.wrap(function* (repo, names) {
  const checked = yield names.map(function* (name) {
    const result = yield checkUpdate(repo, name);
    return result.head;
  });
  const pending = names.map((name) => repo.fetch(name));
  yield pending;
  const { first, last } = yield { first: checkUpdate(repo, names[0]), last: checkUpdate(repo, names[1]) };
  return [checked, first, last];
});

exports.checkUpdate = co.wrap(checkUpdate);
