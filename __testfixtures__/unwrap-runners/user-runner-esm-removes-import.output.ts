import { getUser } from './api';

export async function currentUser(): Promise<string> {
  const user = await getUser('me');
  return user.name;
}
