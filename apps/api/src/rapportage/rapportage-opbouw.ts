import {
  ACTIELIJNEN,
  beoordeelAandeel,
  GEEN_WAARDE,
  formatGetal,
  kwartaalLabel,
  formatKwartaal,
  periodeTekst,
  type Kwartaal,
} from '@thuismonitor/domain';
import type {
  AfspraakVoortgang,
  IndicatorVoortgang,
  Voortgang,
  VoortgangCel,
} from '../voortgang';
import type { ProgrammaDekking } from '../volkshuisvesting';
import type { Woondeal } from '../woondeal';
import type { RapportageGebied } from './rapportage-gebied';
import type {
  RapportageAfspraakZicht,
  RapportageCel,
  RapportageInhoud,
  RapportageIndicatorRegel,
  RapportageOnderdeelRegel,
  RapportageSocialeHuurRegel,
  RapportageStatushoudersRegel,
  RapportageWoondeal,
} from './rapportage-inhoud';

/**
 * Assembling a report's content from the figures RapportageInhoudService.verzamel read (no
 * database, no I/O): the sections per actielijn, in the shared variant and the exact one. Split
 * from the reading so each side stays readable; the stored JSON depends on the order of the
 * fields built here, so a closed quarter's report stays byte-identical only while it does.
 */
/** Columns of the table of gemeenten / provincies in the combined report. */
const KERNINDICATOREN = [
  'TOEWIJZINGEN_TOTAAL',
  'TOEWIJZINGEN_STATUSHOUDERS',
  'STATUSHOUDERS_GEHUISVEST',
  'TOEWIJZINGEN_URGENTEN',
  'SOCIALE_HUURWONINGEN_OPGELEVERD',
  'WONINGEN_OPGELEVERD',
  'AANDEEL_SOCIALE_HUUR',
  'HUISUITZETTINGEN',
];

/** Figures of one area for one quarter, in the shared (released) and, for gemeenten, exact form. */
export interface RapportageCijfers {
  gebied: RapportageGebied;
  afspraken: { gedeeld: AfspraakVoortgang[]; intern: AfspraakVoortgang[] | null };
  /** who may see each prestatieafspraak whose afspraken are in the report */
  afsprakenZicht: Map<string, RapportageAfspraakZicht>;
  kwartaal: Kwartaal;
  jaarTotNu: { gedeeld: Voortgang; intern: Voortgang | null };
  ditKwartaal: { gedeeld: Voortgang; intern: Voortgang | null };
  vorigKwartaal: { gedeeld: Voortgang; intern: Voortgang | null };
  /** released persons (the shared variant) and, for a gemeente's own report, exact ones */
  statushouders: { gedeeld: RapportageStatushoudersRegel[]; intern: RapportageStatushoudersRegel[] | null };
  /** for LAND: year-to-date voortgang per provincie (shared form) */
  provincies: Voortgang[];
  gemeenteNamen: Map<string, string>;
  /** provincie of each gemeente of the area (presentation: the national PDF groups per provincie) */
  provincieVan: Map<string, string>;
  /** gemeenten with a vastgesteld volkshuisvestingsprogramma on the peildatum (public facts) */
  programmas: ProgrammaDekking;
  /** the woondeal figures of the year to date (public by nature: one variant) */
  woondeal: Woondeal;
}

const alsCel = (c: VoortgangCel): RapportageCel => ({
  waarde: c.waarde,
  onderdrukt: c.onderdrukt,
  weergave: c.weergave,
});

function verschil(a: VoortgangCel, b: VoortgangCel): RapportageCel {
  if (a.onderdrukt || b.onderdrukt)
    return { waarde: null, onderdrukt: true, weergave: a.onderdrukt ? a.weergave : b.weergave };
  if (a.waarde === null || b.waarde === null)
    return { waarde: null, onderdrukt: false, weergave: GEEN_WAARDE };
  const d = Math.round((a.waarde - b.waarde) * 100) / 100;
  return { waarde: d, onderdrukt: false, weergave: `${d > 0 ? '+' : ''}${formatGetal(d)}` };
}

