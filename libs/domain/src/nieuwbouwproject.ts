import { AANDACHTSGROEPEN, aandachtsgroepLabel, type Aandachtsgroep } from './aandachtsgroep';
import { isIsoDatum, type IsoDatum } from './iso-datum';
import { NIEUWBOUW_FASEN, controleerFaseOvergang, nieuwbouwFaseLabel, type NieuwbouwFase } from './segment';

/**
 * The rules of a nieuwbouwproject's figures and dates, checked on every create and update so a
 * stored project is always consistent. Opgeleverde woningen count as realisation in the quarter of
 * their opleverdatum (kwartaalVanDatum), so that date must be real, not in the future, and present
 * exactly when the project is OPGELEVERD.
 */
export interface NieuwbouwWoningen {
  readonly socialeHuur: number;
  readonly middenhuur: number;
  readonly vrijeSectorHuur: number;
  readonly koopBetaalbaar: number;
  readonly koopVrij: number;
  /** how many of all woningen are meant for aandachtsgroepen */
  readonly aandachtsgroepen: number;
  /** optional split of `aandachtsgroepen` per group (studenten, ouderen, …) for the catalogue's per-group indicators */
  readonly perAandachtsgroep: Readonly<Partial<Record<Aandachtsgroep, number>>>;
  readonly nultreden: number;
  readonly flex: number;
  readonly standplaatsen: number;
}

export interface NieuwbouwDatums {
  readonly planDatum: IsoDatum | null;
  readonly vergundOp: IsoDatum | null;
  readonly startBouwOp: IsoDatum | null;
  readonly opgeleverdOp: IsoDatum | null;
}

export interface NieuwbouwprojectGegevens {
  readonly naam: string;
  readonly fase: NieuwbouwFase;
  readonly woningen: NieuwbouwWoningen;
  readonly datums: NieuwbouwDatums;
}

export interface NieuwbouwVeldFout {
  /** the field as the API names it (woningen.socialeHuur, datums.opgeleverdOp, …) */
  readonly veld: string;
  readonly melding: string;
}

export const MAX_PROJECT_WONINGEN = 100_000;

/** The date field that records reaching a phase; PLAN's date (planDatum) is optional. */
export const FASE_DATUM: Readonly<Record<NieuwbouwFase, keyof NieuwbouwDatums>> = {
  PLAN: 'planDatum',
  VERGUND: 'vergundOp',
  IN_AANBOUW: 'startBouwOp',
  OPGELEVERD: 'opgeleverdOp',
};

const DATUM_LABELS: Record<keyof NieuwbouwDatums, string> = {
  planDatum: 'De plandatum',
  vergundOp: 'De vergunningsdatum',
  startBouwOp: 'De startdatum van de bouw',
  opgeleverdOp: 'De opleverdatum',
};

const AANTAL_LABELS: Record<Exclude<keyof NieuwbouwWoningen, 'perAandachtsgroep'>, string> = {
  socialeHuur: 'sociale huur',
  middenhuur: 'middenhuur',
  vrijeSectorHuur: 'vrije sector huur',
  koopBetaalbaar: 'betaalbare koop',
  koopVrij: 'vrije koop',
  aandachtsgroepen: 'voor aandachtsgroepen',
  nultreden: 'nultredenwoningen',
  flex: 'flexwoningen',
  standplaatsen: 'standplaatsen',
};

export function totaalWoningen(w: NieuwbouwWoningen): number {
  return w.socialeHuur + w.middenhuur + w.vrijeSectorHuur + w.koopBetaalbaar + w.koopVrij;
}

