import { fetchRemote } from './remote';
import type { Store } from './store';

export class RemoteStore implements Store {
  async get(id: string): Promise<string> {
    return (await fetchRemote(id)).toUpperCase();
  }

  label = (id: string): string => `remote ${id}`;
}
