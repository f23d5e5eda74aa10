import ExcelJS from 'exceljs';
import { INDICATOR_CATALOGUS, ISO_IN_TEKST } from '@thuismonitor/domain';
import { PdfRenderer } from '../src/rapportage/pdf-renderer.service';
import { renderBestanden } from '../src/rapportage/rapportage-bestanden';
import { renderHtml } from '../src/rapportage/rapportage-html';
import { XLSX_FORMAAT } from '../src/rapportage/rapportage-xlsx';
import type {
  RapportageCel,
  RapportageInhoud,
  RapportageIndicatorRegel,
} from '../src/rapportage/rapportage-inhoud';
import { pdfEigenschappen, pdfTekst } from './support/pdf-tekst';

/**
 * Rendering (issue 11) on a small hand-made report: what each file says about itself, the XLSX
 * number formats, the PDF's properties, charts with a text alternative, Dutch dates. The figures
 * of real reports and their equality across files: rapportage.spec.ts.
 */
const cel = (waarde: number | null, onderdrukt = false): RapportageCel => ({
  waarde: onderdrukt ? null : waarde,
  onderdrukt,
  weergave: onderdrukt ? '×' : waarde === null ? '–' : String(waarde),
});

function indicator(
  p: Partial<RapportageIndicatorRegel> &
    Pick<RapportageIndicatorRegel, 'code' | 'naam' | 'eenheid' | 'actielijn'>,
): RapportageIndicatorRegel {
  return {
    actielijnNaam:
      p.actielijn === 'VOLDOENDE_WONINGEN' ? 'Voldoende betaalbare woningen' : 'Evenwichtige verdeling',
    taakstelling: null,
    realisatie: cel(10),
    percentage: null,
    status: 'GEEN_DOEL',
    statusLabel: 'Geen doel gesteld',
    dekking: null,
    ditKwartaal: cel(4),
    dekkingDitKwartaal: null,
    vorigKwartaal: cel(3),
    dekkingVorigKwartaal: null,
    verschil: cel(1),
    ...p,
  };
}

