/**
 * The engine's options: which files a run reads and how it runs. Declared once here (core/options.ts);
 * the CLI's flags, the configuration file's keys and the JSON echo come from this schema.
 */
import { availableParallelism } from 'node:os';
import type { OptionSchema } from '../core/options';

export const engineOptions = {
  transforms: {
    type: 'strings',
    placeholder: 'NAMES',
    commaSeparated: true,
    help: 'Transforms to run, comma-separated, in pipeline order (default: all; see `awaitify list`)',
  },
  ignore: {
    type: 'strings',
    placeholder: 'GLOB',
    commaSeparated: false,
    help: 'Skip files matching this glob (repeatable)',
  },
  maxFileSize: {
    type: 'bytes',
    placeholder: 'SIZE',
    default: '2mb',
    help: 'Skip files larger than this (2mb, 500kb or a number of bytes)',
  },
  concurrency: {
    type: 'integer',
    placeholder: 'N',
    default: 1,
    min: 1,
    max: () => availableParallelism(),
    help:
      'Threads for the per-file transforms: N means the main thread plus up to N-1 worker threads (at most the ' +
      'number ' +
      'of CPUs; a worker starts only for every 12 files that need parsing). The result is the same whatever N',
  },
  node: {
    type: 'string',
    placeholder: 'VERSION',
    help:
      'The Node.js version the migrated code must run on (18, 20.18, …): chooses the undici major in place of ' +
      "package.json's engines.node",
  },
  verify: {
    type: 'boolean',
    default: true,
    help:
      'Type-check the TypeScript files a migration changes, before and after, and back out the conversions behind ' +
      'any new error (--no-verify skips it)',
  },
} satisfies OptionSchema;
