import { identiteitUitClaims } from './claims';
import { AuthenticatieFout } from './authenticatie-fout';

describe('identiteitUitClaims (Keycloak-shaped access tokens)', () => {
  const basis = {
    sub: 'abc',
    preferred_username: 'gemeente.utrecht',
    name: 'Sanne Visser',
    email: 's@x',
    organisatie: 'GM0344',
    resource_access: { 'thuismonitor-api': { roles: ['lezen', 'beheren', 'onbekend'] }, account: { roles: ['manage-account'] } },
    realm_access: { roles: ['platformbeheer'] },
  };

  it('reads identity, organisation and only the API client’s known roles', () => {
    expect(identiteitUitClaims(basis, 'thuismonitor-api')).toEqual({
      sub: 'abc',
      gebruikersnaam: 'gemeente.utrecht',
      naam: 'Sanne Visser',
      email: 's@x',
      organisatieCode: 'GM0344',
      rollen: ['lezen', 'beheren'],
    });
  });

  it('accepts the organisation as a one-element list (multivalued attribute mapper)', () => {
    expect(identiteitUitClaims({ ...basis, organisatie: ['GM0344'] }, 'thuismonitor-api').organisatieCode).toBe('GM0344');
  });

  it('refuses a token without organisation or subject', () => {
    expect(() => identiteitUitClaims({ ...basis, organisatie: undefined }, 'thuismonitor-api')).toThrow(AuthenticatieFout);
    expect(() => identiteitUitClaims({ ...basis, organisatie: '  ' }, 'thuismonitor-api')).toThrow(AuthenticatieFout);
    expect(() => identiteitUitClaims({ ...basis, sub: undefined }, 'thuismonitor-api')).toThrow(AuthenticatieFout);
  });

  it('roles of another client id give nothing', () => {
    expect(identiteitUitClaims(basis, 'other-api').rollen).toEqual([]);
  });
});
