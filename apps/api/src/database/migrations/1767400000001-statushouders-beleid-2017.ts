import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statushouders policy seed split at 1 July 2017 (docs/decisions.md "Statushouders: national
 * policy by date"): under the Huisvestingswet 2014 voorrang for vergunninghouders was mandatory
 * until the amendment of Kamerstukken 34454 took effect on 1 July 2017 (RIGO, "Vergunninghouders
 * als urgentiecategorie", for BZK, 2018; the same date as libs/domain/src/urgentie.ts). From then
 * a gemeente may, but need not, give them voorrang. The taakstelling applies throughout.
 */
export class StatushoudersBeleid20171767400000001 implements MigrationInterface {
  name = 'StatushoudersBeleid20171767400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE statushouders_beleid SET voorrang = 'VERPLICHT', toelichting = $1, bron = $2
       WHERE geldig_van = '2015-01-01' AND gesteld_door IS NULL`,
      [
        'De gemeente huisvest elk halfjaar het aantal vergunninghouders dat het Rijk haar opdraagt (de taakstelling); ' +
          'de provincie ziet erop toe. Vergunninghouders zijn een verplichte urgentiecategorie.',
        'Huisvestingswet 2014 (in werking 1 januari 2015), art. 28 (taakstelling) en de verplichte voorrang voor ' +
          'vergunninghouders tot de wijziging van Kamerstukken 34454.',
      ],
    );
    await q.query(
      `INSERT INTO statushouders_beleid (geldig_van, taakstelling, voorrang, toelichting, bron)
       VALUES ('2017-07-01', true, 'TOEGESTAAN', $1, $2) ON CONFLICT (geldig_van) DO NOTHING`,
      [
        'De gemeente huisvest elk halfjaar het aantal vergunninghouders dat het Rijk haar opdraagt (de taakstelling); ' +
          'de provincie ziet erop toe. De gemeente mag vergunninghouders voorrang geven, maar hoeft dat niet.',
        'Huisvestingswet 2014, art. 28; verplichte voorrang geschrapt per 1 juli 2017 (Kamerstukken 34454; RIGO, ' +
          '"Vergunninghouders als urgentiecategorie", 2018). Aangekondigd, nog geen wet: verbod op voorrang ' +
          '(Kamerstukken 36831, Wet nieuwe regels inzake huisvesting vergunninghouders).',
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM statushouders_beleid WHERE geldig_van = '2017-07-01' AND gesteld_door IS NULL`,
    );
    await q.query(`UPDATE statushouders_beleid SET voorrang = 'TOEGESTAAN' WHERE geldig_van = '2015-01-01'`);
  }
}
