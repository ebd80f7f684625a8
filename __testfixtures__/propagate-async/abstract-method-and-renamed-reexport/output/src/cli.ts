import makeLoader from './web-loader';

async function main() {
  const loader = makeLoader();
  const pages = await loader.loadAll(['a', 'b']);
  console.log(pages.join(' '));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
