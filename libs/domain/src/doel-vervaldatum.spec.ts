import { beoordeelDoel, doelInPeriode, somVanDoelen } from './doel-vervaldatum';
import type { TaakstellingRegel } from './taakstelling';

const H1: TaakstellingRegel = { van: '2026-01-01', tot: '2026-06-30', waarde: 10, gesteldDoor: 'RIJK' };
const H2: TaakstellingRegel = { van: '2026-07-01', tot: '2026-12-31', waarde: 12, gesteldDoor: 'RIJK' };
const JAAR: TaakstellingRegel = {
  van: '2026-01-01',
  tot: '2026-12-31',
  waarde: 1000,
  gesteldDoor: 'PROVINCIE',
};
const halfjaar2 = { van: '2026-07-01', tot: '2026-12-31' };
const jaar = { van: '2026-01-01', tot: '2026-12-31' };

describe('a target is judged on its due date', () => {
  it('is not spread by day: in November nothing of a half-year target is due yet', () => {
    const doel = doelInPeriode([H2], halfjaar2, 'SOM', '2026-11-29');
    expect(doel).toEqual({ waarde: 12, vervallen: 0, vervaldatum: '2026-12-31' });
    // 2 of 12 in November is not "behind" (the linear rule expected 12 × 152/184 ≈ 9,9)
    expect(beoordeelDoel(doel, 2, 'HOGER_IS_BETER')).toEqual({
      percentage: (2 / 12) * 100,
      verwacht: 0,
      status: 'LOOPT',
    });
  });

  it('on and after the due date the full target counts', () => {
    const doel = doelInPeriode([H2], halfjaar2, 'SOM', '2026-12-31');
    expect(doel.vervallen).toBe(12);
    expect(beoordeelDoel(doel, 2, 'HOGER_IS_BETER').status).toBe('ACHTER');
    expect(beoordeelDoel(doel, 12, 'HOGER_IS_BETER').status).toBe('OP_SCHEMA');
    expect(beoordeelDoel(doel, 20, 'HOGER_IS_BETER').status).toBe('VOOR');
  });

  it('a year with two half-year targets: the first is due in July, the year still runs', () => {
    const doel = doelInPeriode([H1, H2], jaar, 'SOM', '2026-09-30');
    expect(doel).toEqual({ waarde: 22, vervallen: 10, vervaldatum: '2026-12-31' });
    // already below what was due on 30 June, whatever H2 brings: certainly behind
    expect(beoordeelDoel(doel, 4, 'HOGER_IS_BETER').status).toBe('ACHTER');
    // enough for H1 so far: the rest cannot be judged yet
    expect(beoordeelDoel(doel, 11, 'HOGER_IS_BETER').status).toBe('LOOPT');
  });

  it('a maximum that is already exceeded is behind before its due date', () => {
    const max = doelInPeriode([{ ...H2, waarde: 5 }], halfjaar2, 'SOM', '2026-09-01');
    expect(beoordeelDoel(max, 7, 'LAGER_IS_BETER').status).toBe('ACHTER');
    expect(beoordeelDoel(max, 3, 'LAGER_IS_BETER').status).toBe('LOOPT');
  });

  it('a year target asked for a half year counts in full and is never due inside it', () => {
    const doel = doelInPeriode([JAAR], { van: '2026-01-01', tot: '2026-06-30' }, 'SOM', '2026-06-30');
    expect(doel).toEqual({ waarde: 1000, vervallen: 0, vervaldatum: '2026-12-31' });
  });

  it('the highest level decides; a stand takes the target that ends last', () => {
    const eigen: TaakstellingRegel = { ...H1, waarde: 99, gesteldDoor: 'GEMEENTE' };
    expect(doelInPeriode([H1, eigen], jaar, 'SOM', '2026-12-31').waarde).toBe(10);
    const stand = doelInPeriode([H1, H2], jaar, 'STAND', '2026-12-31');
    expect(stand).toEqual({ waarde: 12, vervallen: 12, vervaldatum: '2026-12-31' });
    expect(doelInPeriode([H1, H2], jaar, 'STAND', '2026-08-01').vervallen).toBe(0);
  });

  it('no target: GEEN_DOEL; a target of 0 is a real target', () => {
    expect(beoordeelDoel(doelInPeriode([], jaar, 'SOM', '2026-12-31'), 3, 'HOGER_IS_BETER').status).toBe(
      'GEEN_DOEL',
    );
    const nul = doelInPeriode([{ ...H2, waarde: 0 }], halfjaar2, 'SOM', '2026-12-31');
    expect(beoordeelDoel(nul, 0, 'LAGER_IS_BETER')).toEqual({
      percentage: null,
      verwacht: 0,
      status: 'OP_SCHEMA',
    });
    expect(beoordeelDoel(nul, 1, 'LAGER_IS_BETER').status).toBe('ACHTER');
  });

  it('sums the targets of the parts (and what is due of them); a share has none', () => {
    const a = doelInPeriode([H1, H2], jaar, 'SOM', '2026-09-30');
    const b = doelInPeriode([JAAR], jaar, 'SOM', '2026-09-30');
    expect(somVanDoelen([a, b, doelInPeriode([], jaar, 'SOM', '2026-09-30')], 'SOM')).toEqual({
      waarde: 1022,
      vervallen: 10,
      vervaldatum: '2026-12-31',
      onderdelen: 2,
    });
    expect(somVanDoelen([a, b], 'AANDEEL')).toMatchObject({ waarde: null, onderdelen: 2 });
  });
});
