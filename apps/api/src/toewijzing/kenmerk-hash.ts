import { createHmac } from 'node:crypto';

/**
 * The corporatie's own kenmerk for a toewijzing (contract or allocation number) is the key into
 * its own files, so stored in the clear it would make every row traceable to one household by
 * anybody who can read both. Thuismonitor needs it only to recognise a row it already has
 * (re-import is idempotent). So it stores a keyed hash: HMAC-SHA256 with a secret from the
 * configuration (TOEWIJZING_KENMERK_SLEUTEL), over the corporatie's id and the kenmerk. The same
 * kenmerk of the same corporatie always gives the same hash; without the secret nobody can test
 * a guessed kenmerk against the stored value, and the same kenmerk at two corporaties gives two
 * unrelated hashes (no linking across corporaties).
 */
export function kenmerkHash(sleutel: string, corporatieId: string, kenmerk: string): string {
  // The NUL separator keeps (id, kenmerk) pairs unambiguous: an id never contains one.
  return createHmac('sha256', sleutel)
    .update(corporatieId, 'utf8')
    .update('\0')
    .update(kenmerk, 'utf8')
    .digest('hex');
}

/** What the API shows of the stored hash: enough to tell rows apart on screen, useless for guessing. */
export function kenmerkVingerafdruk(hash: string): string {
  return hash.slice(0, 12);
}

/** A stored value that already is a kenmerk hash (64 lower-case hex characters). */
export const IS_KENMERK_HASH = /^[0-9a-f]{64}$/;

/**
 * Development and test default. Never used in production: there loadConfig requires the variable
 * (a known key would let anyone test guessed kenmerken against the stored hashes).
 */
export const ONTWIKKEL_KENMERK_SLEUTEL = 'thuismonitor-ontwikkeling-kenmerk-sleutel-niet-voor-productie';

/** Shortest accepted production key: 32 characters (256 bits when random, as for HMAC-SHA256). */
export const MIN_KENMERK_SLEUTEL_LENGTE = 32;

/**
 * The key from the environment, or the problem with it. Shared by loadConfig and by the
 * migration that converts stored kenmerken (migrations run without the Nest configuration).
 */
export function leesKenmerkSleutel(env: NodeJS.ProcessEnv): { sleutel: string; probleem?: string } {
  // as loadConfig: an unset NODE_ENV means production
  const productie = (env.NODE_ENV || 'production') === 'production';
  const waarde = env.TOEWIJZING_KENMERK_SLEUTEL;
  if (!waarde) {
    if (productie) {
      return {
        sleutel: '',
        probleem: `TOEWIJZING_KENMERK_SLEUTEL is required in production (a random secret of at least ${MIN_KENMERK_SLEUTEL_LENGTE} characters, e.g. openssl rand -hex 32)`,
      };
    }
    return { sleutel: ONTWIKKEL_KENMERK_SLEUTEL };
  }
  if (waarde.length < MIN_KENMERK_SLEUTEL_LENGTE) {
    return {
      sleutel: waarde,
      probleem: `TOEWIJZING_KENMERK_SLEUTEL must be at least ${MIN_KENMERK_SLEUTEL_LENGTE} characters`,
    };
  }
  if (productie && waarde === ONTWIKKEL_KENMERK_SLEUTEL) {
    return {
      sleutel: waarde,
      probleem: 'TOEWIJZING_KENMERK_SLEUTEL must not be the development default in production',
    };
  }
  return { sleutel: waarde };
}
