import { countAdmins, countUsers } from './repo';

export async function summary(): Promise<string> {
  const total = (await countUsers()) + (await countAdmins());
  return `users: ${total}`;
}

export async function report(): Promise<string[]> {
  try {
    return [await summary()];
  } catch (error) {
    return [`failed: ${String(error)}`];
  }
}