/** Every problem at once, each naming its field, Dutch messages. Empty = valid. */
export function valideerNieuwbouwproject(p: NieuwbouwprojectGegevens, vandaag: IsoDatum): NieuwbouwVeldFout[] {
  const fouten: NieuwbouwVeldFout[] = [];
  const fout = (veld: string, melding: string) => fouten.push({ veld, melding });

  const naam = p.naam.trim();
  if (naam === '') fout('naam', 'De naam van het project ontbreekt');
  else if (naam.length > 200) fout('naam', 'De naam van het project is langer dan 200 tekens');

  const w = p.woningen;
  let aantallenGoed = true;
  for (const [veld, label] of Object.entries(AANTAL_LABELS) as [keyof typeof AANTAL_LABELS, string][]) {
    const n = w[veld];
    if (!Number.isInteger(n) || n < 0 || n > MAX_PROJECT_WONINGEN) {
      fout(`woningen.${veld}`, `Het aantal ${label} moet een geheel getal van 0 tot en met ${MAX_PROJECT_WONINGEN} zijn`);
      aantallenGoed = false;
    }
  }
  let somPerGroep = 0;
  for (const [groep, n] of Object.entries(w.perAandachtsgroep)) {
    if (!(AANDACHTSGROEPEN as readonly string[]).includes(groep)) {
      fout('woningen.perAandachtsgroep', `Aandachtsgroep '${groep}' is onbekend`);
      aantallenGoed = false;
    } else if (!Number.isInteger(n) || n! < 0) {
      fout(
        'woningen.perAandachtsgroep',
        `Het aantal woningen voor ${aandachtsgroepLabel(groep as Aandachtsgroep).toLowerCase()} moet een geheel getal van 0 of meer zijn`,
      );
      aantallenGoed = false;
    } else somPerGroep += n!;
  }
  if (aantallenGoed) {
    const totaal = totaalWoningen(w);
    if (totaal === 0 && w.standplaatsen === 0) {
      fout('woningen', 'Een project heeft ten minste één woning of standplaats');
    }
    if (w.aandachtsgroepen > totaal) {
      fout('woningen.aandachtsgroepen', `Er zijn meer woningen voor aandachtsgroepen (${w.aandachtsgroepen}) dan woningen in het project (${totaal})`);
    }
    if (w.nultreden > totaal) {
      fout('woningen.nultreden', `Er zijn meer nultredenwoningen (${w.nultreden}) dan woningen in het project (${totaal})`);
    }
    if (w.flex > totaal) {
      fout('woningen.flex', `Er zijn meer flexwoningen (${w.flex}) dan woningen in het project (${totaal})`);
    }
    if (somPerGroep > w.aandachtsgroepen) {
      fout(
        'woningen.perAandachtsgroep',
        `De verdeling over aandachtsgroepen (${somPerGroep}) is groter dan het aantal woningen voor aandachtsgroepen (${w.aandachtsgroepen})`,
      );
    }
  }

  fouten.push(...valideerDatums(p.fase, p.datums, vandaag));
  return fouten;
}

function valideerDatums(fase: NieuwbouwFase, d: NieuwbouwDatums, vandaag: IsoDatum): NieuwbouwVeldFout[] {
  const fouten: NieuwbouwVeldFout[] = [];
  const faseIndex = NIEUWBOUW_FASEN.indexOf(fase);
  const geldig: [keyof NieuwbouwDatums, IsoDatum][] = [];
  NIEUWBOUW_FASEN.forEach((f, i) => {
    const veld = FASE_DATUM[f];
    const waarde = d[veld];
    const pad = `datums.${veld}`;
    if (waarde === null || waarde === undefined || waarde === '') {
      if (i === faseIndex && f !== 'PLAN') {
        fouten.push({ veld: pad, melding: `${DATUM_LABELS[veld]} is verplicht in de fase '${nieuwbouwFaseLabel(f)}'` });
      }
      return;
    }
    if (!isIsoDatum(waarde)) {
      fouten.push({ veld: pad, melding: `${DATUM_LABELS[veld]} '${waarde}' is geen geldige datum (jjjj-mm-dd)` });
      return;
    }
    if (i > faseIndex) {
      fouten.push({
        veld: pad,
        melding: `${DATUM_LABELS[veld]} hoort pas bij de fase '${nieuwbouwFaseLabel(f)}'; het project is in de fase '${nieuwbouwFaseLabel(fase)}'`,
      });
      return;
    }
    // a plan can be dated ahead; a permit, a start of construction and a delivery have happened
    if (f !== 'PLAN' && waarde > vandaag) {
      fouten.push({ veld: pad, melding: `${DATUM_LABELS[veld]} ligt in de toekomst` });
      return;
    }
    geldig.push([veld, waarde]);
  });
  for (let i = 1; i < geldig.length; i++) {
    const [vorigVeld, vorig] = geldig[i - 1];
    const [veld, waarde] = geldig[i];
    if (waarde < vorig) {
      fouten.push({
        veld: `datums.${veld}`,
        melding: `${DATUM_LABELS[veld]} ligt vóór ${DATUM_LABELS[vorigVeld].toLowerCase()}`,
      });
    }
  }
  return fouten;
}

/**
 * Moves a project to a later phase on `datum` (the day the phase was reached). Skipping phases is
 * allowed (controleerFaseOvergang); the new phase's date is set, the other dates stay.
 * Throws DomainError for a transition that is not allowed.
 */
export function naarFase(
  huidig: { readonly fase: NieuwbouwFase; readonly datums: NieuwbouwDatums },
  naar: NieuwbouwFase,
  datum: IsoDatum,
): { fase: NieuwbouwFase; datums: NieuwbouwDatums } {
  controleerFaseOvergang(huidig.fase, naar);
  return { fase: naar, datums: { ...huidig.datums, [FASE_DATUM[naar]]: datum } };
}
