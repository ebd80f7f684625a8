/**
 * `awaitify list`: each transform in pipeline order, what it does, its options (from its meta, as the
 * flags `--help` shows) and the diagnostics it can report with their severity.
 */
import { toFlagName, type OptionSpec } from '../core/options';
import type { Transform } from '../transforms/shared/types';

function describeOption(key: string, spec: OptionSpec): string {
  const flag = `--${toFlagName(key)}`;
  const usage = spec.type === 'boolean' ? flag : `${flag} ${spec.placeholder}`;
  return `     ${usage}: ${spec.help}`;
}

export function renderTransformList(transforms: readonly Transform[]): string {
  if (transforms.length === 0) return 'no transforms are registered\n';
  const blocks = transforms.map((transform, index) => {
    const { name, description, options, diagnostics } = transform.meta;
    const lines = [`${index + 1}. ${name}`, `   ${description}`];
    const flags = Object.entries(options);
    if (flags.length > 0) lines.push('   options:', ...flags.map(([key, spec]) => describeOption(key, spec)));
    const codes = Object.entries(diagnostics);
    if (codes.length > 0) {
      lines.push('   diagnostics:');
      for (const [code, spec] of codes) lines.push(`     ${code} (${spec.severity}): ${spec.summary}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n\nRun a subset with --transforms ${transforms.map((t) => t.meta.name).join(',')}\n`;
}

export interface TransformListJson {
  /** The version of schema/list.schema.json. */
  schemaVersion: 1;
  transforms: {
    name: string;
    description: string;
    options: {
      key: string;
      flag: string;
      type: string;
      placeholder?: string;
      default?: unknown;
      alias?: string;
      help: string;
    }[];
    diagnostics: { code: string; severity: string; summary: string }[];
  }[];
}

function describeOptionJson(key: string, spec: OptionSpec): TransformListJson['transforms'][number]['options'][number] {
  return {
    key,
    flag: `--${toFlagName(key)}`,
    type: spec.type,
    ...(spec.type !== 'boolean' ? { placeholder: spec.placeholder } : {}),
    ...('default' in spec && spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.alias ? { alias: spec.alias } : {}),
    help: spec.help,
  };
}

/** `awaitify list --json` (schema/list.schema.json). */
export function renderTransformListJson(transforms: readonly Transform[]): string {
  const list: TransformListJson = {
    schemaVersion: 1,
    transforms: transforms.map(({ meta }) => ({
      name: meta.name,
      description: meta.description,
      options: Object.entries(meta.options).map(([key, spec]) => describeOptionJson(key, spec)),
      diagnostics: Object.entries(meta.diagnostics).map(([code, spec]) => ({ code, ...spec })),
    })),
  };
  return `${JSON.stringify(list, null, 2)}\n`;
}
