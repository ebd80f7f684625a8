import { runSync } from './sync-helpers';
import { getUser } from './api';

export function currentUser(): string {
  const user = runSync(() => getUser('me'));
  return user.name;
}
