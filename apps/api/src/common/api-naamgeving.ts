import { ongeldig } from './fouten';

/**
 * Issue 15: the public API follows one naming rule (docs/glossary.md, "Naamgeving van de API").
 * Renamed operations keep their old name as a deprecated alias until this date, so clients have
 * half a year to move; after it the aliases and the deprecated `input` arguments are deleted.
 */
export const VERVALDATUM_OUDE_NAMEN = '2027-06-01';

/** The deprecation reason of an old name: which name to use instead and until when the old one works. */
export const verouderd = (nieuw: string): string => `Gebruik ${nieuw}; vervalt na ${VERVALDATUM_OUDE_NAMEN}`;

/**
 * For an operation that kept its name but whose input object moved from `input` to `invoer`:
 * graphql-js only lets an optional argument be deprecated, so both are optional in the schema and
 * exactly one must be given. Refusing both (rather than picking one) avoids silently ignoring data.
 */
export function kiesInvoer<T>(invoer: T | null | undefined, input: T | null | undefined): T {
  if (invoer != null && input != null) {
    throw ongeldig('Geef de invoer één keer mee: gebruik alleen invoer (input is verouderd).', [
      { veld: 'input', melding: 'Niet samen met invoer' },
    ]);
  }
  const gekozen = invoer ?? input;
  if (gekozen == null) throw ongeldig('De invoer ontbreekt.', [{ veld: 'invoer', melding: 'Verplicht' }]);
  return gekozen;
}

/** The options of the deprecated `input` argument beside `invoer`. */
export const VEROUDERD_INPUT = { nullable: true, deprecationReason: verouderd('invoer') } as const;

