import { indicatorOpCode, KWARTAALCIJFER_INDICATOREN, type Indicator } from './indicator-catalogus';
import type { IsoDatum } from './iso-datum';
import { formatKwartaal, kwartaalStart, parseKwartaal, type Kwartaal } from './kwartaal';
import type { OrganisatieSoort } from './organisatie-soort';
import { isDomainError } from './domain-error';

/**
 * Checks a reported quarterly figure before it is stored (who may report it is magRapporteren).
 * Reported indicators are counts (huisuitzettingen, woningen, huishoudens), so the value is a
 * whole number of at least 0; a percentage would be 0–100. A quarter that has not begun cannot
 * have a figure yet.
 */
export interface KwartaalcijferInvoer {
  readonly indicatorCode: string;
  readonly kwartaal: string;
  readonly waarde: number;
}

export interface KwartaalcijferVeldFout {
  readonly veld: 'indicatorCode' | 'kwartaal' | 'waarde';
  readonly melding: string;
}

export type KwartaalcijferControle =
  | { readonly ok: true; readonly indicator: Indicator; readonly kwartaal: Kwartaal }
  | { readonly ok: false; readonly fouten: readonly KwartaalcijferVeldFout[] };

export const MAX_KWARTAALCIJFER = 1_000_000_000;

export function controleerKwartaalcijfer(invoer: KwartaalcijferInvoer, vandaag: IsoDatum): KwartaalcijferControle {
  const fouten: KwartaalcijferVeldFout[] = [];
  let indicator: Indicator | undefined;
  try {
    indicator = indicatorOpCode(invoer.indicatorCode);
    if (!KWARTAALCIJFER_INDICATOREN.includes(indicator)) {
      fouten.push({
        veld: 'indicatorCode',
        melding: `Indicator '${indicator.naam}' wordt berekend uit andere gegevens en wordt niet als kwartaalcijfer gerapporteerd`,
      });
    }
  } catch (err) {
    if (!isDomainError(err)) throw err;
    fouten.push({ veld: 'indicatorCode', melding: err.message });
  }

  let kwartaal: Kwartaal | undefined;
  try {
    kwartaal = parseKwartaal(invoer.kwartaal);
    if (kwartaalStart(kwartaal) > vandaag) {
      fouten.push({ veld: 'kwartaal', melding: `Kwartaal ${formatKwartaal(kwartaal)} is nog niet begonnen` });
    }
  } catch (err) {
    if (!isDomainError(err)) throw err;
    fouten.push({ veld: 'kwartaal', melding: err.message });
  }

  const w = invoer.waarde;
  if (!Number.isFinite(w) || w < 0) {
    fouten.push({ veld: 'waarde', melding: 'De waarde moet 0 of meer zijn' });
  } else if (indicator?.eenheid === 'PERCENTAGE') {
    if (w > 100) fouten.push({ veld: 'waarde', melding: 'Een percentage ligt tussen 0 en 100' });
  } else if (!Number.isInteger(w) || w > MAX_KWARTAALCIJFER) {
    fouten.push({ veld: 'waarde', melding: 'De waarde moet een geheel aantal zijn' });
  }

  if (fouten.length || !indicator || !kwartaal) return { ok: false, fouten };
  return { ok: true, indicator, kwartaal };
}

const MEERVOUD: Record<OrganisatieSoort, string> = {
  CORPORATIE: 'corporaties',
  GEMEENTE: 'gemeenten',
  HUURDERSORGANISATIE: 'huurdersorganisaties',
  ZORGAANBIEDER: 'zorgaanbieders',
  PROVINCIE: 'provincies',
  RIJK: 'het Rijk',
};

/** 'corporaties en gemeenten', for the message that tells a party it cannot report a figure. */
export function rapporteurs(indicator: Indicator): string {
  const namen = indicator.gerapporteerdDoor.map((s) => MEERVOUD[s]);
  return namen.length > 1 ? `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}` : namen[0];
}
