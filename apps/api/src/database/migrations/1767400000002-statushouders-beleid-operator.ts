import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statushouders policy (statushouders_beleid, 1767400000000) is the operator's setting, like
 * the regime dates: RLS demands tm_is_operator() (a RIJK principal with platformbeheer,
 * 1766100000000/1766600000000) for INSERT and UPDATE, not merely a RIJK context.
 */
export class StatushoudersBeleidOperator1767400000002 implements MigrationInterface {
  name = 'StatushoudersBeleidOperator1767400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER POLICY statushouders_beleid_maken ON statushouders_beleid WITH CHECK (tm_is_operator())`,
    );
    await q.query(
      `ALTER POLICY statushouders_beleid_wijzigen ON statushouders_beleid USING (tm_is_operator()) WITH CHECK (tm_is_operator())`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER POLICY statushouders_beleid_maken ON statushouders_beleid WITH CHECK (tm_organisatie_soort() = 'RIJK')`,
    );
    await q.query(
      `ALTER POLICY statushouders_beleid_wijzigen ON statushouders_beleid
         USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`,
    );
  }
}
