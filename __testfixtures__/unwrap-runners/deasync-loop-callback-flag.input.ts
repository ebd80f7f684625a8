import * as fs from 'fs';
import deasync from 'deasync';

export function statSync(file: string): fs.Stats {
  let done = false;
  let error: Error | null = null;
  let stats: fs.Stats | undefined;
  fs.stat(file, (err, s) => {
    error = err;
    stats = s;
    done = true;
  });
  deasync.loopWhile(() => !done);
  if (error) throw error;
  return stats as fs.Stats;
}
