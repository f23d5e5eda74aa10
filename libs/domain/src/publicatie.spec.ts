import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { INDICATOR_CATALOGUS } from './indicator-catalogus';
import { kwartaalEinde, kwartaalStart, maakKwartaal, parseKwartaal } from './kwartaal';
import {
  BESCHERMDE_KWARTAALCIJFER_INDICATOREN,
  classificatie,
  isBeschermd,
  OPENBAARHEID_PER_BRON,
} from './openbaarheid';
import {
  afronden,
  dataDeadline,
  isGeslotenKwartaal,
  isRasterPeriode,
  kwartaalcijferCelIdentiteit,
  laatsteGeslotenKwartaal,
  PERSONEN_BIJ_AFGERONDE_CEL,
  publicatieWeigering,
  rasterKwartalen,
  toewijzingCelIdentiteit,
  trekkingUitHmac,
  vrijgegevenPersonen,
  vrijgegevenWaarde,
} from './publicatie';

/** The keyed draw as Postgres computes it (HMAC-SHA-256, first 4 bytes). */
const trekking = (sleutel: Uint8Array, identiteit: string) =>
  trekkingUitHmac(createHmac('sha256', sleutel).update(identiteit, 'utf8').digest());
const vrijgegeven = (sleutel: Uint8Array, identiteit: string, waarde: number) =>
  vrijgegevenWaarde(trekking(sleutel, identiteit), waarde);

const SLEUTEL = new Uint8Array(Buffer.from('0f'.repeat(32), 'hex'));

describe('openbaarheid', () => {
  it('classifies every catalogue indicator', () => {
    for (const i of INDICATOR_CATALOGUS) {
      const c = classificatie(i.code);
      expect(['OPENBAAR', 'BESCHERMD']).toContain(c.openbaarheid);
      expect(c.reden.length).toBeGreaterThan(10);
    }
  });

  it('protects every figure from toewijzingen, statushouders persons included', () => {
    // persons are counted from households: exact persons for others would let a corporatie
    // subtract its own and read its competitors' statushouders households
    for (const i of INDICATOR_CATALOGUS.filter((x) => x.bron === 'TOEWIJZINGEN')) {
      expect(isBeschermd(i.code)).toBe(true);
    }
    expect(OPENBAARHEID_PER_BRON.TOEWIJZINGEN).toBe('BESCHERMD');
  });

  it('protects huisuitzettingen, vroegsignalering and uitstroom kwartaalcijfers, not stocks', () => {
    expect([...BESCHERMDE_KWARTAALCIJFER_INDICATOREN].sort()).toEqual([
      'HUISUITZETTINGEN',
      'UITSTROOM_WACHTEND',
      'VROEGSIGNALERING_TRAJECTEN',
    ]);
    expect(isBeschermd('WONINGVOORRAAD_TOTAAL')).toBe(false);
    expect(() => classificatie('BESTAAT_NIET')).toThrow(
      expect.objectContaining({ code: 'ONBEKENDE_INDICATOR' }),
    );
  });
});

describe('the draw', () => {
  it('is the first 4 bytes of the HMAC as an unsigned integer', () => {
    expect(trekkingUitHmac(new Uint8Array([0xff, 0xff, 0xff, 0xff, 1]))).toBe(2 ** 32 - 1);
    expect(trekkingUitHmac(new Uint8Array([0x00, 0x00, 0x01, 0x02]))).toBe(258);
    expect(trekkingUitHmac(new Uint8Array([0x80, 0, 0, 0]))).toBe(2 ** 31);
  });
});

