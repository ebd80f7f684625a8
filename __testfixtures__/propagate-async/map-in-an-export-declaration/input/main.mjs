import { load } from './lib.mjs';

const ids = [1, 2];
// ES module top level: the loops run before any importer sees the exports
export const loaded = ids.map((id) => load(id));
export const total = ids.map((id) => load(id)).length;
console.log(loaded.join(','), total);
