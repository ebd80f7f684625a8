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
