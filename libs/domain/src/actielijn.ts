import { DomainError } from './domain-error';

/** The four actielijnen of Een thuis voor iedereen, in the programme's own order and numbering. */
export const ACTIELIJN_CODES = [
  'VOLDOENDE_WONINGEN',
  'EVENWICHTIGE_VERDELING',
  'WONEN_ZORG_WELZIJN',
  'PREVENTIE',
] as const;

export type ActielijnCode = (typeof ACTIELIJN_CODES)[number];
export type ActielijnNummer = 1 | 2 | 3 | 4;

export interface Actielijn {
  readonly code: ActielijnCode;
  readonly nummer: ActielijnNummer;
  readonly naam: string;
}

export const ACTIELIJNEN: readonly Actielijn[] = [
  { code: 'VOLDOENDE_WONINGEN', nummer: 1, naam: 'Voldoende woonruimte' },
  { code: 'EVENWICHTIGE_VERDELING', nummer: 2, naam: 'Evenwichtige verdeling' },
  { code: 'WONEN_ZORG_WELZIJN', nummer: 3, naam: 'Wonen, zorg, welzijn en werk' },
  { code: 'PREVENTIE', nummer: 4, naam: 'Preventie' },
];

export function isActielijnCode(waarde: unknown): waarde is ActielijnCode {
  return typeof waarde === 'string' && (ACTIELIJN_CODES as readonly string[]).includes(waarde);
}

export function actielijnOpCode(code: ActielijnCode): Actielijn {
  const lijn = ACTIELIJNEN.find((a) => a.code === code);
  if (!lijn) throw new DomainError('ONBEKENDE_ACTIELIJN', `Actielijn '${String(code)}' bestaat niet`);
  return lijn;
}

export function actielijnOpNummer(nummer: number): Actielijn {
  const lijn = ACTIELIJNEN.find((a) => a.nummer === nummer);
  if (!lijn)
    throw new DomainError('ONBEKENDE_ACTIELIJN', `Actielijn ${nummer} bestaat niet (1 tot en met 4)`);
  return lijn;
}

/** How reports head a section: 'Actielijn 2: Evenwichtige verdeling'. */
export function actielijnLabel(code: ActielijnCode): string {
  const lijn = actielijnOpCode(code);
  return `Actielijn ${lijn.nummer}: ${lijn.naam}`;
}
