import { getStatus } from './accounts';

export function isHealthy(base: string): boolean {
  return getStatus(base) < 300;
}
