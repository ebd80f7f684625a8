import { load } from './lib.mjs';

const ids = [1, 2];
// ES module top level: the loops run before any importer sees the exports
export const loaded = [];

for (const id of ids) {
  loaded.push(await load(id));
}

const idsResults = [];

for (const id of ids) {
  idsResults.push(await load(id));
}

export const total = idsResults.length;
console.log(loaded.join(','), total);
