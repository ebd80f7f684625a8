import { alreadyAsync, both, conditions, expressions, guarded, lengthOf, withDefault } from './contexts';

async function main() {
  console.log(await conditions('abcd'), await expressions('k'), await withDefault('xy'), await guarded('q'), await lengthOf('abc'));
  both('ab').then((values) => console.log(values.join('+')), console.error);
  alreadyAsync('z').then(console.log, console.error);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
