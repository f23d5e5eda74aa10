import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merging organisations (issue 13, a corporatie fusie): the merged organisation is deactivated
 * and records which organisation it became part of (`opgegaan_in`); its registered users move to
 * that organisation. Its figures and signatures stay where they are (history keeps the name under
 * which they were given). Same row-level security as the rest of the organisation tables.
 */
export class OrganisatieSamenvoegen1765000000001 implements MigrationInterface {
  name = 'OrganisatieSamenvoegen1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisatie ADD COLUMN opgegaan_in uuid REFERENCES organisatie(id)`);
    await q.query(
      `ALTER TABLE organisatie ADD CONSTRAINT organisatie_opgegaan_ck CHECK (opgegaan_in IS NULL OR (NOT actief AND opgegaan_in <> id))`,
    );
    await q.query(`GRANT UPDATE (opgegaan_in) ON organisatie TO thuismonitor_app`);
    await q.query(`GRANT UPDATE (organisatie_id) ON organisatie_gebruiker TO thuismonitor_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE (organisatie_id) ON organisatie_gebruiker FROM thuismonitor_app`);
    await q.query(`REVOKE UPDATE (opgegaan_in) ON organisatie FROM thuismonitor_app`);
    await q.query(`ALTER TABLE organisatie DROP CONSTRAINT organisatie_opgegaan_ck`);
    await q.query(`ALTER TABLE organisatie DROP COLUMN opgegaan_in`);
  }
}
