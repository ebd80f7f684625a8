import { load as loadSync } from './load-worker.js';

export class Settings {
  constructor(private readonly name: string) {}

  async read(key: string): Promise<string> {
    return await loadSync(this.name, key);
  }
}
