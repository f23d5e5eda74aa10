import { isActielijnCode } from './actielijn';
import { controleerJaar, parseIsoDatum, type IsoDatum } from './iso-datum';
import { indicatorOpCode, isIndicatorCode } from './indicator-catalogus';
import type { InhoudFout } from './prestatieafspraak-inhoud';

/**
 * The bod: the corporatie's overview of its intended activities in a gemeente, sent every year
 * before 1 July to burgemeester en wethouders and to its huurdersorganisaties (Woningwet art. 44,
 * first paragraph; BWBR0005181). It opens the negotiation about prestatieafspraken; it is not
 * itself an agreement and nobody signs it. Sources and choices: docs/decisions.md "Het bod".
 *
 * The overview covers the next five calendar years ("de eerstvolgende vijf jaren"), so a bod sent
 * in year J has lines for J + 1 … J + 5 at most.
 */
export const BOD_STATUSSEN = ['CONCEPT', 'VERZONDEN'] as const;
export type BodStatus = (typeof BOD_STATUSSEN)[number];

const BOD_STATUS_LABELS: Record<BodStatus, string> = { CONCEPT: 'Concept', VERZONDEN: 'Verzonden' };

export function bodStatusLabel(status: BodStatus): string {
  return BOD_STATUS_LABELS[status];
}

/** The law asks for the intended activities of the next five years. */
export const BOD_MAX_JAREN = 5;
export const BOD_REGELS_MAX = 200;
export const BOD_OMSCHRIJVING_MAX = 2000;
export const BOD_EENHEID_MAX = 40;

/**
 * A bod sent (Dutch calendar date) after the deadline of its cycle year is late. The deadline
 * comes from the regime in force for the cycle (volkshuisvesting-regime.ts `bodDeadline`: 1 July,
 * included, under both regimes).
 */
export function bodTeLaat(deadline: IsoDatum, verzondenOp: IsoDatum): boolean {
  parseIsoDatum(deadline);
  parseIsoDatum(verzondenOp);
  return verzondenOp > deadline;
}

export interface BodRegelInvoer {
  readonly jaar: number;
  readonly actielijn: string;
  readonly omschrijving: string;
  /** a catalogue indicator the activity counts towards; lets a prestatieafspraak take it over */
  readonly indicatorCode?: string | null;
  readonly aantal?: number | null;
  /** free text when there is no indicator (e.g. "woningen verduurzaamd"); else the indicator's unit */
  readonly eenheid?: string | null;
}

/** The years a bod of cycle year `jaar` may speak about. */
export function bodJaren(jaar: number): { jaarVan: number; jaarTot: number } {
  controleerJaar(jaar);
  return { jaarVan: jaar + 1, jaarTot: jaar + BOD_MAX_JAREN };
}

export function bodRegelFouten(regel: BodRegelInvoer, jaar: number, index: number): InhoudFout[] {
  const veld = (v: string) => `regels[${index}].${v}`;
  const fouten: InhoudFout[] = [];
  const { jaarVan, jaarTot } = bodJaren(jaar);
  if (!Number.isInteger(regel.jaar) || regel.jaar < jaarVan || regel.jaar > jaarTot)
    fouten.push({
      veld: veld('jaar'),
      melding: `Regel ${index + 1}: een bod van ${jaar} gaat over de jaren ${jaarVan}–${jaarTot}, niet over ${regel.jaar}.`,
    });
  if (!isActielijnCode(regel.actielijn))
    fouten.push({
      veld: veld('actielijn'),
      melding: `Regel ${index + 1}: actielijn '${regel.actielijn}' bestaat niet.`,
    });
  const omschrijving = regel.omschrijving.trim();
  if (!omschrijving)
    fouten.push({
      veld: veld('omschrijving'),
      melding: `Regel ${index + 1}: beschrijf de voorgenomen activiteit.`,
    });
  else if (omschrijving.length > BOD_OMSCHRIJVING_MAX)
    fouten.push({
      veld: veld('omschrijving'),
      melding: `Regel ${index + 1}: de omschrijving is langer dan ${BOD_OMSCHRIJVING_MAX} tekens.`,
    });
  const indicator = regel.indicatorCode
    ? isIndicatorCode(regel.indicatorCode)
      ? indicatorOpCode(regel.indicatorCode)
      : null
    : undefined;
  if (indicator === null)
    fouten.push({
      veld: veld('indicatorCode'),
      melding: `Regel ${index + 1}: indicator '${regel.indicatorCode}' staat niet in de indicatorcatalogus.`,
    });
  else if (indicator && indicator.actielijn !== regel.actielijn)
    fouten.push({
      veld: veld('indicatorCode'),
      melding: `Regel ${index + 1}: indicator '${indicator.naam}' hoort bij een andere actielijn.`,
    });
  else if (indicator?.bron === 'MIJLPAAL')
    fouten.push({
      veld: veld('indicatorCode'),
      melding: `Regel ${index + 1}: indicator '${indicator.naam}' is een mijlpaal, geen aantal; beschrijf die zonder indicator.`,
    });
  const heeftAantal = regel.aantal !== null && regel.aantal !== undefined;
  if (
    heeftAantal &&
    (!Number.isFinite(regel.aantal) || (regel.aantal as number) < 0 || (regel.aantal as number) >= 1e9)
  )
    fouten.push({
      veld: veld('aantal'),
      melding: `Regel ${index + 1}: het aantal is een getal van 0 of meer.`,
    });
  const eenheid = regel.eenheid?.trim() ?? '';
  if (eenheid.length > BOD_EENHEID_MAX)
    fouten.push({
      veld: veld('eenheid'),
      melding: `Regel ${index + 1}: de eenheid is langer dan ${BOD_EENHEID_MAX} tekens.`,
    });
  if (heeftAantal && !indicator && !eenheid)
    fouten.push({
      veld: veld('eenheid'),
      melding: `Regel ${index + 1}: zeg waarin het aantal is uitgedrukt (bijvoorbeeld woningen), of kies een indicator.`,
    });
  if (!heeftAantal && indicator)
    fouten.push({
      veld: veld('aantal'),
      melding: `Regel ${index + 1}: geef bij een indicator het voorgenomen aantal.`,
    });
  return fouten;
}

