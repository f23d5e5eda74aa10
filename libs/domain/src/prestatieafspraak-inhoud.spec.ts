import {
  afspraakFouten,
  afspraakSoort,
  indicatorKeuze,
  indienFouten,
  isMijlpaalStatus,
  jaarschijven,
  jarenVanPeriode,
  magPartijZijn,
  mijlpaalStatusLabel,
  peildatumVoor,
  periodeFouten,
  periodeWijzigingFouten,
  titelFouten,
} from './prestatieafspraak-inhoud';

const periode = { jaarVan: 2027, jaarTot: 2028 };
const velden = (f: { veld: string }[]) => f.map((x) => x.veld);

describe('prestatieafspraak period and title', () => {
  it('accepts one to ten whole years and lists them', () => {
    expect(periodeFouten({ jaarVan: 2027, jaarTot: 2027 })).toEqual([]);
    expect(jarenVanPeriode({ jaarVan: 2027, jaarTot: 2030 })).toEqual([2027, 2028, 2029, 2030]);
    expect(periodeFouten({ jaarVan: 2028, jaarTot: 2027 })[0].melding).toMatch(/ligt voor het eerste jaar/);
    expect(periodeFouten({ jaarVan: 2027, jaarTot: 2037 })[0].melding).toMatch(/hoogstens 10 jaar/);
    expect(velden(periodeFouten({ jaarVan: 27, jaarTot: 2027.5 }))).toEqual(['jaarVan', 'jaarTot']);
  });

  it('needs a title of at most 200 characters', () => {
    expect(titelFouten('Prestatieafspraken Utrecht 2027')).toEqual([]);
    expect(titelFouten('  ')).toEqual([{ veld: 'titel', melding: 'Geef de prestatieafspraak een titel.' }]);
    expect(titelFouten('x'.repeat(201))).toHaveLength(1);
  });
});

describe('parties', () => {
  it('are corporaties, huurders and zorgaanbieders working in the gemeente, and the gemeente itself', () => {
    expect(magPartijZijn({ soort: 'CORPORATIE', code: 'L0801', werkgebied: ['GM0344'] }, 'GM0344')).toBe(
      true,
    );
    expect(magPartijZijn({ soort: 'CORPORATIE', code: 'L0802', werkgebied: ['GM0307'] }, 'GM0344')).toBe(
      false,
    );
    expect(
      magPartijZijn({ soort: 'HUURDERSORGANISATIE', code: 'HO', werkgebied: ['GM0344'] }, 'GM0344'),
    ).toBe(true);
    expect(magPartijZijn({ soort: 'ZORGAANBIEDER', code: 'ZA', werkgebied: ['GM0344'] }, 'GM0344')).toBe(
      true,
    );
    expect(magPartijZijn({ soort: 'GEMEENTE', code: 'GM0344', werkgebied: ['GM0344'] }, 'GM0344')).toBe(true);
    expect(magPartijZijn({ soort: 'GEMEENTE', code: 'GM0307', werkgebied: ['GM0307'] }, 'GM0344')).toBe(
      false,
    );
    expect(magPartijZijn({ soort: 'PROVINCIE', code: 'PV26', werkgebied: ['GM0344'] }, 'GM0344')).toBe(false);
    expect(magPartijZijn({ soort: 'RIJK', code: 'BZK', werkgebied: [] }, 'GM0344')).toBe(false);
  });
});

