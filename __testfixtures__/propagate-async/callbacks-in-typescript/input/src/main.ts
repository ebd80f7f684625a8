import { stockLines, totalStock } from './report';

console.log(stockLines(['apple', 'fig']).join('\n'));
console.log(`total: ${totalStock(['apple', 'fig'])}`);
