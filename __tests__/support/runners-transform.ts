/** Runs unwrap-runners alone over one file's text through the engine's per-file path. */
import { transformFile } from '../../engine/transform-file';
import { unwrapRunners } from '../../transforms/unwrap-runners';
import type { UnwrapRunnersOptions } from '../../transforms/unwrap-runners/options';

export function runUnwrapRunners(
  file: string,
  text: string,
  options: UnwrapRunnersOptions = { runner: [] },
  skipped?: ReadonlySet<string>,
) {
  return transformFile({
    file,
    text,
    transforms: [unwrapRunners],
    options: { 'unwrap-runners': options },
    nodeEngines: null,
    skipped,
  });
}
