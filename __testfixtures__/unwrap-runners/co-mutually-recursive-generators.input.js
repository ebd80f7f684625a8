const co = require('co');

function* walk(node) {
  const children = yield load(node);
  let total = 1;
  for (const child of children) total += yield* visit(child);
  return total;
}

function* visit(node) {
  return node.skip ? 0 : yield walk(node);
}

exports.count = (root) => co(walk, root);
