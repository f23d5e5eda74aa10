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
  'urgentie_categorie',
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
  urgentie_categorie: 'Urgentiecategorie',
};

export function toewijzingKolomLabel(kolom: ToewijzingKolom): string {
  return KOLOM_LABELS[kolom];
}

/** Header names seen in allocation-system exports, compared by tekstSleutel. */
const SYNONIEMEN: Record<ToewijzingKolom, readonly string[]> = {
  // optional: the code of the category of the gemeente's urgentieregeling (issue 12, item 4)
  urgentie_categorie: [
    'urgentie categorie',
    'urgentiecategorie',
    'categorie urgentie',
    'urgentiegrond',
    'urgentie grond',
  ],
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

/**
 * Why a header is refused: each kind of column that identifies a person or a household, with the
 * fragments that mark it wherever they occur in a header ('woonadres', 'e-mailadres',
 * 'klantnummer huurder'). Besides direct identifiers (name, BSN, address, contact details) this
 * covers what makes a pseudonymised row linkable to one household: the corporatie's customer or
 * relation number (the key into its own files), birth year and age, nationality and origin,
 * income, sex. None of these is needed for the programme's figures (Thuismonitor counts
 * households per aandachtsgroep, size and gemeente), so AVG art. 5(1)(c) (data minimisation)
 * says they must not be uploaded at all.
 */
const PERSOONSGEGEVEN_SOORTEN: readonly {
  reden: string;
  fragmenten: readonly string[];
  precies?: readonly string[];
}[] = [
  {
    reden: 'naam',
    fragmenten: [
      'voornaam',
      'achternaam',
      'roepnaam',
      'meisjesnaam',
      'geboortenaam',
      'tussenvoegsel',
      'voorletters',
      'firstname',
      'lastname',
      'surname',
      'fullname',
    ],
  },
  {
    reden: 'geboortedatum, geboortejaar of leeftijd',
    fragmenten: ['geboorte', 'gebdatum', 'gebjaar', 'leeftijd', 'birth', 'dateofbirth'],
    precies: ['age', 'jaar geboren', 'geb jaar'],
  },
  {
    reden: 'burgerservicenummer of ander persoonsnummer',
    fragmenten: ['burgerservicenummer', 'sofinummer', 'bsn', 'vreemdelingennummer', 'persoonsnummer'],
    precies: ['anummer', 'vnummer'],
  },
  {
    reden: 'klant-, relatie- of huurdernummer',
    fragmenten: [
      'klantnummer',
      'klantnr',
      'klantid',
      'klantcode',
      'relatienummer',
      'relatienr',
      'relatieid',
      'relatiecode',
      'huurdernummer',
      'huurdernr',
      'huurderid',
      'huurdercode',
      'debiteurnummer',
      'debiteurennummer',
      'debiteurnr',
      'inschrijfnummer',
      'inschrijvingsnummer',
      'woningzoekendenummer',
      'customerid',
      'customernumber',
      'tenantid',
    ],
    precies: ['klant', 'relatie', 'huurder', 'debiteur'],
  },
  {
    reden: 'nationaliteit of herkomst',
    fragmenten: ['nationaliteit', 'nationality', 'herkomst', 'etniciteit', 'migratieachtergrond'],
  },
  {
    reden: 'inkomen',
    fragmenten: ['inkomen', 'income', 'salaris', 'loon', 'uitkering', 'huurtoeslag', 'vermogen'],
  },
  { reden: 'geslacht', fragmenten: ['geslacht', 'gender'], precies: ['sex', 'm v'] },
  { reden: 'burgerlijke staat', fragmenten: ['burgerlijkestaat'] },
  {
    reden: 'telefoonnummer of e-mailadres',
    fragmenten: ['telefoon', 'telnr', 'mobielnummer', 'email', 'mailadres', 'phone'],
  },
  { reden: 'bankrekening', fragmenten: ['iban', 'rekeningnummer', 'bankrekening'] },
  {
    reden: 'adres',
    fragmenten: ['huisnummer', 'huisnr', 'huisletter', 'postcode', 'straat', 'adres', 'address', 'zipcode'],
  },
].map((s) => ({ ...s, precies: (s.precies ?? []).map(tekstSleutel) }));

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
 * Why this header looks like data about a person or household, in Dutch ('naam', 'inkomen', …),
 * or undefined when it does not. Errs on the side of refusing: the corporatie removes the column
 * and uploads again, which costs a minute; a stored identifier cannot be taken back.
 */
export function persoonsgegevenReden(header: string): string | undefined {
  const sleutel = tekstSleutel(header);
  if (sleutel === '') return undefined;
  for (const soort of PERSOONSGEGEVEN_SOORTEN) {
    if (soort.precies?.includes(sleutel) || soort.fragmenten.some((f) => sleutel.includes(f)))
      return soort.reden;
  }
  if (['naam', 'namen', 'name'].includes(sleutel)) return 'naam';
  if (PERSOON_WOORDEN.some((w) => sleutel === `${w}naam` || sleutel === `naam${w}`)) return 'naam';
  return undefined;
}

/**
 * Does this header look like personal data? Such a file is refused outright: Thuismonitor never
 * stores anything about a named person, and a column that is merely ignored would still have been
 * uploaded.
 */
export function isPersoonsgegevenKolom(header: string): boolean {
  return persoonsgegevenReden(header) !== undefined;
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
      `Het bestand bevat kolommen die op persoonsgegevens lijken (${persoonsgegevens
        .map((h) => `'${h}': ${persoonsgegevenReden(h)}`)
        .join('; ')}). ` +
        'Thuismonitor neemt geen gegevens op die naar een persoon of huishouden herleidbaar zijn: verwijder deze kolommen en lever het bestand opnieuw aan.',
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
