/** Runs unwrap-runners alone over one file's text through the engine's per-file path. */
import { transformFile } from '../../engine/transform-file';
import { defaultTransformOptions, type TransformOptions } from '../../transforms/shared/types';
import { unwrapRunners } from '../../transforms/unwrap-runners';

export function runUnwrapRunners(file: string, text: string, options: TransformOptions = defaultTransformOptions, skipped?: ReadonlySet<string>) {
  return transformFile({ file, text, transforms: [unwrapRunners], options, nodeEngines: null, skipped });
}
