import { countItems } from './feed.mjs';

const total = (await countItems('news')) + (await countItems('blog'));
console.log(`items: ${total}`);
