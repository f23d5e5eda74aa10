import { AANDACHTSGROEPEN, aandachtsgroepLabel, isAandachtsgroep } from './aandachtsgroep';
import {
  persoonsgegevenReden,
  TOEWIJZING_KOLOMMEN,
  toewijzingKolomLabel,
  type ToewijzingKolom,
} from './kolom-mapping';
import { isSegment, SEGMENTEN, segmentLabel } from './segment';
import { tekstSleutel } from './tekst-sleutel';

/**
 * An organisation's own words for its toewijzingen export (issue 12, item 7), saved once and
 * applied to every next file before the row rules run:
 * - kolommen: the header in its export → the product's column ("Plaats" → gemeente);
 * - waarden: per column, a value in its export → the product's value ("STH" → STATUSHOUDERS,
 *   "J" → JA, "Bergen" → GM0373).
 * Headers and values are compared by tekstSleutel (case, accents and separators do not matter),
 * like the built-in synonyms, which the organisation's own words win over.
 */
export const KOPPELBARE_VELDEN = ['gemeente', 'aandachtsgroep', 'segment', 'via_urgentie'] as const;
export type KoppelbaarVeld = (typeof KOPPELBARE_VELDEN)[number];

export function isKoppelbaarVeld(v: unknown): v is KoppelbaarVeld {
  return typeof v === 'string' && (KOPPELBARE_VELDEN as readonly string[]).includes(v);
}

export interface KolomKoppeling {
  readonly bron: string;
  readonly kolom: ToewijzingKolom;
}

export interface WaardeKoppeling {
  readonly veld: KoppelbaarVeld;
  readonly bron: string;
  /** the product's value: an AANDACHTSGROEP code or REGULIER, a SEGMENT code, JA/NEE, a GM code */
  readonly waarde: string;
}

export interface ImportKoppeling {
  readonly kolommen: readonly KolomKoppeling[];
  readonly waarden: readonly WaardeKoppeling[];
}

export const LEGE_KOPPELING: ImportKoppeling = { kolommen: [], waarden: [] };

/** Limits of one saved koppeling: generous for any export, small enough to stay one JSON row. */
export const KOPPELING_GRENZEN = { kolommen: 100, waardenPerVeld: 500, tekens: 200 } as const;

export interface GeaccepteerdeWaarde {
  readonly waarde: string;
  readonly label: string;
}

/** The values the product accepts per field: what a value may be mapped to, and what errors list. */
export function geaccepteerdeWaarden(
  veld: Exclude<KoppelbaarVeld, 'gemeente'>,
): readonly GeaccepteerdeWaarde[] {
  switch (veld) {
    case 'aandachtsgroep':
      return [
        ...AANDACHTSGROEPEN.map((g) => ({ waarde: g, label: aandachtsgroepLabel(g) })),
        { waarde: 'REGULIER', label: 'Geen aandachtsgroep (regulier)' },
      ];
    case 'segment':
      return SEGMENTEN.map((s) => ({ waarde: s, label: segmentLabel(s) }));
    case 'via_urgentie':
      return [
        { waarde: 'JA', label: 'Ja' },
        { waarde: 'NEE', label: 'Nee' },
      ];
  }
}

/** "STATUSHOUDERS (Statushouders (vergunninghouders)), …" for an error message. */
export function geaccepteerdeWaardenTekst(veld: KoppelbaarVeld): string {
  if (veld === 'gemeente') return 'een CBS-gemeentecode (bijvoorbeeld GM0344) of de CBS-naam van de gemeente';
  return geaccepteerdeWaarden(veld)
    .map((w) => w.waarde)
    .join(', ');
}

export type KoppelingControle =
  | { readonly ok: true; readonly koppeling: ImportKoppeling }
  | { readonly ok: false; readonly fouten: readonly { readonly veld: string; readonly melding: string }[] };

