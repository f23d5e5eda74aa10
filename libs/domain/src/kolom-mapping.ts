import { DomainError } from './domain-error';
import { tekstSleutel } from './tekst-sleutel';

/** The canonical columns of a toewijzingen import file (CSV/XLSX); valideerToewijzingRij reads these. */
export const TOEWIJZING_KOLOMMEN = [
  'extern_kenmerk',
  'gemeente',
  'datum',
  'aandachtsgroep',
  'huishoudgrootte',
  'segment',
  'via_urgentie',
] as const;

export type ToewijzingKolom = (typeof TOEWIJZING_KOLOMMEN)[number];

/**
 * Columns a file must have. aandachtsgroep is required as a COLUMN (its cells may be empty =
 * regulier): a file without it would silently count every household as regulier.
 * segment and via_urgentie have defaults (sociale huur, nee).
 */
export const VERPLICHTE_KOLOMMEN: readonly ToewijzingKolom[] = [
  'extern_kenmerk',
  'gemeente',
  'datum',
  'aandachtsgroep',
  'huishoudgrootte',
];

const KOLOM_LABELS: Record<ToewijzingKolom, string> = {
  extern_kenmerk: 'Extern kenmerk',
  gemeente: 'Gemeente',
  datum: 'Datum',
  aandachtsgroep: 'Aandachtsgroep',
  huishoudgrootte: 'Huishoudgrootte',
  segment: 'Segment',
  via_urgentie: 'Via urgentie',
};

export function toewijzingKolomLabel(kolom: ToewijzingKolom): string {
  return KOLOM_LABELS[kolom];
}

/** Header names seen in allocation-system exports, compared by tekstSleutel. */
const SYNONIEMEN: Record<ToewijzingKolom, readonly string[]> = {
  extern_kenmerk: [
    'extern kenmerk',
    'kenmerk',
    'extern id',
    'id',
    'toewijzing id',
    'toewijzingsnummer',
    'toewijzingnummer',
    'contractnummer',
    'contractnr',
    'huurcontractnummer',
    'verhuringsnummer',
    'verhuurnummer',
    'mutatienummer',
    'referentie',
    'volgnummer',
  ],
  gemeente: [
    'gemeente',
    'gemeentecode',
    'gemeentenaam',
    'cbs code',
    'gemeentecode cbs',
    'cbs gemeentecode',
    'gm code',
    'gemeente woning',
  ],
  datum: [
    'datum',
    'toewijzingsdatum',
    'toewijzingdatum',
    'datum toewijzing',
    'ingangsdatum',
    'ingangsdatum contract',
    'ingangsdatum huurcontract',
    'huuringangsdatum',
    'contractdatum',
    'startdatum',
    'datum ingang',
    'verhuurdatum',
  ],
  aandachtsgroep: [
    'aandachtsgroep',
    'aandachtsgroep code',
    'doelgroep',
    'doelgroepcode',
    'doelgroep categorie',
    'categorie',
    'bijzondere doelgroep',
  ],
  huishoudgrootte: [
    'huishoudgrootte',
    'huishoudensgrootte',
    'grootte huishouden',
    'huishoudomvang',
    'aantal personen',
    'aantal pers',
    'aantal personen huishouden',
    'personen',
    'aantal bewoners',
    'gezinsgrootte',
  ],
  segment: ['segment', 'huursegment', 'woningsegment', 'prijssegment', 'sector'],
  via_urgentie: [
    'via urgentie',
    'urgent',
    'urgent j/n',
    'urgentie',
    'urgentie j/n',
    'urgentieverklaring',
    'met voorrang',
    'voorrang',
  ],
};

const OPZOEK = new Map<string, ToewijzingKolom>();
for (const kolom of TOEWIJZING_KOLOMMEN) {
  OPZOEK.set(tekstSleutel(kolom), kolom);
  for (const s of SYNONIEMEN[kolom]) OPZOEK.set(tekstSleutel(s), kolom);
}

/** Fragments that mark personal data wherever they occur in a header ('woonadres', 'e-mailadres'). */
const PERSOONSGEGEVEN_FRAGMENTEN = [
  'voornaam',
  'achternaam',
  'roepnaam',
  'meisjesnaam',
  'geboortenaam',
  'tussenvoegsel',
  'voorletters',
  'geboortedatum',
  'geboortedat',
  'gebdatum',
  'burgerservicenummer',
  'sofinummer',
  'bsn',
  'telefoon',
  'telnr',
  'mobielnummer',
  'email',
  'mailadres',
  'iban',
  'rekeningnummer',
  'bankrekening',
  'huisnummer',
  'huisnr',
  'huisletter',
  'postcode',
  'straat',
  'adres',
  'firstname',
  'lastname',
  'surname',
  'fullname',
  'birthdate',
  'dateofbirth',
  'phone',
  'address',
  'zipcode',
];

/** 'naam' only counts with a person word: 'gemeentenaam' and 'complexnaam' are fine, 'naam huurder' is not. */
const PERSOON_WOORDEN = [
  'huurder',
  'hoofdhuurder',
  'medehuurder',
  'klant',
  'aanvrager',
  'bewoner',
  'contractant',
  'persoon',
  'persoons',
  'client',
  'partner',
  'woningzoekende',
  'volledige',
];

