/** Minimal `--name value`, `--name=value` and `--no-name` parsing for the bench scripts. */
export function readFlags<K extends string>(argv: readonly string[], defaults: Record<K, string>): Record<K, string> {
  const flags: Record<string, string> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const negated = rawName.startsWith('no-') && !(rawName in defaults);
    const name = negated ? rawName.slice(3) : rawName;
    if (!(name in defaults))
      throw new Error(
        `unknown option --${rawName}; valid: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    if (negated) flags[name] = 'false';
    else if (inline !== undefined) flags[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags[name] = argv[++i];
    else flags[name] = 'true';
  }
  return flags;
}
