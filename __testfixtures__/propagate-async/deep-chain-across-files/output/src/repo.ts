import { query } from './db';

export async function countUsers(): Promise<number> {
  return query('select count(*) from users');
}

export async function countAdmins(): Promise<number> {
  const admins = await query('select count(*) from admins');
  return admins;
}
