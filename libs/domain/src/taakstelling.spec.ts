import {
  controleerTaakstelling,
  deelInPeriode,
  halfjaarVanPeriode,
  isGebiedSoort,
  taakstellingInPeriode,
  taakstellingVoorGebied,
  type TaakstellingRegel,
} from './taakstelling';
import { maakPeriode, periodeVoorJaar } from './periode';
import { DomainError } from './domain-error';

const fout = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('controleerTaakstelling', () => {
  const basis = {
    indicatorCode: 'WONINGEN_OPGELEVERD',
    gebiedSoort: 'PROVINCIE' as const,
    periode: periodeVoorJaar(2026),
    waarde: 1000,
  };

  it('accepts an ordinary target', () => {
    expect(() => controleerTaakstelling(basis)).not.toThrow();
  });

  it('refuses milestones, negative and fractional counts, percentages above 100, unknown indicators', () => {
    expect(
      fout(() => controleerTaakstelling({ ...basis, indicatorCode: 'WOONZORGVISIE_VASTGESTELD', waarde: 1 })),
    ).toBe('TAAKSTELLING_VOOR_MIJLPAAL');
    expect(fout(() => controleerTaakstelling({ ...basis, waarde: -1 }))).toBe('ONGELDIGE_TAAKSTELLING');
    expect(fout(() => controleerTaakstelling({ ...basis, waarde: 10.5 }))).toBe('GEEN_GEHEEL_AANTAL');
    expect(
      fout(() => controleerTaakstelling({ ...basis, indicatorCode: 'AANDEEL_SOCIALE_HUUR', waarde: 101 })),
    ).toBe('ONGELDIGE_TAAKSTELLING');
    expect(() =>
      controleerTaakstelling({ ...basis, indicatorCode: 'AANDEEL_SOCIALE_HUUR', waarde: 30.5 }),
    ).not.toThrow();
    expect(fout(() => controleerTaakstelling({ ...basis, indicatorCode: 'BESTAAT_NIET' }))).toBe(
      'ONBEKENDE_INDICATOR',
    );
  });

  it('the statushouders taakstelling is per gemeente and per calendar half year', () => {
    const s = { indicatorCode: 'STATUSHOUDERS_GEHUISVEST', gebiedSoort: 'GEMEENTE' as const, waarde: 40 };
    expect(() =>
      controleerTaakstelling({ ...s, periode: maakPeriode('2026-01-01', '2026-06-30') }),
    ).not.toThrow();
    expect(() =>
      controleerTaakstelling({ ...s, periode: maakPeriode('2026-07-01', '2026-12-31') }),
    ).not.toThrow();
    expect(fout(() => controleerTaakstelling({ ...s, periode: periodeVoorJaar(2026) }))).toBe(
      'STATUSHOUDERS_PER_HALFJAAR',
    );
    expect(
      fout(() => controleerTaakstelling({ ...s, periode: maakPeriode('2026-01-01', '2026-06-29') })),
    ).toBe('STATUSHOUDERS_PER_HALFJAAR');
    expect(
      fout(() =>
        controleerTaakstelling({
          ...s,
          gebiedSoort: 'PROVINCIE',
          periode: maakPeriode('2026-01-01', '2026-06-30'),
        }),
      ),
    ).toBe('STATUSHOUDERS_PER_GEMEENTE');
  });
});

describe('halfjaarVanPeriode / isGebiedSoort', () => {
  it('recognises exact half years only', () => {
    expect(halfjaarVanPeriode(maakPeriode('2025-07-01', '2025-12-31'))).toBe('2025-H2');
    expect(halfjaarVanPeriode(maakPeriode('2024-01-01', '2024-06-30'))).toBe('2024-H1');
    expect(halfjaarVanPeriode(maakPeriode('2024-01-02', '2024-06-30'))).toBeUndefined();
    expect(halfjaarVanPeriode(maakPeriode('2024-01-01', '2024-12-31'))).toBeUndefined();
  });
  it('knows the four kinds of area', () => {
    expect(isGebiedSoort('LAND')).toBe(true);
    expect(isGebiedSoort('BUURT')).toBe(false);
  });
});

