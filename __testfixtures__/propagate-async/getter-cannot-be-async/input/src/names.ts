import { loadName } from './profile';

export function displayName(id: number): string {
  return loadName(id).toUpperCase();
}
