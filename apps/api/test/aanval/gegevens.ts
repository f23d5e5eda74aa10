import fc from 'fast-check';
import { ok as paOk, Q } from '../prestatieafspraak.helpers';
import type { TestApp } from '../support/test-app';
import {
  GROEPEN,
  URGENTIE_CATEGORIEEN,
  iso,
  kwartaalCode,
  kwartaalStart,
  type Groep,
  type Kwartaalcijfer,
  type Principaal,
  type Toewijzing,
} from './model';

/**
 * Random seeded data for one year, many small cells: toewijzingen of three corporaties (two with
 * overlapping werkgebieden in Utrecht, one also in Gelderland), 1–4 households per (corporatie,
 * gemeente, quarter, aandachtsgroep) most of the time, sometimes more; kwartaalcijfers with small
 * counts (huisuitzettingen by corporaties, uitstroom by a zorgaanbieder, vroegsignalering by
 * gemeenten). Everything goes in through the real API as the organisation that owns it.
 */

export const CORPORATIES: { code: string; gemeenten: string[] }[] = [
  { code: 'L0801', gemeenten: ['GM0344', 'GM0356', 'GM1904'] },
  { code: 'L0802', gemeenten: ['GM0307', 'GM0327'] },
  // created by the suite: a second corporatie in Utrecht that also works in Gelderland
  { code: 'L0899', gemeenten: ['GM0344', 'GM0202', 'GM0228'] },
];
/** The corporatie, gemeente and quarter (0–3) of the urgent block (maakRijen). */
const URGENT_BLOK = { corporatie: 'L0801', gemeente: 'GM0356', kwartaal: 1 };
export const ZORG_GEMEENTEN = ['GM0344', 'GM0307', 'GM0356'];
export const VROEG_GEMEENTEN: [string, string][] = [
  ['GM0344', 'gemeente.utrecht'],
  ['GM0307', 'gemeente.amersfoort'],
  ['GM0202', 'gemeente.arnhem'],
];

const klein = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 8 }) },
);
const huishouden = fc.record({
  dag: fc.integer({ min: 0, max: 89 }),
  grootte: fc.integer({ min: 1, max: 6 }),
  urgent: fc.boolean(),
});
const cel = klein.chain((n) => fc.array(huishouden, { minLength: n, maxLength: n }));

const TW_CELLEN = CORPORATIES.reduce((s, c) => s + c.gemeenten.length, 0) * 4 * (GROEPEN.length + 1);
const HU_CELLEN = CORPORATIES.reduce((s, c) => s + c.gemeenten.length, 0) * 4;

export interface RuweGegevens {
  toewijzingen: (typeof huishouden extends fc.Arbitrary<infer T> ? T : never)[][];
  huisuitzettingen: number[];
  uitstroom: number[];
  vroeg: number[];
  urgentKans: number;
}

export const gegevensArb: fc.Arbitrary<RuweGegevens> = fc.record({
  toewijzingen: fc.array(cel, { minLength: TW_CELLEN, maxLength: TW_CELLEN }),
  huisuitzettingen: fc.array(klein, { minLength: HU_CELLEN, maxLength: HU_CELLEN }),
  uitstroom: fc.array(klein, { minLength: ZORG_GEMEENTEN.length * 4, maxLength: ZORG_GEMEENTEN.length * 4 }),
  vroeg: fc.array(klein, { minLength: VROEG_GEMEENTEN.length * 4, maxLength: VROEG_GEMEENTEN.length * 4 }),
  urgentKans: fc.constantFrom(0.15, 0.3),
});