/**
 * Checks a koppeling before it is saved. Refused, with every problem named in Dutch:
 * - a header that looks like data about a person (persoonsgegevenReden): the import refuses such
 *   columns whatever they are called, so a koppeling must never make one importable ("Klantnummer"
 *   → extern_kenmerk would store the key into the corporatie's customer file);
 * - a column or value the product does not know, with the accepted ones listed;
 * - the same header or value twice (compared by tekstSleutel), empty or too long texts, too many.
 * `isGemeente` says whether a GM code exists in the reference data.
 */
export function controleerImportKoppeling(
  invoer: {
    readonly kolommen: readonly { readonly bron: string; readonly kolom: string }[];
    readonly waarden: readonly { readonly veld: string; readonly bron: string; readonly waarde: string }[];
  },
  isGemeente: (code: string) => boolean,
): KoppelingControle {
  const fouten: { veld: string; melding: string }[] = [];
  const kolommen: KolomKoppeling[] = [];
  const waarden: WaardeKoppeling[] = [];
  if (invoer.kolommen.length > KOPPELING_GRENZEN.kolommen) {
    fouten.push({
      veld: 'kolommen',
      melding: `Een koppeling heeft hoogstens ${KOPPELING_GRENZEN.kolommen} kolommen`,
    });
  }
  const tekstFout = (bron: string): string | undefined => {
    if (tekstSleutel(bron) === '') return 'De naam in uw bestand is leeg';
    if (bron.length > KOPPELING_GRENZEN.tekens)
      return `De naam is langer dan ${KOPPELING_GRENZEN.tekens} tekens`;
    return undefined;
  };

  const gezienKolom = new Set<string>();
  invoer.kolommen.forEach((k, i) => {
    const veld = `kolommen.${i}`;
    const bron = k.bron.trim();
    const tf = tekstFout(bron);
    if (tf) return void fouten.push({ veld, melding: tf });
    const reden = persoonsgegevenReden(bron);
    if (reden) {
      return void fouten.push({
        veld,
        melding: `De kolom '${bron}' lijkt persoonsgegevens te bevatten (${reden}) en kan niet worden gekoppeld: Thuismonitor neemt zulke kolommen nooit op`,
      });
    }
    const kolom = TOEWIJZING_KOLOMMEN.find((c) => c === k.kolom);
    if (!kolom) {
      return void fouten.push({
        veld,
        melding: `Kolom '${bron}' is gekoppeld aan '${k.kolom}', maar die kolom kent Thuismonitor niet; kies uit ${TOEWIJZING_KOLOMMEN.join(', ')}`,
      });
    }
    const sleutel = tekstSleutel(bron);
    if (gezienKolom.has(sleutel)) {
      return void fouten.push({ veld, melding: `De kolom '${bron}' staat twee keer in de koppeling` });
    }
    gezienKolom.add(sleutel);
    kolommen.push({ bron, kolom });
  });

  const gezienWaarde = new Set<string>();
  const perVeld = new Map<string, number>();
  invoer.waarden.forEach((w, i) => {
    const veld = `waarden.${i}`;
    if (!isKoppelbaarVeld(w.veld)) {
      return void fouten.push({
        veld,
        melding: `Voor '${w.veld}' kunnen geen waarden worden gekoppeld; kies uit ${KOPPELBARE_VELDEN.join(', ')}`,
      });
    }
    const n = (perVeld.get(w.veld) ?? 0) + 1;
    perVeld.set(w.veld, n);
    if (n === KOPPELING_GRENZEN.waardenPerVeld + 1) {
      fouten.push({
        veld,
        melding: `Per kolom kunnen hoogstens ${KOPPELING_GRENZEN.waardenPerVeld} waarden worden gekoppeld`,
      });
    }
    const bron = w.bron.trim();
    const tf = tekstFout(bron);
    if (tf) return void fouten.push({ veld, melding: tf });
    const doel = normaliseerDoel(w.veld, w.waarde, isGemeente);
    if (!doel) {
      return void fouten.push({
        veld,
        melding: `'${w.waarde}' is geen waarde die Thuismonitor kent voor ${toewijzingKolomLabel(w.veld)}; kies uit ${
          w.veld === 'gemeente'
            ? 'een CBS-gemeentecode die bestaat (bijvoorbeeld GM0344)'
            : geaccepteerdeWaardenTekst(w.veld)
        }`,
      });
    }
    const sleutel = `${w.veld}:${tekstSleutel(bron)}`;
    if (gezienWaarde.has(sleutel)) {
      return void fouten.push({
        veld,
        melding: `De waarde '${bron}' voor ${toewijzingKolomLabel(w.veld)} staat twee keer in de koppeling`,
      });
    }
    gezienWaarde.add(sleutel);
    waarden.push({ veld: w.veld, bron, waarde: doel });
  });

  return fouten.length ? { ok: false, fouten } : { ok: true, koppeling: { kolommen, waarden } };
}

