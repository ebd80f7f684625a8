import type { Store } from './store';

export class MemoryStore implements Store {
  private readonly values = new Map<string, string>();

  async get(id: string): Promise<string> {
    return this.values.get(id) ?? 'missing';
  }

  label = (id: string): string => `memory ${id}`;
}