describe('afspraakFouten', () => {
  const indicatorAfspraak = {
    actielijn: 'EVENWICHTIGE_VERDELING',
    aandachtsgroep: 'STATUSHOUDERS',
    omschrijving: 'Huisvesting statushouders volgens de taakstelling',
    indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
    doelwaarden: [
      { jaar: 2027, waarde: 250 },
      { jaar: 2028, waarde: 260, peildatum: '2028-06-30' },
    ],
  };

  it('accepts an indicator with a doelwaarde per year, and a mijlpaal with a date', () => {
    expect(afspraakFouten(indicatorAfspraak, periode)).toEqual([]);
    expect(afspraakSoort(indicatorAfspraak)).toBe('INDICATOR');
    const mijlpaal = {
      actielijn: 'WONEN_ZORG_WELZIJN',
      omschrijving: 'Woonzorgvisie vastgesteld',
      indicatorCode: 'WOONZORGVISIE_VASTGESTELD',
      mijlpaalDatum: '2027-06-30',
    };
    expect(afspraakFouten(mijlpaal, periode)).toEqual([]);
    expect(afspraakSoort(mijlpaal)).toBe('MIJLPAAL');
    expect(afspraakFouten({ ...mijlpaal, indicatorCode: null }, periode)).toEqual([]);
  });

  it('names every wrong field', () => {
    const fouten = afspraakFouten(
      {
        actielijn: 'ACTIELIJN_9',
        aandachtsgroep: 'OUDEREN',
        omschrijving: ' ',
        indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
        doelwaarden: [
          { jaar: 2026, waarde: 10 },
          { jaar: 2027, waarde: 12.5 },
          { jaar: 2027, waarde: 3 },
          { jaar: 2028, waarde: -1, peildatum: '2027-12-31' },
        ],
      },
      periode,
    );
    expect(velden(fouten)).toEqual([
      'actielijn',
      'omschrijving',
      'aandachtsgroep',
      'doelwaarden[0].jaar',
      'doelwaarden[1].waarde',
      'doelwaarden[2].jaar',
      'doelwaarden[3].waarde',
      'doelwaarden[3].peildatum',
    ]);
    expect(fouten[3].melding).toBe('Jaar 2026 valt buiten de looptijd 2027–2028.');
    expect(fouten[4].melding).toBe('Deze doelwaarde is een aantal: een heel getal.');
  });

  it('needs an indicator from the catalogue or a mijlpaal, not a mix', () => {
    const basis = { actielijn: 'PREVENTIE', omschrijving: 'Minder huisuitzettingen' };
    expect(afspraakFouten(basis, periode)[0].melding).toMatch(/Kies een indicator/);
    expect(afspraakFouten({ ...basis, indicatorCode: 'BESTAAT_NIET' }, periode)[0].melding).toMatch(
      /niet in de indicatorcatalogus/,
    );
    expect(
      velden(
        afspraakFouten(
          { ...basis, mijlpaalDatum: '2029-01-01', doelwaarden: [{ jaar: 2027, waarde: 1 }] },
          periode,
        ),
      ),
    ).toEqual(['mijlpaalDatum', 'doelwaarden']);
    expect(afspraakFouten({ ...basis, mijlpaalDatum: '2027-02-30' }, periode)[0].veld).toBe('mijlpaalDatum');
    expect(
      afspraakFouten({ ...basis, mijlpaalDatum: '2027-01-01', indicatorCode: 'HUISUITZETTINGEN' }, periode)[0]
        .veld,
    ).toBe('indicatorCode');
    expect(afspraakFouten({ ...basis, indicatorCode: 'WOONZORGVISIE_VASTGESTELD' }, periode)[0].veld).toBe(
      'mijlpaalDatum',
    );
  });

  it('keeps percentages at or below 100', () => {
    const f = afspraakFouten(
      {
        actielijn: 'EVENWICHTIGE_VERDELING',
        omschrijving: 'Aandeel sociale huur',
        indicatorCode: 'AANDEEL_SOCIALE_HUUR',
        doelwaarden: [{ jaar: 2027, waarde: 130 }],
      },
      periode,
    );
    expect(f).toEqual([{ veld: 'doelwaarden[0].waarde', melding: 'Een percentage is hoogstens 100.' }]);
  });

  it('measures on 31 December unless a peildatum is given', () => {
    expect(peildatumVoor({ jaar: 2027, waarde: 1 })).toBe('2027-12-31');
    expect(peildatumVoor({ jaar: 2027, waarde: 1, peildatum: '2027-07-01' })).toBe('2027-07-01');
  });
});

