import type { OrganisatieSoort } from '@thuismonitor/domain';
import { gebiedZichtbaar } from './gebied-toegang';
import type { Principal } from './principal';

function principal(soort: OrganisatieSoort, gemeenten: string[], code = 'X'): Principal {
  return {
    sub: 's',
    gebruikersnaam: 'u',
    naam: 'U',
    organisatieCode: code,
    rollen: ['lezen'],
    organisatie: { id: `id-${code}`, code, soort, naam: code, gemeenten },
  };
}

const utrecht = { gemeenten: ['GM0344'] };
const provincieUtrecht = { gemeenten: ['GM0307', 'GM0344', 'GM0356'] };
const grensregio = { gemeenten: ['GM0344', 'GM0202'] };

describe('gebiedZichtbaar: the one area-in-scope guard', () => {
  it('an unknown area (undefined/null) is never visible, whoever asks', () => {
    expect(gebiedZichtbaar(principal('RIJK', [], 'BZK'), undefined)).toBe(false);
    expect(gebiedZichtbaar(principal('RIJK', [], 'BZK'), null)).toBe(false);
  });

  it('an area without gemeenten is never visible, not even for Rijk (fail closed)', () => {
    expect(gebiedZichtbaar(principal('RIJK', [], 'BZK'), { gemeenten: [] })).toBe(false);
  });

  it('Rijk sees every area with gemeenten', () => {
    const rijk = principal('RIJK', [], 'BZK');
    for (const g of [utrecht, provincieUtrecht, grensregio]) expect(gebiedZichtbaar(rijk, g)).toBe(true);
  });

  it('a gemeente sees itself only, not its provincie', () => {
    const gm = principal('GEMEENTE', ['GM0344'], 'GM0344');
    expect(gebiedZichtbaar(gm, utrecht)).toBe(true);
    expect(gebiedZichtbaar(gm, provincieUtrecht)).toBe(false);
    expect(gebiedZichtbaar(gm, { gemeenten: ['GM0202'] })).toBe(false);
  });

  it('a provincie sees its own area and its gemeenten, not a region crossing its border', () => {
    const pv = principal('PROVINCIE', ['GM0307', 'GM0344', 'GM0356'], 'PV26');
    expect(gebiedZichtbaar(pv, utrecht)).toBe(true);
    expect(gebiedZichtbaar(pv, provincieUtrecht)).toBe(true);
    expect(gebiedZichtbaar(pv, grensregio)).toBe(false);
  });

  it('a corporatie sees areas wholly inside its werkgebied; an empty werkgebied sees nothing', () => {
    expect(gebiedZichtbaar(principal('CORPORATIE', ['GM0344', 'GM0202']), grensregio)).toBe(true);
    expect(gebiedZichtbaar(principal('CORPORATIE', ['GM0344']), grensregio)).toBe(false);
    expect(gebiedZichtbaar(principal('CORPORATIE', []), utrecht)).toBe(false);
  });
});
