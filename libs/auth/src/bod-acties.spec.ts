import type { OrganisatieSoort } from '@thuismonitor/domain';
import { bodActieWeigering, mogelijkeBodActies } from './bod-acties';
import type { Principal } from './principal';
import type { Rol } from './rollen';

function principal(soort: OrganisatieSoort, id: string, rollen: Rol[] = ['beheren']): Principal {
  return {
    sub: 's',
    gebruikersnaam: 'u',
    naam: 'U',
    organisatieCode: id,
    rollen,
    organisatie: { id, code: id, soort, naam: id, gemeenten: ['GM0344'] },
  };
}

const corporatie = principal('CORPORATIE', 'domstad');
const andereCorporatie = principal('CORPORATIE', 'mitros');
const gemeente = principal('GEMEENTE', 'utrecht');
const huurders = principal('HUURDERSORGANISATIE', 'huurders');
const lezer = principal('CORPORATIE', 'domstad', ['lezen']);
const concept = { corporatieId: 'domstad', status: 'CONCEPT' as const };
const verzonden = { corporatieId: 'domstad', status: 'VERZONDEN' as const };

describe('bod actions: one decision for buttons and mutations', () => {
  it('the corporatie edits and sends its own concept; nobody starts an agreement from a concept', () => {
    expect(mogelijkeBodActies(corporatie, concept)).toEqual(['BEWERKEN', 'VERZENDEN']);
    expect(bodActieWeigering(corporatie, concept, 'PRESTATIEAFSPRAAK_STARTEN')).toBe('NIET_VERZONDEN');
    expect(mogelijkeBodActies(gemeente, concept)).toEqual([]);
  });

  it('another corporatie or the gemeente may not change the bod', () => {
    expect(bodActieWeigering(andereCorporatie, concept, 'BEWERKEN')).toBe('NIET_DE_CORPORATIE');
    expect(bodActieWeigering(gemeente, concept, 'VERZENDEN')).toBe('NIET_DE_CORPORATIE');
  });

  it('a sent bod no longer changes; the gemeente and the corporatie start a prestatieafspraak from it', () => {
    expect(bodActieWeigering(corporatie, verzonden, 'BEWERKEN')).toBe('NIET_CONCEPT');
    expect(mogelijkeBodActies(corporatie, verzonden)).toEqual(['PRESTATIEAFSPRAAK_STARTEN']);
    expect(mogelijkeBodActies(gemeente, verzonden)).toEqual(['PRESTATIEAFSPRAAK_STARTEN']);
    expect(mogelijkeBodActies(andereCorporatie, verzonden)).toEqual(['PRESTATIEAFSPRAAK_STARTEN']);
  });

  it('without the role to draft (afspraak:opstellen) there is nothing to do', () => {
    expect(mogelijkeBodActies(lezer, concept)).toEqual([]);
    expect(bodActieWeigering(lezer, concept, 'BEWERKEN')).toBe('GEEN_RECHT');
    expect(bodActieWeigering(huurders, verzonden, 'PRESTATIEAFSPRAAK_STARTEN')).toBe('GEEN_RECHT');
  });
});
