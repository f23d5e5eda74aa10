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
 * For an operation that kept its name but one argument was renamed (`input` → `invoer`,
 * `dryRun` → `proefrun`): graphql-js only lets an optional argument be deprecated, so both are
 * optional in the schema and at most one may be given. Refusing both (rather than picking one)
 * avoids silently ignoring what a client sent.
 */
export function kiesNieuwOfOud<T>(
  nieuw: T | null | undefined,
  oud: T | null | undefined,
  namen: { nieuw: string; oud: string },
): T | undefined {
  if (nieuw != null && oud != null) {
    throw ongeldig(
      `Geef ${namen.nieuw} één keer mee: gebruik alleen ${namen.nieuw} (${namen.oud} is verouderd).`,
      [{ veld: namen.oud, melding: `Niet samen met ${namen.nieuw}` }],
    );
  }
  return nieuw ?? oud ?? undefined;
}

/** `invoer` or the deprecated `input`: exactly one. */
export function kiesInvoer<T>(invoer: T | null | undefined, input: T | null | undefined): T {
  const gekozen = kiesNieuwOfOud(invoer, input, { nieuw: 'invoer', oud: 'input' });
  if (gekozen == null) throw ongeldig('De invoer ontbreekt.', [{ veld: 'invoer', melding: 'Verplicht' }]);
  return gekozen;
}

/** The options of the deprecated `input` argument beside `invoer`. */
export const VEROUDERD_INPUT = { nullable: true, deprecationReason: verouderd('invoer') } as const;

/** REST: the first day a deprecated query parameter is gone, as the Sunset header (RFC 8594) says it. */
export const SUNSET_OUDE_NAMEN = new Date(
  Date.parse(`${VERVALDATUM_OUDE_NAMEN}T00:00:00Z`) + 86_400_000,
).toUTCString();
