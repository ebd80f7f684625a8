/** The sync primitives, and where a text loads them (discovery and the leftover report both ask). */

/** The modules whose use means code still blocks, or drives async work from outside. */
export const syncPrimitives = [
  'sync-request',
  'sync-fetch',
  'deasync',
  'synckit',
  'sync-rpc',
  'make-synchronous',
  'co',
  'request',
  'request-promise',
  'request-promise-native',
] as const;

export type SyncPrimitive = (typeof syncPrimitives)[number];

const loads = new RegExp(
  String.raw`(?:require\s*\(\s*|import\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])(${syncPrimitives.join('|')})\1`,
  'g',
);

/** Each primitive a text loads, with the offset of its first load. */
export function findPrimitiveLoads(text: string): Map<SyncPrimitive, number> {
  const found = new Map<SyncPrimitive, number>();
  for (const match of text.matchAll(loads)) {
    const primitive = match[2] as SyncPrimitive;
    if (!found.has(primitive)) found.set(primitive, (match.index ?? 0) + match[0].length - primitive.length - 1);
  }
  return found;
}
