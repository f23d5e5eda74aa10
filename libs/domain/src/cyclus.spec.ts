import { cyclusStand, cyclusStapStatusLabel, geschilMogelijk, geschilTermijn } from './cyclus';

const stap = (s: ReturnType<typeof cyclusStand>, code: string) => s.stappen.find((x) => x.code === code)!;

describe('cyclus', () => {
  it('lists evaluation, bod and signing with dates and Dutch labels', () => {
    const s = cyclusStand({ jaar: 2026, vandaag: '2026-03-01' });
    expect(s.afsprakenJaar).toBe(2027);
    expect(s.evaluatieJaar).toBe(2025);
    expect(s.stappen.map((x) => [x.code, x.label, x.deadline, x.status])).toEqual([
      ['EVALUATIE', 'Evaluatie prestatieafspraken 2025', '2026-07-01', 'OPEN'],
      ['BOD', 'Bod van de corporatie voor 2027', '2026-07-01', 'OPEN'],
      ['ONDERTEKENING', 'Prestatieafspraken 2027 ondertekend', '2026-12-15', 'OPEN'],
    ]);
  });

  it('counts 1 July itself as on time for the bod', () => {
    expect(stap(cyclusStand({ jaar: 2026, vandaag: '2026-07-01' }), 'BOD').status).toBe('OPEN');
    expect(stap(cyclusStand({ jaar: 2026, vandaag: '2026-07-02' }), 'BOD').status).toBe('TE_LAAT');
    const laat = stap(
      cyclusStand({ jaar: 2026, vandaag: '2026-08-01', bodOntvangenOp: '2026-07-02' }),
      'BOD',
    );
    expect(laat).toMatchObject({ status: 'GEDAAN', opTijd: false, gedaanOp: '2026-07-02' });
    const opTijd = stap(
      cyclusStand({ jaar: 2026, vandaag: '2026-08-01', bodOntvangenOp: '2026-07-01' }),
      'BOD',
    );
    expect(opTijd.opTijd).toBe(true);
  });

  it('uses the signing deadline setting (1 or 15 December)', () => {
    const vijftien = stap(cyclusStand({ jaar: 2026, vandaag: '2026-12-10' }), 'ONDERTEKENING');
    expect(vijftien).toMatchObject({ deadline: '2026-12-15', status: 'OPEN', dagenTotDeadline: 5 });
    const een = stap(cyclusStand({ jaar: 2026, vandaag: '2026-12-10', deadlineDag: 1 }), 'ONDERTEKENING');
    expect(een).toMatchObject({ deadline: '2026-12-01', status: 'TE_LAAT', dagenTotDeadline: -9 });
    expect(() => cyclusStand({ jaar: 2026, vandaag: '2026-12-10', deadlineDag: 31 })).toThrow(
      expect.objectContaining({ code: 'ONGELDIGE_DEADLINE' }),
    );
  });

  it('marks done steps done whatever the date, and keeps the rest late', () => {
    const s = cyclusStand({
      jaar: 2026,
      vandaag: '2027-01-10',
      bodOntvangenOp: '2026-06-20',
      vastgesteldOp: '2026-12-12',
    });
    expect(s.stappen.map((x) => x.status)).toEqual(['TE_LAAT', 'GEDAAN', 'GEDAAN']);
    expect(stap(s, 'EVALUATIE').opTijd).toBeNull();
  });

  it('rejects impossible dates in the input', () => {
    expect(() => cyclusStand({ jaar: 2026, vandaag: '2026-02-30' })).toThrow('bestaat niet');
    expect(() => cyclusStand({ jaar: 2026, vandaag: '2026-03-01', bodOntvangenOp: '1-7-2026' })).toThrow(
      'jjjj-mm-dd',
    );
  });

  it('has Dutch status labels', () => {
    expect(cyclusStapStatusLabel('TE_LAAT')).toBe('Te laat');
  });

  describe('geschil window 1 July – 29 January', () => {
    it.each([
      ['2026-06-30', false],
      ['2026-07-01', true],
      ['2026-12-31', true],
      ['2027-01-29', true],
      ['2027-01-30', false],
      ['2027-03-15', false],
    ])('%s → %p', (datum, verwacht) => {
      expect(geschilMogelijk(datum)).toBe(verwacht);
    });

    it('is reported in the cycle stand and as a period', () => {
      expect(cyclusStand({ jaar: 2026, vandaag: '2026-09-01' }).geschilMogelijk).toBe(true);
      expect(geschilTermijn(2026)).toEqual({ van: '2026-07-01', tot: '2027-01-29' });
    });
  });
});
