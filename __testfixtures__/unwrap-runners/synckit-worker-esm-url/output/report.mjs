import { shortHash } from './short-hash.mjs';

export async function describe(file) {
  return `${file.name} ${await shortHash(file.text)}`;
}
