import * as http from 'node:http';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { IMPORT_GRENZEN } from '@thuismonitor/domain';
import { kenmerkHash } from '../src/toewijzing/kenmerk-hash';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The bulk import over real HTTP: multipart upload, dry run, atomic real import, idempotent
 * re-import, werkgebied, personal data, encodings, separators, XLSX, size limit, header mapping.
 */
describe('toewijzingen import (REST upload)', () => {
  let t: TestApp;
  let domstad: string;
  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
  });
  afterAll(() => t.close());

  async function upload(
    inhoud: string | Buffer,
    opties: { als?: string; dryRun?: boolean | string; naam?: string; kolommen?: unknown } = {},
  ): Promise<{ status: number; body: any }> {
    const form = new FormData();
    const data = typeof inhoud === 'string' ? Buffer.from(inhoud, 'utf8') : inhoud;
    form.append('bestand', new Blob([data]), opties.naam ?? 'toewijzingen.csv');
    if (opties.kolommen !== undefined) form.append('kolommen', JSON.stringify(opties.kolommen));
    const dry = opties.dryRun === undefined ? 'false' : String(opties.dryRun);
    const res = await t.fetch(`/api/toewijzingen/import?proefrun=${dry}`, {
      method: 'POST',
      body: form,
      als: opties.als ?? 'corporatie.domstad.invoer',
    });
    const tekst = await res.text();
    let body: any = tekst;
    try {
      body = JSON.parse(tekst);
    } catch {
      // not JSON: keep the text for the assertion message
    }
    return { status: res.status, body };
  }

  /** The keyed hash the import must store for a kenmerk of Domstad. */
  const h = (kenmerk: string) => kenmerkHash(t.config.toewijzingKenmerkSleutel, domstad, kenmerk);
  const KENMERKEN = [
    'D-1',
    'D-2',
    'D-3',
    'D-5',
    'D-6',
    'D-7',
    'CP-é1',
    'CP-ë2',
    'B,1',
    'B-2',
    '100234',
    'X-2',
    'X-3',
    'X-4',
    'M-1',
    'Z-1',
  ];
  /**
   * Rows read straight from the table, with each stored hash replaced by the kenmerk it was made
   * from (the database holds no clear kenmerk, so this proves every stored value is that hash),
   * sorted by that kenmerk.
   */
  async function opgeslagen(kolommen: string): Promise<any[]> {
    const terug = new Map(KENMERKEN.map((k) => [h(k), k]));
    const { rows } = await t.db.query(`SELECT extern_kenmerk, ${kolommen} FROM toewijzing`);
    return rows
      .map((r) => ({ ...r, extern_kenmerk: terug.get(r.extern_kenmerk) ?? `onbekend: ${r.extern_kenmerk}` }))
      .sort((a, b) => (a.extern_kenmerk < b.extern_kenmerk ? -1 : 1));
  }

  const tel = async (tabel = 'toewijzing') =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${tabel}`)).rows[0].n as number;
  const telAudit = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'IMPORTEER_TOEWIJZINGEN'`))
      .rows[0].n as number;
  const leeg = async () => {
    await t.db.query('DELETE FROM toewijzing');
    await t.db.query('DELETE FROM toewijzing_import');
  };

  const KOP = 'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte;segment;via_urgentie';

  describe('a file with mixed errors, then fixed, then again', () => {
    const fout = [
      KOP,
      'D-1;GM0344;14-03-2025;statushouders;3;sociale huur;nee',
      'D-2;GM0344;31-02-2025;;2;;',
      'D-3;Nieuwegein;2025-04-01;marsbewoners;0;;misschien',
      'D-4;GM0307;2025-04-02;;1;;',
      ';GM0344;2025-04-03;;1;;',
      'D-1;GM0356;2025-04-04;;1;;',
      'D-7;Stichtse Vecht;01-05-2025;urgent;4;middenhuur;ja',
    ].join('\n');
    const VERWACHTE_FOUTEN = [
      { rij: 3, kolom: 'datum', melding: "Datum '31-02-2025' bestaat niet" },
      {
        rij: 4,
        kolom: 'aandachtsgroep',
        melding: expect.stringMatching(/^Aandachtsgroep 'marsbewoners' is onbekend/),
      },
      { rij: 4, kolom: 'huishoudgrootte', melding: 'Huishoudgrootte 0 moet tussen 1 en 20 liggen' },
      { rij: 4, kolom: 'via_urgentie', melding: "Via urgentie 'misschien' is geen ja of nee" },
      { rij: 5, kolom: 'gemeente', melding: 'Gemeente GM0307 valt buiten het werkgebied van de corporatie' },
      { rij: 6, kolom: 'extern_kenmerk', melding: 'Extern kenmerk ontbreekt' },
      { rij: 7, kolom: 'extern_kenmerk', melding: "Extern kenmerk 'D-1' staat ook in rij 2" },
    ];

    it('dry run: reports every error with row and column, stores nothing', async () => {
      const r = await upload(fout, { dryRun: true });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        proefrun: true,
        dryRun: true,
        opgeslagen: false,
        importId: null,
        rijen: 7,
        geldig: 2,
        fouten: VERWACHTE_FOUTEN,
        aantalFouten: 7,
        alAanwezig: 0,
        nieuw: 2,
        genegeerdeKolommen: [],
        ontbrekendeKolommen: [],
        // issue 12, item 7: unknown values once per value, for the web's offer to map them
        onbekendeWaarden: [
          { veld: 'aandachtsgroep', kolom: 'aandachtsgroep', waarde: 'marsbewoners', rijen: 1, eersteRij: 4 },
          { veld: 'via_urgentie', kolom: 'via_urgentie', waarde: 'misschien', rijen: 1, eersteRij: 4 },
        ],
        koppeling: {
          versie: 0,
          kolommen: KOP.split(';').map((k) => ({ bron: k, kolom: k, herkomst: 'STANDAARD' })),
          waarden: [],
        },
      });
      expect(await tel()).toBe(0);
    });

    it('real import: 422 with the same report, nothing stored (atomic), no audit row', async () => {
      const r = await upload(fout);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({
        proefrun: false,
        dryRun: false,
        opgeslagen: false,
        rijen: 7,
        geldig: 2,
        fouten: VERWACHTE_FOUTEN,
      });
      expect(await tel()).toBe(0);
      expect(await tel('toewijzing_import')).toBe(0);
      expect(await telAudit()).toBe(0);
    });

    const goed = [
      KOP,
      'D-1;GM0344;14-03-2025;statushouders;3;sociale huur;nee',
      'D-2;GM0344;28-02-2025;;2;;',
      'D-3;Nieuwegein;2025-04-01;;1;;',
      '',
      'D-5;344;2025-04-03;regulier;1;;',
      'D-6;GM0356;2025-04-04;dakloos;1;;ja',
      'D-7;Stichtse Vecht;01-05-2025;urgent;4;middenhuur;ja',
    ].join('\r\n');

    it('the fixed file: every row stored, one import record and one audit row', async () => {
      const r = await upload(goed);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        opgeslagen: true,
        rijen: 6,
        geldig: 6,
        fouten: [],
        aantalFouten: 0,
        alAanwezig: 0,
        nieuw: 6,
      });
      expect(await tel()).toBe(6);
      const rows = await opgeslagen(
        `gemeente_code, to_char(datum, 'YYYY-MM-DD') AS datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, corporatie_id, import_id`,
      );
      expect(
        rows.map((x) => [
          x.extern_kenmerk,
          x.gemeente_code,
          x.datum,
          x.aandachtsgroep,
          x.huishoudgrootte,
          x.segment,
          x.via_urgentie,
        ]),
      ).toEqual([
        ['D-1', 'GM0344', '2025-03-14', 'STATUSHOUDERS', 3, 'SOCIALE_HUUR', false],
        ['D-2', 'GM0344', '2025-02-28', null, 2, 'SOCIALE_HUUR', false],
        ['D-3', 'GM0356', '2025-04-01', null, 1, 'SOCIALE_HUUR', false],
        ['D-5', 'GM0344', '2025-04-03', null, 1, 'SOCIALE_HUUR', false],
        ['D-6', 'GM0356', '2025-04-04', 'DAK_EN_THUISLOZEN', 1, 'SOCIALE_HUUR', true],
        ['D-7', 'GM1904', '2025-05-01', 'URGENTEN', 4, 'MIDDENHUUR', true],
      ]);
      expect(new Set(rows.map((x) => x.corporatie_id))).toEqual(new Set([domstad]));
      expect(new Set(rows.map((x) => x.import_id))).toEqual(new Set([r.body.importId]));
      const imp = await t.db.query('SELECT rijen, opgeslagen, al_aanwezig FROM toewijzing_import');
      expect(imp.rows).toEqual([{ rijen: 6, opgeslagen: 6, al_aanwezig: 0 }]);
      const audit = await t.db.query(
        `SELECT entiteit_id, gebruikersnaam, organisatie_id, na FROM audit_log WHERE actie = 'IMPORTEER_TOEWIJZINGEN'`,
      );
      expect(audit.rows).toEqual([
        {
          entiteit_id: r.body.importId,
          gebruikersnaam: 'corporatie.domstad.invoer',
          organisatie_id: domstad,
          // who, when, which import, how many: no file name, no row content
          na: { rijen: 6, opgeslagen: 6, alAanwezig: 0, koppelingVersie: 0 },
        },
      ]);
    });

    it('imported again: nothing duplicated, the report says all were already there', async () => {
      const dry = await upload(goed, { dryRun: true });
      expect(dry.body).toMatchObject({ geldig: 6, alAanwezig: 6, nieuw: 0 });
      const r = await upload(goed);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ opgeslagen: true, rijen: 6, geldig: 6, alAanwezig: 6, nieuw: 0 });
      expect(await tel()).toBe(6);
      expect(await telAudit()).toBe(2);
    });
  });

  it('rows outside the werkgebied: an error on each row, nothing stored', async () => {
    await leeg();
    const r = await upload(
      [
        KOP,
        'E-1;Amersfoort;2025-01-10;;2;;',
        'E-2;GM0344;2025-01-11;;2;;',
        'E-3;GM0327;2025-01-12;;2;;',
      ].join('\n'),
    );
    expect(r.status).toBe(422);
    expect(r.body.fouten).toEqual([
      {
        rij: 2,
        kolom: 'gemeente',
        melding: "Gemeente 'Amersfoort' (GM0307) valt buiten het werkgebied van de corporatie",
      },
      { rij: 4, kolom: 'gemeente', melding: 'Gemeente GM0327 valt buiten het werkgebied van de corporatie' },
    ]);
    expect(r.body.geldig).toBe(1);
    expect(await tel()).toBe(0);
  });

  it('a column that looks like personal data: the whole file is refused outright, naming the column', async () => {
    const bestand = [
      'kenmerk;Naam huurder;BSN;gemeente;datum;aandachtsgroep;huishoudgrootte',
      'P-1;J. Jansen;123456782;GM0344;2025-01-01;;1',
    ].join('\n');
    for (const dryRun of [true, false]) {
      const r = await upload(bestand, { dryRun });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('ONGELDIGE_INVOER');
      expect(r.body.message).toMatch(
        /^Het bestand is geweigerd\. .*persoonsgegevens.*'Naam huurder': naam; 'BSN': burgerservicenummer/,
      );
      expect(r.body.details.map((d: { veld: string }) => d.veld)).toEqual(['Naam huurder', 'BSN']);
      expect(JSON.stringify(r.body)).not.toContain('Jansen');
    }
    // refused before anything else: even a file whose rows are all wrong gets only this answer
    const r = await upload('geboortedatum;gemeente\n01-01-1980;GM9999', { dryRun: true });
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/'geboortedatum'/);
    expect(r.body.fouten).toBeUndefined();
    expect(await tel()).toBe(0);
  });

  it('Windows-1252 with ; and dd-mm-jjjj dates', async () => {
    await leeg();
    const tekst = [
      'Contractnummer;Gemeente;Ingangsdatum;Doelgroep;Aantal personen;Urgentie',
      'CP-é1;Nieuwegein;05-06-2025;Ouderen;1;nee',
      'CP-ë2;Utrecht;7-6-2025;;2;ja',
    ].join('\r\n');
    const bestand = iconv.encode(tekst, 'win1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bestand)).toThrow(); // really not UTF-8
    const r = await upload(bestand);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ rijen: 2, nieuw: 2 });
    const rows = await opgeslagen(
      `gemeente_code, to_char(datum, 'YYYY-MM-DD') AS datum, aandachtsgroep, via_urgentie`,
    );
    expect(rows).toEqual([
      {
        extern_kenmerk: 'CP-é1',
        gemeente_code: 'GM0356',
        datum: '2025-06-05',
        aandachtsgroep: 'OUDEREN',
        via_urgentie: false,
      },
      {
        extern_kenmerk: 'CP-ë2',
        gemeente_code: 'GM0344',
        datum: '2025-06-07',
        aandachtsgroep: null,
        via_urgentie: true,
      },
    ]);
  });

  it('UTF-8 with a BOM, `,` separators, quoted cells and ISO dates', async () => {
    await leeg();
    const tekst =
      '\uFEFFextern kenmerk,gemeente,datum,aandachtsgroep,huishoudgrootte,segment\r\n' +
      '"B,1",Utrecht,2025-07-01,Statushouders,5,"Sociale huur"\r\n' +
      'B-2,"Stichtse Vecht",2025-07-02,,1,middenhuur\r\n';
    const r = await upload(tekst);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ rijen: 2, nieuw: 2, fouten: [] });
    const rows = await opgeslagen(`gemeente_code, to_char(datum, 'YYYY-MM-DD') AS datum, segment`);
    expect(rows).toEqual([
      { extern_kenmerk: 'B,1', gemeente_code: 'GM0344', datum: '2025-07-01', segment: 'SOCIALE_HUUR' },
      { extern_kenmerk: 'B-2', gemeente_code: 'GM1904', datum: '2025-07-02', segment: 'MIDDENHUUR' },
    ]);
  });

  it('an XLSX file: date cells become the same calendar date, numbers become text', async () => {
    await leeg();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Verhuringen');
    ws.addRow([
      'Toewijzingsnummer',
      'Gemeentecode',
      'Datum toewijzing',
      'Aandachtsgroep',
      'Huishoudgrootte',
      'Via urgentie',
    ]);
    ws.addRow([100234, 344, new Date(Date.UTC(2025, 0, 1)), 'Vergunninghouders', 4, true]);
    ws.addRow(['X-2', 'GM0356', new Date(Date.UTC(2025, 11, 31)), null, 1, false]);
    ws.addRow([
      'X-3',
      'Utrecht',
      '15-08-2025',
      { richText: [{ text: 'Stud' }, { text: 'enten' }] },
      { formula: '1+1', result: 2 },
      'nee',
    ]);
    // a date typed as a plain number (no date format): the Excel serial of 2024-01-01
    ws.addRow(['X-4', 'GM0344', 45292, '', 1, 'nee']);
    ws.getColumn(3).numFmt = 'dd-mm-yyyy';
    ws.getCell('C5').numFmt = '0';
    const bestand = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload(bestand, { naam: 'verhuringen.xlsx' });
    expect(r.body).toMatchObject({ rijen: 4, nieuw: 4, fouten: [] });
    expect(r.status).toBe(201);
    const rows = await opgeslagen(
      `gemeente_code, to_char(datum, 'YYYY-MM-DD') AS datum, aandachtsgroep, huishoudgrootte, via_urgentie`,
    );
    expect(rows).toEqual([
      {
        extern_kenmerk: '100234',
        gemeente_code: 'GM0344',
        datum: '2025-01-01',
        aandachtsgroep: 'STATUSHOUDERS',
        huishoudgrootte: 4,
        via_urgentie: true,
      },
      {
        extern_kenmerk: 'X-2',
        gemeente_code: 'GM0356',
        datum: '2025-12-31',
        aandachtsgroep: null,
        huishoudgrootte: 1,
        via_urgentie: false,
      },
      {
        extern_kenmerk: 'X-3',
        gemeente_code: 'GM0344',
        datum: '2025-08-15',
        aandachtsgroep: 'STUDENTEN',
        huishoudgrootte: 2,
        via_urgentie: false,
      },
      {
        extern_kenmerk: 'X-4',
        gemeente_code: 'GM0344',
        datum: '2024-01-01',
        aandachtsgroep: null,
        huishoudgrootte: 1,
        via_urgentie: false,
      },
    ]);
  });

  it('a file larger than 20 MB: 413 with a Dutch message, nothing stored', async () => {
    // Raw HTTP: the server answers 413 as soon as the limit is passed and closes the connection
    // while the client may still be sending; fetch then reports only the reset, so read the answer
    // as it arrives and ignore the write error that follows.
    const grens = 'tm-grens';
    const kop = Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="groot.csv"\r\n\r\n`,
    );
    const body = Buffer.concat([
      kop,
      Buffer.alloc(21 * 1024 * 1024, 'a'),
      Buffer.from(`\r\n--${grens}--\r\n`),
    ]);
    const token = await t.token('corporatie.domstad.invoer');
    const r = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = http.request(`${t.url}/api/toewijzingen/import?proefrun=true`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${grens}`,
          'content-length': body.length,
        },
      });
      let beantwoord = false;
      req.on('response', (res) => {
        beantwoord = true;
        let tekst = '';
        res.on('data', (d) => (tekst += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(tekst) }));
        res.on('error', reject);
      });
      req.on('error', (err) => {
        if (!beantwoord) reject(err);
      });
      req.end(body);
    });
    expect(r.status).toBe(413);
    expect(r.body).toEqual({
      code: 'TE_GROOT',
      message: expect.stringMatching(/^Het bestand is groter dan 20 MB\./),
    });
  });

  it('header mapping: the corporatie’s own column names via `kolommen`', async () => {
    await leeg();
    const bestand = [
      'Verhuring;Plaats;Wanneer;Groep;Pers.;Kamers',
      'M-1;Utrecht;02-01-2025;statushouder;2;3',
    ].join('\n');
    const zonder = await upload(bestand, { dryRun: true });
    expect(zonder.status).toBe(200);
    expect(zonder.body.fouten.map((f: { kolom: string }) => f.kolom)).toEqual([
      'Extern kenmerk',
      'Gemeente',
      'Datum',
      'Aandachtsgroep',
      'Huishoudgrootte',
    ]);
    expect(zonder.body.fouten[0]).toEqual({
      rij: 1,
      kolom: 'Extern kenmerk',
      melding: "De verplichte kolom 'Extern kenmerk' ontbreekt",
    });

    const kolommen = {
      Verhuring: 'extern_kenmerk',
      Plaats: 'gemeente',
      Wanneer: 'datum',
      Groep: 'aandachtsgroep',
      'Pers.': 'huishoudgrootte',
    };
    const r = await upload(bestand, { kolommen });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ rijen: 1, nieuw: 1, genegeerdeKolommen: ['Kamers'] });
    // errors name the corporatie's own column
    const fout = await upload(bestand.replace('02-01-2025', '2025/01/02'), { kolommen, dryRun: true });
    expect(fout.body.fouten).toEqual([
      {
        rij: 2,
        kolom: 'Wanneer',
        melding: expect.stringMatching(/^Datum '2025\/01\/02' heeft geen geldige vorm/),
      },
    ]);

    const onzin = await upload(bestand, { kolommen: { Verhuring: 'postcode' }, dryRun: true });
    expect(onzin.status).toBe(400);
    expect(onzin.body.message).toMatch(/gekoppeld aan 'postcode', maar die kolom bestaat niet/);
  });

  it('only corporaties with the invoeren role may upload; others get 403, no token 401', async () => {
    const bestand = [KOP, 'Z-1;GM0344;2025-01-01;;1;;'].join('\n');
    for (const als of [
      'gemeente.utrecht',
      'zorg.sticht',
      'provincie.utrecht',
      'bzk.analist',
      'huurders.domstad',
    ]) {
      const r = await upload(bestand, { als });
      expect([als, r.status]).toEqual([als, 403]);
    }
    const anoniem = await fetch(`${t.url}/api/toewijzingen/import?proefrun=false`, {
      method: 'POST',
      body: new FormData(),
    });
    expect(anoniem.status).toBe(401);
    expect(
      await t.db.query(`SELECT 1 FROM toewijzing WHERE extern_kenmerk IN ('Z-1', $1)`, [h('Z-1')]),
    ).toMatchObject({ rowCount: 0 });
  });

  it('refuses unreadable input clearly: no file, .xls, binary, bad proefrun value', async () => {
    const geenBestand = await t.fetch('/api/toewijzingen/import?proefrun=true', {
      method: 'POST',
      body: new FormData(),
      als: 'corporatie.domstad',
    });
    expect(geenBestand.status).toBe(400);
    expect(((await geenBestand.json()) as { message: string }).message).toMatch(/geen bestand ontvangen/);
    const xls = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0]), {
      naam: 'oud.xls',
      dryRun: true,
    });
    expect(xls.status).toBe(422);
    expect(xls.body.message).toMatch(/\.xls\) wordt niet ondersteund/);
    const dry = await upload('a;b', { dryRun: 'misschien' });
    expect(dry.status).toBe(400);
    const leegBestand = await upload('', { dryRun: true });
    expect(leegBestand.body.fouten).toEqual([
      { rij: 1, kolom: '', melding: 'Het bestand is leeg: er is geen kopregel met kolomnamen gevonden.' },
    ]);
  });

  describe('hard limits (issue 10.2): each refused with a Dutch message, nothing stored, no huge answer', () => {
    const weigert = async (bestand: string | Buffer, melding: RegExp, naam?: string) => {
      const r = await upload(bestand, { dryRun: false, naam });
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'ONGELDIGE_INVOER', message: expect.stringMatching(melding) });
      expect(JSON.stringify(r.body).length).toBeLessThan(2_000);
      expect(await tel()).toBe(0);
    };
    beforeAll(leeg);

    it('more rows than allowed', async () => {
      const rijen = ['x', ...Array.from({ length: IMPORT_GRENZEN.rijen + 1 }, () => '1')].join('\n');
      await weigert(rijen, /^Het bestand heeft meer dan 200\.000 rijen\. Splits het/);
    });

    it('more columns than allowed (trailing empty cells do not count)', async () => {
      const breed = Array.from({ length: IMPORT_GRENZEN.kolommen + 1 }, (_, i) => `k${i}`).join(';');
      await weigert(
        `${breed}\n1`,
        /^Rij 1 heeft 101 kolommen; een bestand mag hoogstens 100 kolommen hebben/,
      );
      const r = await upload(`${KOP}${';'.repeat(300)}\nL-1;GM0344;2025-01-01;;1;;`, { dryRun: true });
      expect(r.body).toMatchObject({ rijen: 1, geldig: 1, fouten: [] });
    });

    it('a cell longer than allowed, without echoing it', async () => {
      const lang = 'A'.repeat(IMPORT_GRENZEN.celLengte + 1);
      await weigert(
        `${KOP}\nL-1;GM0344;2025-01-01;${lang};1;;`,
        /^De cel in rij 2, kolom 4 is langer dan 1\.000 tekens/,
      );
      // an unterminated quote cannot make the parser buffer the whole file
      await weigert(
        `${KOP}\nL-1;"GM0344;2025-01-01;;1;;\n${'x;'.repeat(60_000)}`,
        /^Rij 2 is langer dan 100\.000 tekens/,
      );
    });

    /** A zip (XLSX container) built by hand, so sizes can be chosen freely. */
    function zip(entries: { naam: string; data: Buffer; gedeclareerd?: number }[]): Buffer {
      const delen: Buffer[] = [];
      const centraal: Buffer[] = [];
      let offset = 0;
      for (const e of entries) {
        const gecomprimeerd = zlib.deflateRawSync(e.data);
        const naam = Buffer.from(e.naam);
        const lokaal = Buffer.alloc(30);
        lokaal.writeUInt32LE(0x04034b50, 0);
        lokaal.writeUInt16LE(20, 4);
        lokaal.writeUInt16LE(8, 8);
        lokaal.writeUInt32LE(0, 14); // the checks run before any CRC is looked at
        lokaal.writeUInt32LE(gecomprimeerd.length, 18);
        lokaal.writeUInt32LE(e.gedeclareerd ?? e.data.length, 22);
        lokaal.writeUInt16LE(naam.length, 26);
        const c = Buffer.alloc(46);
        c.writeUInt32LE(0x02014b50, 0);
        c.writeUInt16LE(20, 4);
        c.writeUInt16LE(20, 6);
        c.writeUInt16LE(8, 10);
        c.writeUInt32LE(gecomprimeerd.length, 20);
        c.writeUInt32LE(e.gedeclareerd ?? e.data.length, 24);
        c.writeUInt16LE(naam.length, 28);
        c.writeUInt32LE(offset, 42);
        centraal.push(c, naam);
        delen.push(lokaal, naam, gecomprimeerd);
        offset += 30 + naam.length + gecomprimeerd.length;
      }
      const cd = Buffer.concat(centraal);
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(entries.length, 8);
      eocd.writeUInt16LE(entries.length, 10);
      eocd.writeUInt32LE(cd.length, 12);
      eocd.writeUInt32LE(offset, 16);
      return Buffer.concat([...delen, cd, eocd]);
    }
    const sst = (inhoud: string) => Buffer.from(`<?xml version="1.0"?><sst xmlns="x">${inhoud}</sst>`);

    it('XLSX: one huge shared string (the 53 KB attack) is refused before parsing', async () => {
      const groot = zip([
        {
          naam: 'xl/sharedStrings.xml',
          data: sst(`<si><t>${'a'.repeat(IMPORT_GRENZEN.gedeeldeTekstenBytes)}</t></si>`),
        },
      ]);
      expect(groot.length).toBeLessThan(100_000);
      await weigert(groot, /^De teksten in het Excel-bestand zijn samen groter dan 32 MB/, 'aanval.xlsx');
    });

    it('XLSX: too many shared strings', async () => {
      const veel = zip([
        {
          naam: 'xl/sharedStrings.xml',
          data: sst('<si><t>a</t></si>'.repeat(IMPORT_GRENZEN.gedeeldeTeksten + 1)),
        },
      ]);
      await weigert(veel, /^Het Excel-bestand bevat meer dan 500\.000 verschillende teksten/, 'veel.xlsx');
    });

    it('XLSX: more than the uncompressed limit in total, by declaration or for real', async () => {
      const bom = zip(
        [1, 2].map((i) => ({
          naam: `xl/worksheets/sheet${i}.xml`,
          data: Buffer.alloc(1000, 0x20),
          gedeclareerd: 150 * 1024 * 1024,
        })),
      );
      await weigert(bom, /^Het Excel-bestand is uitgepakt groter dan 200 MB/, 'bom.xlsx');
      // a header that understates the size is caught while inflating
      const liegt = zip([
        { naam: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024, 0x20), gedeclareerd: 1000 },
      ]);
      await weigert(liegt, /^Het Excel-bestand is beschadigd/, 'liegt.xlsx');
    });

    it('a normal XLSX still passes every check', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Toewijzingen');
      ws.addRow(['extern_kenmerk', 'gemeente', 'datum', 'aandachtsgroep', 'huishoudgrootte']);
      ws.addRow(['L-9', 'GM0344', '2025-02-02', 'ouderen', 2]);
      const r = await upload(Buffer.from(await wb.xlsx.writeBuffer()), { naam: 'goed.xlsx', dryRun: true });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ rijen: 1, geldig: 1, fouten: [] });
    });
  });

  it('rows dated before the retention bound are errors on their row', async () => {
    await leeg();
    const grensJaar = new Date().getFullYear() - t.config.toewijzingBewaarJaren;
    const r = await upload(
      [KOP, `O-1;GM0344;${grensJaar - 1}-12-31;;1;;`, `O-2;GM0344;${grensJaar}-01-01;;1;;`].join('\n'),
      { dryRun: true },
    );
    expect(r.body.fouten).toEqual([
      {
        rij: 2,
        kolom: 'datum',
        melding: `Datum ${grensJaar - 1}-12-31 valt buiten de bewaartermijn: toewijzingen van vóór ${grensJaar} bewaart Thuismonitor niet meer`,
      },
    ]);
    expect(r.body.geldig).toBe(1);
  });
});
