import { countAdmins, countUsers } from './repo';

export function summary(): string {
  const total = countUsers() + countAdmins();
  return `users: ${total}`;
}

export function report(): string[] {
  try {
    return [summary()];
  } catch (error) {
    return [`failed: ${String(error)}`];
  }
}
