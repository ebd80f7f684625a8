import { alreadyAsync, both, conditions, expressions, guarded, lengthOf, withDefault } from './contexts';

console.log(conditions('abcd'), expressions('k'), withDefault('xy'), guarded('q'), lengthOf('abc'));
both('ab').then((values) => console.log(values.join('+')), console.error);
alreadyAsync('z').then(console.log, console.error);
