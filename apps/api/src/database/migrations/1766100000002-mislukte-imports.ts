import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform operator's start page lists failed toewijzingen imports (issue 13, item 6): a real
 * import that stored nothing leaves an audit row IMPORT_GEWEIGERD (counts or the Dutch reason, no
 * file name) in the corporatie's own audit rows. The operator may read the import rows of every
 * organisation (successful ones too, to see whether a later attempt succeeded); nothing else of
 * another organisation's audit log.
 */
export class MislukteImports1766100000002 implements MigrationInterface {
  name = 'MislukteImports1766100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY audit_log_operator_imports ON audit_log FOR SELECT
        USING (tm_is_operator() AND entiteit = 'toewijzing_import')`);
    await q.query(
      `CREATE INDEX audit_log_import_idx ON audit_log (tijdstip) WHERE entiteit = 'toewijzing_import'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_import_idx`);
    await q.query(`DROP POLICY audit_log_operator_imports ON audit_log`);
  }
}
