import type { Aandachtsgroep, ActielijnCode, AfspraakSoort, MijlpaalStatus } from '@thuismonitor/domain';
import type { Organisatie } from '../organisatie';

/**
 * One afspraak of a VASTGESTELDE prestatieafspraak, as other features (voortgang) consume it:
 * PrestatieafspraakService.vastgesteldeAfsprakenVoorGemeenten(ctx, gemeenteCodes, jaar).
 */
export interface VastgesteldeAfspraak {
  prestatieafspraakId: string;
  prestatieafspraakTitel: string;
  gemeenteCode: string;
  versienummer: number;
  jaarVan: number;
  jaarTot: number;
  afspraakId: string;
  volgnummer: number;
  actielijn: ActielijnCode;
  aandachtsgroep: Aandachtsgroep | null;
  omschrijving: string;
  soort: AfspraakSoort;
  /** catalogue code (INDICATOR afspraken; optional for a mijlpaal) */
  indicatorCode: string | null;
  catalogusVersie: string | null;
  /** every year of the period, with the peildatum (default 31 December) */
  doelwaarden: { jaar: number; waarde: number; peildatum: string }[];
  /** the doelwaarde of the requested year, if any */
  doelwaardeInJaar: { jaar: number; waarde: number; peildatum: string } | null;
  mijlpaalDatum: string | null;
  mijlpaalStatus: MijlpaalStatus | null;
  mijlpaalGereedOp: string | null;
  verantwoordelijke: Organisatie;
}
