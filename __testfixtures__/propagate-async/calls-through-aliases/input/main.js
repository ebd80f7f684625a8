const use = require('./lib/use');

console.log(use.viaAlias('a'), use.viaCall('b'), use.viaApply('c'), use.viaDestructure('d'));
