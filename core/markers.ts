/**
 * Texts awaitify writes into code and recognises later (in the analysis, and on a second run): one
 * definition, for the transform that writes them and the layer that reads them.
 */

/** The first words of the comment above the co-yield helper (transforms/unwrap-runners/co-yield-helper.ts). */
export const coYieldMarker = 'awaitify: co resolved each yielded value';

/** A text that may hold the co-yield helper: the marker is in its comment. */
export function hasCoYieldHelper(text: string): boolean {
  return text.includes(coYieldMarker);
}
