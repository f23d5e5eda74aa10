import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRODUCT_V2 } from './1765300000003-publicatie-herpubliceren';

/**
 * The closing race of the publication grid (docs/decisions.md "Publicatie: released figures of a
 * closed quarter are fixed", residual named in the issue 9 note).
 *
 * The cell triggers decide "closed" with now(), the START of the writing transaction. A write
 * that began before a quarter's deadline and commits after it therefore still re-releases that
 * quarter's existing cells, after readers may already have read them as closed: the before/after
 * difference is the corrected household, exactly what freezing prevents.
 *
 * Now every product write that changes an existing cell of the quarter that closes next (as seen
 * at the transaction's start) is checked once more at COMMIT, against the clock at that moment
 * (clock_timestamp()). If the quarter closed in between, the commit fails with SQLSTATE 40001
 * (serialization_failure: "retry the transaction") and nothing is stored; the retry starts after
 * the deadline and freezes as any later write does. The API answers it in Dutch
 * (ScopedDb: KWARTAAL_GESLOTEN_TIJDENS_SCHRIJVEN). Cells first created by the same transaction
 * are left alone: a late cell gets its first release like any other (1765300000000).
 *
 * Cost: a deferred row event only for cells of the quarter that closes next, filtered by the
 * trigger's WHEN clause: before a deadline that is the previous quarter (late corrections), after
 * it the running quarter (every write to it queues one event per changed cell, a plpgsql call at
 * commit); writes to closed (frozen) quarters queue nothing. 1766600000000 adds a 5 s margin.
 */
const SP = 'SET search_path = pg_catalog, public';
const CELTABELLEN = ['publicatie_toewijzing_cel', 'publicatie_kwartaalcijfer_cel'];

export class PublicatieSluiting1766000000000 implements MigrationInterface {
  name = 'PublicatieSluiting1766000000000';

  async up(q: QueryRunner): Promise<void> {
    // the last day of the last closed quarter at a given moment (tm_publicatie_laatst_gesloten at now())
    await q.query(`
      CREATE FUNCTION tm_publicatie_laatst_gesloten_op(p_moment timestamptz) RETURNS date
      LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
        SELECT (date_trunc('quarter', (p_moment AT TIME ZONE 'Europe/Amsterdam')::date - i.deadline_dag + 1) - interval '1 day')::date
        FROM public.publicatie_instelling i $$`);
    // true for a cell of the quarter that closes next, as seen at the transaction's start
    await q.query(`
      CREATE FUNCTION tm_publicatie_sluit_hierna(p_jaar smallint, p_kwartaal smallint) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
        SELECT (p_jaar, p_kwartaal) = (extract(year FROM d)::smallint, extract(quarter FROM d)::smallint)
        FROM (SELECT public.tm_publicatie_laatst_gesloten() + 1 AS d) x $$`);
    await q.query(`
      CREATE FUNCTION tm_publicatie_sluiting_bewaken() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      DECLARE
        v_jaar smallint;
        v_kwartaal smallint;
        v_tx xid8;
        v_nu date;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          v_jaar := OLD.jaar; v_kwartaal := OLD.kwartaal; v_tx := OLD.aangemaakt_tx;
        ELSE
          v_jaar := NEW.jaar; v_kwartaal := NEW.kwartaal; v_tx := NEW.aangemaakt_tx;
        END IF;
        -- a cell this transaction created; or an operator's explicit re-publication
        IF v_tx = pg_current_xact_id() OR NOT (${PRODUCT_V2}) THEN RETURN NULL; END IF;
        v_nu := public.tm_publicatie_laatst_gesloten_op(clock_timestamp());
        IF (v_jaar, v_kwartaal) <= (extract(year FROM v_nu)::smallint, extract(quarter FROM v_nu)::smallint) THEN
          RAISE EXCEPTION 'quarter %-Q% closed while this transaction ran; nothing stored, retry', v_jaar, v_kwartaal
            USING ERRCODE = '40001', HINT = 'tm:kwartaal-gesloten';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION tm_publicatie_sluiting_bewaken() FROM PUBLIC`);
    for (const t of CELTABELLEN) {
      for (const [naam, event, rij] of [
        ['schrijf', 'INSERT OR UPDATE', 'NEW'],
        ['verwijder', 'DELETE', 'OLD'],
      ] as const) {
        await q.query(`
          CREATE CONSTRAINT TRIGGER tm_sluiting_${naam} AFTER ${event} ON ${t}
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            WHEN (public.tm_publicatie_sluit_hierna(${rij}.jaar, ${rij}.kwartaal))
            EXECUTE FUNCTION tm_publicatie_sluiting_bewaken()`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of CELTABELLEN) {
      await q.query(`DROP TRIGGER IF EXISTS tm_sluiting_schrijf ON ${t}`);
      await q.query(`DROP TRIGGER IF EXISTS tm_sluiting_verwijder ON ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS tm_publicatie_sluiting_bewaken()`);
    await q.query(`DROP FUNCTION IF EXISTS tm_publicatie_sluit_hierna(smallint, smallint)`);
    await q.query(`DROP FUNCTION IF EXISTS tm_publicatie_laatst_gesloten_op(timestamptz)`);
  }
}
