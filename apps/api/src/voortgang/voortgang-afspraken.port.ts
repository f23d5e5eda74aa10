import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@thuismonitor/auth';
import type { TeMetenAfspraak } from '@thuismonitor/domain';

/** What voortgang needs of one afspraak of a vastgestelde prestatieafspraak. */
export type VoortgangAfspraak = Omit<TeMetenAfspraak, 'verantwoordelijke'> & {
  /** the responsible party (its name is shown; absent counts as no name) */
  verantwoordelijke?: { naam: string } | null;
};

/**
 * The port through which voortgang reads the afspraken it measures. Voortgang owns it (the shape
 * above is what its measurement depends on); the prestatieafspraak feature implements it
 * (PrestatieafspraakService), bound in VoortgangModule. Nest injects by this class as token, so a
 * missing implementation fails at start-up, and a changed signature fails the typecheck.
 */
export abstract class VastgesteldeAfsprakenBron {
  /**
   * The afspraken of the VASTGESTELDE prestatieafspraken of these gemeenten that `ctx` may read,
   * running in `jaar`, with the doelwaarde of that year; read inside the caller's transaction `m`
   * (one snapshot with the figures they are measured against).
   */
  abstract vastgesteldeAfsprakenIn(
    m: EntityManager,
    ctx: RequestContext,
    gemeenteCodes: readonly string[],
    jaar: number,
  ): Promise<VoortgangAfspraak[]>;
}
