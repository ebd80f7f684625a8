import { describeStock, stockCounts, stockGrid, stockLines, stockReader, totalStock } from './report';

console.log(stockLines(['apple', 'fig']).join('\n'));
console.log(`total: ${totalStock(['apple', 'fig'])}`);
console.log(`counts: ${stockReader(['apple', 'fig'])()}`);
console.log(describeStock(new Map([['Apples', 'apple'], ['Figs', 'fig']])).join('; '));
console.log(stockCounts(['apple', 'fig']).join(','), JSON.stringify(stockGrid([['apple'], ['fig', 'apple']])));
