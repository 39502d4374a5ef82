import type { Deps } from '../deps';
import { currentPolicy, listPolicies } from '../core/policies';

/**
 * The policy in force and every version, past and upcoming, read at one instant; `shown` is
 * the version asked for when it exists, the one in force otherwise.
 */
export async function loadPolicyVersions(deps: Pick<Deps, 'db' | 'clock'>, wanted?: string) {
  const now = deps.clock.now();
  const [current, versions] = await Promise.all([
    currentPolicy(deps.db, now),
    listPolicies(deps.db),
  ]);
  const shown = (wanted && versions.find((v) => v.version === wanted)) || current;
  return { now, current, versions, shown };
}