describe('indienFouten', () => {
  const goed = {
    jaarVan: 2027,
    jaarTot: 2028,
    partijSoorten: ['GEMEENTE', 'CORPORATIE', 'HUURDERSORGANISATIE'] as const,
    afspraken: [
      { omschrijving: 'Statushouders', soort: 'INDICATOR' as const, doelwaardeJaren: [2027, 2028] },
      { omschrijving: 'Woonzorgvisie', soort: 'MIJLPAAL' as const, doelwaardeJaren: [] },
    ],
  };

  it('passes a complete prestatieafspraak', () => {
    expect(indienFouten(goed)).toEqual([]);
  });

  it('does not need a huurdersorganisatie (it signs only if it wants to; woningwet2015.nl FAQ huurders)', () => {
    expect(indienFouten({ ...goed, partijSoorten: ['GEMEENTE', 'CORPORATIE'] })).toEqual([]);
  });

  it('needs the gemeente and a corporatie, an afspraak, and every jaarschijf filled in', () => {
    expect(
      indienFouten({ ...goed, partijSoorten: ['GEMEENTE', 'ZORGAANBIEDER'], afspraken: [] }).map(
        (f) => f.melding,
      ),
    ).toEqual([
      'Voeg ten minste één woningcorporatie toe als partij.',
      'Er staan nog geen afspraken in.',
    ]);
    const f = indienFouten({
      ...goed,
      afspraken: [{ omschrijving: 'Statushouders', soort: 'INDICATOR', doelwaardeJaren: [2027] }],
    });
    expect(f).toEqual([
      {
        veld: 'afspraken[0].doelwaarden',
        melding: "Afspraak 'Statushouders' mist een doelwaarde voor 2028.",
      },
    ]);
  });
});

describe('periodeWijzigingFouten', () => {
  it('refuses a period that would strand doelwaarden or mijlpalen', () => {
    const afspraken = [
      { omschrijving: 'A', doelwaardeJaren: [2027, 2028], mijlpaalDatum: null },
      { omschrijving: 'B', doelwaardeJaren: [], mijlpaalDatum: '2028-03-01' },
    ];
    expect(periodeWijzigingFouten({ jaarVan: 2027, jaarTot: 2029 }, afspraken)).toEqual([]);
    expect(periodeWijzigingFouten({ jaarVan: 2027, jaarTot: 2027 }, afspraken).map((f) => f.melding)).toEqual(
      [
        "Afspraak 'A' heeft doelwaarden voor 2028; pas die eerst aan.",
        "De mijlpaal 'B' valt buiten de nieuwe looptijd; pas die eerst aan.",
      ],
    );
  });
});

describe('jaarschijven', () => {
  it('cuts the period into years with their doelwaarden and mijlpalen', () => {
    const a = {
      id: 'a',
      soort: 'INDICATOR' as const,
      mijlpaalDatum: null,
      doelwaarden: [{ jaar: 2028, waarde: 5, peildatum: '2028-12-31' }],
    };
    const b = { id: 'b', soort: 'MIJLPAAL' as const, mijlpaalDatum: '2027-06-30', doelwaarden: [] };
    const s = jaarschijven(periode, [a, b]);
    expect(
      s.map((j) => [j.jaar, j.doelen.map((d) => [d.afspraak.id, d.waarde]), j.mijlpalen.map((m) => m.id)]),
    ).toEqual([
      [2027, [], ['b']],
      [2028, [['a', 5]], []],
    ]);
  });
});

describe('mijlpaal status and the indicator choice', () => {
  it('has Dutch labels and a type guard', () => {
    expect(mijlpaalStatusLabel('VERTRAAGD')).toBe('Vertraagd');
    expect(isMijlpaalStatus('GEREED')).toBe(true);
    expect(isMijlpaalStatus('KLAAR')).toBe(false);
  });

  it('filters the catalogue by actielijn and aandachtsgroep', () => {
    const codes = indicatorKeuze({
      actielijn: 'EVENWICHTIGE_VERDELING',
      aandachtsgroep: 'STATUSHOUDERS',
    }).map((i) => i.code);
    expect(codes).toEqual(['TOEWIJZINGEN_STATUSHOUDERS', 'STATUSHOUDERS_GEHUISVEST']);
    expect(indicatorKeuze({}).length).toBeGreaterThan(20);
  });
});
