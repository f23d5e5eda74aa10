import {
  ACTIELIJNEN,
  aantalTekst,
  eenheidWoord,
  formatDatumLang,
  formatPercentage,
  halfjaarEinde,
  halfjaarTekst,
  INDICATOR_CATALOGUS,
  kwartaalTekst,
  momentTekst,
  parseHalfjaar,
  periodeTekst,
  verschilTekst,
} from '@thuismonitor/domain';
import type {
  RapportageCel,
  RapportageIndicatorRegel,
  RapportageInhoud,
  RapportageKop,
  RapportageSocialeHuurRegel,
  RapportageStatushoudersRegel,
} from './rapportage-inhoud';

/**
 * What every file format shows the same way (issue 11): the metadata block that says what a file
 * is, the display of each figure, and the kernboodschap. PDF, CSV and XLSX all take their text
 * from here, so the three cannot drift apart.
 */

export const VARIANT_TEKST: Record<string, string> = {
  GEDEELD: 'gedeeld (vrijgegeven cijfers: kleine aantallen afgerond)',
  ZONDER_AFSPRAKEN: 'gedeeld, zonder afspraken uit prestatieafspraken',
  INTERN: 'intern (exacte aantallen, alleen voor de gemeente zelf)',
};

const SOORT_TEKST: Record<string, string> = {
  GEMEENTE: 'gemeente',
  PROVINCIE: 'provincie',
  WONINGMARKTREGIO: 'woningmarktregio',
  LAND: 'land',
};

export const gemaaktDoorTekst = (k: RapportageKop) =>
  k.aangevraagdDoor === 'planner'
    ? 'automatisch, volgens de kwartaalplanning'
    : `op verzoek van ${k.aangevraagdDoor}`;

/** The disclosure note of a variant: what was done to small numbers in this file. */
export function afschermingTekst(r: RapportageInhoud, k: RapportageKop): string {
  if (k.variant === 'INTERN') {
    return 'Interne versie met exacte aantallen: alleen bestemd voor de gemeente zelf. Niet delen; deel de gedeelde versie.';
  }
  return (
    'Gedeelde versie: aantallen onder de afrondingsgrens zijn afgerond zoals Thuismonitor ze vrijgeeft (zie docs/privacy.md); ' +
    "een '×' betekent afgeschermd, een '–' dat er geen gegevens zijn." +
    (k.variant === 'ZONDER_AFSPRAKEN'
      ? ' De afspraken uit prestatieafspraken staan niet in deze versie.'
      : '')
  );
}

/** The metadata of a file as label/value pairs, in this order in every format. */
export function metagegevens(r: RapportageInhoud, k: RapportageKop): [string, string][] {
  return [
    ['Titel', r.titel],
    ['Gebied', `${r.gebied.naam} (${SOORT_TEKST[r.gebied.soort] ?? r.gebied.soort}, code ${r.gebied.code})`],
    ['Kwartaal', kwartaalTekst(r.kwartaal)],
    ['Periode', periodeTekst(r.periode)],
    ['Peildatum', formatDatumLang(r.peildatum)],
    ['Versie', String(k.versie)],
    ['Variant', VARIANT_TEKST[k.variant] ?? k.variant],
    ['Cijfers gelezen op (data cut-off)', momentTekst(k.peilmoment)],
    ['Gemaakt', gemaaktDoorTekst(k)],
    ['Afscherming', afschermingTekst(r, k)],
  ];
}

export const bestandsTitel = (r: RapportageInhoud, k: RapportageKop) =>
  `${r.titel} — versie ${k.versie}${k.variant === 'INTERN' ? ' — intern' : ''}`;

// ---- figures ------------------------------------------------------------------------------

/** A cell as shown: the released or exact figure, '×' when suppressed, '–' without data. */
export function celTekst(c: RapportageCel | null, eenheid: string): string {
  if (!c) return '–';
  if (c.onderdrukt || c.waarde === null) return c.weergave;
  return eenheid === 'PERCENTAGE' ? formatPercentage(c.waarde) : aantalTekst(c.waarde);
}

export const verschilCelTekst = (c: RapportageCel, eenheid: string) =>
  c.onderdrukt || c.waarde === null ? c.weergave : verschilTekst(c.waarde, eenheid);

export const taakstellingTekst = (i: { taakstelling: number | null; eenheid: string }) =>
  i.taakstelling === null
    ? '–'
    : i.eenheid === 'PERCENTAGE'
      ? formatPercentage(i.taakstelling)
      : aantalTekst(i.taakstelling);

export const percentageTekst = (p: number | null) => (p === null ? '–' : formatPercentage(p));

