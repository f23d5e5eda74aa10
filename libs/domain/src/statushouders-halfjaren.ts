import {
  formatHalfjaar,
  halfjaarEinde,
  halfjaarStart,
  halfjaarVolgnummer,
  halfjaarVanDatum,
  halfjarenTussen,
  vergelijkHalfjaar,
  type Halfjaar,
} from './halfjaar';
import { plusDagen, type IsoDatum } from './iso-datum';
import { periodeVoorHalfjaar } from './periode';
import { halfjaarBeoordeeld, statushoudersBeleidOp, type StatushoudersBeleid } from './statushouders-beleid';
import {
  berekenCarryOver,
  statushoudersStatusLabel,
  type StatushoudersHalfjaarResultaat,
  type StatushoudersStatus,
} from './statushouders-carry-over';
import { taakstellingInPeriode, type TaakstellingRegel } from './taakstelling';

/** What the database says about the gemeenten, per code (a gemeente and any merged into it). */
export interface StatushoudersGegevens {
  /** targets per gemeente code (the statushouders indicator, current rows) */
  readonly regels: ReadonlyMap<string, readonly TaakstellingRegel[]>;
  /** persons housed per `${code}|${halfjaarVolgnummer}` (toewijzingen) */
  readonly gehuisvest: ReadonlyMap<string, number>;
  /** COA's persons per `${code}|${halfjaarVolgnummer}`, with the last month COA reported ('2026-05') */
  readonly coa: ReadonlyMap<string, { readonly personen: number; readonly laatste: string }>;
  /** the national policy by date */
  readonly beleid: readonly StatushoudersBeleid[];
}

/** One gemeente's request: its own code, the gemeenten merged into it from a date, the half years asked. */
export interface StatushoudersVraag {
  readonly gemeente: string;
  readonly voorgangers: readonly { readonly code: string; readonly vanaf: IsoDatum }[];
  /** the requested half years, consecutive */
  readonly reeks: readonly Halfjaar[];
  /** figures count up to this day; a half year whose check date lies after it is voorlopig */
  readonly peil: IsoDatum;
}

export interface StatushoudersHalfjaarOverzicht {
  readonly halfjaar: string;
  readonly taakstelling: number;
  readonly meegenomen: number;
  readonly teRealiseren: number;
  readonly gehuisvest: number;
  readonly saldo: number;
  readonly status: StatushoudersStatus | 'GEEN_TAAKSTELLING';
  readonly statusLabel: string;
  readonly gehuisvestToewijzingen: number;
  readonly gehuisvestCoa: number | null;
  readonly coaTotMaand: string | null;
  readonly verschilCoa: number | null;
  readonly getoetstOp: 'COA' | 'TOEWIJZINGEN';
  readonly taakstellingGesteld: boolean;
  readonly controledatum: IsoDatum;
  readonly voorlopig: boolean;
  readonly beoordeeld: boolean;
  readonly beleidToelichting: string | null;
}

/**
 * The half years of one gemeente's statushouders taakstelling, with carry-over.
 *
 * The carry-over starts at the first half year for which a target was ever set for the gemeente
 * (or at the request when that is earlier), so the achterstand carried into the first requested
 * half year is the real one. After a herindeling a half year from the date takes in the gemeenten
 * merged into it (their persons, COA figures and any target that stayed on their codes). A half
 * year is judged on COA's figure where COA reported for it, else on the toewijzingen; a half year
 * that starts when the national policy has no taakstelling gets no target and no judgement and
 * breaks the carry-over (nothing carries in or out).
 */
