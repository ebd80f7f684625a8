import deasync from 'deasync';
import { readFile as readFileCallback } from 'node:fs';

const readFile = deasync(readFileCallback);

export function loadConfig() {
  return JSON.parse(readFile('config.json', 'utf8'));
}
