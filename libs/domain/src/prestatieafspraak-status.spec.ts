import {
  PRESTATIEAFSPRAAK_STATUSSEN,
  inhoudWijzigbaar,
  isPrestatieafspraakStatus,
  isVolledigGetekend,
  isVastTeStellen,
  magOndertekenenInStatus,
  ontbrekendeOndertekeningen,
  prestatieafspraakStatusLabel,
  statusActieOmschrijving,
  toegestaneActies,
  volgendeStatus,
  type StatusActie,
} from './prestatieafspraak-status';

const fout = (code: string) => expect.objectContaining({ code });

describe('prestatieafspraak status', () => {
  it('labels statuses in Dutch', () => {
    expect(prestatieafspraakStatusLabel('BEEINDIGD')).toBe('Beëindigd');
    expect(prestatieafspraakStatusLabel('TER_ONDERTEKENING')).toBe('Ter ondertekening');
    expect(isPrestatieafspraakStatus('VASTGESTELD')).toBe(true);
    expect(isPrestatieafspraakStatus('GETEKEND')).toBe(false);
  });

  it('walks the happy path', () => {
    let s = volgendeStatus('CONCEPT', 'INDIENEN');
    expect(s).toBe('TER_ONDERTEKENING');
    s = volgendeStatus(s, 'ALLES_GETEKEND');
    expect(s).toBe('VASTGESTELD');
    expect(volgendeStatus(s, 'BEEINDIGEN')).toBe('BEEINDIGD');
  });

  it('withdraws to concept only with a reason', () => {
    expect(volgendeStatus('TER_ONDERTEKENING', 'TERUGTREKKEN', 'Huurders willen artikel 3 aanpassen')).toBe(
      'CONCEPT',
    );
    expect(() => volgendeStatus('TER_ONDERTEKENING', 'TERUGTREKKEN')).toThrow(fout('REDEN_VERPLICHT'));
    expect(() => volgendeStatus('TER_ONDERTEKENING', 'TERUGTREKKEN', '   ')).toThrow('Geef een reden op');
  });

  it('refuses every transition outside the table, with a Dutch explanation', () => {
    const toegestaan = new Set([
      'CONCEPT:INDIENEN',
      'TER_ONDERTEKENING:TERUGTREKKEN',
      'TER_ONDERTEKENING:ALLES_GETEKEND',
      'VASTGESTELD:BEEINDIGEN',
    ]);
    const acties: StatusActie[] = ['INDIENEN', 'TERUGTREKKEN', 'ALLES_GETEKEND', 'BEEINDIGEN'];
    for (const s of PRESTATIEAFSPRAAK_STATUSSEN) {
      for (const a of acties) {
        if (toegestaan.has(`${s}:${a}`)) expect(() => volgendeStatus(s, a, 'reden')).not.toThrow();
        else expect(() => volgendeStatus(s, a, 'reden')).toThrow(fout('ONGELDIGE_STATUSOVERGANG'));
      }
    }
    expect(() => volgendeStatus('VASTGESTELD', 'INDIENEN')).toThrow(
      "Een prestatieafspraak met status 'Vastgesteld' kan niet worden aangeboden ter ondertekening; dat kan alleen vanuit status 'Concept'",
    );
    expect(() => volgendeStatus('BEEINDIGD', 'BEEINDIGEN')).toThrow('kan niet worden beëindigd');
    expect(() => volgendeStatus('CONCEPT', 'ONZIN' as StatusActie)).toThrow(fout('ONBEKENDE_ACTIE'));
  });

  it('lists allowed actions per status for the UI', () => {
    expect(toegestaneActies('CONCEPT')).toEqual(['INDIENEN']);
    expect(toegestaneActies('TER_ONDERTEKENING').sort()).toEqual(['ALLES_GETEKEND', 'TERUGTREKKEN']);
    expect(toegestaneActies('BEEINDIGD')).toEqual([]);
    expect(statusActieOmschrijving('INDIENEN')).toBe('ter ondertekening aanbieden');
  });

  it('allows content changes only in CONCEPT', () => {
    expect(PRESTATIEAFSPRAAK_STATUSSEN.filter(inhoudWijzigbaar)).toEqual(['CONCEPT']);
  });

  describe('signatures', () => {
    const partijen = ['GM0363', 'L1234', 'HO-AMS'];

    it('is complete only when every party signed', () => {
      expect(
        isVolledigGetekend(
          partijen,
          partijen.map((partijCode) => ({ partijCode })),
        ),
      ).toBe(true);
      expect(isVolledigGetekend(partijen, [{ partijCode: 'GM0363' }, { partijCode: 'L1234' }])).toBe(false);
      expect(ontbrekendeOndertekeningen(partijen, [{ partijCode: 'L1234' }])).toEqual(['GM0363', 'HO-AMS']);
    });

    it('ignores signatures of non-parties and double signatures', () => {
      const tekeningen = [
        { partijCode: 'GM0363' },
        { partijCode: 'GM0363' },
        { partijCode: 'PV27' },
        { partijCode: 'L1234' },
      ];
      expect(isVolledigGetekend(partijen, tekeningen)).toBe(false);
      expect(isVolledigGetekend(['GM0363', 'L1234'], tekeningen)).toBe(true);
    });

    it('is never complete without parties', () => {
      expect(isVolledigGetekend([], [])).toBe(false);
      expect(isVolledigGetekend([], [{ partijCode: 'GM0363' }])).toBe(false);
    });

    it('counts a party listed twice once', () => {
      expect(ontbrekendeOndertekeningen(['A', 'A', 'B'], [])).toEqual(['A', 'B']);
    });
  });
});

describe('huurdersorganisatie signature is optional (woningwet2015.nl FAQ huurders)', () => {
  const partijen = [
    { partijCode: 'GM0344', soort: 'GEMEENTE' as const },
    { partijCode: 'L0801', soort: 'CORPORATIE' as const },
    { partijCode: 'HO', soort: 'HUURDERSORGANISATIE' as const },
  ];
  it('is vastgesteld once the gemeente and the corporatie signed', () => {
    expect(isVastTeStellen(partijen, [{ partijCode: 'GM0344' }])).toBe(false);
    expect(isVastTeStellen(partijen, [{ partijCode: 'GM0344' }, { partijCode: 'L0801' }])).toBe(true);
    expect(isVastTeStellen([partijen[2]], [{ partijCode: 'HO' }])).toBe(false);
  });
  it('lets the huurdersorganisatie still sign after vaststelling, nobody else', () => {
    expect(magOndertekenenInStatus('VASTGESTELD', 'HUURDERSORGANISATIE')).toBe(true);
    expect(magOndertekenenInStatus('VASTGESTELD', 'CORPORATIE')).toBe(false);
    expect(magOndertekenenInStatus('TER_ONDERTEKENING', 'CORPORATIE')).toBe(true);
    expect(magOndertekenenInStatus('CONCEPT', 'HUURDERSORGANISATIE')).toBe(false);
  });
});
