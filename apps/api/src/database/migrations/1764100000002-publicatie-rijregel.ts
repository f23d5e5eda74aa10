import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row visibility of toewijzingen and kwartaalcijfers narrowed to the row rule of libs/auth
 * magRijZien: the owning organisation, and the gemeente the row lies in (a gemeente's scope is
 * itself). The wide part (every organisation whose scope holds the gemeente) existed only so
 * provincie, Rijk and partners could aggregate rows; aggregates now come from the publicatie
 * functions of migration 1764100000000, which apply the disclosure rule. With this, RLS is a real
 * second wall: a service that forgets its filter still cannot hand a provincie a household row.
 *
 * The gemeente arm comes first: it reads two settings, the owner arm parses the organisation id
 * per row (OR does not reorder its arms; same reasoning as 1763950000000). Both columns are in
 * the indexes (INCLUDE corporatie_id / organisatie_id), so the scans stay index-only.
 */
const LEESPOLICIES = [
  ['toewijzing', 'toewijzing_lezen', 'corporatie_id'],
  ['kwartaalcijfer', 'kwartaalcijfer_lezen', 'organisatie_id'],
] as const;

export class PublicatieRijregel1764100000002 implements MigrationInterface {
  name = 'PublicatieRijregel1764100000002';

  async up(q: QueryRunner): Promise<void> {
    for (const [tabel, policy, eigenaar] of LEESPOLICIES) {
      await q.query(
        `ALTER POLICY ${policy} ON ${tabel}
           USING ((tm_organisatie_soort() = 'GEMEENTE' AND tm_gemeente_in_scope(gemeente_code)) OR ${eigenaar} = tm_organisatie())`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [tabel, policy, eigenaar] of LEESPOLICIES) {
      await q.query(
        `ALTER POLICY ${policy} ON ${tabel} USING (tm_gemeente_in_scope(gemeente_code) OR ${eigenaar} = tm_organisatie())`,
      );
    }
  }
}
