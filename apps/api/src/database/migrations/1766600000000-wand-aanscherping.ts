import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRODUCT_V2 } from './1765300000003-publicatie-herpubliceren';

/**
 * Findings of the session-4 review of the new walls (docs/decisions.md):
 *
 * 1. The regime setting (volkshuisvesting_regime: the entry-into-force date that moves every
 *    gemeente's bod deadline and geschil window) was guarded in Postgres by "a RIJK context" only;
 *    the operator role was checked in the service alone. Now RLS demands tm_is_operator(), like the
 *    organisation tables (1766100000000).
 * 2. SECURITY DEFINER functions with `SET search_path = public` search pg_temp FIRST for tables, so
 *    a session able to create temporary tables could put its own `gemeente` in front of the real
 *    one. tm_herindeling and tm_aanmeldbare_gebruikers now name pg_temp last.
 * 3. The closing check (1766000000000) compared the closing moment with clock_timestamp() while the
 *    deferred triggers ran; the commit itself becomes visible a little later (the version bump
 *    waits for its row lock). A write that passed just before the deadline could become visible
 *    just after it. The check now treats a quarter as closed 5 seconds before its deadline.
 */
const SP = 'SET search_path = pg_catalog, public';
const MARGE = "interval '5 seconds'";

export class WandAanscherping1766600000000 implements MigrationInterface {
  name = 'WandAanscherping1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY volkshuisvesting_regime_zetten ON volkshuisvesting_regime
        USING (tm_is_operator()) WITH CHECK (tm_is_operator())`);
    await q.query(
      `ALTER FUNCTION tm_herindeling(date, text, text, text, text[], boolean) SET search_path = public, pg_temp`,
    );
    await q.query(`ALTER FUNCTION tm_aanmeldbare_gebruikers() SET search_path = public, pg_temp`);
    await q.query(bewaken(`clock_timestamp() + ${MARGE}`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(bewaken('clock_timestamp()'));
    await q.query(`ALTER FUNCTION tm_aanmeldbare_gebruikers() SET search_path = public`);
    await q.query(
      `ALTER FUNCTION tm_herindeling(date, text, text, text, text[], boolean) SET search_path = public`,
    );
    await q.query(`
      ALTER POLICY volkshuisvesting_regime_zetten ON volkshuisvesting_regime
        USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`);
  }
}

const bewaken = (moment: string) => `
  CREATE OR REPLACE FUNCTION tm_publicatie_sluiting_bewaken() RETURNS trigger
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
    v_nu := public.tm_publicatie_laatst_gesloten_op(${moment});
    IF (v_jaar, v_kwartaal) <= (extract(year FROM v_nu)::smallint, extract(quarter FROM v_nu)::smallint) THEN
      RAISE EXCEPTION 'quarter %-Q% closed while this transaction ran; nothing stored, retry', v_jaar, v_kwartaal
        USING ERRCODE = '40001', HINT = 'tm:kwartaal-gesloten';
    END IF;
    RETURN NULL;
  END $$`;
