import type { InhoudFout } from './prestatieafspraak-inhoud';

/**
 * The yearly joint evaluation of a prestatieafspraak: per afspraak, did the parties do what they
 * agreed for the previous year (gerealiseerd, deels, niet), and why. Woningwet art. 44 has the
 * parties make and keep afspraken together; the evaluation of year J − 1 feeds the bod and the
 * afspraken of cycle year J (cyclus.ts, step EVALUATIE). Any party writes, the parties fix it
 * together (status VASTGESTELD); docs/decisions.md "Evaluatie".
 */
export const EVALUATIE_OORDELEN = ['GEREALISEERD', 'DEELS', 'NIET'] as const;
export type EvaluatieOordeel = (typeof EVALUATIE_OORDELEN)[number];

const OORDEEL_LABELS: Record<EvaluatieOordeel, string> = {
  GEREALISEERD: 'Gerealiseerd',
  DEELS: 'Deels gerealiseerd',
  NIET: 'Niet gerealiseerd',
};

export function evaluatieOordeelLabel(oordeel: EvaluatieOordeel): string {
  return OORDEEL_LABELS[oordeel];
}

export const EVALUATIE_STATUSSEN = ['CONCEPT', 'VASTGESTELD'] as const;
export type EvaluatieStatus = (typeof EVALUATIE_STATUSSEN)[number];

export const EVALUATIE_TOELICHTING_MAX = 2000;

/**
 * A year can be evaluated once it is over and when the prestatieafspraak ran in it. An
 * evaluation of the running year would judge afspraken whose deadline has not come.
 */
export function evaluatieJaarFouten(
  pa: { jaarVan: number; jaarTot: number },
  jaar: number,
  vandaag: string,
): InhoudFout[] {
  if (!Number.isInteger(jaar) || jaar < pa.jaarVan || jaar > pa.jaarTot)
    return [{ veld: 'jaar', melding: `De prestatieafspraak loopt van ${pa.jaarVan} tot en met ${pa.jaarTot}, niet in ${jaar}.` }];
  if (jaar >= Number(vandaag.slice(0, 4)))
    return [{ veld: 'jaar', melding: `${jaar} is nog niet voorbij; een jaar wordt geëvalueerd als het om is.` }];
  return [];
}

export interface EvaluatieRegelInvoer {
  readonly afspraakId: string;
  readonly oordeel?: EvaluatieOordeel | null;
  readonly toelichting?: string | null;
}

/** What a concept may hold: known afspraken, each once, toelichting within bounds. */
export function evaluatieRegelFouten(
  regels: readonly EvaluatieRegelInvoer[],
  afspraakIds: readonly string[],
): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  const gezien = new Set<string>();
  regels.forEach((r, i) => {
    const veld = (v: string) => `regels[${i}].${v}`;
    if (!afspraakIds.includes(r.afspraakId))
      fouten.push({ veld: veld('afspraakId'), melding: `Regel ${i + 1} gaat over een afspraak die niet in deze prestatieafspraak staat.` });
    else if (gezien.has(r.afspraakId))
      fouten.push({ veld: veld('afspraakId'), melding: `Regel ${i + 1}: deze afspraak staat al eerder in de evaluatie.` });
    gezien.add(r.afspraakId);
    if (r.oordeel != null && !(EVALUATIE_OORDELEN as readonly string[]).includes(r.oordeel))
      fouten.push({ veld: veld('oordeel'), melding: `Regel ${i + 1}: oordeel '${r.oordeel}' bestaat niet.` });
    if ((r.toelichting?.trim().length ?? 0) > EVALUATIE_TOELICHTING_MAX)
      fouten.push({ veld: veld('toelichting'), melding: `Regel ${i + 1}: de toelichting is langer dan ${EVALUATIE_TOELICHTING_MAX} tekens.` });
  });
  return fouten;
}

/**
 * Before the parties fix the evaluation: every afspraak has an oordeel, and what was not (fully)
 * realised says why — that explanation is what the next bod and afspraken build on.
 */
export function evaluatieVaststelFouten(
  afspraken: readonly { afspraakId: string; omschrijving: string }[],
  regels: readonly EvaluatieRegelInvoer[],
): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  afspraken.forEach((a, i) => {
    const r = regels.find((x) => x.afspraakId === a.afspraakId);
    if (!r?.oordeel) fouten.push({ veld: `regels[${i}].oordeel`, melding: `Geef een oordeel over afspraak '${a.omschrijving}'.` });
    else if (r.oordeel !== 'GEREALISEERD' && !r.toelichting?.trim())
      fouten.push({
        veld: `regels[${i}].toelichting`,
        melding: `Licht toe waarom afspraak '${a.omschrijving}' ${r.oordeel === 'DEELS' ? 'deels' : 'niet'} is gerealiseerd.`,
      });
  });
  return fouten;
}