const INHOUD: RapportageInhoud = {
  titel: 'Kwartaalrapportage Utrecht — 3e kwartaal 2026 — Alle actielijnen',
  gebied: { soort: 'GEMEENTE', code: 'GM0344', naam: 'Utrecht' },
  kwartaal: '2026-Q3',
  kwartaalLabel: '3e kwartaal 2026',
  periode: { van: '2026-01-01', tot: '2026-09-30' },
  peildatum: '2026-09-30',
  actielijn: 'ALLE',
  actielijnNaam: 'Alle actielijnen',
  variant: 'GEDEELD',
  indicatoren: [
    indicator({
      actielijn: 'VOLDOENDE_WONINGEN',
      code: 'WONINGEN_OPGELEVERD',
      naam: 'Opgeleverde woningen',
      eenheid: 'WONINGEN',
      taakstelling: 98.63,
      realisatie: cel(41),
      percentage: 41.57,
      status: 'ACHTER',
      statusLabel: 'Achter op schema',
      verschil: cel(12),
    }),
    indicator({
      actielijn: 'EVENWICHTIGE_VERDELING',
      code: 'AANDEEL_SOCIALE_HUUR',
      naam: 'Aandeel sociale huur',
      eenheid: 'PERCENTAGE',
      realisatie: cel(28.73),
      ditKwartaal: cel(28.73),
      vorigKwartaal: cel(28.78),
      verschil: cel(-0.05),
    }),
    indicator({
      actielijn: 'EVENWICHTIGE_VERDELING',
      code: 'TOEWIJZINGEN_STATUSHOUDERS',
      naam: 'Toewijzingen aan statushouders',
      eenheid: 'HUISHOUDENS',
      realisatie: cel(null, true),
      ditKwartaal: cel(null, true),
      verschil: cel(null, true),
    }),
  ],
  afspraken: [
    {
      prestatieafspraak: 'Prestatieafspraken Utrecht 2026',
      omschrijving: 'Woningen voor statushouders',
      actielijn: 'EVENWICHTIGE_VERDELING',
      indicator: 'TOEWIJZINGEN_STATUSHOUDERS',
      doelwaarde: 6,
      realisatie: cel(5),
      percentage: 83.33,
      status: 'Op schema',
      verantwoordelijke: 'Domstad',
      gemeente: 'Utrecht',
      soort: 'INDICATOR',
    },
    {
      prestatieafspraak: 'Prestatieafspraken Utrecht 2026',
      omschrijving: 'Woonzorgvisie vaststellen',
      actielijn: 'WONEN_ZORG_WELZIJN',
      indicator: 'WOONZORGVISIE_VASTGESTELD',
      doelwaarde: 1,
      realisatie: cel(0),
      percentage: 0,
      status: 'Achter op schema',
      verantwoordelijke: 'Gemeente Utrecht',
      gemeente: 'Utrecht',
      soort: 'MIJLPAAL',
    },
  ],
  afsprakenZicht: [],
  statushouders: [
    {
      gemeenteCode: 'GM0344',
      gemeente: 'Utrecht',
      halfjaar: '2026-H1',
      taakstelling: 10,
      meegenomen: 0,
      teRealiseren: 10,
      gehuisvest: 4,
      saldo: 6,
      status: 'Achterstand',
    },
    {
      gemeenteCode: 'GM0344',
      gemeente: 'Utrecht',
      halfjaar: '2026-H2',
      taakstelling: 12,
      meegenomen: 6,
      teRealiseren: 18,
      gehuisvest: 5,
      saldo: 13,
      status: 'Achterstand',
    },
  ],
  // the stock share is a fact; judged only against the provincie's target (decisions.md "Regionale woondeals")
  socialeHuur: [{ gemeenteCode: 'GM0344', gemeente: 'Utrecht', aandeel: 28.73, doel: 30, voldoet: false }],
  socialeHuurGebied: { aandeel: 28.73, dekking: null },
  woondeal: {
    grondslag:
      'Bestuurlijke afspraken (Nationale Woon- en Bouwagenda 2022, regionale woondeals 2022–2023): geen wettelijke norm.',
    regels: [
      {
        naam: 'Woningen opgeleverd (totaal)',
        taakstelling: 1000,
        realisatie: 172,
        percentage: 17.2,
        status: 'Loopt (doel nog niet verlopen)',
      },
      {
        naam: 'Betaalbare woningen opgeleverd',
        taakstelling: null,
        realisatie: 137,
        percentage: null,
        status: 'geen taakstelling',
      },
      {
        naam: 'Sociale huurwoningen opgeleverd',
        taakstelling: null,
        realisatie: 110,
        percentage: null,
        status: 'geen taakstelling',
      },
    ],
    aandeelBetaalbaar: 79.65,
    aandeelSocialeHuur: 63.95,
    doelBetaalbaar: null,
    doelSocialeHuur: null,
    dekking: '3 projecten in 1 van 1 gemeente',
  },
  onderdelen: null,
  toelichting: ['Cijfers over 1 januari t/m 30 september 2026.'],
};
const KOP = { versie: 3, peilmoment: '2026-10-15T04:00:00.000Z', aangevraagdDoor: 'gemeente.utrecht' };

