import { createSyncFn } from 'synckit';
import * as path from 'node:path';

const loadSync = createSyncFn(path.join(__dirname, 'load-worker.ts'));

export class Settings {
  constructor(private readonly name: string) {}

  read(key: string): string {
    return loadSync(this.name, key);
  }
}
