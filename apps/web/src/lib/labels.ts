/** Labels for API values that have no label helper in @thuismonitor/domain (yet). */
export const MIJLPAAL_STATUS_LABELS: Record<string, string> = {
  NIET_GESTART: 'Niet gestart',
  LOOPT: 'Loopt',
  GEREED: 'Gereed',
  VERTRAAGD: 'Vertraagd',
};

const EENHEDEN: Record<string, [string, string]> = {
  WONINGEN: ['woning', 'woningen'],
  HUISHOUDENS: ['huishouden', 'huishoudens'],
  PERSONEN: ['persoon', 'personen'],
  PERCENTAGE: ['%', '%'],
  AANTAL: ['', ''],
  MIJLPAAL: ['', ''],
};

/** '120 woningen', '1 huishouden', '30%' */
export function metEenheid(getal: string, waarde: number | null | undefined, eenheid: string): string {
  const [enkel, meer] = EENHEDEN[eenheid] ?? ['', ''];
  if (eenheid === 'PERCENTAGE') return `${getal}%`;
  const woord = waarde === 1 ? enkel : meer;
  return woord ? `${getal} ${woord}` : getal;
}

export function eenheidLabel(eenheid: string): string {
  return EENHEDEN[eenheid]?.[1] ?? eenheid.toLowerCase();
}

export const STATUS_BADGE: Record<
  string,
  'neutral' | 'warning' | 'success' | 'inactive' | 'danger' | 'active'
> = {
  CONCEPT: 'neutral',
  TER_ONDERTEKENING: 'warning',
  VASTGESTELD: 'success',
  BEEINDIGD: 'inactive',
  OP_SCHEMA: 'success',
  VOOR: 'success',
  ACHTER: 'danger',
  GEEN_DOEL: 'neutral',
  LOOPT: 'active',
  GEHAALD: 'success',
  ACHTERSTAND: 'danger',
  VOORSPRONG: 'success',
};
