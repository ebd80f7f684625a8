import { stockLines, stockReader, totalStock } from './report';

console.log(stockLines(['apple', 'fig']).join('\n'));
console.log(`total: ${totalStock(['apple', 'fig'])}`);
console.log(`counts: ${stockReader(['apple', 'fig'])()}`);
