import { magPrestatieafspraakZien, zietOnderdrukteCellen, type Principal } from '@thuismonitor/auth';
import type { PrestatieafspraakStatus } from '@thuismonitor/domain';
import type { RapportageAfspraakZicht, RapportageVariant } from './rapportage-inhoud';

/** What the read rule needs to know about one stored report (from its row and snapshot). */
export interface RapportageLezer {
  gebiedSoort: string;
  gebiedCode: string;
  /** the prestatieafspraken behind the afspraken section; null for reports made before it was kept */
  afsprakenZicht: RapportageAfspraakZicht[] | null;
  aantalAfspraken: number;
  /** the file variants stored for the report */
  varianten: ReadonlySet<string>;
}

/**
 * Which file variants of a report a principal may read: the same rules as GraphQL, applied when a
 * person lists or downloads (docs/decisions.md, "Reports: one visibility rule, checked when a
 * person reads"):
 * - INTERN (exact figures) only for the gemeente the report is about, which owns them;
 * - GEDEELD (released figures with the afspraken section) only when the reader may see EVERY
 *   prestatieafspraak in that section (magPrestatieafspraakZien: a party, or the provincie/Rijk
 *   for a vastgestelde one in scope); a zorgaanbieder that is no party gets NIET_GEVONDEN for the
 *   prestatieafspraak in GraphQL and must not read its afspraken here either;
 * - otherwise ZONDER_AFSPRAKEN: the same released figures without that section.
 * A report from before the parties were kept offers its afspraken only to the gemeente itself,
 * the provincie and the Rijk (fails closed).
 */
export function leesbareVarianten(principal: Principal, r: RapportageLezer): RapportageVariant[] {
  const eigenGemeente = r.gebiedSoort === 'GEMEENTE' && !zietOnderdrukteCellen(principal, r.gebiedCode);
  const magAfspraken =
    r.aantalAfspraken === 0 ||
    (r.afsprakenZicht
      ? r.afsprakenZicht.every((pa) =>
          magPrestatieafspraakZien(principal, { ...pa, status: pa.status as PrestatieafspraakStatus }),
        )
      : eigenGemeente ||
        principal.organisatie.soort === 'PROVINCIE' ||
        principal.organisatie.soort === 'RIJK');
  const uit: RapportageVariant[] = [];
  if (eigenGemeente && magAfspraken && r.varianten.has('INTERN')) uit.push('INTERN');
  if (magAfspraken) uit.push('GEDEELD');
  else if (r.varianten.has('ZONDER_AFSPRAKEN')) uit.push('ZONDER_AFSPRAKEN');
  return uit;
}