/**
 * Does this header look like personal data? Such a file is refused outright: Thuismonitor never
 * stores anything about a named person, and a column that is merely ignored would still have been
 * uploaded. Errs on the side of refusing; the corporatie removes the column and uploads again.
 */
export function isPersoonsgegevenKolom(header: string): boolean {
  const sleutel = tekstSleutel(header);
  if (sleutel === '') return false;
  if (PERSOONSGEGEVEN_FRAGMENTEN.some((f) => sleutel.includes(f))) return true;
  if (['naam', 'namen', 'name'].includes(sleutel)) return true;
  return PERSOON_WOORDEN.some((w) => sleutel === `${w}naam` || sleutel === `naam${w}`);
}

export interface KolomMapping {
  /** file header (as written in the file) → canonical column */
  readonly kolommen: Readonly<Record<string, ToewijzingKolom>>;
  /** required canonical columns no header maps to */
  readonly ontbrekend: readonly ToewijzingKolom[];
  /** headers that map to nothing; their contents are not imported */
  readonly onbekend: readonly string[];
  /** canonical columns claimed by more than one header */
  readonly dubbel: readonly { readonly kolom: ToewijzingKolom; readonly headers: readonly string[] }[];
  /** headers that look like personal data: the whole file is refused */
  readonly persoonsgegevens: readonly string[];
  /** true when the file can be imported: nothing missing, nothing double, no personal data */
  readonly bruikbaar: boolean;
  /** Dutch explanation of every problem, for the upload screen */
  readonly meldingen: readonly string[];
}

/**
 * Maps the corporatie's own header names onto the canonical columns. `eigenMapping` (saved per
 * corporatie: { 'Contract nr.': 'extern_kenmerk' }) wins over the built-in synonyms; both
 * compare case-, space- and underscore-insensitively. Empty headers (trailing Excel columns) are
 * skipped.
 */
export function bouwKolomMapping(
  headers: readonly string[],
  eigenMapping: Readonly<Record<string, string>> = {},
): KolomMapping {
  const eigen = new Map<string, ToewijzingKolom>();
  for (const [header, doel] of Object.entries(eigenMapping)) {
    const kolom = TOEWIJZING_KOLOMMEN.find((k) => tekstSleutel(k) === tekstSleutel(doel));
    if (!kolom) {
      throw new DomainError(
        'ONGELDIGE_KOLOMMAPPING',
        `Kolom '${header}' is gekoppeld aan '${doel}', maar die kolom bestaat niet; kies uit ${TOEWIJZING_KOLOMMEN.join(', ')}`,
      );
    }
    eigen.set(tekstSleutel(header), kolom);
  }

  const kolommen: Record<string, ToewijzingKolom> = {};
  const onbekend: string[] = [];
  const persoonsgegevens: string[] = [];
  const perKolom = new Map<ToewijzingKolom, string[]>();
  for (const header of headers) {
    const sleutel = tekstSleutel(header);
    if (sleutel === '') continue;
    if (isPersoonsgegevenKolom(header)) {
      persoonsgegevens.push(header);
      continue;
    }
    const kolom = eigen.get(sleutel) ?? OPZOEK.get(sleutel);
    if (!kolom) {
      onbekend.push(header);
      continue;
    }
    kolommen[header] = kolom;
    perKolom.set(kolom, [...(perKolom.get(kolom) ?? []), header]);
  }

  const ontbrekend = VERPLICHTE_KOLOMMEN.filter((k) => !perKolom.has(k));
  const dubbel = [...perKolom.entries()]
    .filter(([, h]) => h.length > 1)
    .map(([kolom, h]) => ({ kolom, headers: h }));

  const meldingen: string[] = [];
  if (persoonsgegevens.length > 0) {
    meldingen.push(
      `Het bestand bevat kolommen die op persoonsgegevens lijken (${persoonsgegevens.map((h) => `'${h}'`).join(', ')}). ` +
        'Thuismonitor neemt geen persoonsgegevens op: verwijder deze kolommen en lever het bestand opnieuw aan.',
    );
  }
  for (const k of ontbrekend) meldingen.push(`De verplichte kolom '${KOLOM_LABELS[k]}' ontbreekt`);
  for (const d of dubbel) {
    meldingen.push(
      `De kolommen ${d.headers.map((h) => `'${h}'`).join(' en ')} zijn allebei gekoppeld aan '${KOLOM_LABELS[d.kolom]}'`,
    );
  }

  return {
    kolommen,
    ontbrekend,
    onbekend,
    dubbel,
    persoonsgegevens,
    bruikbaar: persoonsgegevens.length === 0 && ontbrekend.length === 0 && dubbel.length === 0,
    meldingen,
  };
}

/** One file row (keyed by the file's headers) → the canonical row valideerToewijzingRij expects. */
export function pasKolomMappingToe(
  mapping: KolomMapping,
  rij: Readonly<Record<string, string | undefined>>,
): Partial<Record<ToewijzingKolom, string>> {
  const uit: Partial<Record<ToewijzingKolom, string>> = {};
  for (const [header, kolom] of Object.entries(mapping.kolommen)) uit[kolom] = rij[header] ?? '';
  return uit;
}
