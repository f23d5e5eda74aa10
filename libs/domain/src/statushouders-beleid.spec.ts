import { isDomainError } from './domain-error';
import { parseHalfjaar } from './halfjaar';
import {
  halfjaarBeoordeeld,
  statushoudersBeleidOp,
  zetStatushoudersBeleid,
  type StatushoudersBeleid,
} from './statushouders-beleid';

// Seed: Huisvestingswet 2014 (in force 1 January 2015) art. 28, taakstelling per half year;
// voorrang no longer mandatory since Kamerstukken 34454 (Eerste Kamer 2016-2017).
const HUIDIG: StatushoudersBeleid = {
  geldigVan: '2015-01-01',
  taakstelling: true,
  voorrang: 'TOEGESTAAN',
  toelichting: 'Halfjaarlijkse taakstelling',
  bron: 'Huisvestingswet 2014 art. 28',
};

// A hypothetical later law (the announced Kamerstukken 36831 is not law; the operator sets the date).
const einde = {
  geldigVan: '2027-03-01',
  taakstelling: false,
  voorrang: 'VERBODEN',
  toelichting: 'Geen taakstelling meer',
  bron: 'Stb. (voorbeeld)',
};

describe('statushouders policy by date', () => {
  it('applies the last row that started on or before the date', () => {
    const rijen = zetStatushoudersBeleid([HUIDIG], einde);
    expect(statushoudersBeleidOp(rijen, '2014-12-31')).toBeNull();
    expect(statushoudersBeleidOp(rijen, '2027-02-28')?.taakstelling).toBe(true);
    expect(statushoudersBeleidOp(rijen, '2027-03-01')).toMatchObject({
      taakstelling: false,
      voorrang: 'VERBODEN',
    });
  });

  it('judges a half year by the policy on its first day; earlier half years keep their judgement', () => {
    const rijen = zetStatushoudersBeleid([HUIDIG], einde);
    expect(halfjaarBeoordeeld(rijen, parseHalfjaar('2026-H2'))).toBe(true);
    // started before the end date: the circulaire for it was sent, still judged
    expect(halfjaarBeoordeeld(rijen, parseHalfjaar('2027-H1'))).toBe(true);
    expect(halfjaarBeoordeeld(rijen, parseHalfjaar('2027-H2'))).toBe(false);
    expect(halfjaarBeoordeeld([HUIDIG], parseHalfjaar('2040-H1'))).toBe(true);
    // no data at all: judged as before
    expect(halfjaarBeoordeeld([], parseHalfjaar('2026-H1'))).toBe(true);
  });

  it('replaces a row on the same date (a correction) and keeps the rows ordered', () => {
    const een = zetStatushoudersBeleid([HUIDIG], einde);
    const twee = zetStatushoudersBeleid(een, { ...einde, taakstelling: true, toelichting: 'Toch wel' });
    expect(twee).toHaveLength(2);
    expect(twee[1]).toMatchObject({ geldigVan: '2027-03-01', taakstelling: true, toelichting: 'Toch wel' });
  });

  it('refuses bad input in Dutch', () => {
    const fout = (n: Partial<typeof einde>) => {
      try {
        zetStatushoudersBeleid([HUIDIG], { ...einde, ...n });
      } catch (e) {
        if (isDomainError(e)) return e.message;
        throw e;
      }
      return null;
    };
    expect(fout({ geldigVan: '1-3-2027' })).toMatch(/geen datum/);
    expect(fout({ geldigVan: '2015-01-01' })).toMatch(/na 2015-01-01/);
    expect(fout({ voorrang: 'SOMS' })).toMatch(/Onbekende voorrang/);
    expect(fout({ toelichting: ' ' })).toMatch(/toelichting/);
    expect(fout({ bron: '' })).toMatch(/bron/);
  });
});
