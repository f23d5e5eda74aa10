import { controleerHerindeling, type HerindelingGemeente } from './herindeling';
import { DomainError } from './domain-error';

// Reference rows as CBS had them for the 2022 indeling: Heerhugowaard and Langedijk became
// Dijk en Waard (GM1980) on 1 January 2022; Beemster went into Purmerend (GM0439).
const REF: HerindelingGemeente[] = [
  { code: 'GM0398', naam: 'Heerhugowaard', provincieCode: 'PV27', opgehevenOp: null, opgegaanIn: null },
  { code: 'GM0416', naam: 'Langedijk', provincieCode: 'PV27', opgehevenOp: null, opgegaanIn: null },
  { code: 'GM0370', naam: 'Beemster', provincieCode: 'PV27', opgehevenOp: null, opgegaanIn: null },
  { code: 'GM0439', naam: 'Purmerend', provincieCode: 'PV27', opgehevenOp: null, opgegaanIn: null },
  { code: 'GM0545', naam: 'Leerdam', provincieCode: 'PV28', opgehevenOp: '2019-01-01', opgegaanIn: 'GM1961' },
  { code: 'GM0620', naam: 'Vianen', provincieCode: 'PV26', opgehevenOp: null, opgegaanIn: null },
  { code: 'GM0707', naam: 'Zederik', provincieCode: 'PV28', opgehevenOp: null, opgegaanIn: null },
];
const gemeente = (c: string) => REF.find((g) => g.code === c);
const provincie = (c: string) => /^PV(2[0-9]|3[01])$/.test(c);
const dijkEnWaard = {
  datum: '2022-01-01',
  nieuweGemeenteCode: 'gm1980',
  nieuweGemeenteNaam: ' Dijk en  Waard ',
  oudeGemeenteCodes: ['GM0416', 'GM0398', 'GM0398'],
};
const fout = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('no DomainError');
};

describe('controleerHerindeling', () => {
  it('a new gemeente from two old ones: codes normalised, provincie of the old ones', () => {
    expect(controleerHerindeling(dijkEnWaard, gemeente, provincie)).toEqual({
      datum: '2022-01-01',
      nieuw: { code: 'GM1980', naam: 'Dijk en Waard', provincieCode: 'PV27', bestaat: false },
      oud: ['GM0398', 'GM0416'],
    });
  });

  it('an existing gemeente absorbing another keeps its code, name and provincie', () => {
    const h = controleerHerindeling(
      {
        datum: '2022-01-01',
        nieuweGemeenteCode: 'GM0439',
        nieuweGemeenteNaam: 'purmerend',
        oudeGemeenteCodes: ['GM0370'],
      },
      gemeente,
      provincie,
    );
    expect(h.nieuw).toEqual({ code: 'GM0439', naam: 'Purmerend', provincieCode: 'PV27', bestaat: true });
  });

  it('only on 1 January (Wet arhi art. 1 lid 1 onder h)', () => {
    expect(
      fout(() => controleerHerindeling({ ...dijkEnWaard, datum: '2022-03-24' }, gemeente, provincie)).code,
    ).toBe('GEEN_1_JANUARI');
    expect(
      fout(() => controleerHerindeling({ ...dijkEnWaard, datum: '2022-02-30' }, gemeente, provincie)).code,
    ).toBe('ONGELDIGE_DATUM');
  });

  it('refuses a merge into itself, unknown codes, codes already merged, a name that differs', () => {
    const e = (i: Partial<typeof dijkEnWaard> & { provincieCode?: string }) =>
      fout(() => controleerHerindeling({ ...dijkEnWaard, ...i }, gemeente, provincie));
    expect(e({ oudeGemeenteCodes: ['GM0398', 'GM1980'] }).code).toBe('IN_ZICHZELF');
    expect(e({ oudeGemeenteCodes: ['GM0398', 'GM9999'] }).message).toBe('Onbekende gemeente: GM9999.');
    expect(e({ oudeGemeenteCodes: ['GM0545'] }).message).toContain(
      'Leerdam (GM0545) is al per 2019-01-01 opgegaan in GM1961',
    );
    expect(e({ oudeGemeenteCodes: ['Heerhugowaard'] }).code).toBe('ONGELDIGE_CODE');
    expect(e({ oudeGemeenteCodes: [] }).code).toBe('GEEN_GEMEENTEN');
    expect(e({ nieuweGemeenteCode: 'GM0439', oudeGemeenteCodes: ['GM0370'] }).code).toBe('ANDERE_NAAM');
    expect(e({ provincieCode: 'PV99' }).code).toBe('ONBEKENDE_PROVINCIE');
  });

  it('across a provinciegrens the provincie must be named (Vijfheerenlanden went to Utrecht in 2019)', () => {
    const vijfheerenlanden = {
      datum: '2019-01-01',
      nieuweGemeenteCode: 'GM1961',
      nieuweGemeenteNaam: 'Vijfheerenlanden',
      oudeGemeenteCodes: ['GM0620', 'GM0707'],
    };
    expect(fout(() => controleerHerindeling(vijfheerenlanden, gemeente, provincie)).code).toBe(
      'PROVINCIE_NODIG',
    );
    expect(
      controleerHerindeling({ ...vijfheerenlanden, provincieCode: 'pv26' }, gemeente, provincie).nieuw
        .provincieCode,
    ).toBe('PV26');
  });
});
