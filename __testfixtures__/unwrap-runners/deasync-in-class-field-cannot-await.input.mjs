import deasync from 'deasync';
import fs from 'node:fs';

const readFile = deasync(fs.readFile);

export class Config {
  text = readFile('config.json', 'utf8');
  static defaults = readFile('defaults.json', 'utf8');
}
