import { runAsWorker } from 'synckit';

export const defaults: Record<string, string> = { theme: 'dark' };

async function load(name: string, key: string): Promise<string> {
  await Promise.resolve();
  return `${name}.${key}=${defaults[key] ?? ''}`;
}

runAsWorker(load);
export { load };
