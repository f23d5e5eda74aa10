import { formatDag } from './format';

/**
 * A deadline in words instead of a signed day count ("−151"): "vandaag", "nog 12 dagen",
 * "3 dagen te laat", or for a step that is done "gedaan op 30-06-2026".
 */
export function termijnTekst(stap: {
  deadline: string;
  dagenTotDeadline: number;
  status: string;
  gedaanOp?: string | null;
  opTijd?: boolean | null;
}): string {
  if (stap.status === 'GEDAAN')
    return stap.gedaanOp
      ? `gedaan op ${formatDag(stap.gedaanOp)}${stap.opTijd === false ? ' (te laat)' : ''}`
      : 'gedaan';
  const d = stap.dagenTotDeadline;
  if (d === 0) return 'vandaag';
  if (d === 1) return 'morgen';
  if (d > 0) return `nog ${d} dagen`;
  return d === -1 ? '1 dag te laat' : `${-d} dagen te laat`;
}
