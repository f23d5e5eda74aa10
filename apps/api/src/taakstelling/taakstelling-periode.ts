import {
  maakPeriode,
  parseHalfjaar,
  periodeVoorHalfjaar,
  periodeVoorJaar,
  type Periode,
} from '@thuismonitor/domain';
import { ongeldig } from '../common/fouten';

/**
 * The period of a request, given as exactly one of {van, tot}, jaar or halfjaar. Date checks are
 * the domain's (DomainError → ONGELDIGE_INVOER).
 */
export function periodeUitInvoer(invoer: {
  periode?: { van: string; tot: string } | null;
  jaar?: number | null;
  halfjaar?: string | null;
}): Periode {
  const gegeven = [invoer.periode, invoer.jaar, invoer.halfjaar].filter((x) => x !== undefined && x !== null);
  if (gegeven.length !== 1) {
    throw ongeldig('Geef precies één van: een periode (van en tot), een jaar of een halfjaar.');
  }
  if (invoer.periode) return maakPeriode(invoer.periode.van, invoer.periode.tot);
  if (invoer.jaar !== undefined && invoer.jaar !== null) return periodeVoorJaar(invoer.jaar);
  return periodeVoorHalfjaar(parseHalfjaar(invoer.halfjaar!));
}
