/**
 * The one record of "a function made async, and why": what a per-file transform reports, what the
 * analysis plans and what the run returns are the same shape, so nothing is converted on the way.
 */

/**
 * A conversion a per-file transform made, named so that the engine can ask for it to be left out when
 * the chain above it reaches a boundary. `start` is the converted node's offset in the file's original
 * text, so the name stays the same when the transform runs again on that text.
 */
export interface ConversionId {
  /** Absolute path of the file. */
  file: string;
  transform: string;
  start: number;
}

/** A key for sets and maps of conversion ids (never parsed back). */
export function getConversionKey(id: ConversionId): string {
  return `${id.file}\u0000${id.transform}\u0000${id.start}`;
}

export interface AsyncFunction {
  /** Absolute path inside the engine and the analysis; relative to the run's cwd in a RunResult. */
  file: string;
  /**
   * The dotted path a user writes on the command line (`getJson`, `Db.query`, `api.fetchUser`), or null
   * for an anonymous function (its callers cannot be looked up by name).
   */
  name: string | null;
  /** Where a person finds it (1-based): in the original file for a per-file transform's report and the run's result. */
  line: number;
  column: number;
  /** Why it became async: `awaits undici.request (sync-request at 12:5)`, `calls fetchUser (src/api.ts:14:10)`. */
  reason: string;
  /** The per-file conversions that forced it; empty for a function made async because it calls one. */
  conversions: ConversionId[];
  /** Exported from its module: callers outside the run must await it too (an API change). */
  exported: boolean;
}
