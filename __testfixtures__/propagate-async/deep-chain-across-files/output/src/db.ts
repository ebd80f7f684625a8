export async function query(sql: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return sql.length;
}