export function bodFouten(bod: { jaar: number; regels: readonly BodRegelInvoer[] }): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  try {
    controleerJaar(bod.jaar);
  } catch {
    return [{ veld: 'jaar', melding: `'${bod.jaar}' is geen geldig jaartal.` }];
  }
  if (bod.regels.length > BOD_REGELS_MAX)
    fouten.push({ veld: 'regels', melding: `Een bod heeft hoogstens ${BOD_REGELS_MAX} regels.` });
  bod.regels.forEach((r, i) => fouten.push(...bodRegelFouten(r, bod.jaar, i)));
  return fouten;
}

/** Before sending: at least one activity, and at least one huurdersorganisatie to send it to. */
export function bodVerzendFouten(bod: {
  regels: readonly unknown[];
  huurdersorganisaties: number;
}): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  if (!bod.regels.length)
    fouten.push({ veld: 'regels', melding: 'Het bod bevat nog geen voorgenomen activiteiten.' });
  if (bod.huurdersorganisaties < 1)
    fouten.push({
      veld: 'ontvangers',
      melding:
        'Stuur het bod ook aan uw huurdersorganisatie (Woningwet art. 44): voeg er ten minste één toe.',
    });
  return fouten;
}

/**
 * Which bod lines become afspraken when a prestatieafspraak starts from the bod: those with a
 * catalogue indicator and an aantal, grouped per (actielijn, indicator, omschrijving) with the aantal
 * as the doelwaarde of its year. Lines without an indicator stay in the bod for the parties to
 * work out: a free-text activity cannot be measured, so it cannot be a measurable afspraak.
 */
export interface AfspraakUitBod {
  readonly actielijn: string;
  readonly indicatorCode: string;
  readonly omschrijving: string;
  readonly doelwaarden: readonly { jaar: number; waarde: number }[];
}

export function afsprakenUitBod(regels: readonly BodRegelInvoer[]): {
  afspraken: AfspraakUitBod[];
  nietOvergenomen: number;
} {
  const groepen = new Map<
    string,
    { actielijn: string; indicatorCode: string; omschrijving: string; jaren: Map<number, number> }
  >();
  let nietOvergenomen = 0;
  for (const r of regels) {
    if (!r.indicatorCode || r.aantal === null || r.aantal === undefined) {
      nietOvergenomen++;
      continue;
    }
    const omschrijving = r.omschrijving.trim();
    const sleutel = `${r.actielijn}|${r.indicatorCode}|${omschrijving}`;
    const g = groepen.get(sleutel) ?? {
      actielijn: r.actielijn,
      indicatorCode: r.indicatorCode,
      omschrijving,
      jaren: new Map(),
    };
    g.jaren.set(r.jaar, (g.jaren.get(r.jaar) ?? 0) + r.aantal);
    groepen.set(sleutel, g);
  }
  return {
    afspraken: [...groepen.values()].map((g) => ({
      actielijn: g.actielijn,
      indicatorCode: g.indicatorCode,
      omschrijving: g.omschrijving,
      doelwaarden: [...g.jaren.entries()]
        .sort(([a], [b]) => a - b)
        .map(([jaar, waarde]) => ({ jaar, waarde })),
    })),
    nietOvergenomen,
  };
}

/** The toelichting of a bod holds at most 4000 characters (after trimming). */
export function bodToelichtingFouten(toelichting: string | null | undefined): InhoudFout[] {
  return (toelichting?.trim().length ?? 0) > 4000
    ? [{ veld: 'toelichting', melding: 'De toelichting is langer dan 4000 tekens.' }]
    : [];
}

export interface BodRegelOpslag {
  readonly jaar: number;
  readonly actielijn: string;
  readonly omschrijving: string;
  readonly indicatorCode: string | null;
  readonly aantal: number | null;
  readonly eenheid: string | null;
}

/**
 * A checked bod line as stored: text trimmed, empty as null. With a catalogue indicator the unit is
 * the indicator's (lower case), so a prestatieafspraak taken over from it measures the same thing.
 */
export function bodRegelVoorOpslag(regel: BodRegelInvoer): BodRegelOpslag {
  return {
    jaar: regel.jaar,
    actielijn: regel.actielijn,
    omschrijving: regel.omschrijving.trim(),
    indicatorCode: regel.indicatorCode || null,
    aantal: regel.aantal ?? null,
    eenheid:
      regel.indicatorCode && isIndicatorCode(regel.indicatorCode)
        ? indicatorOpCode(regel.indicatorCode).eenheid.toLowerCase()
        : regel.eenheid?.trim() || null,
  };
}