export function statushoudersHalfjaren(
  vraag: StatushoudersVraag,
  gegevens: StatushoudersGegevens,
): StatushoudersHalfjaarOverzicht[] {
  const { gemeente, voorgangers: oud, reeks, peil } = vraag;
  const { regels, gehuisvest, coa, beleid } = gegevens;
  const laatste = reeks[reeks.length - 1];
  const eerstGevraagd = halfjaarVolgnummer(reeks[0]);
  // the codes that count for this gemeente in half year h: itself, and from its herindeling on
  // every gemeente merged into it
  const delen = (h: Halfjaar) => [
    gemeente,
    ...oud.filter((v) => halfjaarStart(h) >= v.vanaf).map((v) => v.code),
  ];
  // an old gemeente's targets from its herindeling on (one that stayed on its code)
  const regelsVan = (code: string) =>
    code === gemeente
      ? (regels.get(code) ?? [])
      : (regels.get(code) ?? []).filter((r) => r.van >= oud.find((v) => v.code === code)!.vanaf);
  const eigen = [gemeente, ...oud.map((v) => v.code)].flatMap(regelsVan);
  // history starts at this gemeente's first target (or at the request when that is earlier)
  const eerste = eigen.reduce<Halfjaar>((min, r) => {
    const h = halfjaarVanDatum(r.van);
    return vergelijkHalfjaar(h, min) < 0 ? h : min;
  }, reeks[0]);
  const halfjaren = halfjarenTussen(eerste, laatste);
  const taak = halfjaren.map((h) => {
    const per = delen(h)
      .map((code) => taakstellingInPeriode(regelsVan(code), periodeVoorHalfjaar(h), 'SOM'))
      .filter((w): w is number => w !== null);
    return per.length ? per.reduce((a, b) => a + b, 0) : null;
  });
  // judged on COA's figure where COA reported for the half year, else on the toewijzingen
  const cijfers = halfjaren.map((h) => {
    let toewijzingen = 0;
    let coaPersonen: number | null = null;
    let coaTotMaand: string | null = null;
    for (const code of delen(h)) {
      const sleutel = `${code}|${halfjaarVolgnummer(h)}`;
      toewijzingen += gehuisvest.get(sleutel) ?? 0;
      const c = coa.get(sleutel);
      if (c) {
        coaPersonen = (coaPersonen ?? 0) + c.personen;
        if (!coaTotMaand || c.laatste > coaTotMaand) coaTotMaand = c.laatste;
      }
    }
    return { toewijzingen, coa: coaPersonen, coaTotMaand };
  });
  // the carry-over runs over each stretch of judged half years; a half year without a
  // taakstelling carries nothing in or out
  const beoordeeld = halfjaren.map((h) => halfjaarBeoordeeld(beleid, h));
  const resultaat: (StatushoudersHalfjaarResultaat | null)[] = [];
  let reeksInvoer: { halfjaar: string; taakstelling: number; gehuisvest: number }[] = [];
  const sluit = () => {
    if (reeksInvoer.length) resultaat.push(...berekenCarryOver(reeksInvoer));
    reeksInvoer = [];
  };
  halfjaren.forEach((h, i) => {
    if (!beoordeeld[i]) {
      sluit();
      resultaat.push(null);
      return;
    }
    reeksInvoer.push({
      halfjaar: formatHalfjaar(h),
      taakstelling: Math.round(taak[i] ?? 0),
      gehuisvest: cijfers[i].coa ?? cijfers[i].toewijzingen,
    });
  });
  sluit();
  return resultaat
    .map((r, i) => ({ r, h: halfjaren[i], gesteld: taak[i] !== null, c: cijfers[i] }))
    .filter(({ h }) => halfjaarVolgnummer(h) >= eerstGevraagd)
    .map(({ r, h, gesteld, c }): StatushoudersHalfjaarOverzicht => {
      const controledatum = plusDagen(halfjaarEinde(h), 1);
      const gehuisvestNu = c.coa ?? c.toewijzingen;
      if (r === null) {
        const b = statushoudersBeleidOp(beleid, halfjaarStart(h))!;
        return {
          halfjaar: formatHalfjaar(h),
          taakstelling: 0,
          meegenomen: 0,
          teRealiseren: 0,
          gehuisvest: gehuisvestNu,
          saldo: 0,
          status: 'GEEN_TAAKSTELLING',
          statusLabel: 'Geen taakstelling',
          gehuisvestToewijzingen: c.toewijzingen,
          gehuisvestCoa: c.coa,
          coaTotMaand: c.coaTotMaand,
          verschilCoa: c.coa === null ? null : c.coa - c.toewijzingen,
          getoetstOp: c.coa === null ? 'TOEWIJZINGEN' : 'COA',
          taakstellingGesteld: false,
          controledatum,
          voorlopig: peil < controledatum,
          beoordeeld: false,
          beleidToelichting: `${b.toelichting} (bron: ${b.bron}, vanaf ${b.geldigVan})`,
        };
      }
      return {
        beoordeeld: true,
        beleidToelichting: null,
        ...r,
        gehuisvestToewijzingen: c.toewijzingen,
        gehuisvestCoa: c.coa,
        coaTotMaand: c.coaTotMaand,
        verschilCoa: c.coa === null ? null : c.coa - c.toewijzingen,
        getoetstOp: c.coa === null ? 'TOEWIJZINGEN' : 'COA',
        taakstellingGesteld: gesteld,
        statusLabel: statushoudersStatusLabel(r.status),
        controledatum,
        // still open at the peildatum: the figures of this half year can still change
        voorlopig: peil < controledatum,
      };
    });
}
