import type { IsoDatum } from './iso-datum';
import type { MijlpaalStatus } from './prestatieafspraak-inhoud';
import type { VoortgangStatus } from './voortgang';

/**
 * Progress of a milestone afspraak ("woonzorgvisie vastgesteld by 1 July 2026"), in the same
 * statuses as a counted indicator so one table can show both:
 * - GEREED: OP_SCHEMA (reached; realisation 1);
 * - VERTRAAGD: ACHTER (the parties themselves report a delay);
 * - NIET_GESTART / LOOPT: OP_SCHEMA until the agreed date has passed, ACHTER after it.
 * The realisation of a milestone is 1 when reached on or before the peildatum, else 0.
 */
export function mijlpaalVoortgang(
  status: MijlpaalStatus,
  mijlpaalDatum: IsoDatum,
  vandaag: IsoDatum,
): VoortgangStatus {
  if (status === 'GEREED') return 'OP_SCHEMA';
  if (status === 'VERTRAAGD') return 'ACHTER';
  return vandaag > mijlpaalDatum ? 'ACHTER' : 'OP_SCHEMA';
}

export function mijlpaalRealisatie(status: MijlpaalStatus, gereedOp: IsoDatum | null, peil: IsoDatum): 0 | 1 {
  return status === 'GEREED' && gereedOp !== null && gereedOp <= peil ? 1 : 0;
}