/** Turns the random draw into rows dated in the closed quarters of `jaar`. */
export function maakRijen(
  r: RuweGegevens,
  jaar: number,
): { toewijzingen: Toewijzing[]; kwartaalcijfers: Kwartaalcijfer[] } {
  const toewijzingen: Toewijzing[] = [];
  let i = 0;
  for (const c of CORPORATIES) {
    for (const g of c.gemeenten) {
      for (let k = 0; k < 4; k++) {
        const start = kwartaalStart(jaar * 4 + k);
        const lengte = kwartaalStart(jaar * 4 + k + 1) - start;
        for (const groep of [...GROEPEN, null] as (Groep | null)[]) {
          for (const h of r.toewijzingen[i++]) {
            toewijzingen.push({
              corporatie: c.code,
              gemeente: g,
              dag: start + (h.dag % lengte),
              groep,
              grootte: h.grootte,
              // fast-check's boolean is 50/50; thin it out so via-urgentie cells are small too
              urgent:
                h.urgent &&
                (h.dag + h.grootte) % 10 < r.urgentKans * 20 &&
                !(
                  c.code === URGENT_BLOK.corporatie &&
                  g === URGENT_BLOK.gemeente &&
                  k === URGENT_BLOK.kwartaal
                ),
            });
            const t = toewijzingen[toewijzingen.length - 1];
            // two of three urgent households get a category of the regeling (review of session 5)
            if (t.urgent) t.categorie = [null, ...URGENTIE_CATEGORIEEN][(h.dag * 7 + h.grootte) % 3];
          }
        }
      }
    }
  }
  // one quarter whose only urgent households are 7 mantelzorg and 2 detentie in one cell: via
  // urgentie 9 and mantelzorg 7 are released as they are, so a category rounded apart from them
  // would give the 2 away (review of session 5)
  const blokStart = kwartaalStart(jaar * 4 + URGENT_BLOK.kwartaal);
  for (let n = 0; n < 9; n++)
    toewijzingen.push({
      corporatie: URGENT_BLOK.corporatie,
      gemeente: URGENT_BLOK.gemeente,
      dag: blokStart + 10 + n,
      groep: null,
      grootte: 1,
      urgent: true,
      categorie: n < 7 ? 'MANTELZORG' : 'UITSTROOM_DETENTIE',
    });
  const kwartaalcijfers: Kwartaalcijfer[] = [];
  let j = 0;
  for (const c of CORPORATIES)
    for (const g of c.gemeenten)
      for (let k = 0; k < 4; k++) {
        const w = r.huisuitzettingen[j++];
        if (w > 0)
          kwartaalcijfers.push({
            organisatie: c.code,
            indicator: 'HUISUITZETTINGEN',
            gemeente: g,
            kwartaal: jaar * 4 + k,
            waarde: w,
          });
      }
  j = 0;
  for (const g of ZORG_GEMEENTEN)
    for (let k = 0; k < 4; k++)
      kwartaalcijfers.push({
        organisatie: 'ZA-STICHTWONEN',
        indicator: 'UITSTROOM_WACHTEND',
        gemeente: g,
        kwartaal: jaar * 4 + k,
        waarde: r.uitstroom[j++],
      });
  j = 0;
  for (const [g] of VROEG_GEMEENTEN)
    for (let k = 0; k < 4; k++) {
      const w = r.vroeg[j++];
      if (w > 0)
        kwartaalcijfers.push({
          organisatie: g,
          indicator: 'VROEGSIGNALERING_TRAJECTEN',
          gemeente: g,
          kwartaal: jaar * 4 + k,
          waarde: w,
        });
    }
  return { toewijzingen, kwartaalcijfers };
}

/** Who reports in the name of an organisation code. */
export type Als = (organisatie: string) => Principaal['als'];

/** Inserts through the API: the bulk import as each corporatie, kwartaalcijfers as their reporter. */
export async function voegIn(
  t: TestApp,
  als: Als,
  jaar: number,
  rijen: { toewijzingen: Toewijzing[]; kwartaalcijfers: Kwartaalcijfer[] },
): Promise<void> {
  for (const c of CORPORATIES) {
    const eigen = rijen.toewijzingen.filter((x) => x.corporatie === c.code);
    const csv = [
      'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte;segment;via_urgentie',
      ...eigen.map(
        (x, n) =>
          `AV${jaar}-${n};${x.gemeente};${iso(x.dag)};${x.groep ?? ''};${x.grootte};;${x.urgent ? 'ja' : 'nee'}`,
      ),
    ].join('\n');
    const form = new FormData();
    form.append('bestand', new Blob([Buffer.from(csv, 'utf8')]), `toewijzingen-${c.code}-${jaar}.csv`);
    const wie = als(c.code);
    const headers: Record<string, string> =
      typeof wie === 'object' ? { authorization: `Bearer ${wie.token}` } : {};
    const res = await t.fetch('/api/toewijzingen/import?proefrun=false', {
      method: 'POST',
      body: form,
      headers,
      ...(typeof wie === 'string' ? { als: wie } : {}),
    });
    const body = await res.text();
    if (res.status !== 201)
      throw new Error(`import for ${c.code} refused (${res.status}): ${body.slice(0, 500)}`);
    // the urgentie category, as the schema owner: rows that agree on every modelled field are
    // interchangeable, so any k of them carry the category k of the model's rows carry
    const metCategorie = eigen.filter((x) => x.categorie);
    if (metCategorie.length) {
      const corporatie = await t.orgId(c.code);
      for (const x of metCategorie)
        await t.db.query(
          `UPDATE toewijzing SET urgentie_categorie = $7 WHERE id = (
             SELECT id FROM toewijzing WHERE corporatie_id = $1 AND gemeente_code = $2 AND datum = $3::date
               AND aandachtsgroep IS NOT DISTINCT FROM $4 AND huishoudgrootte = $5 AND via_urgentie = $6
               AND urgentie_categorie IS NULL
             LIMIT 1)`,
          [corporatie, x.gemeente, iso(x.dag), x.groep, x.grootte, true, x.categorie],
        );
    }
  }
  const MUT = `mutation ($input: KwartaalcijferInput!) { rapporteerKwartaalcijfer(invoer: $input) { id } }`;
  for (const k of rijen.kwartaalcijfers) {
    const r = await t.gql(als(k.organisatie), MUT, {
      input: {
        indicatorCode: k.indicator,
        gemeenteCode: k.gemeente,
        kwartaal: kwartaalCode(k.kwartaal),
        waarde: k.waarde,
      },
    });
    if (r.errors?.length)
      throw new Error(`kwartaalcijfer ${JSON.stringify(k)} refused: ${JSON.stringify(r.errors)}`);
  }
}

