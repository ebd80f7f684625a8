import { query } from './db';

export function countUsers(): number {
  return query('select count(*) from users');
}

export function countAdmins(): number {
  const admins = query('select count(*) from admins');
  return admins;
}
