import { Settings } from './settings';

export async function theme(): Promise<string> {
  const settings = new Settings('app');
  return settings.read('theme');
}
