import { readFile as readFileCallback } from 'node:fs';
import { promisify } from 'node:util';

const readFile = promisify(readFileCallback);

export async function loadConfig() {
  return JSON.parse(await readFile('config.json', 'utf8'));
}
