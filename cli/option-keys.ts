import { engineOptions } from '../engine/options';
import type { SelectedTransforms } from '../transforms/registry';
import { outputOptions, safetyOptions } from './options';

/** The schema keys of a run's options: the CLI's, the engine's and the selected transforms'. */
export function listOptionKeys(selected: SelectedTransforms): string[] {
  const transforms = [...selected.transforms, ...(selected.projectTransform ? [selected.projectTransform] : [])];
  return [
    ...Object.keys(outputOptions),
    ...Object.keys(safetyOptions),
    ...Object.keys(engineOptions),
    ...transforms.flatMap((transform) => Object.keys(transform.meta.options)),
  ];
}