export const statusTekst = (i: RapportageIndicatorRegel) =>
  i.status === 'GEEN_DOEL' ? 'geen doel' : i.statusLabel.toLowerCase();

export function eenheidVan(indicatorCode: string | null): string {
  return INDICATOR_CATALOGUS.find((i) => i.code === indicatorCode)?.eenheid ?? 'AANTAL';
}

export const eenheidTekst = (eenheid: string) => (eenheid === 'AANTAL' ? 'aantal' : eenheidWoord(eenheid));

// ---- afspraken (XLSX and CSV name things in words; the codes stay in their own column) -----

export const actielijnTekst = (code: string) => ACTIELIJNEN.find((a) => a.code === code)?.naam ?? code;

export const indicatorTekst = (code: string | null) =>
  code === null ? '' : (INDICATOR_CATALOGUS.find((i) => i.code === code)?.naam ?? code);

/** The unit of an afspraak in words: its indicator's unit, or 'mijlpaal' (one milestone, reached or not). */
export const afspraakEenheidTekst = (a: { soort?: string; indicator: string | null }) =>
  a.soort === 'MIJLPAAL' ? eenheidWoord('MIJLPAAL', 1) : eenheidTekst(eenheidVan(a.indicator));

// ---- statushouders -------------------------------------------------------------------------

/** A half year still running at the peildatum: its figures are provisional. */
export const loopt = (s: { halfjaar: string }, peildatum: string) =>
  halfjaarEinde(parseHalfjaar(s.halfjaar)) > peildatum;

export function halfjaarKolom(s: RapportageStatushoudersRegel, peildatum: string): string {
  return loopt(s, peildatum) ? `${halfjaarTekst(s.halfjaar)} (loopt, voorlopig)` : halfjaarTekst(s.halfjaar);
}

export function statushoudersStatusTekst(s: RapportageStatushoudersRegel, peildatum: string): string {
  const st = s.status.toLowerCase();
  return loopt(s, peildatum) ? `voorlopig: ${st}` : st;
}

// ---- kernboodschap ------------------------------------------------------------------------

export interface Kernpunt {
  actielijn: string;
  naam: string;
  zinnen: string[];
}

/**
 * The first page's message per actielijn: how many indicators are on, behind or ahead of
 * schedule, the largest gaps, and what changed most since the previous quarter. Only figures
 * from the report itself (no new computation).
 */
export function kernboodschap(r: RapportageInhoud): Kernpunt[] {
  return ACTIELIJNEN.map((a) => {
    const ind = r.indicatoren.filter((i) => i.actielijn === a.code);
    const tel = (s: string) => ind.filter((i) => i.status === s).length;
    const zinnen: string[] = [];
    const metDoel = ind.filter((i) => i.taakstelling !== null);
    if (metDoel.length) {
      const delen = [
        [tel('OP_SCHEMA'), 'op schema'],
        [tel('ACHTER'), 'achter'],
        [tel('VOOR'), 'voor'],
        [tel('LOOPT'), 'met een doel dat nog loopt'],
        [metDoel.filter((i) => i.status === 'ONBEKEND').length, 'zonder gegevens'],
      ]
        .filter(([n]) => (n as number) > 0)
        .map(([n, t]) => `${n} ${t}`);
      zinnen.push(
        `${metDoel.length} van de ${ind.length} indicatoren ${metDoel.length === 1 ? 'heeft' : 'hebben'} een doel: ${delen.join(', ')}.`,
      );
    } else {
      zinnen.push(`Geen van de ${ind.length} indicatoren heeft een doel voor dit gebied.`);
    }
    const achter = ind
      .filter((i) => i.status === 'ACHTER' && i.percentage !== null)
      .sort((x, y) => x.percentage! - y.percentage!)
      .slice(0, 2);
    if (achter.length) {
      zinnen.push(
        `Grootste achterstand: ${achter.map((i) => `${i.naam.toLowerCase()} (${formatPercentage(i.percentage)} van de taakstelling)`).join('; ')}.`,
      );
    }
    const veranderd = ind
      .filter((i) => !i.verschil.onderdrukt && i.verschil.waarde !== null && i.verschil.waarde !== 0)
      .sort((x, y) => Math.abs(y.verschil.waarde!) - Math.abs(x.verschil.waarde!))
      .slice(0, 2);
    if (veranderd.length) {
      zinnen.push(
        `Grootste verandering sinds het vorige kwartaal: ${veranderd.map((i) => `${i.naam.toLowerCase()} ${verschilTekst(i.verschil.waarde, i.eenheid)}`).join('; ')}.`,
      );
    }
    return { actielijn: a.code, naam: a.naam, zinnen };
  }).filter((k) => r.actielijn === 'ALLE' || k.actielijn === r.actielijn);
}

