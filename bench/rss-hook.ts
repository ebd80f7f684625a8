/**
 * Preloaded into node processes (`--require`) when GNU time is missing: appends the process's peak
 * resident set size in KB to the file named by AWAITIFY_BENCH_RSS_FILE when it exits.
 */
import { appendFileSync } from 'node:fs';

const target = process.env.AWAITIFY_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
