import { shortHash } from './short-hash.mjs';

export function describe(file) {
  return `${file.name} ${shortHash(file.text)}`;
}
