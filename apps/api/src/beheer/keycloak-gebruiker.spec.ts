import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_ACCOUNTS } from '../demo';
import { keycloakGebruiker, keycloakPartialImport } from './keycloak-gebruiker';

/**
 * The Thuismonitor → Keycloak user mapping is the one the shipped realm uses: for every demo
 * account it gives exactly the realm file's user (infra/keycloak/realm-thuismonitor.json, kept
 * in step with DEMO_ACCOUNTS by sync-realm-users.mjs --check in CI), password aside; and every
 * organisation code it writes passes the realm's user-profile validation of `organisatie`.
 */
describe('keycloakGebruiker', () => {
  const realm = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../../../infra/keycloak/realm-thuismonitor.json'), 'utf8'),
  );

  it('maps every demo account exactly as the shipped realm has it (without credentials)', () => {
    for (const a of DEMO_ACCOUNTS) {
      const { credentials: _c, ...inRealm } = realm.users.find(
        (u: { username: string }) => u.username === a.username,
      );
      expect(
        keycloakGebruiker({
          gebruikersnaam: a.username,
          naam: a.naam,
          email: a.email,
          organisatieCode: a.organisatie,
          rollen: a.rollen,
        }),
      ).toEqual(inRealm);
    }
  });

  it('the realm maps the attribute to the organisatie claim and declares the roles the API knows', () => {
    const web = realm.clients.find((c: { clientId: string }) => c.clientId === 'thuismonitor-web');
    const mapper = web.protocolMappers.find((m: { name: string }) => m.name === 'organisatie');
    expect(mapper.config).toMatchObject({
      'user.attribute': 'organisatie',
      'claim.name': 'organisatie',
      'access.token.claim': 'true',
    });
    expect(realm.roles.client['thuismonitor-api'].map((r: { name: string }) => r.name)).toEqual([
      'lezen',
      'invoeren',
      'tekenen',
      'beheren',
      'platformbeheer',
    ]);
  });

  it('a partial import asks for a password on first sign-in and carries codes the realm accepts', () => {
    const profiel = JSON.parse(
      realm.components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0],
    );
    const patroon = new RegExp(
      profiel.attributes.find((a: { name: string }) => a.name === 'organisatie').validations.pattern.pattern,
    );
    const imp = keycloakPartialImport([
      {
        gebruikersnaam: 'lekstroom.invoer',
        naam: 'Ilse Lek',
        email: 'i.lek@lekstroom.example',
        organisatieCode: 'L0970',
        rollen: ['lezen', 'invoeren'],
      },
      {
        gebruikersnaam: 'huurders.eem',
        naam: 'Eem',
        email: 'h@eem.example',
        organisatieCode: '87654321',
        rollen: ['lezen'],
      },
    ]);
    expect(imp.ifResourceExists).toBe('SKIP');
    expect(imp.users[0]).toEqual({
      username: 'lekstroom.invoer',
      enabled: true,
      email: 'i.lek@lekstroom.example',
      emailVerified: true,
      firstName: 'Ilse',
      lastName: 'Lek',
      attributes: { organisatie: ['L0970'] },
      clientRoles: { 'thuismonitor-api': ['lezen', 'invoeren'] },
      requiredActions: ['UPDATE_PASSWORD'],
    });
    for (const u of imp.users) expect(u.attributes.organisatie[0]).toMatch(patroon);
    expect('ZA-STICHTWONEN').toMatch(patroon);
  });
});