/**
 * The content of a report for an actielijn (or ALLE: every actielijn, the one report per area
 * the run makes): the shared variant, and the exact one only where it differs from it.
 */
export function rapportageVoorActielijn(
  c: RapportageCijfers,
  actielijn: string,
): { actielijn: string; gedeeld: RapportageInhoud; intern: RapportageInhoud | null } {
  const gedeeld = inhoud(c, actielijn, 'GEDEELD');
  // the exact variant only where it differs from the shared one (no cell of this report released)
  const exact = c.jaarTotNu.intern ? inhoud(c, actielijn, 'INTERN') : null;
  const cijfersVan = (r: RapportageInhoud) =>
    JSON.stringify([
      r.indicatoren,
      r.afspraken,
      r.statushouders,
      r.socialeHuur,
      r.socialeHuurGebied,
      r.woondeal,
      r.onderdelen,
      r.bijlageGemeenten,
    ]);
  const intern = exact && cijfersVan(exact) !== cijfersVan(gedeeld) ? exact : null;
  return { actielijn, gedeeld, intern };
}

function inhoud(c: RapportageCijfers, actielijn: string, variant: 'GEDEELD' | 'INTERN'): RapportageInhoud {
  const boven = c.gebied.soort !== 'GEMEENTE';
  const kies = (x: { gedeeld: Voortgang; intern: Voortgang | null }) =>
    variant === 'INTERN' && x.intern ? x.intern : x.gedeeld;
  const jtn = kies(c.jaarTotNu);
  const dit = kies(c.ditKwartaal);
  const vorig = kies(c.vorigKwartaal);
  const binnen = (code: string) => actielijn === 'ALLE' || code === actielijn;
  const zoek = (v: Voortgang, code: string) =>
    v.actielijnen.flatMap((a) => a.indicatoren).find((i) => i.code === code);
  const actielijnNaam =
    actielijn === 'ALLE'
      ? 'Alle actielijnen'
      : (ACTIELIJNEN.find((a) => a.code === actielijn)?.naam ?? actielijn);

  const indicatoren: RapportageIndicatorRegel[] = jtn.actielijnen
    .filter((a) => binnen(a.code))
    .flatMap((a) =>
      a.indicatoren
        .filter((i) => i.bron !== 'MIJLPAAL')
        .map((i: IndicatorVoortgang) => {
          const di = zoek(dit, i.code)!;
          const vi = zoek(vorig, i.code)!;
          const d = di.realisatie;
          const v = vi.realisatie;
          return {
            actielijn: a.code,
            actielijnNaam: a.naam,
            code: i.code,
            naam: i.naam,
            eenheid: i.eenheid,
            taakstelling: i.taakstelling,
            realisatie: alsCel(i.realisatie),
            dekking: boven ? i.dekking.weergave : null,
            percentage: i.percentage,
            status: i.status ?? 'ONBEKEND',
            statusLabel: i.statusLabel ?? (i.realisatie.onderdrukt ? 'afgeschermd' : 'geen gegevens'),
            // flows: realised within each quarter; stocks and shares: the level at each quarter's end
            ditKwartaal: alsCel(d),
            dekkingDitKwartaal: boven ? di.dekking.weergave : null,
            vorigKwartaal: alsCel(v),
            dekkingVorigKwartaal: boven ? vi.dekking.weergave : null,
            verschil: verschil(d, v),
          };
        }),
    );

  const bron = (variant === 'INTERN' && c.afspraken.intern ? c.afspraken.intern : c.afspraken.gedeeld).filter(
    (a) => actielijn === 'ALLE' || a.actielijn === actielijn,
  );
  const afspraken = bron.map((a) => ({
    prestatieafspraak: a.prestatieafspraakTitel ?? a.prestatieafspraakId,
    omschrijving: a.omschrijving,
    actielijn: a.actielijn ?? '',
    indicator: a.indicatorCode,
    doelwaarde: a.doelwaarde,
    realisatie: a.realisatie ? alsCel(a.realisatie) : null,
    percentage: a.percentage,
    status: a.statusLabel ?? a.status ?? '',
    verantwoordelijke: a.verantwoordelijke ?? '',
    gemeente: c.gemeenteNamen.get(a.gemeenteCode) ?? a.gemeenteCode,
    provincieCode: c.provincieVan.get(a.gemeenteCode),
    soort: a.soort,
  }));
  const afsprakenZicht = [...new Set(bron.map((a) => a.prestatieafspraakId))]
    .sort()
    .map((id) => c.afsprakenZicht.get(id)!);

  const metSocialeHuur = actielijn === 'ALLE' || actielijn === 'EVENWICHTIGE_VERDELING';
  const socialeHuur: RapportageSocialeHuurRegel[] = metSocialeHuur ? socialeHuurRegels(c, jtn) : [];
  const voorraad = zoek(jtn, 'AANDEEL_SOCIALE_HUUR');
  const socialeHuurGebied =
    metSocialeHuur && voorraad
      ? {
          aandeel: voorraad.realisatie.onderdrukt ? null : voorraad.realisatie.waarde,
          dekking: boven ? voorraad.dekking.weergave : null,
        }
      : undefined;
  const woondeal =
    actielijn === 'ALLE' || actielijn === 'VOLDOENDE_WONINGEN' ? woondealRegels(c.woondeal) : undefined;
  const alleStatushouders =
    variant === 'INTERN' && c.statushouders.intern ? c.statushouders.intern : c.statushouders.gedeeld;
  const statushouders =
    actielijn === 'ALLE' || actielijn === 'EVENWICHTIGE_VERDELING' || actielijn === 'VOLDOENDE_WONINGEN'
      ? alleStatushouders
      : [];

  const kolomCodes =
    actielijn === 'ALLE'
      ? KERNINDICATOREN
      : jtn.actielijnen
          .find((a) => a.code === actielijn)!
          .indicatoren.filter((i) => i.bron !== 'MIJLPAAL')
          .map((i) => i.code);
  const kolommen = kolomCodes.map((code) => ({ code, naam: zoek(jtn, code)?.naam ?? code }));
  let onderdelen: RapportageInhoud['onderdelen'] = null;
  const perGemeente = (): RapportageInhoud['onderdelen'] => ({
    soort: 'gemeente',
    kolommen,
    regels: jtn.gemeenten.map((g): RapportageOnderdeelRegel => ({
      code: g.gemeente.code,
      naam: g.gemeente.naam,
      cellen: Object.fromEntries(
        kolomCodes.map((k) => [k, alsCel(g.indicatoren.find((i) => i.indicatorCode === k)!.realisatie)]),
      ),
    })),
  });
  let bijlageGemeenten: RapportageInhoud['onderdelen'] = null;
  if (c.gebied.soort === 'LAND') {
    bijlageGemeenten = perGemeente();
    onderdelen = {
      soort: 'provincie',
      kolommen,
      regels: c.provincies.map((p) => ({
        code: p.gebied.code,
        naam: p.gebied.naam,
        cellen: Object.fromEntries(kolomCodes.map((k) => [k, alsCel(zoek(p, k)!.realisatie)])),
        dekking: Object.fromEntries(kolomCodes.map((k) => [k, zoek(p, k)!.dekking.weergave])),
      })),
    };
  } else if (c.gebied.soort !== 'GEMEENTE') {
    onderdelen = perGemeente();
  }

  const toelichting = [
    `Cijfers over ${periodeTekst(jtn.periode)}; status gemeten tegen het deel van het jaar dat op de peildatum verstreken is.`,
    'Dit kwartaal / vorig kwartaal: realisatie binnen elk kwartaal; voor standen (voorraad, aandeel) de stand aan het eind van het kwartaal.',
  ];
  if (boven) {
    toelichting.push(
      'Dekking: hoeveel gemeenten van het gebied aan een cijfer bijdragen. Een gemeente zonder cijfer telt niet mee (niet als 0); een aandeel is de som van de tellers gedeeld door de som van de noemers van dezelfde gemeenten.',
    );
  }
  if (jtn.afgeschermd && jtn.afschermingUitleg) toelichting.push(jtn.afschermingUitleg);
  if (variant === 'INTERN')
    toelichting.push('Interne versie met exacte aantallen: alleen voor de gemeente zelf.');

  return {
    titel: `Kwartaalrapportage ${c.gebied.naam} — ${kwartaalLabel(c.kwartaal)} — ${actielijnNaam}`,
    gebied: { soort: c.gebied.soort, code: c.gebied.code, naam: c.gebied.naam },
    kwartaal: formatKwartaal(c.kwartaal),
    kwartaalLabel: kwartaalLabel(c.kwartaal),
    periode: jtn.periode,
    peildatum: jtn.peildatum,
    actielijn,
    actielijnNaam,
    variant,
    indicatoren,
    afspraken,
    afsprakenZicht,
    statushouders,
    socialeHuur,
    ...(socialeHuurGebied ? { socialeHuurGebied } : {}),
    ...(woondeal ? { woondeal } : {}),
    onderdelen,
    ...(bijlageGemeenten ? { bijlageGemeenten } : {}),
    ...(actielijn === 'ALLE' || actielijn === 'WONEN_ZORG_WELZIJN'
      ? {
          volkshuisvestingsprogrammas: {
            weergave: c.programmas.weergave,
            wettelijkVerplicht: c.programmas.wettelijkVerplicht,
          },
        }
      : {}),
    toelichting,
  };
}

