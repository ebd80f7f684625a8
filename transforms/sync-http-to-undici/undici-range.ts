/**
 * Which undici to add, from the project's `engines.node`:
 * - no engines field, or every admitted Node is >= 20.18.1 → `^7.16.0` (undici 7 needs 20.18.1; 7.16
 *   is the first whose error classes match across copies). undici 8 is never chosen: it needs 22.19,
 *   speaks HTTP/2 by default over TLS and its dispatchers break Node 22/24's global fetch.
 * - lowest admitted Node in [18.17, 20.18.1) → `^6.21.0` (undici 6 needs 18.17; what the migrated code
 *   uses, `interceptors.redirect` and `Dispatcher#compose`, exists since 6.9).
 * - an older Node admitted → null: no undici line with these APIs installs there.
 */
import { compareVersions, getLowestNodeVersion, type Version } from '../shared/node-engines';

const undici7Floor: Version = [20, 18, 1];
const undici6Floor: Version = [18, 17, 0];

export function chooseUndiciRange(nodeEngines: string | null): string | null {
  const lowest = getLowestNodeVersion(nodeEngines);
  if (!lowest || compareVersions(lowest, undici7Floor) >= 0) return '^7.16.0';
  if (compareVersions(lowest, undici6Floor) >= 0) return '^6.21.0';
  return null;
}