describe('report files say what they are and read as Dutch (rendering)', () => {
  const pdf = new PdfRenderer();
  let bestanden: Awaited<ReturnType<typeof renderBestanden>>;
  const van = (formaat: string, variant: string) =>
    bestanden.find((b) => b.formaat === formaat && b.variant === variant)!.inhoud;

  beforeAll(async () => {
    bestanden = await renderBestanden(
      { gedeeld: INHOUD, intern: { ...INHOUD, variant: 'INTERN' } },
      KOP,
      pdf,
    );
  }, 120_000);
  afterAll(() => pdf.onApplicationShutdown());

  it('one CSV, XLSX and PDF per variant (the afspraken give a variant without them)', () => {
    expect(bestanden.map((b) => `${b.variant}/${b.formaat}`).sort()).toEqual([
      'GEDEELD/CSV',
      'GEDEELD/PDF',
      'GEDEELD/XLSX',
      'INTERN/CSV',
      'INTERN/PDF',
      'INTERN/XLSX',
      'ZONDER_AFSPRAKEN/CSV',
      'ZONDER_AFSPRAKEN/PDF',
      'ZONDER_AFSPRAKEN/XLSX',
    ]);
  });

  it('every file carries its metadata: area, quarter, version, variant, peildatum, cut-off, maker, disclosure note', async () => {
    const verwacht = (variant: RegExp) => [
      /Utrecht \(gemeente, code GM0344\)/,
      /3e kwartaal 2026/,
      /30 september 2026/,
      /15 oktober 2026 om 06:00 uur/,
      /op verzoek van gemeente\.utrecht/,
      variant,
    ];
    for (const [variant, v] of [
      ['GEDEELD', /gedeeld \(vrijgegeven cijfers/],
      ['INTERN', /intern \(exacte aantallen/],
    ] as const) {
      const csv = van('CSV', variant).toString('utf8');
      const kop = csv.split('\r\n').slice(0, 12).join('\n');
      expect(kop).toMatch(/^\uFEFFThuismonitor kwartaalrapportage;indeling 2/);
      expect(kop).toMatch(/\nVersie;3\n/);
      for (const re of verwacht(v)) expect(kop).toMatch(re);
      expect(kop).toMatch(
        variant === 'INTERN' ? /Afscherming;"?Interne versie/ : /Afscherming;"?Gedeelde versie/,
      );

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(van('XLSX', variant) as any);
      expect(wb.worksheets[0].name).toBe('Toelichting');
      const toel = wb
        .getWorksheet('Toelichting')!
        .getSheetValues()
        .map((r) => (Array.isArray(r) ? r.slice(1).join(': ') : ''))
        .join('\n');
      for (const re of [...verwacht(v), /Versie: 3/, /Afscherming: /]) expect(toel).toMatch(re);

      const tekst = pdfTekst(van('PDF', variant));
      const eersteBladzijde = tekst.slice(0, tekst.indexOf('Kernboodschap') + 1);
      for (const re of [...verwacht(v), /Versie\s*3/, /Afscherming/])
        expect(eersteBladzijde.replace(/\n/g, ' ')).toMatch(re);
    }
  });

  it('the PDF is tagged, in Dutch (nl-NL), has a title, properties and bookmarks from its headings', () => {
    const e = pdfEigenschappen(van('PDF', 'GEDEELD'));
    expect(e.tagged).toBe(true);
    expect(e.taal).toBe('nl-NL');
    expect(e.titel).toBe('Kwartaalrapportage Utrecht — 3e kwartaal 2026 — Alle actielijnen — versie 3');
    expect(e.auteur).toBe('Thuismonitor');
    expect(e.onderwerp).toMatch(/versie 3, variant gedeeld/);
    // h1, Over dit bestand, Kernboodschap, two actielijnen, afspraken, statushouders, sociale huur, toelichting
    expect(e.bladwijzers).toBeGreaterThanOrEqual(8);
    expect(pdfEigenschappen(van('PDF', 'INTERN')).titel).toMatch(/— intern$/);
    // the page number comes from the document's CSS @page margin box (no header/footer template)
    const tekst = pdfTekst(van('PDF', 'GEDEELD')).replace(/\n/g, '');
    const paginas = Number(/Thuismonitor · pagina 1 van (\d+)/.exec(tekst)?.[1]);
    expect(paginas).toBeGreaterThan(1);
    expect(tekst).toContain(`Thuismonitor · pagina ${paginas} van ${paginas}`);
  });

  it('PDF text: Dutch dates (no ISO date or code), whole-number targets, unit words, procentpunt, provisional half year', () => {
    const tekst = pdfTekst(van('PDF', 'GEDEELD'));
    expect(tekst).toMatch(/Kernboodschap/);
    // the stock share is a fact, not judged against a fixed 30% (issue 12 item 5)
    expect(tekst.replace(/\s+/g, ' ')).toContain('Dit is een feit, geen norm');
    expect(tekst).not.toMatch(/norm van 30%/);
    expect(tekst.replace(/\s+/g, ' ')).toMatch(/Woondeal: nieuwbouw van het jaar/);
    expect(tekst.match(ISO_IN_TEKST)).toBeNull();
    expect(tekst).toContain('1 januari t/m 30 september 2026');
    expect(tekst).toContain('eerste halfjaar 2026');
    expect(tekst).toMatch(/tweede halfjaar 2026 \(loopt, voorlopig\)/);
    expect(tekst).toContain('99'); // 98,63 woningen → 99
    expect(tekst).not.toContain('98,63');
    expect(tekst).toContain('\u22120,05 procentpunt');
    expect(tekst).toContain('woningen');
    expect(tekst).not.toMatch(/WONINGEN|HUISHOUDENS|PERCENTAGE/);
  });

  it('every chart is an SVG with a title and a description, next to its table', () => {
    const html = renderHtml(INHOUD, { ...KOP, variant: 'GEDEELD' });
    const svgs = [...html.matchAll(/<svg[^>]*>([\s\S]*?)<\/svg>/g)];
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    for (const s of svgs) {
      expect(s[0]).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
      expect(s[1]).toMatch(/^<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
    }
    expect(html).toContain('Opgeleverde woningen: 41,6%');
    expect(html).toMatch(/<html lang="nl-NL">/);
  });

  it('XLSX number formats per column: percent stays percent, counts whole, changes with their unit', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(van('XLSX', 'GEDEELD') as any);
    const blad = wb.getWorksheet('Voortgang')!;
    const koppen = (blad.getRow(1).values as unknown[]).map(String);
    const k = (naam: string) => koppen.indexOf(naam);
    const rij = (code: string) =>
      blad.getRows(2, blad.rowCount - 1)!.find((r) => r.getCell(k('Indicatorcode')).value === code)!;
    const woningen = rij('WONINGEN_OPGELEVERD');
    expect(woningen.getCell(k('Eenheid')).value).toBe('woningen');
    expect(woningen.getCell(k('Taakstelling'))).toMatchObject({ value: 99, numFmt: XLSX_FORMAAT.AANTAL });
    expect(woningen.getCell(k('Realisatie'))).toMatchObject({ value: 41, numFmt: XLSX_FORMAAT.AANTAL });
    expect(woningen.getCell(k('% van taakstelling')).numFmt).toBe(XLSX_FORMAAT.PROCENT);
    expect(woningen.getCell(k('% van taakstelling')).value).toBeCloseTo(0.4157, 6);
    expect(woningen.getCell(k('Verschil'))).toMatchObject({
      value: 12,
      numFmt: XLSX_FORMAAT.VERSCHIL_AANTAL,
    });
    const aandeel = rij('AANDEEL_SOCIALE_HUUR');
    expect(aandeel.getCell(k('Eenheid')).value).toBe('procent');
    expect(aandeel.getCell(k('Realisatie')).numFmt).toBe('0.0%');
    expect(aandeel.getCell(k('Realisatie')).value).toBeCloseTo(0.2873, 6);
    expect(aandeel.getCell(k('Verschil'))).toMatchObject({
      value: -0.05,
      numFmt: XLSX_FORMAAT.VERSCHIL_PROCENTPUNT,
    });
    // a suppressed cell holds the marker, no number
    expect(rij('TOEWIJZINGEN_STATUSHOUDERS').getCell(k('Realisatie')).value).toBe('×');

    const af = wb.getWorksheet('Afspraken')!;
    const afRij = af.getRow(2);
    const afKop = (af.getRow(1).values as unknown[]).map(String);
    expect(afRij.getCell(afKop.indexOf('% van doel'))).toMatchObject({ numFmt: '0.0%' });
    expect(afRij.getCell(afKop.indexOf('% van doel')).value).toBeCloseTo(0.8333, 4);
    expect(afRij.getCell(afKop.indexOf('Doel'))).toMatchObject({ value: 6, numFmt: '#,##0' });
    // words, not codes: actielijn and indicator by name (the code in its own column), the unit as a word
    expect(afRij.getCell(afKop.indexOf('Actielijn')).value).toBe('Evenwichtige verdeling');
    expect(afRij.getCell(afKop.indexOf('Indicatorcode')).value).toBe('TOEWIJZINGEN_STATUSHOUDERS');
    expect(afRij.getCell(afKop.indexOf('Indicator')).value).toBe('Toewijzingen aan statushouders');
    expect(afRij.getCell(afKop.indexOf('Eenheid')).value).toBe('huishoudens');
    // a milestone: unit 'mijlpaal', reached or not in words, no number format and no percentage
    const mp = af.getRow(3);
    expect(mp.getCell(afKop.indexOf('Eenheid')).value).toBe('mijlpaal');
    const woonzorgvisie = INDICATOR_CATALOGUS.find((i) => i.code === 'WOONZORGVISIE_VASTGESTELD')!.naam;
    expect(mp.getCell(afKop.indexOf('Indicator')).value).toBe(woonzorgvisie);
    expect(mp.getCell(afKop.indexOf('Actielijn')).value).toBe('Wonen, zorg, welzijn en werk');
    expect(mp.getCell(afKop.indexOf('Doel'))).toMatchObject({ value: 'mijlpaal' });
    expect(mp.getCell(afKop.indexOf('Doel')).numFmt).toBeUndefined();
    expect(mp.getCell(afKop.indexOf('Realisatie')).value).toBe('niet bereikt');
    expect(mp.getCell(afKop.indexOf('Realisatie')).numFmt).toBeUndefined();
    expect(mp.getCell(afKop.indexOf('% van doel')).value).toBeNull();
    for (let n = 2; n <= af.rowCount; n++) {
      const tekst = (af.getRow(n).values as unknown[]).filter((v, i) => i !== afKop.indexOf('Indicatorcode'));
      expect(tekst.join(';')).not.toMatch(/WONINGEN|HUISHOUDENS|MIJLPAAL|EVENWICHTIGE_VERDELING|WONEN_ZORG/);
    }

    // the CSV's afspraken section says the same in words
    const csv = van('CSV', 'GEDEELD').toString('utf8').split('\r\n');
    const csvKop = csv.indexOf('Afspraken') + 1;
    expect(csv[csvKop]).toBe(
      'Gemeente;Prestatieafspraak;Afspraak;Actielijn;Indicatorcode;Indicator;Eenheid;Doel;Realisatie;% van doel;Status;Verantwoordelijk',
    );
    expect(csv[csvKop + 2]).toBe(
      `Utrecht;Prestatieafspraken Utrecht 2026;Woonzorgvisie vaststellen;Wonen, zorg, welzijn en werk;WOONZORGVISIE_VASTGESTELD;${woonzorgvisie};mijlpaal;mijlpaal;niet bereikt;–;achter op schema;Gemeente Utrecht`,
    );

    const sh = wb.getWorksheet('Statushouders')!;
    const shKop = (sh.getRow(1).values as unknown[]).map(String);
    for (const kolom of ['Taakstelling', 'Meegenomen', 'Te huisvesten', 'Gehuisvest', 'Saldo']) {
      for (let n = 2; n <= sh.rowCount; n++) {
        const c = sh.getRow(n).getCell(shKop.indexOf(kolom));
        expect(c.numFmt).toBe('#,##0');
        expect(Number.isInteger(c.value)).toBe(true);
      }
    }
    expect(sh.getRow(2).getCell(shKop.indexOf('Halfjaar')).value).toBe('eerste halfjaar 2026');
    expect(sh.getRow(3).getCell(shKop.indexOf('Voorlopig')).value).toBe('ja');

    const so = wb.getWorksheet('Sociale huur')!;
    expect(so.getRow(2).getCell(3)).toMatchObject({ numFmt: '0.0%' });
    expect(so.getRow(2).getCell(3).value).toBeCloseTo(0.2873, 6);
    expect(so.getRow(1).getCell(4).value).toBe('Doel provincie');
    expect(so.getRow(2).getCell(4)).toMatchObject({ value: 0.3, numFmt: '0.0%' });
    expect(so.getRow(2).getCell(5).value).toBe('onder het doel');
  });
});
