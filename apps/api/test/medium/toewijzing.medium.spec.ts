import { ToewijzingModule } from '../../src/toewijzing/toewijzing.module';
import { ToewijzingImportService } from '../../src/toewijzing/toewijzing-import.service';
import { ToewijzingService } from '../../src/toewijzing/toewijzing.service';
import { kenmerkHash } from '../../src/toewijzing/kenmerk-hash';
import { AuditService } from '../../src/audit/audit.service';
import { GebruikersFout } from '../../src/common/fouten';
import { MediumTest } from '../support/medium';
import { Fixtures } from '../support/fixtures';

/**
 * Toewijzingen straight at the services (no HTTP, no multipart): the import's outcome for a valid
 * file and for a file with one bad row, a failure halfway through the write, and the tenancy of
 * rows between two corporaties. The REST contract (status codes, upload limits, encodings) stays
 * in toewijzing-import.spec.ts. Clock fixed at 2025-06-15.
 */
const KOP = 'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte;segment;via_urgentie';
const GOED = [
  KOP,
  'M-1;GM0344;14-03-2025;statushouders;3;sociale huur;nee',
  'M-2;GM0344;2025-02-28;;2;;',
  'M-3;Nieuwegein;2025-04-01;;1;;ja',
].join('\n');

describe('toewijzingen (medium: services on a cloned database)', () => {
  let t: MediumTest;
  let fx: Fixtures;
  let domstad: string;

  beforeAll(async () => {
    t = await MediumTest.start({ modules: [ToewijzingModule], klok: '2025-06-15' });
    fx = new Fixtures(t.admin);
    domstad = await t.orgId('L0801');
  });
  afterEach(async () => {
    await fx.opruimen();
    // what the imports stored (the import's own rows are not fixtures)
    await t.admin.query('DELETE FROM toewijzing');
    await t.admin.query('DELETE FROM toewijzing_import');
    jest.restoreAllMocks();
  });
  afterAll(() => t?.close());

  const importeer = async (inhoud: string, dryRun = false, als = 'corporatie.domstad.invoer') =>
    t
      .get(ToewijzingImportService)
      .importeer(
        await t.als(als),
        { buffer: Buffer.from(inhoud, 'utf8'), bestandsnaam: 'm.csv' },
        {},
        dryRun,
      );
  const tel = async (tabel: string, waar = 'true') =>
    (await t.admin.query(`SELECT count(*)::int AS n FROM ${tabel} WHERE ${waar}`)).rows[0].n as number;
  const telAudit = (actie: string) => tel('audit_log', `actie = '${actie}'`);

  it('a valid file: every row stored under its keyed hash, one import record, one audit row', async () => {
    const auditVoor = await telAudit('IMPORTEER_TOEWIJZINGEN');
    const r = await importeer(GOED);

    expect(r).toMatchObject({
      opgeslagen: true,
      rijen: 3,
      geldig: 3,
      aantalFouten: 0,
      nieuw: 3,
      alAanwezig: 0,
    });
    const { rows } = await t.admin.query(
      `SELECT extern_kenmerk, gemeente_code, to_char(datum, 'YYYY-MM-DD') AS datum, aandachtsgroep, huishoudgrootte, via_urgentie, import_id
       FROM toewijzing ORDER BY datum`,
    );
    const h = (k: string) => kenmerkHash(t.config.toewijzingKenmerkSleutel, domstad, k);
    expect(rows).toEqual([
      {
        extern_kenmerk: h('M-2'),
        gemeente_code: 'GM0344',
        datum: '2025-02-28',
        aandachtsgroep: null,
        huishoudgrootte: 2,
        via_urgentie: false,
        import_id: r.importId,
      },
      {
        extern_kenmerk: h('M-1'),
        gemeente_code: 'GM0344',
        datum: '2025-03-14',
        aandachtsgroep: 'STATUSHOUDERS',
        huishoudgrootte: 3,
        via_urgentie: false,
        import_id: r.importId,
      },
      {
        extern_kenmerk: h('M-3'),
        gemeente_code: 'GM0356',
        datum: '2025-04-01',
        aandachtsgroep: null,
        huishoudgrootte: 1,
        via_urgentie: true,
        import_id: r.importId,
      },
    ]);
    expect(await tel('toewijzing_import')).toBe(1);
    expect(await telAudit('IMPORTEER_TOEWIJZINGEN')).toBe(auditVoor + 1);
  });

  it('the same file again stores nothing new (idempotent per kenmerk)', async () => {
    await importeer(GOED);
    const r = await importeer(GOED);
    expect(r).toMatchObject({ opgeslagen: true, geldig: 3, nieuw: 0, alAanwezig: 3 });
    expect(await tel('toewijzing')).toBe(3);
  });

  it('one invalid row: nothing half-written, the refusal noted once', async () => {
    const geweigerdVoor = await telAudit('IMPORT_GEWEIGERD');
    const r = await importeer(`${GOED}\nM-4;GM0344;31-02-2025;;2;;`);

    expect(r).toMatchObject({
      opgeslagen: false,
      importId: null,
      rijen: 4,
      geldig: 3,
      aantalFouten: 1,
      fouten: [{ rij: 5, kolom: 'datum', melding: "Datum '31-02-2025' bestaat niet" }],
    });
    expect(await tel('toewijzing')).toBe(0);
    expect(await tel('toewijzing_import')).toBe(0);
    expect(await telAudit('IMPORT_GEWEIGERD')).toBe(geweigerdVoor + 1);
  });

  it('a failure after the rows were written rolls the whole import back', async () => {
    // the audit row is the import transaction's last write: failing it leaves rows and import
    // record written but uncommitted
    jest.spyOn(t.get(AuditService), 'schrijf').mockRejectedValueOnce(new Error('disk full'));
    await expect(importeer(GOED)).rejects.toThrow('disk full');
    expect(await tel('toewijzing')).toBe(0);
    expect(await tel('toewijzing_import')).toBe(0);
  });

  it('tenancy: a corporatie lists only its own rows and cannot delete another’s', async () => {
    const vanDomstad = await fx.bouwToewijzing({
      corporatie: 'L0801',
      gemeente: 'GM0344',
      datum: '2025-01-10',
    });
    const vanEemland = await fx.bouwToewijzing({
      corporatie: 'L0802',
      gemeente: 'GM0307',
      datum: '2025-01-11',
    });
    const service = t.get(ToewijzingService);
    const eemland = await t.als('corporatie.eemland');

    const lijst = await service.lijst(eemland, {});
    expect(lijst.nodes.map((n) => n.id)).toEqual([vanEemland.id]);
    expect(await lijst.telTotaal()).toBe(1);

    const fout = await service.verwijder(eemland, vanDomstad.id).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(GebruikersFout);
    expect((fout as GebruikersFout).code).toBe('NIET_GEVONDEN');
    expect(await tel('toewijzing', `id = '${vanDomstad.id}'`)).toBe(1);
  });

  it('tenancy: a dry run of another corporatie does not see this one’s kenmerken', async () => {
    await importeer(GOED);
    // the same kenmerken from Eemland (in its own werkgebied) are new for Eemland
    const eemland = GOED.replace(/GM0344|Nieuwegein/g, 'GM0307');
    const r = await importeer(eemland, true, 'corporatie.eemland');
    expect(r).toMatchObject({ proefrun: true, dryRun: true, geldig: 3, alAanwezig: 0, nieuw: 3 });
  });
});
