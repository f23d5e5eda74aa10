import { DomainError } from './domain-error';
import { parseIsoDatum, type IsoDatum } from './iso-datum';
import { normaliseerOrganisatieNaam } from './organisatie-code';

/**
 * Gemeentelijke herindeling: gemeenten that are dissolved and merged into a new (or an existing)
 * gemeente. The date is always 1 January: the Wet algemene regels herindeling defines the "datum
 * van herindeling" as 1 January following the entry into force of the herindelingsregeling
 * (Wet arhi art. 1 lid 1 onder h, https://wetten.overheid.nl/BWBR0003718). CBS publishes each
 * year's gemeentelijke indeling per 1 January with the old and new codes; a new gemeente gets a
 * new GM code, a gemeente that absorbs others keeps its code (for example Dijk en Waard, GM1980,
 * from Heerhugowaard and Langedijk per 1 januari 2022). Sources and the rules Thuismonitor
 * follows: docs/decisions.md, "Herindeling".
 */
export interface HerindelingInvoer {
  datum: string;
  nieuweGemeenteCode: string;
  nieuweGemeenteNaam: string;
  oudeGemeenteCodes: readonly string[];
  /** only needed for a new code whose old gemeenten lie in more than one provincie */
  provincieCode?: string | null;
}

/** What the reference data says about a gemeente code (the caller's lookup). */
export interface HerindelingGemeente {
  code: string;
  naam: string;
  provincieCode: string;
  opgehevenOp: string | null;
  opgegaanIn: string | null;
}

export interface Herindeling {
  datum: IsoDatum;
  nieuw: { code: string; naam: string; provincieCode: string; bestaat: boolean };
  oud: string[];
}

const GM = /^GM\d{4}$/;

function gmCode(invoer: string): string {
  const c = invoer.trim().toUpperCase();
  if (!GM.test(c)) {
    throw new DomainError(
      'ONGELDIGE_CODE',
      `'${invoer.trim()}' is geen CBS-gemeentecode (GM en vier cijfers, bijvoorbeeld GM0344).`,
    );
  }
  return c;
}

/**
 * Checks a herindeling against the reference data and returns it normalised, or throws a
 * DomainError with a Dutch message naming the offending value. `gemeente` looks a code up;
 * `provincieBestaat` checks a PV code.
 */
export function controleerHerindeling(
  invoer: HerindelingInvoer,
  gemeente: (code: string) => HerindelingGemeente | undefined,
  provincieBestaat: (code: string) => boolean,
): Herindeling {
  const { maand, dag } = parseIsoDatum(invoer.datum.trim());
  if (maand !== 1 || dag !== 1) {
    throw new DomainError(
      'GEEN_1_JANUARI',
      `Een herindeling gaat in op 1 januari (Wet arhi, artikel 1); ${invoer.datum.trim()} is geen 1 januari.`,
    );
  }
  const datum = invoer.datum.trim();
  const nieuwCode = gmCode(invoer.nieuweGemeenteCode);
  const naam = normaliseerOrganisatieNaam(invoer.nieuweGemeenteNaam);
  const oud = [...new Set(invoer.oudeGemeenteCodes.map(gmCode))].sort();
  if (oud.length === 0) throw new DomainError('GEEN_GEMEENTEN', 'Noem ten minste één gemeente die opgaat.');
  if (oud.includes(nieuwCode)) {
    throw new DomainError('IN_ZICHZELF', `${nieuwCode} kan niet in zichzelf opgaan.`);
  }
  const onbekend = oud.filter((c) => !gemeente(c));
  if (onbekend.length)
    throw new DomainError('ONBEKENDE_GEMEENTE', `Onbekende gemeente: ${onbekend.join(', ')}.`);
  for (const c of oud) {
    const g = gemeente(c)!;
    if (g.opgehevenOp) {
      throw new DomainError(
        'AL_OPGEHEVEN',
        `${g.naam} (${c}) is al per ${g.opgehevenOp} opgegaan in ${g.opgegaanIn}.`,
      );
    }
  }
  const bestaand = gemeente(nieuwCode);
  if (bestaand?.opgehevenOp) {
    throw new DomainError('AL_OPGEHEVEN', `${bestaand.naam} (${nieuwCode}) is zelf al opgeheven.`);
  }
  if (bestaand && bestaand.naam.toLocaleLowerCase('nl') !== naam.toLocaleLowerCase('nl')) {
    throw new DomainError('ANDERE_NAAM', `${nieuwCode} heet ${bestaand.naam}, niet ${naam}.`);
  }
  let provincieCode = invoer.provincieCode?.trim().toUpperCase() || undefined;
  if (provincieCode && !provincieBestaat(provincieCode)) {
    throw new DomainError('ONBEKENDE_PROVINCIE', `Onbekende provincie: ${provincieCode}.`);
  }
  if (bestaand) {
    if (provincieCode && provincieCode !== bestaand.provincieCode) {
      throw new DomainError(
        'ANDERE_PROVINCIE',
        `${bestaand.naam} ligt in ${bestaand.provincieCode}, niet in ${provincieCode}.`,
      );
    }
    provincieCode = bestaand.provincieCode;
  } else if (!provincieCode) {
    const provincies = [...new Set(oud.map((c) => gemeente(c)!.provincieCode))];
    if (provincies.length > 1) {
      throw new DomainError(
        'PROVINCIE_NODIG',
        `De gemeenten liggen in meer dan één provincie (${provincies.join(', ')}): kies de provincie van ${naam}.`,
      );
    }
    provincieCode = provincies[0];
  }
  return {
    datum,
    nieuw: { code: nieuwCode, naam: bestaand?.naam ?? naam, provincieCode, bestaat: !!bestaand },
    oud,
  };
}
