import { gebiedBinnenScope, gemeenteScope } from './policy';
import type { Principal } from './principal';

/**
 * THE area guard, used by every service that takes an area (gemeente, woningmarktregio, provincie,
 * land) from a request: true when the area exists and every one of its gemeenten is in the
 * principal's scope (policy gebiedBinnenScope). An unknown area and an area outside the scope give
 * the same answer, so callers answer both with the same NIET_GEVONDEN ("does not exist" and "not
 * yours" must be indistinguishable):
 *
 *     const gebied = await this.gebieden.opzoeken(soort, code);
 *     if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
 *
 * A type guard, so `gebied` is known to exist after the check.
 */
export function gebiedZichtbaar<G extends { gemeenten: readonly string[] }>(
  principal: Principal,
  gebied: G | null | undefined,
): gebied is G {
  return !!gebied && gebiedBinnenScope(gemeenteScope(principal), gebied.gemeenten);
}
