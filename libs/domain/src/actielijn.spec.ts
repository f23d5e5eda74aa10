import {
  ACTIELIJN_CODES,
  ACTIELIJNEN,
  actielijnLabel,
  actielijnOpCode,
  actielijnOpNummer,
  isActielijnCode,
  type ActielijnCode,
} from './actielijn';
import { DomainError } from './domain-error';

describe('actielijn', () => {
  it('numbers the four actielijnen 1..4 in code order', () => {
    expect(ACTIELIJNEN.map((a) => a.nummer)).toEqual([1, 2, 3, 4]);
    expect(ACTIELIJNEN.map((a) => a.code)).toEqual([...ACTIELIJN_CODES]);
  });

  it('uses the programme names', () => {
    expect(actielijnOpNummer(1).naam).toBe('Voldoende woonruimte');
    expect(actielijnOpNummer(3).naam).toBe('Wonen, zorg, welzijn en werk');
    expect(actielijnOpCode('PREVENTIE').nummer).toBe(4);
    expect(actielijnLabel('EVENWICHTIGE_VERDELING')).toBe('Actielijn 2: Evenwichtige verdeling');
  });

  it('rejects numbers and codes outside the programme', () => {
    expect(() => actielijnOpNummer(0)).toThrow(DomainError);
    expect(() => actielijnOpNummer(5)).toThrow('Actielijn 5 bestaat niet');
    expect(() => actielijnOpNummer(1.5)).toThrow(DomainError);
    expect(() => actielijnOpCode('ONZIN' as ActielijnCode)).toThrow(DomainError);
    expect(isActielijnCode('PREVENTIE')).toBe(true);
    expect(isActielijnCode('preventie')).toBe(false);
  });
});
