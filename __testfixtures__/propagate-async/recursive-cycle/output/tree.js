async function fetchChildren(node) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return node.children || [];
}

// walk and walkAll call each other: the whole cycle becomes async together.
async function walk(node, depth) {
  const names = [`${' '.repeat(depth)}${node.name}`];
  return names.concat(await walkAll(await fetchChildren(node), depth + 1));
}

async function walkAll(children, depth) {
  let lines = [];
  for (const child of children) {
    lines = lines.concat(await walk(child, depth));
  }
  return lines;
}

async function count(node) {
  return (await fetchChildren(node)).length === 0 ? 1 : 1 + (await count((await fetchChildren(node))[0]));
}

module.exports = { walk, count };