/**
 * The stock share per gemeente: a fact; judged only against the provincie's target for that
 * gemeente (the voortgang counts no other level's target for this indicator).
 */
function socialeHuurRegels(c: RapportageCijfers, v: Voortgang): RapportageSocialeHuurRegel[] {
  const regel = (
    code: string,
    naam: string,
    cel: VoortgangCel | undefined,
    doel: number | null,
  ): RapportageSocialeHuurRegel => {
    const aandeel = cel && !cel.onderdrukt ? cel.waarde : null;
    const oordeel = beoordeelAandeel(aandeel, doel);
    return {
      gemeenteCode: code,
      gemeente: naam,
      aandeel,
      doel,
      voldoet: oordeel === 'OP_OF_BOVEN_DOEL' ? true : oordeel === 'ONDER_DOEL' ? false : null,
      provincieCode: c.provincieVan.get(code),
    };
  };
  if (c.gebied.soort === 'GEMEENTE') {
    const i = v.actielijnen.flatMap((a) => a.indicatoren).find((x) => x.code === 'AANDEEL_SOCIALE_HUUR');
    return [regel(c.gebied.code, c.gebied.naam, i?.realisatie, i?.taakstelling ?? null)];
  }
  return v.gemeenten.map((g) => {
    const i = g.indicatoren.find((x) => x.indicatorCode === 'AANDEEL_SOCIALE_HUUR');
    return regel(g.gemeente.code, g.gemeente.naam, i?.realisatie, i?.taakstelling ?? null);
  });
}

function woondealRegels(w: Woondeal): RapportageWoondeal {
  return {
    grondslag: w.grondslagTekst,
    regels: w.onderdelen.map((o) => ({
      naam: o.naam,
      taakstelling: o.taakstelling,
      realisatie: o.opgeleverd,
      percentage: o.percentage,
      status: o.statusLabel ?? 'geen taakstelling',
    })),
    aandeelBetaalbaar: w.aandeelBetaalbaar.aandeel,
    aandeelSocialeHuur: w.aandeelSocialeHuur.aandeel,
    doelBetaalbaar: w.aandeelBetaalbaar.doel,
    doelSocialeHuur: w.aandeelSocialeHuur.doel,
    dekking: `${w.projecten} ${w.projecten === 1 ? 'project' : 'projecten'} in ${w.dekking.weergave}`,
  };
}