describe('grid', () => {
  it('accepts unions of whole quarters and lists them', () => {
    expect(rasterKwartalen({ van: '2026-01-01', tot: '2026-12-31' })?.length).toBe(4);
    expect(rasterKwartalen({ van: '2026-04-01', tot: '2026-06-30' })).toEqual([maakKwartaal(2026, 2)]);
    expect(rasterKwartalen({ van: '2025-10-01', tot: '2026-03-31' })).toEqual([
      maakKwartaal(2025, 4),
      maakKwartaal(2026, 1),
    ]);
  });

  it('refuses any other van/tot', () => {
    expect(isRasterPeriode({ van: '2026-01-02', tot: '2026-12-31' })).toBe(false);
    expect(isRasterPeriode({ van: '2026-01-01', tot: '2026-12-30' })).toBe(false);
    expect(isRasterPeriode({ van: '2026-04-01', tot: '2026-03-31' })).toBe(false);
  });

  it('property: a period is on the grid exactly when it starts a quarter and ends one', () => {
    const datum = fc
      .date({
        min: new Date('2016-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(datum, datum, (a, b) => {
        const [van, tot] = a <= b ? [a, b] : [b, a];
        const verwacht =
          kwartaalStart(parseKwartaal(`${van.slice(0, 4)}-Q${Math.ceil(Number(van.slice(5, 7)) / 3)}`)) ===
            van &&
          kwartaalEinde(parseKwartaal(`${tot.slice(0, 4)}-Q${Math.ceil(Number(tot.slice(5, 7)) / 3)}`)) ===
            tot;
        expect(isRasterPeriode({ van, tot })).toBe(verwacht);
      }),
    );
  });
});

describe('closed quarters', () => {
  it('a quarter closes on its data deadline (day D of the month after)', () => {
    const q3 = maakKwartaal(2026, 3);
    expect(dataDeadline(q3, 15)).toBe('2026-10-15');
    expect(isGeslotenKwartaal(q3, '2026-10-14', 15)).toBe(false);
    expect(isGeslotenKwartaal(q3, '2026-10-15', 15)).toBe(true);
    expect(isGeslotenKwartaal(maakKwartaal(2026, 4), '2026-12-31', 1)).toBe(false);
    expect(laatsteGeslotenKwartaal('2026-10-14', 15)).toEqual(maakKwartaal(2026, 2));
    expect(laatsteGeslotenKwartaal('2026-10-15', 15)).toEqual(q3);
    expect(laatsteGeslotenKwartaal('2027-01-01', 1)).toEqual(maakKwartaal(2026, 4));
    expect(() => dataDeadline(q3, 29)).toThrow(expect.objectContaining({ code: 'ONGELDIGE_DEADLINE' }));
  });

  it('refuses a period with an open quarter, and a period off the grid first', () => {
    expect(publicatieWeigering({ van: '2026-01-01', tot: '2026-12-31' }, '2026-11-29', 15)).toBe(
      'KWARTAAL_NIET_GESLOTEN',
    );
    expect(publicatieWeigering({ van: '2026-01-01', tot: '2026-09-30' }, '2026-11-29', 15)).toBeNull();
    expect(publicatieWeigering({ van: '2026-01-01', tot: '2026-11-29' }, '2026-11-29', 15)).toBe(
      'NIET_OP_RASTER',
    );
  });
});

