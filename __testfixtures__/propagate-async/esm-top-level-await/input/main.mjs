import { countItems } from './feed.mjs';

const total = countItems('news') + countItems('blog');
console.log(`items: ${total}`);
