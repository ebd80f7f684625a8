/** The writer: all-or-nothing replacement of changed files, the git guard, and the sweep of killed runs' temps. */
export { writeResults } from './write-results';
export type { FileProblem, WriteBatch, WriteItem, WriteOptions } from './write-results';
export { sweepStaleTemps } from './temp-files';
export { checkGitGuard } from './git-guard';
export type { GitGuardOptions } from './git-guard';
