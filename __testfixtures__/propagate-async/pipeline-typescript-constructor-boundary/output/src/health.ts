import { getStatus } from './accounts';

export async function isHealthy(base: string): Promise<boolean> {
  return (await getStatus(base)) < 300;
}
