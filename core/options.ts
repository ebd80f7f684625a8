/**
 * Options are declared once, as a schema: the engine's, the CLI's and each transform's `meta.options`.
 * From that one declaration come the yargs flag (its type, default, validation and `--help` text),
 * `awaitify list`, the values a transform receives (normalised, defaults filled in), the configuration
 * file's keys and the `--json` echo of the options in effect. A key is camelCase (`markBoundaries`);
 * its flag is the kebab-case form (`--mark-boundaries`).
 */
import { UsageError } from './errors';

interface SpecBase {
  /** One line for `--help` and `awaitify list`: what it does, and the default when that is not obvious. */
  help: string;
  /** A one-letter flag alias (`-i`). */
  alias?: string;
}

export interface BooleanSpec extends SpecBase {
  type: 'boolean';
  /** Absent: the option is undefined unless given (`--color`: unset means "decide from the terminal"). */
  default?: boolean;
}

export interface StringSpec extends SpecBase {
  type: 'string';
  /** Shown in help as the argument's name: `--patch FILE`. */
  placeholder: string;
}

export interface StringsSpec extends SpecBase {
  type: 'strings';
  placeholder: string;
  /** `--runner a,b` means two values (for names; never for paths or globs, which may hold commas). */
  commaSeparated: boolean;
  /** Checks one value; returns why it is not valid, or null. */
  check?: (value: string) => string | null;
}

export interface IntegerSpec extends SpecBase {
  type: 'integer';
  placeholder: string;
  default: number;
  min: number;
  /** Larger values are lowered to this (a function: the machine's CPU count). */
  max: () => number;
}

export interface BytesSpec extends SpecBase {
  type: 'bytes';
  placeholder: string;
  /** A size as the user writes it: `2mb`, `500kb`, `1048576`. */
  default: string;
}

export type OptionSpec = BooleanSpec | StringSpec | StringsSpec | IntegerSpec | BytesSpec;
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends BooleanSpec
  ? S extends { default: boolean }
    ? boolean
    : boolean | undefined
  : S extends StringSpec
    ? string | undefined
    : S extends StringsSpec
      ? string[]
      : number;

/** The values of a schema's options, as the code that declared them receives them. */
export type OptionValues<S extends OptionSchema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** The values of any schema, for code that handles every schema alike (the engine, the CLI, the JSON echo). */
export type AnyOptionValues = OptionValues<OptionSchema>;

/** Values as given, before normalising (from yargs, a configuration file or an API caller). */
export type GivenOptions = Readonly<Record<string, unknown>>;

/** `markBoundaries` → `mark-boundaries`. */
export function toFlagName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `2mb`, `512kb`, `1048576` → bytes. */
export function parseByteSize(value: string | number, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(String(value));
  if (!match) throw new UsageError(`${flag}: "${value}" is not a size (examples: 2mb, 500kb, 1048576)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(match[1]) * factor);
}

function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function normaliseStrings(spec: StringsSpec, value: unknown, flag: string): string[] {
  const items = toList(value).map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number')
      throw new UsageError(`${flag}: expected text, got ${JSON.stringify(item)}`);
    return String(item);
  });
  const values = (spec.commaSeparated ? items.flatMap((item) => item.split(',')) : items)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of values) {
    const problem = spec.check?.(item);
    if (problem) throw new UsageError(`${flag}: ${problem}`);
  }
  return values;
}

function normaliseInteger(spec: IntegerSpec, value: unknown, flag: string): number {
  const text = (typeof value === 'number' || typeof value === 'string' ? String(value) : String(spec.default)).trim();
  const most = Math.max(spec.min, spec.max());
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < spec.min) {
    throw new UsageError(`${flag}: "${text}" is not a whole number from ${spec.min} to ${most}`);
  }
  return Math.min(n, most);
}

/** One option's value, checked and with its default filled in; `flag` names it in errors. */
export function normaliseOption(spec: OptionSpec, value: unknown, flag: string): unknown {
  switch (spec.type) {
    case 'boolean':
      if (value === undefined) return spec.default;
      if (typeof value !== 'boolean')
        throw new UsageError(`${flag}: expected true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'string':
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || value === '') throw new UsageError(`${flag}: expected ${spec.placeholder}`);
      return value;
    case 'strings':
      return normaliseStrings(spec, value, flag);
    case 'integer':
      return normaliseInteger(spec, value, flag);
    case 'bytes':
      return parseByteSize(typeof value === 'number' || typeof value === 'string' ? value : spec.default, flag);
  }
}

/**
 * Every option of `schema` from `given` (keys as in the schema), checked, defaults filled in. Keys of
 * `given` that the schema does not declare are left for the caller to refuse.
 */
export function normaliseOptions<S extends OptionSchema>(schema: S, given: GivenOptions): OptionValues<S> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema))
    values[key] = normaliseOption(spec, given[key], `--${toFlagName(key)}`);
  return values as OptionValues<S>;
}

/** The default values of a schema (what a transform receives when nothing is given). */
export function getDefaultOptions<S extends OptionSchema>(schema: S): OptionValues<S> {
  return normaliseOptions(schema, {});
}
