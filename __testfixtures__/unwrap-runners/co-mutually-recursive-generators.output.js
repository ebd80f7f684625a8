async function walk(node) {
  const children = await load(node);
  let total = 1;
  for (const child of children) total += await visit(child);
  return total;
}

async function visit(node) {
  return node.skip ? 0 : await walk(node);
}

exports.count = (root) => walk(root);