/**
 * A vastgestelde prestatieafspraak per gemeente for the year with afspraken on small protected
 * counts, so the `afspraken` progress (screen and reports) is attacked too.
 */
export async function maakAfspraken(t: TestApp, jaar: number): Promise<void> {
  const domstad = await t.orgId('L0801');
  const huurders = await t.orgId('HO-DOMSTAD');
  const plannen: [string, string, string[], string[]][] = [
    ['GM0344', 'gemeente.utrecht', [domstad, huurders], ['corporatie.domstad', 'huurders.domstad']],
  ];
  for (const [gemeente, gemeenteAls, partijen, tekenaars] of plannen) {
    const verantwoordelijke = partijen[0];
    let pa = await paOk(t, gemeenteAls, Q.create, {
      i: {
        gemeenteCode: gemeente,
        titel: `Aanval ${gemeente} ${jaar}`,
        jaarVan: jaar,
        jaarTot: jaar,
        partijIds: partijen,
      },
    });
    for (const [indicatorCode, groep] of [
      ['TOEWIJZINGEN_STATUSHOUDERS', 'STATUSHOUDERS'],
      ['TOEWIJZINGEN_UITSTROOM_INSTELLINGEN', 'UITSTROOM_INSTELLINGEN'],
      ['TOEWIJZINGEN_DAK_EN_THUISLOZEN', 'DAK_EN_THUISLOZEN'],
      ['TOEWIJZINGEN_VIA_URGENTIE', null],
      ['HUISUITZETTINGEN', null],
    ] as const) {
      pa = await paOk(t, gemeenteAls, Q.voegAfspraakToe, {
        id: pa.id,
        v: pa.versie,
        i: {
          actielijn:
            indicatorCode === 'HUISUITZETTINGEN'
              ? 'PREVENTIE'
              : indicatorCode === 'TOEWIJZINGEN_UITSTROOM_INSTELLINGEN'
                ? 'WONEN_ZORG_WELZIJN'
                : 'EVENWICHTIGE_VERDELING',
          ...(groep ? { aandachtsgroep: groep } : {}),
          omschrijving: `Afspraak ${indicatorCode}`,
          indicatorCode,
          doelwaarden: [{ jaar, waarde: 7 }],
          verantwoordelijkeId: verantwoordelijke,
        },
      });
    }
    pa = await paOk(t, gemeenteAls, Q.indienen, { id: pa.id, v: pa.versie });
    for (const wie of [gemeenteAls, ...tekenaars])
      pa = await paOk(t, wie, Q.tekenen, { id: pa.id, v: pa.versie });
    if (pa.status !== 'VASTGESTELD')
      throw new Error(`prestatieafspraak ${gemeente} ${jaar} not vastgesteld: ${pa.status}`);
  }
}

/** A few days the attacker asks on their own (sampled: it could ask all 365). */
export function enkeleDagen(toewijzingen: readonly Toewijzing[], jaar: number, aantal: number): string[] {
  const perDag = new Map<number, number>();
  for (const x of toewijzingen)
    if (iso(x.dag).startsWith(String(jaar))) perDag.set(x.dag, (perDag.get(x.dag) ?? 0) + 1);
  const dagen = [...perDag.entries()]
    .filter(([, n]) => n <= 2)
    .map(([d]) => d)
    .sort((a, b) => a - b);
  const stap = Math.max(1, Math.floor(dagen.length / aantal));
  const uit: string[] = [];
  for (let i = 0; i < dagen.length && uit.length < aantal; i += stap) uit.push(iso(dagen[i]));
  return uit.length ? uit : [`${jaar}-05-15`];
}
