const { walk, count } = require('./tree');

async function main() {
  const tree = { name: 'root', children: [{ name: 'a', children: [{ name: 'b' }] }, { name: 'c' }] };
  console.log((await walk(tree, 0)).join('\n'));
  console.log(await count(tree));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
