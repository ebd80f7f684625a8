/** unwrap-runners' options (its meta declares them; the CLI, the config file and the JSON echo read them there). */
import type { OptionSchema, OptionValues } from '../../core/options';

export const unwrapRunnersOptions = {
  runner: {
    type: 'strings',
    placeholder: 'NAME',
    commaSeparated: true,
    help:
      'A helper of yours that runs async work synchronously, to unwrap like deasync (repeatable or ' +
      'comma-separated)',
  },
} satisfies OptionSchema;

export type UnwrapRunnersOptions = OptionValues<typeof unwrapRunnersOptions>;
