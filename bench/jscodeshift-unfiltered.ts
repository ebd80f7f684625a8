/**
 * One of awaitify's transforms as a jscodeshift module without its text pre-filter, so every file is
 * parsed and walked: what a typical jscodeshift codemod costs (`--unfiltered-jscodeshift` step).
 *
 *   jscodeshift -t dist/bench/jscodeshift-unfiltered.js --awaitifyTransform=unwrap-runners …
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { listTransforms } from '../transforms/registry';
import { toJscodeshift } from '../transforms/shared/to-jscodeshift';

export default function unfilteredTransform(file: FileInfo, api: API, options: Options): string | null {
  const name = String(options.awaitifyTransform);
  const transform = listTransforms().find((t) => t.meta.name === name);
  if (!transform) throw new Error(`--awaitifyTransform: unknown transform "${name}"`);
  return toJscodeshift({ ...transform, prefilter: () => true })(file, api, options);
}
