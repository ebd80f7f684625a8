import { fetchRemote } from './remote';
import type { Store } from './store';

export class RemoteStore implements Store {
  get(id: string): string {
    return fetchRemote(id).toUpperCase();
  }

  label = (id: string): string => `remote ${id}`;
}
