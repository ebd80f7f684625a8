import * as fs from 'fs';

export async function statSync(file: string): Promise<fs.Stats> {
  let error: Error | null = null;
  let stats: fs.Stats | undefined;

  await new Promise<void>(resolve => {
    fs.stat(file, (err, s) => {
      error = err;
      stats = s;
      resolve();
    });
  });

  if (error) throw error;
  return stats as fs.Stats;
}
