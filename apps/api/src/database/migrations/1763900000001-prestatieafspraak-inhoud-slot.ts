import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second wall under "nobody edits outside CONCEPT": the RLS policies let parties update the
 * prestatieafspraak row (status changes) and afspraken (mijlpaal reports) in any status, so these
 * triggers refuse changes to the signed content itself once a prestatieafspraak has left CONCEPT.
 * The service refuses first with a clear Dutch message; reaching this is a programming error.
 */
export class PrestatieafspraakInhoudSlot1763900000001 implements MigrationInterface {
  name = 'PrestatieafspraakInhoudSlot1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tm_prestatieafspraak_inhoud_slot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- never changed after creation, whatever the status
        IF (NEW.gemeente_code, NEW.opgesteld_door_id, NEW.is_bod, NEW.versienummer, NEW.vorige_versie_id)
           IS DISTINCT FROM (OLD.gemeente_code, OLD.opgesteld_door_id, OLD.is_bod, OLD.versienummer, OLD.vorige_versie_id) THEN
          RAISE EXCEPTION 'prestatieafspraak %: identity columns are immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status <> 'CONCEPT'
           AND (NEW.titel, NEW.jaar_van, NEW.jaar_tot) IS DISTINCT FROM (OLD.titel, OLD.jaar_van, OLD.jaar_tot) THEN
          RAISE EXCEPTION 'prestatieafspraak %: content changes only in CONCEPT', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER prestatieafspraak_inhoud_slot BEFORE UPDATE ON prestatieafspraak
        FOR EACH ROW EXECUTE FUNCTION tm_prestatieafspraak_inhoud_slot()`);

    // Only the mijlpaal report columns may change outside CONCEPT.
    await q.query(`
      CREATE FUNCTION tm_afspraak_inhoud_slot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.prestatieafspraak_id, NEW.volgnummer, NEW.actielijn, NEW.aandachtsgroep, NEW.omschrijving, NEW.soort,
            NEW.indicator_code, NEW.catalogus_versie, NEW.mijlpaal_datum, NEW.verantwoordelijke_id, NEW.vorige_afspraak_id)
           IS DISTINCT FROM
           (OLD.prestatieafspraak_id, OLD.volgnummer, OLD.actielijn, OLD.aandachtsgroep, OLD.omschrijving, OLD.soort,
            OLD.indicator_code, OLD.catalogus_versie, OLD.mijlpaal_datum, OLD.verantwoordelijke_id, OLD.vorige_afspraak_id)
           AND EXISTS (SELECT 1 FROM prestatieafspraak p WHERE p.id = OLD.prestatieafspraak_id AND p.status <> 'CONCEPT') THEN
          RAISE EXCEPTION 'afspraak %: content changes only in CONCEPT', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER afspraak_inhoud_slot BEFORE UPDATE ON afspraak
        FOR EACH ROW EXECUTE FUNCTION tm_afspraak_inhoud_slot()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER afspraak_inhoud_slot ON afspraak`);
    await q.query(`DROP TRIGGER prestatieafspraak_inhoud_slot ON prestatieafspraak`);
    await q.query(`DROP FUNCTION tm_afspraak_inhoud_slot(), tm_prestatieafspraak_inhoud_slot()`);
  }
}