describe('deelInPeriode', () => {
  it('is the share of the target’s days inside the requested period', () => {
    const jaar = periodeVoorJaar(2026);
    expect(deelInPeriode(jaar, jaar)).toBe(1);
    expect(deelInPeriode(jaar, maakPeriode('2026-01-01', '2026-01-10'))).toBeCloseTo(10 / 365);
    expect(deelInPeriode(maakPeriode('2026-01-01', '2026-06-30'), jaar)).toBe(1);
    expect(deelInPeriode(jaar, periodeVoorJaar(2027))).toBe(0);
  });
});

describe('taakstellingInPeriode', () => {
  const h1: TaakstellingRegel = { van: '2026-01-01', tot: '2026-06-30', waarde: 40, gesteldDoor: 'RIJK' };
  const h2: TaakstellingRegel = { van: '2026-07-01', tot: '2026-12-31', waarde: 60, gesteldDoor: 'RIJK' };

  it('sums whole targets inside the period and pro-rates a target that overlaps partly', () => {
    expect(taakstellingInPeriode([h1, h2], periodeVoorJaar(2026), 'SOM')).toBe(100);
    expect(taakstellingInPeriode([h1, h2], maakPeriode('2026-01-01', '2026-06-30'), 'SOM')).toBe(40);
    const jaar: TaakstellingRegel = {
      van: '2026-01-01',
      tot: '2026-12-31',
      waarde: 365,
      gesteldDoor: 'PROVINCIE',
    };
    expect(taakstellingInPeriode([jaar], maakPeriode('2026-01-01', '2026-01-31'), 'SOM')).toBe(31);
  });

  it('gives no target when none overlaps', () => {
    expect(taakstellingInPeriode([h1], periodeVoorJaar(2027), 'SOM')).toBeNull();
    expect(taakstellingInPeriode([], periodeVoorJaar(2027), 'STAND')).toBeNull();
  });

  it('monitors the highest level’s targets when levels overlap', () => {
    const prov: TaakstellingRegel = {
      van: '2026-01-01',
      tot: '2026-12-31',
      waarde: 500,
      gesteldDoor: 'PROVINCIE',
    };
    const eigen: TaakstellingRegel = {
      van: '2026-01-01',
      tot: '2026-06-30',
      waarde: 300,
      gesteldDoor: 'GEMEENTE',
    };
    expect(taakstellingInPeriode([eigen, prov], periodeVoorJaar(2026), 'SOM')).toBe(500);
    expect(taakstellingInPeriode([eigen], periodeVoorJaar(2026), 'SOM')).toBe(300);
  });

  it('takes the target of the period that ends last for a stand', () => {
    const a: TaakstellingRegel = {
      van: '2025-01-01',
      tot: '2025-12-31',
      waarde: 28,
      gesteldDoor: 'GEMEENTE',
    };
    const b: TaakstellingRegel = {
      van: '2026-01-01',
      tot: '2026-12-31',
      waarde: 30,
      gesteldDoor: 'GEMEENTE',
    };
    expect(taakstellingInPeriode([a, b], maakPeriode('2025-01-01', '2026-12-31'), 'AANDEEL')).toBe(30);
    expect(taakstellingInPeriode([b, a], maakPeriode('2025-01-01', '2026-12-31'), 'STAND')).toBe(30);
  });
});

describe('taakstellingVoorGebied', () => {
  it('uses the own target when set, otherwise the sum of the parts that have one', () => {
    expect(taakstellingVoorGebied(1000, [300, 400], 'SOM')).toEqual({
      waarde: 1000,
      bron: 'GEBIED',
      onderdelenMetTaakstelling: 0,
    });
    expect(taakstellingVoorGebied(null, [300, null, 400], 'SOM')).toEqual({
      waarde: 700,
      bron: 'ONDERDELEN',
      onderdelenMetTaakstelling: 2,
    });
    expect(taakstellingVoorGebied(null, [null], 'SOM')).toEqual({
      waarde: null,
      bron: 'GEEN',
      onderdelenMetTaakstelling: 0,
    });
  });
  it('does not add up percentages', () => {
    expect(taakstellingVoorGebied(null, [30, 35], 'AANDEEL').waarde).toBeNull();
    expect(taakstellingVoorGebied(30, [30, 35], 'AANDEEL').waarde).toBe(30);
  });
});