describe('keyed rounding of a base cell', () => {
  const cel = (n: number) =>
    toewijzingCelIdentiteit({
      gemeente: 'GM0363',
      corporatieId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      kwartaal: maakKwartaal(2026, 1 + (n % 4)),
      aandachtsgroep: n % 3 ? 'STATUSHOUDERS' : null,
      viaUrgentie: n % 2 === 0,
    });

  it('cell identities are canonical', () => {
    expect(
      toewijzingCelIdentiteit({
        gemeente: 'GM0363',
        corporatieId: 'ABCDEF00-0000-4000-8000-000000000001',
        kwartaal: maakKwartaal(2026, 3),
        aandachtsgroep: null,
        viaUrgentie: true,
      }),
    ).toBe('toewijzing|GM0363|abcdef00-0000-4000-8000-000000000001|2026-Q3||1');
    expect(
      kwartaalcijferCelIdentiteit({
        gemeente: 'GM0014',
        organisatieId: 'abcdef00-0000-4000-8000-000000000001',
        kwartaal: maakKwartaal(2025, 4),
        indicatorCode: 'HUISUITZETTINGEN',
      }),
    ).toBe('kwartaalcijfer|GM0014|abcdef00-0000-4000-8000-000000000001|2025-Q4|HUISUITZETTINGEN');
  });

  it('0 and ≥ 5 as is; 1–4 become 5 or 0 by the draw', () => {
    expect(afronden(0, 0)).toBe(0);
    expect(afronden(5, 0)).toBe(5);
    expect(afronden(1234, 2 ** 32 - 1)).toBe(1234);
    expect(afronden(1, 0)).toBe(5); // draw 0 < 1/5
    expect(afronden(4, 2 ** 32 - 1)).toBe(0); // draw ≈ 1 ≥ 4/5
    expect(afronden(1, Math.ceil(2 ** 32 / 5))).toBe(0);
    expect(afronden(1, Math.ceil(2 ** 32 / 5) - 1)).toBe(5);
    expect(() => afronden(-1, 0)).toThrow(expect.objectContaining({ code: 'ONGELDIGE_WAARDE' }));
  });

  it('property: a released cell is never 1–4, and the same cell always gives the same value', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 60 }),
        fc.nat({ max: 1_000_000 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (v, n, sleutel) => {
          const uit = vrijgegeven(sleutel, cel(n), v);
          expect(uit === 0 || uit >= 5).toBe(true);
          expect(vrijgegeven(sleutel, cel(n), v)).toBe(uit);
          if (v === 0 || v >= 5) expect(uit).toBe(v);
        },
      ),
    );
  });

  it('property (additivity): the difference of any two aggregates is a sum of released cells, never 1–4 per cell', () => {
    // an aggregate over any set of cells (area × grid period) is the sum of the released cells;
    // whatever a principal subtracts, it gets a signed sum of released cells, each 0 or ≥ 5
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.nat({ max: 10_000 }), v: fc.nat({ max: 12 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (cellenRuw, inA, inB) => {
          const cellen = [...new Map(cellenRuw.map((c) => [c.id, c])).values()];
          const vrij = cellen.map((c) => vrijgegeven(SLEUTEL, cel(c.id), c.v));
          const som = (s: boolean[]) => vrij.reduce((t, w, i) => t + (s[i] ? w : 0), 0);
          const a = cellen.map((_, i) => inA[i]);
          const b = cellen.map((_, i) => inA[i] || inB[i]); // A ⊆ B, like a gemeente inside a provincie
          const verschil = som(b) - som(a);
          const rest = vrij.filter((_, i) => b[i] && !a[i]);
          expect(verschil).toBe(rest.reduce((t, w) => t + w, 0));
          for (const w of rest) expect(w === 0 || w >= 5).toBe(true);
        },
      ),
    );
  });

  it('is unbiased: over many cells a count of v averages v', () => {
    const sleutel = new Uint8Array(randomBytes(32));
    for (const v of [1, 2, 3, 4]) {
      const n = 5_000;
      let som = 0;
      for (let i = 0; i < n; i++) som += vrijgegeven(sleutel, cel(i), v);
      // standard error of the mean ≤ 2.5/√n ≈ 0.035: about 6 standard errors
      expect(Math.abs(som / n - v)).toBeLessThan(0.2);
    }
  });

  it('draws differ per key: the key is what makes the draw secret', () => {
    const a = new Uint8Array(32).fill(1);
    const b = new Uint8Array(32).fill(2);
    expect(trekking(a, cel(1))).not.toBe(trekking(b, cel(1)));
  });

  it('persons follow the released households', () => {
    expect(vrijgegevenPersonen(7, 7, 19)).toBe(19);
    expect(vrijgegevenPersonen(3, 0, 9)).toBe(0);
    expect(vrijgegevenPersonen(3, 5, 9)).toBe(PERSONEN_BIJ_AFGERONDE_CEL);
    expect(PERSONEN_BIJ_AFGERONDE_CEL).toBe(11);
  });
});
