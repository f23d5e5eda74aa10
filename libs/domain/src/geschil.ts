import { isIsoDatum, type IsoDatum } from './iso-datum';
import type { InhoudFout } from './prestatieafspraak-inhoud';
import {
  geschilOnderwerpenOp,
  type GeschilOnderwerp,
  type VolkshuisvestingRegime,
} from './volkshuisvesting-regime';

/**
 * A geschil between the parties of a prestatieafspraak, put before the minister (Woningwet art. 44;
 * the window 1 July – 29 January per the Besluit toegelaten instellingen volkshuisvesting 2015 and
 * its Regeling art. 19a–19d, as woningmarktbeleid.nl "Geschillen prestatieafspraken voorleggen aan
 * minister" describes it). Thuismonitor registers it: subject, status, outcome.
 *
 * Which subjects are open on a date — INHOUD under the Woningwet, also NAKOMING under the Wet
 * versterking regie volkshuisvesting — and the window, come from the regime in force on the date
 * of the request (volkshuisvesting-regime.ts `geschilOnderwerpenOp`, reference data by date).
 */
export const GESCHIL_ONDERWERPEN: readonly GeschilOnderwerp[] = ['INHOUD', 'NAKOMING'];

export const GESCHIL_STATUSSEN = ['INGEDIEND', 'IN_BEHANDELING', 'UITSPRAAK', 'INGETROKKEN'] as const;
export type GeschilStatus = (typeof GESCHIL_STATUSSEN)[number];

const ONDERWERP_LABELS: Record<GeschilOnderwerp, string> = {
  INHOUD: 'Inhoud van de afspraken',
  NAKOMING: 'Nakoming van de afspraken',
};
const STATUS_LABELS: Record<GeschilStatus, string> = {
  INGEDIEND: 'Ingediend',
  IN_BEHANDELING: 'In behandeling',
  UITSPRAAK: 'Uitspraak gedaan',
  INGETROKKEN: 'Ingetrokken',
};

export const geschilOnderwerpLabel = (o: GeschilOnderwerp) => ONDERWERP_LABELS[o];
export const geschilStatusLabel = (s: GeschilStatus) => STATUS_LABELS[s];

export const GESCHIL_OMSCHRIJVING_MAX = 4000;

/**
 * Whether a geschil submitted on `ingediendOp` (the request's date) can be registered: a date, not
 * after today, inside the window of the regime then in force, about a subject that regime knows.
 */
export function geschilRegistratieFouten(invoer: {
  ingediendOp: string;
  vandaag: IsoDatum;
  onderwerp: GeschilOnderwerp;
  omschrijving: string;
  regimes: readonly VolkshuisvestingRegime[];
}): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  if (!GESCHIL_ONDERWERPEN.includes(invoer.onderwerp))
    fouten.push({ veld: 'onderwerp', melding: `Onderwerp '${invoer.onderwerp}' bestaat niet.` });
  const omschrijving = invoer.omschrijving.trim();
  if (!omschrijving) fouten.push({ veld: 'omschrijving', melding: 'Beschrijf waarover het geschil gaat.' });
  else if (omschrijving.length > GESCHIL_OMSCHRIJVING_MAX)
    fouten.push({
      veld: 'omschrijving',
      melding: `De omschrijving is langer dan ${GESCHIL_OMSCHRIJVING_MAX} tekens.`,
    });
  if (!isIsoDatum(invoer.ingediendOp)) {
    fouten.push({ veld: 'ingediendOp', melding: `'${invoer.ingediendOp}' is geen datum (jjjj-mm-dd).` });
    return fouten;
  }
  if (invoer.ingediendOp > invoer.vandaag) {
    fouten.push({ veld: 'ingediendOp', melding: 'De datum van indiening ligt in de toekomst.' });
    return fouten;
  }
  let open: readonly GeschilOnderwerp[];
  try {
    open = geschilOnderwerpenOp(invoer.regimes, invoer.ingediendOp);
  } catch {
    // before the first regime in the reference data: no geschil procedure to register under
    fouten.push({
      veld: 'ingediendOp',
      melding: 'Op die datum bestond de geschilprocedure van de Woningwet nog niet.',
    });
    return fouten;
  }
  if (!open.length)
    fouten.push({
      veld: 'ingediendOp',
      melding: 'Een geschil kan alleen worden ingediend van 1 juli tot en met 29 januari.',
    });
  else if (!open.includes(invoer.onderwerp))
    fouten.push({
      veld: 'onderwerp',
      melding:
        invoer.onderwerp === 'NAKOMING'
          ? 'Onder de Woningwet zoals die toen gold, gaat een geschil over de inhoud van de afspraken; een geschil over nakoming kan pas onder de Wet versterking regie volkshuisvesting.'
          : `Dit onderwerp kon op die datum niet aan de minister worden voorgelegd.`,
    });
  return fouten;
}

/** Status steps: INGEDIEND → IN_BEHANDELING → UITSPRAAK, or INGETROKKEN before the uitspraak. */
export function geschilStatusFouten(
  huidig: GeschilStatus,
  nieuw: GeschilStatus,
  uitkomst: string | null | undefined,
): InhoudFout[] {
  const volgende: Record<GeschilStatus, GeschilStatus[]> = {
    INGEDIEND: ['IN_BEHANDELING', 'UITSPRAAK', 'INGETROKKEN'],
    IN_BEHANDELING: ['UITSPRAAK', 'INGETROKKEN'],
    UITSPRAAK: [],
    INGETROKKEN: [],
  };
  if (!volgende[huidig]?.includes(nieuw))
    return [
      {
        veld: 'status',
        melding: `Een geschil met status '${STATUS_LABELS[huidig]}' kan niet naar '${STATUS_LABELS[nieuw] ?? nieuw}'.`,
      },
    ];
  if (nieuw === 'UITSPRAAK' && !uitkomst?.trim())
    return [{ veld: 'uitkomst', melding: 'Vat de uitspraak van de minister samen.' }];
  if ((uitkomst?.trim().length ?? 0) > GESCHIL_OMSCHRIJVING_MAX)
    return [{ veld: 'uitkomst', melding: `De uitkomst is langer dan ${GESCHIL_OMSCHRIJVING_MAX} tekens.` }];
  return [];
}
