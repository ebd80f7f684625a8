async function fetchChildren(node) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return node.children || [];
}

// walk and walkAll call each other: the whole cycle becomes async together.
function walk(node, depth) {
  const names = [`${' '.repeat(depth)}${node.name}`];
  return names.concat(walkAll(fetchChildren(node), depth + 1));
}

function walkAll(children, depth) {
  let lines = [];
  for (const child of children) {
    lines = lines.concat(walk(child, depth));
  }
  return lines;
}

function count(node) {
  return fetchChildren(node).length === 0 ? 1 : 1 + count(fetchChildren(node)[0]);
}

module.exports = { walk, count };
