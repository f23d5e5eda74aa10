/** nl-NL presentation (1.234,5; 31-12-2026; Europe/Amsterdam), shared with the API's reports via @thuismonitor/domain. */
export {
  formatGetal,
  formatPercentage,
  formatDatum,
  formatDatumLang,
  GEEN_WAARDE,
  organisatieSoortLabel,
  aandachtsgroepLabel,
  actielijnLabel,
  segmentLabel,
  prestatieafspraakStatusLabel,
  nieuwbouwFaseLabel,
  voortgangStatusLabel,
} from '@thuismonitor/domain';

const datumTijd = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const datumAmsterdam = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** An ISO timestamp as '31-12-2026 14:05' in Amsterdam time. */
export function formatDatumTijd(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return datumTijd.format(d).replace(',', '');
}

/** An ISO date ('2026-12-31') or timestamp as '31-12-2026' (timestamps in Amsterdam time). */
export function formatDag(iso: string | null | undefined): string {
  if (!iso) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [j, m, d] = iso.split('-');
    return `${d}-${m}-${j}`;
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : datumAmsterdam.format(d);
}

/** Parses a Dutch number as typed ('1.234,5', '1234,5', '1.234'); undefined when it is not a number. */
export function parseGetal(tekst: string): number | undefined {
  const t = tekst.trim().replace(/\s/g, '');
  if (!t) return undefined;
  // Dutch: '.' groups thousands, ',' is the decimal sign. '1.234' is therefore 1234; a lone dot
  // that cannot be grouping ('1.5') is read as a decimal point, as people also type that.
  const genormaliseerd = t.includes(',')
    ? t.replace(/\./g, '').replace(',', '.')
    : /^-?\d{1,3}(\.\d{3})+$/.test(t)
      ? t.replace(/\./g, '')
      : t;
  const n = Number(genormaliseerd);
  return Number.isFinite(n) ? n : undefined;
}

export const ROL_LABELS: Record<string, string> = {
  lezen: 'lezen',
  invoeren: 'gegevens invoeren',
  tekenen: 'tekenbevoegd',
  beheren: 'beheren',
  platformbeheer: 'platformbeheer',
};
