import {
  afsprakenUitBod,
  bodFouten,
  bodJaren,
  bodRegelVoorOpslag,
  bodTeLaat,
  bodToelichtingFouten,
  bodVerzendFouten,
} from './bod';

// Woningwet art. 44 (BWBR0005181): the corporatie sends its overview of intended activities every
// year before 1 July to B&W and its huurdersorganisaties, for the next five years (Dirkzwager,
// "Blok faciliteert gemeenten en huurdersorganisaties bij prestatieafspraken", 2015: "Dit overzicht
// heeft betrekking op de eerstvolgende vijf jaren ... jaarlijks voor 1 juli").
describe('bod', () => {
  const regel = { jaar: 2027, actielijn: 'VOLDOENDE_WONINGEN', omschrijving: 'Sociale huur opleveren' };

  it('is late when sent after the deadline of its cycle (1 July included)', () => {
    expect(bodTeLaat('2026-07-01', '2026-07-01')).toBe(false);
    expect(bodTeLaat('2026-07-01', '2026-07-02')).toBe(true);
    expect(bodTeLaat('2027-07-01', '2026-11-29')).toBe(false);
  });

  it('speaks about the next five years', () => {
    expect(bodJaren(2026)).toEqual({ jaarVan: 2027, jaarTot: 2031 });
    expect(bodFouten({ jaar: 2026, regels: [{ ...regel, jaar: 2031 }] })).toEqual([]);
    expect(bodFouten({ jaar: 2026, regels: [{ ...regel, jaar: 2032 }] }).map((f) => f.melding)).toEqual([
      'Regel 1: een bod van 2026 gaat over de jaren 2027–2031, niet over 2032.',
    ]);
    expect(bodFouten({ jaar: 2026, regels: [{ ...regel, jaar: 2026 }] })).toHaveLength(1);
  });

  it('checks actielijn, description, indicator and quantity with unit', () => {
    const f = bodFouten({
      jaar: 2026,
      regels: [
        { ...regel, actielijn: 'ONBEKEND', omschrijving: ' ' },
        { ...regel, aantal: 10 },
        { ...regel, indicatorCode: 'STATUSHOUDERS_GEHUISVEST', aantal: 5 },
        { ...regel, indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD' },
        { ...regel, aantal: -1, eenheid: 'woningen' },
      ],
    });
    expect(f.map((x) => x.veld)).toEqual([
      'regels[0].actielijn',
      'regels[0].omschrijving',
      'regels[1].eenheid',
      'regels[2].indicatorCode',
      'regels[3].aantal',
      'regels[4].aantal',
    ]);
    expect(
      bodFouten({
        jaar: 2026,
        regels: [{ ...regel, indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD', aantal: 40 }],
      }),
    ).toEqual([]);
  });

  it('is sent with at least one activity and a huurdersorganisatie as recipient', () => {
    expect(bodVerzendFouten({ regels: [regel], huurdersorganisaties: 1 })).toEqual([]);
    expect(bodVerzendFouten({ regels: [], huurdersorganisaties: 0 }).map((f) => f.veld)).toEqual([
      'regels',
      'ontvangers',
    ]);
  });

  it('turns lines with an indicator and a quantity into afspraken with a doelwaarde per year', () => {
    const r = afsprakenUitBod([
      { ...regel, indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD', aantal: 40 },
      { ...regel, jaar: 2028, indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD', aantal: 60 },
      { ...regel, jaar: 2028, omschrijving: 'Woningen verduurzamen', aantal: 300, eenheid: 'woningen' },
    ]);
    expect(r.nietOvergenomen).toBe(1);
    expect(r.afspraken).toEqual([
      {
        actielijn: 'VOLDOENDE_WONINGEN',
        indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
        omschrijving: 'Sociale huur opleveren',
        doelwaarden: [
          { jaar: 2027, waarde: 40 },
          { jaar: 2028, waarde: 60 },
        ],
      },
    ]);
  });
});

describe('bod lines and toelichting as stored', () => {
  const regel = { jaar: 2027, actielijn: 'VOLDOENDE_WONINGEN', omschrijving: 'Sociale huur opleveren' };

  it('a toelichting holds at most 4000 characters after trimming', () => {
    expect(bodToelichtingFouten(null)).toEqual([]);
    expect(bodToelichtingFouten(` ${'x'.repeat(4000)} `)).toEqual([]);
    expect(bodToelichtingFouten('x'.repeat(4001))).toEqual([
      { veld: 'toelichting', melding: 'De toelichting is langer dan 4000 tekens.' },
    ]);
  });

  it("trims the text; with a catalogue indicator the unit is the indicator's", () => {
    expect(
      bodRegelVoorOpslag({
        jaar: 2027,
        actielijn: 'VOLDOENDE_WONINGEN',
        omschrijving: ' Opleveren ',
        indicatorCode: 'WONINGEN_OPGELEVERD',
        aantal: 40,
        eenheid: 'stuks',
      }),
    ).toEqual({
      jaar: 2027,
      actielijn: 'VOLDOENDE_WONINGEN',
      omschrijving: 'Opleveren',
      indicatorCode: 'WONINGEN_OPGELEVERD',
      aantal: 40,
      eenheid: 'woningen',
    });
    expect(bodRegelVoorOpslag({ ...regel, indicatorCode: '', aantal: undefined, eenheid: ' ' })).toEqual({
      ...regel,
      indicatorCode: null,
      aantal: null,
      eenheid: null,
    });
    expect(bodRegelVoorOpslag({ ...regel, eenheid: ' daken ' }).eenheid).toBe('daken');
  });
});
