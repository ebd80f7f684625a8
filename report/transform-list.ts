/** `awaitify list`: each transform in pipeline order, what it does, and the diagnostics it can report. */
import type { Transform } from '../transforms/shared/types';

export function renderTransformList(transforms: readonly Transform[]): string {
  if (transforms.length === 0) return 'no transforms are registered\n';
  const blocks = transforms.map((transform, index) => {
    const { name, description, diagnostics } = transform.meta;
    const lines = [`${index + 1}. ${name}`, `   ${description}`];
    const codes = Object.entries(diagnostics);
    if (codes.length > 0) {
      lines.push('   diagnostics:');
      for (const [code, meaning] of codes) lines.push(`     ${code}: ${meaning}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n\nRun a subset with --transforms ${transforms.map((t) => t.meta.name).join(',')}\n`;
}
