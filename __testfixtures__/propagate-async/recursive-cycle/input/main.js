const { walk, count } = require('./tree');

const tree = { name: 'root', children: [{ name: 'a', children: [{ name: 'b' }] }, { name: 'c' }] };
console.log(walk(tree, 0).join('\n'));
console.log(count(tree));
