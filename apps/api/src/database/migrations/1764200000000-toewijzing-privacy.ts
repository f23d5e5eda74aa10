import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IS_KENMERK_HASH, kenmerkHash, leesKenmerkSleutel } from '../../toewijzing';

/**
 * Privacy of toewijzingen (issue 9.5, docs/privacy.md):
 *
 * 1. extern_kenmerk holds the keyed hash (HMAC-SHA256, kenmerk-hash.ts) instead of the
 *    corporatie's own kenmerk. Existing clear values are converted here, in batches, with the key
 *    from TOEWIJZING_KENMERK_SLEUTEL (migrations run before the Nest configuration exists, so the
 *    same helper reads it). Values that already are 64 hex characters are taken as hashes. The
 *    column keeps its name and uniqueness (corporatie, hash), so re-import stays idempotent.
 *    Irreversible by design: down() cannot bring clear kenmerken back.
 * 2. The audit log keeps no toewijzing content: old audit rows of toewijzingen lose their
 *    before/after copies and gemeente, import audit rows their file name (AuditService now
 *    writes only who, when, which row, which action).
 * 3. tm_toewijzing_bewaartermijn(grens): the retention job's one way to delete rows. SECURITY
 *    DEFINER because the app role may only delete its own organisation's rows; callable only with
 *    tm.taak = 'bewaartermijn' (ScopedDb.jobTransaction, never set by a request) and never for the
 *    current or previous calendar year. The base cells of the publication (migration
 *    1764100000000, maintained by triggers) are NOT reduced: published figures of closed quarters
 *    stay as they were, only the row detail goes. The delete trigger is disabled for this one
 *    statement inside the transaction (ALTER TABLE takes a SHARE ROW EXCLUSIVE lock, so no other
 *    write can slip past the trigger meanwhile; reads continue).
 */
export class ToewijzingPrivacy1764200000000 implements MigrationInterface {
  name = 'ToewijzingPrivacy1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await zetKenmerkenOm(q);
    await q.query(
      `UPDATE audit_log SET voor = NULL, na = NULL, gemeente_code = NULL WHERE entiteit = 'toewijzing'`,
    );
    await q.query(
      `UPDATE audit_log SET na = na - 'bestandsnaam' WHERE entiteit = 'toewijzing_import' AND na ? 'bestandsnaam'`,
    );

    await q.query(`
      CREATE FUNCTION tm_toewijzing_bewaartermijn(p_grens date) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        n integer;
        publicatie boolean;
      BEGIN
        IF coalesce(current_setting('tm.taak', true), '') <> 'bewaartermijn' THEN
          RAISE EXCEPTION 'tm_toewijzing_bewaartermijn is only for the retention job' USING ERRCODE = '42501';
        END IF;
        IF p_grens > make_date(extract(year FROM current_date)::integer - 1, 1, 1) THEN
          RAISE EXCEPTION 'retention bound % would delete the current or previous year', p_grens USING ERRCODE = '22023';
        END IF;
        SELECT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'public.toewijzing'::regclass AND tgname = 'publicatie_toewijzing_delete')
          INTO publicatie;
        IF publicatie THEN
          ALTER TABLE public.toewijzing DISABLE TRIGGER publicatie_toewijzing_delete;
        END IF;
        DELETE FROM public.toewijzing WHERE datum < p_grens;
        GET DIAGNOSTICS n = ROW_COUNT;
        IF publicatie THEN
          ALTER TABLE public.toewijzing ENABLE TRIGGER publicatie_toewijzing_delete;
        END IF;
        -- import records whose rows are all gone: nothing left to account for
        DELETE FROM public.toewijzing_import i
        WHERE i.tijdstip < p_grens AND NOT EXISTS (SELECT FROM public.toewijzing t WHERE t.import_id = i.id);
        RETURN n;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION tm_toewijzing_bewaartermijn(date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION tm_toewijzing_bewaartermijn(date) TO thuismonitor_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    // hashed kenmerken and removed audit content cannot be restored
    await q.query(`DROP FUNCTION tm_toewijzing_bewaartermijn(date)`);
  }
}

/**
 * Replaces every clear extern kenmerk by its keyed hash, 10,000 rows at a time (exported for the
 * test, which runs it on rows written the old way). Rows that already hold a hash are left alone,
 * so running it again changes nothing.
 */
export async function zetKenmerkenOm(q: {
  query(sql: string, params?: unknown[]): Promise<any>;
}): Promise<number> {
  let omgezet = 0;
  // the key is needed only when there is something to convert (a fresh database has no rows)
  const sleutel = () => {
    const { sleutel: s, probleem } = leesKenmerkSleutel(process.env);
    if (probleem) throw new Error(`cannot convert toewijzing kenmerken: ${probleem}`);
    return s;
  };
  let vanaf = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rijen: { id: string; corporatie_id: string; extern_kenmerk: string }[] = await q.query(
      `SELECT id, corporatie_id, extern_kenmerk FROM toewijzing WHERE id > $1 ORDER BY id LIMIT 10000`,
      [vanaf],
    );
    if (rijen.length === 0) break;
    vanaf = rijen[rijen.length - 1].id;
    const om = rijen.filter((r) => !IS_KENMERK_HASH.test(r.extern_kenmerk));
    if (om.length === 0) continue;
    omgezet += om.length;
    const k = sleutel();
    await q.query(
      `UPDATE toewijzing t SET extern_kenmerk = u.hash FROM unnest($1::uuid[], $2::text[]) AS u(id, hash) WHERE t.id = u.id`,
      [om.map((r) => r.id), om.map((r) => kenmerkHash(k, r.corporatie_id, r.extern_kenmerk))],
    );
  }
  return omgezet;
}
