import { loadLabel, loadNote, loadTitle } from './lookup';

/** Waits for what the job returns, so a job may be async. */
export async function runJob(job: () => Promise<void> | void): Promise<void> {
  await job();
}

/** Uses the string at once. */
export function renderWith(pick: (key: string) => string): string {
  return `<b>${pick('a')}</b>`;
}

/** Ignores what the listener returns. */
export function onChange(listener: (key: string) => void): void {
  listener('a');
}

export async function main(): Promise<void> {
  await runJob(async () => {
    console.log(await loadLabel('a'));
  });
  console.log(renderWith((key) => loadTitle(key)));
  onChange((key) => {
    console.log(loadNote(key));
  });
}