function normaliseerDoel(
  veld: KoppelbaarVeld,
  waarde: string,
  isGemeente: (code: string) => boolean,
): string | undefined {
  const w = waarde.trim().toUpperCase();
  switch (veld) {
    case 'aandachtsgroep':
      return isAandachtsgroep(w) || w === 'REGULIER' ? w : undefined;
    case 'segment':
      return isSegment(w) ? w : undefined;
    case 'via_urgentie':
      return w === 'JA' || w === 'NEE' ? w : undefined;
    case 'gemeente':
      return /^GM\d{4}$/.test(w) && isGemeente(w) ? w : undefined;
  }
}

/** The saved column words in the form bouwKolomMapping takes ({ header: column }). */
export function kolomWoorden(koppeling: ImportKoppeling): Record<string, string> {
  return Object.fromEntries(koppeling.kolommen.map((k) => [k.bron, k.kolom]));
}

/** How often each saved value was used in one file: the dry run reports it. */
export interface WaardeGebruik {
  readonly veld: KoppelbaarVeld;
  readonly bron: string;
  readonly waarde: string;
  readonly rijen: number;
}

/**
 * Builds, once per file, the step that puts the organisation's values into the product's words
 * before valideerToewijzingRij reads the row: a cell whose text key is in the koppeling for its
 * column is replaced by the product value (which the row rules accept as it is); any other cell
 * is left alone, so the built-in synonyms and the row rules still apply and still report.
 */
export function maakWaardeVertaler(koppeling: ImportKoppeling): {
  vertaal: (rij: Partial<Record<ToewijzingKolom, string>>) => void;
  gebruik: () => WaardeGebruik[];
} {
  const perVeld = new Map<KoppelbaarVeld, Map<string, { w: WaardeKoppeling; n: number }>>();
  for (const w of koppeling.waarden) {
    if (!perVeld.has(w.veld)) perVeld.set(w.veld, new Map());
    perVeld.get(w.veld)!.set(tekstSleutel(w.bron), { w, n: 0 });
  }
  const velden = [...perVeld.entries()].map(([veld, kaart]) => ({
    veld,
    kaart,
    // exports repeat a handful of cell texts: remember each raw text's lookup (bounded)
    gezien: new Map<string, { w: WaardeKoppeling; n: number } | null>(),
  }));
  return {
    vertaal(rij) {
      for (const { veld, kaart, gezien } of velden) {
        const cel = rij[veld];
        if (cel === undefined) continue;
        let hit = gezien.get(cel);
        if (hit === undefined) {
          hit = kaart.get(tekstSleutel(cel)) ?? null;
          if (gezien.size < 10_000) gezien.set(cel, hit);
        }
        if (!hit) continue;
        hit.n++;
        rij[veld] = hit.w.waarde;
      }
    },
    gebruik: () =>
      velden.flatMap(({ kaart }) =>
        [...kaart.values()].filter((x) => x.n > 0).map((x) => ({ ...x.w, rijen: x.n })),
      ),
  };
}
