/** propagate-async's options (its meta declares them; the CLI, the config file and the JSON echo read them there). */
import type { OptionSchema, OptionValues } from '../../core/options';

/** `src/db.js#query`, `lib/api.ts#Client.get`: a file and a dotted function or method name in it. */
function checkAsyncName(value: string): string | null {
  if (/^[^#]+#[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(value)) return null;
  return `"${value}" is not FILE#NAME (examples: src/db.js#query, lib/api.ts#Client.get)`;
}

export const propagateAsyncOptions = {
  async: {
    type: 'strings',
    placeholder: 'FILE#NAME',
    commaSeparated: false,
    check: checkAsyncName,
    help: 'Declare FILE#NAME newly async and make its callers await it (repeatable)',
  },
  markBoundaries: {
    type: 'boolean',
    default: false,
    help: 'Convert chains that reach a sync-only boundary too, leaving an awaitify: comment there',
  },
  parallelMap: {
    type: 'boolean',
    default: false,
    help:
      'Turn arr.map(cb) whose callback now awaits into await Promise.all(arr.map(async cb)): the calls then run at ' +
      'the ' +
      'same time (default: a for…of loop that awaits each in turn, as before)',
  },
} satisfies OptionSchema;

export type PropagateAsyncOptions = OptionValues<typeof propagateAsyncOptions>;
