import { DomainError } from './domain-error';
import type { OrganisatieSoort } from './organisatie-soort';

/**
 * The official code an organisation is known by, per kind (DESIGN §5):
 * - GEMEENTE: the CBS gemeentecode, GM + 4 digits (CBS, "Gemeentelijke indeling"); must exist in
 *   the shipped reference data (checked by the caller, which holds the table).
 * - PROVINCIE: the CBS provinciecode, PV + 2 digits (PV20–PV31), likewise checked against reference data.
 * - CORPORATIE: the L-nummer under which the Autoriteit woningcorporaties registers a toegelaten
 *   instelling, L + 4 digits (the form used throughout this project's data, e.g. L0801).
 * - HUURDERSORGANISATIE, ZORGAANBIEDER: the KVK-nummer, exactly 8 digits (KVK: "Als je je bedrijf
 *   inschrijft in het Handelsregister krijg je een uniek 8-cijferig KVK-nummer", kvk.nl,
 *   "KVK-nummer: alles wat je moet weten"); it has no check digit, so only the form is checked.
 * - RIJK: a short abbreviation (BZK), 2–10 capital letters.
 * Every code also satisfies the Keycloak user-profile pattern of the `organisatie` attribute
 * (infra/keycloak: ^[A-Z0-9][A-Z0-9-]*$), so it can be put on a user as is.
 */
const VORM: Record<OrganisatieSoort, { patroon: RegExp; uitleg: string }> = {
  GEMEENTE: { patroon: /^GM\d{4}$/, uitleg: 'een CBS-gemeentecode, bijvoorbeeld GM0344' },
  PROVINCIE: { patroon: /^PV\d{2}$/, uitleg: 'een CBS-provinciecode, bijvoorbeeld PV26' },
  CORPORATIE: {
    patroon: /^L\d{4}$/,
    uitleg: 'een L-nummer van de Autoriteit woningcorporaties, bijvoorbeeld L0801',
  },
  HUURDERSORGANISATIE: { patroon: /^\d{8}$/, uitleg: 'een KVK-nummer van 8 cijfers' },
  ZORGAANBIEDER: { patroon: /^\d{8}$/, uitleg: 'een KVK-nummer van 8 cijfers' },
  RIJK: { patroon: /^[A-Z]{2,10}$/, uitleg: 'een afkorting van 2 tot 10 hoofdletters, bijvoorbeeld BZK' },
};

/** The code as stored: trimmed, upper case, inner spaces and dots removed (KVK 1234.5678 → 12345678). */
export function normaliseerOrganisatieCode(soort: OrganisatieSoort, invoer: string): string {
  const code = invoer.trim().toUpperCase().replace(/[\s.]/g, '');
  const vorm = VORM[soort];
  if (!vorm.patroon.test(code)) {
    throw new DomainError(
      'ONGELDIGE_CODE',
      `De code '${invoer.trim()}' is geen geldige code: verwacht ${vorm.uitleg}.`,
    );
  }
  return code;
}

/** The kinds whose werkgebied is kept by hand (gemeente, provincie and Rijk follow from their area). */
export const SOORTEN_MET_WERKGEBIED: readonly OrganisatieSoort[] = [
  'CORPORATIE',
  'ZORGAANBIEDER',
  'HUURDERSORGANISATIE',
];

export function heeftEigenWerkgebied(soort: OrganisatieSoort): boolean {
  return SOORTEN_MET_WERKGEBIED.includes(soort);
}

/** A display name: trimmed, single spaces, 2–200 characters. */
export function normaliseerOrganisatieNaam(invoer: string): string {
  const naam = invoer.trim().replace(/\s+/g, ' ');
  if (naam.length < 2 || naam.length > 200) {
    throw new DomainError('ONGELDIGE_NAAM', 'Een naam heeft 2 tot 200 tekens.');
  }
  return naam;
}

/**
 * A werkgebied as entered: unique GM codes, sorted. Duplicates are folded, anything that is not
 * a gemeentecode is refused here; whether each code exists is the caller's check against the
 * reference data (it names the unknown codes).
 */
export function normaliseerWerkgebied(codes: readonly string[]): string[] {
  const uniek = new Set<string>();
  const fout: string[] = [];
  for (const c of codes) {
    const code = c.trim().toUpperCase();
    if (!/^GM\d{4}$/.test(code)) fout.push(c.trim());
    else uniek.add(code);
  }
  if (fout.length) {
    throw new DomainError(
      'ONGELDIG_WERKGEBIED',
      `Geen gemeentecode: ${fout.map((f) => `'${f}'`).join(', ')}. Gebruik CBS-codes zoals GM0344.`,
    );
  }
  return [...uniek].sort();
}
