import makeLoader from './web-loader';

const loader = makeLoader();
const pages = loader.loadAll(['a', 'b']);
console.log(pages.join(' '));