/** The statushouders message: per half year, housed against to house, and how many gemeenten are behind. */
export function statushoudersBoodschap(r: RapportageInhoud): string[] {
  const halfjaren = [...new Set(r.statushouders.map((s) => s.halfjaar))].sort();
  return halfjaren.map((h) => {
    const rijen = r.statushouders.filter((s) => s.halfjaar === h);
    const te = rijen.reduce((t, s) => t + s.teRealiseren, 0);
    const gehuisvest = rijen.reduce((t, s) => t + s.gehuisvest, 0);
    const voorlopig = loopt(rijen[0], r.peildatum);
    const achter = rijen.filter((s) => s.saldo > 0).length;
    const wie =
      r.gebied.soort === 'GEMEENTE'
        ? ''
        : ` ${achter} van de ${rijen.length} gemeenten ${achter === 1 ? (voorlopig ? 'loopt' : 'liep') : voorlopig ? 'lopen' : 'liepen'} achter.`;
    return `${halfjaarTekst(h)}${voorlopig ? ' (loopt nog; voorlopig)' : ''}: ${aantalTekst(gehuisvest)} van ${aantalTekst(te)} te huisvesten statushouders gehuisvest.${wie}`;
  });
}

/**
 * The one line on volkshuisvestingsprogramma's (issue 12 item 2), the same in PDF, CSV and XLSX;
 * null for reports without it (other actielijnen, or made before it existed).
 */
export function programmaTekst(r: RapportageInhoud): string | null {
  const p = r.volkshuisvestingsprogrammas;
  if (!p) return null;
  return (
    `Gemeenten met een vastgesteld volkshuisvestingsprogramma op de peildatum: ${p.weergave}. ` +
    (p.wettelijkVerplicht
      ? 'Het programma is verplicht onder de Wet versterking regie volkshuisvesting.'
      : 'Nog geen wettelijke plicht: de Wet versterking regie volkshuisvesting was op de peildatum niet in werking.')
  );
}

/** The stock share of one gemeente against the provincie's target: judged only where one is set. */
export function socialeHuurOordeelTekst(s: RapportageSocialeHuurRegel): string {
  if ((s.doel ?? null) === null) return 'geen doel van de provincie';
  if (s.voldoet === null) return 'onbekend';
  return s.voldoet ? 'op of boven het doel' : 'onder het doel';
}

/** What the stock-share section says before its table (the same text in every format). */
export function socialeHuurUitleg(r: RapportageInhoud): string {
  const metDoel = r.socialeHuur.filter((s) => (s.doel ?? null) !== null);
  const boven = metDoel.filter((s) => s.voldoet === true).length;
  const gebied = r.socialeHuurGebied;
  const feit = gebied
    ? `Aandeel sociale huur in de woningvoorraad: ${percentageTekst(gebied.aandeel)}${gebied.dekking ? ` (${gebied.dekking})` : ''}. `
    : '';
  return (
    feit +
    'Dit is een feit, geen norm: de 30% sociale huur uit de woondeals geldt voor de nieuwbouw per regio. ' +
    (metDoel.length === 0
      ? 'Geen provincie stelde een doel voor het aandeel in de voorraad van deze gemeenten; er is dus geen oordeel.'
      : `Getoetst alleen waar de provincie een doel stelde: ${aantalTekst(metDoel.length)} van ${aantalTekst(r.socialeHuur.length)} gemeenten; daarvan ${aantalTekst(boven)} op of boven het doel.`)
  );
}

/** The woondeal lines (nieuwbouw of the year against the targets), the same in every format. */
export function woondealTekst(r: RapportageInhoud): string[] {
  const w = r.woondeal;
  if (!w) return [];
  return [
    w.grondslag,
    `Aandeel betaalbaar in de opgeleverde nieuwbouw: ${percentageTekst(w.aandeelBetaalbaar)}` +
      (w.doelBetaalbaar === null
        ? ' (landelijk uitgangspunt twee derde)'
        : ` (doel ${percentageTekst(w.doelBetaalbaar)})`) +
      `; sociale huur: ${percentageTekst(w.aandeelSocialeHuur)}` +
      (w.doelSocialeHuur === null
        ? ' (landelijk uitgangspunt 30%)'
        : ` (doel ${percentageTekst(w.doelSocialeHuur)})`) +
      `; ${w.dekking}.`,
  ];
}
