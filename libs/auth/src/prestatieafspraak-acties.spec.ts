import type { OrganisatieSoort, PrestatieafspraakStatus } from '@thuismonitor/domain';
import {
  magPrestatieafspraakActie,
  mogelijkePrestatieafspraakActies,
  PRESTATIEAFSPRAAK_ACTIES,
  PRESTATIEAFSPRAAK_CONFLICT,
  type ActieBesluit,
  type PrestatieafspraakActieZicht,
} from './prestatieafspraak-acties';
import type { Principal } from './principal';
import type { Rol } from './rollen';

const GEMEENTE = 'id-GM0344';
const CORPORATIE = 'id-L0001';
const HUURDERS = 'id-H0001';

function principal(
  soort: OrganisatieSoort,
  id: string,
  rollen: Rol[] = ['lezen', 'beheren', 'tekenen'],
): Principal {
  const code = id.slice(3);
  return {
    sub: 's',
    gebruikersnaam: 'u',
    naam: 'U',
    organisatieCode: code,
    rollen,
    organisatie: { id, code, soort, naam: code, gemeenten: ['GM0344'] },
  };
}
const gemeente = principal('GEMEENTE', GEMEENTE);
const corporatie = principal('CORPORATIE', CORPORATIE);
const huurders = principal('HUURDERSORGANISATIE', HUURDERS);
const provincie = principal('PROVINCIE', 'id-PV26');
const lezer = principal('GEMEENTE', GEMEENTE, ['lezen']);

function pa(status: PrestatieafspraakStatus, extra: Partial<PrestatieafspraakActieZicht> = {}) {
  return {
    gemeenteCode: 'GM0344',
    status,
    partijIds: [GEMEENTE, CORPORATIE, HUURDERS],
    versie: 3,
    opgesteldDoorId: CORPORATIE,
    ingediendOp: status === 'CONCEPT' ? null : new Date('2025-06-01T10:00:00Z'),
    volgendeVersieId: null,
    ...extra,
  };
}
const getekend = (id: string) => ({
  organisatieId: id,
  getekendDoor: 'Ans',
  getekendOp: new Date('2025-06-02T10:00:00Z'),
});
const leeg = { ondertekeningen: [], vastgelegd: false };

function reden(b: ActieBesluit) {
  return b.toegestaan ? 'toegestaan' : `${b.soort}: ${b.reden}`;
}

describe('magPrestatieafspraakActie: one decision for the buttons and the mutations', () => {
  it('every action needs its role: a reader may do nothing, not even react', () => {
    for (const actie of PRESTATIEAFSPRAAK_ACTIES)
      expect(magPrestatieafspraakActie(lezer, pa('CONCEPT'), actie, leeg)).toMatchObject({
        toegestaan: false,
        soort: 'GEEN_TOEGANG',
      });
  });

  it('non-parties may do nothing (provincie has no party rights; a corporatie outside the list neither)', () => {
    const ander = principal('CORPORATIE', 'id-L0002');
    for (const actie of PRESTATIEAFSPRAAK_ACTIES) {
      expect(magPrestatieafspraakActie(ander, pa('TER_ONDERTEKENING'), actie, leeg).toegestaan).toBe(false);
      expect(magPrestatieafspraakActie(provincie, pa('VASTGESTELD'), actie, leeg).toegestaan).toBe(false);
    }
    expect(reden(magPrestatieafspraakActie(ander, pa('CONCEPT'), 'BEWERKEN'))).toBe(
      'GEEN_TOEGANG: Alleen partijen bij deze prestatieafspraak kunnen dit doen.',
    );
    expect(reden(magPrestatieafspraakActie(ander, pa('CONCEPT'), 'REAGEREN'))).toBe(
      'GEEN_TOEGANG: Alleen partijen bij deze prestatieafspraak kunnen reageren.',
    );
  });

  it('BEWERKEN: a party in CONCEPT; a stale versie is a CONFLICT before the status', () => {
    expect(magPrestatieafspraakActie(huurders, pa('CONCEPT'), 'BEWERKEN', { versie: 3 }).toegestaan).toBe(
      true,
    );
    expect(
      reden(magPrestatieafspraakActie(gemeente, pa('TER_ONDERTEKENING'), 'BEWERKEN', { versie: 3 })),
    ).toBe(
      'ONGELDIG: Deze prestatieafspraak is ter ondertekening; de inhoud kan alleen in concept worden gewijzigd. Trek het voorstel eerst terug naar concept.',
    );
    expect(reden(magPrestatieafspraakActie(gemeente, pa('VASTGESTELD'), 'BEWERKEN'))).toMatch(
      /Start een wijziging/,
    );
    expect(reden(magPrestatieafspraakActie(gemeente, pa('VASTGESTELD'), 'BEWERKEN', { versie: 2 }))).toBe(
      `CONFLICT: ${PRESTATIEAFSPRAAK_CONFLICT}`,
    );
  });

  it('INDIENEN: from CONCEPT only, refused with the state machine’s code otherwise', () => {
    expect(magPrestatieafspraakActie(corporatie, pa('CONCEPT'), 'INDIENEN', { versie: 3 }).toegestaan).toBe(
      true,
    );
    expect(magPrestatieafspraakActie(corporatie, pa('TER_ONDERTEKENING'), 'INDIENEN')).toMatchObject({
      toegestaan: false,
      soort: 'ONGELDIG',
      domeinCode: 'ONGELDIGE_STATUSOVERGANG',
    });
    expect(reden(magPrestatieafspraakActie(corporatie, pa('CONCEPT'), 'INDIENEN', { versie: 1 }))).toBe(
      `CONFLICT: ${PRESTATIEAFSPRAAK_CONFLICT}`,
    );
  });

  it('ONDERTEKENEN: once per party while ter ondertekening; the huurdersorganisatie also after vaststelling', () => {
    const ter = pa('TER_ONDERTEKENING');
    expect(magPrestatieafspraakActie(gemeente, ter, 'ONDERTEKENEN', leeg).toegestaan).toBe(true);
    expect(
      reden(
        magPrestatieafspraakActie(gemeente, ter, 'ONDERTEKENEN', { ondertekeningen: [getekend(GEMEENTE)] }),
      ),
    ).toBe(
      'CONFLICT: Uw organisatie heeft deze prestatieafspraak al ondertekend (Ans, 02-06-2025). Eén handtekening per partij is genoeg.',
    );
    expect(reden(magPrestatieafspraakActie(gemeente, pa('CONCEPT'), 'ONDERTEKENEN', leeg))).toBe(
      'ONGELDIG: U kunt alleen tekenen wanneer de prestatieafspraak ter ondertekening ligt.',
    );
    expect(magPrestatieafspraakActie(gemeente, pa('VASTGESTELD'), 'ONDERTEKENEN', leeg).toegestaan).toBe(
      false,
    );
    expect(magPrestatieafspraakActie(huurders, pa('VASTGESTELD'), 'ONDERTEKENEN', leeg).toegestaan).toBe(
      true,
    );
    // only tekenbevoegden
    const beheerder = principal('GEMEENTE', GEMEENTE, ['beheren']);
    expect(magPrestatieafspraakActie(beheerder, ter, 'ONDERTEKENEN', leeg).toegestaan).toBe(false);
  });

  it('ONDERTEKENEN: the status goes before the versie, and a co-signer may send the versie the others signed', () => {
    // of two last signatures at once, the second hears that it is vastgesteld, not "changed"
    expect(
      magPrestatieafspraakActie(gemeente, pa('VASTGESTELD'), 'ONDERTEKENEN', { ...leeg, versie: 2 }),
    ).toMatchObject({
      soort: 'ONGELDIG',
    });
    const vast = pa('VASTGESTELD', { versie: 4 });
    expect(
      magPrestatieafspraakActie(huurders, vast, 'ONDERTEKENEN', { ...leeg, versie: 3, getekendeVersie: 3 })
        .toegestaan,
    ).toBe(true);
    expect(
      magPrestatieafspraakActie(huurders, vast, 'ONDERTEKENEN', { ...leeg, versie: 4, getekendeVersie: 3 })
        .toegestaan,
    ).toBe(true);
    expect(
      reden(
        magPrestatieafspraakActie(huurders, vast, 'ONDERTEKENEN', { ...leeg, versie: 2, getekendeVersie: 3 }),
      ),
    ).toBe(`CONFLICT: ${PRESTATIEAFSPRAAK_CONFLICT}`);
    // ter ondertekening, only the current versie counts
    expect(
      magPrestatieafspraakActie(gemeente, pa('TER_ONDERTEKENING'), 'ONDERTEKENEN', { ...leeg, versie: 2 })
        .toegestaan,
    ).toBe(false);
  });

  it('TERUGTREKKEN: a party, while ter ondertekening', () => {
    expect(
      magPrestatieafspraakActie(huurders, pa('TER_ONDERTEKENING'), 'TERUGTREKKEN', { versie: 3 }).toegestaan,
    ).toBe(true);
    expect(magPrestatieafspraakActie(huurders, pa('CONCEPT'), 'TERUGTREKKEN')).toMatchObject({
      domeinCode: 'ONGELDIGE_STATUSOVERGANG',
    });
  });

  it('WIJZIGING_STARTEN: a vastgestelde without a newer version in preparation; no versie asked', () => {
    expect(
      magPrestatieafspraakActie(corporatie, pa('VASTGESTELD'), 'WIJZIGING_STARTEN', { versie: 1 }).toegestaan,
    ).toBe(true);
    expect(reden(magPrestatieafspraakActie(corporatie, pa('CONCEPT'), 'WIJZIGING_STARTEN'))).toMatch(
      /^ONGELDIG: Alleen een vastgestelde/,
    );
    expect(
      reden(
        magPrestatieafspraakActie(
          corporatie,
          pa('VASTGESTELD', { volgendeVersieId: 'x' }),
          'WIJZIGING_STARTEN',
        ),
      ),
    ).toMatch(/^CONFLICT: Er is al een nieuwe versie/);
  });

  it('BEEINDIGEN: the gemeente only (before the versie), a vastgestelde only (after it)', () => {
    expect(
      magPrestatieafspraakActie(gemeente, pa('VASTGESTELD'), 'BEEINDIGEN', { versie: 3 }).toegestaan,
    ).toBe(true);
    expect(reden(magPrestatieafspraakActie(corporatie, pa('VASTGESTELD'), 'BEEINDIGEN', { versie: 1 }))).toBe(
      'GEEN_TOEGANG: Alleen de gemeente kan een vastgestelde prestatieafspraak beëindigen.',
    );
    // two gemeente users at once: the second finds it ended and a new versie: CONFLICT, as always
    expect(
      reden(magPrestatieafspraakActie(gemeente, pa('BEEINDIGD', { versie: 4 }), 'BEEINDIGEN', { versie: 3 })),
    ).toBe(`CONFLICT: ${PRESTATIEAFSPRAAK_CONFLICT}`);
    expect(magPrestatieafspraakActie(gemeente, pa('BEEINDIGD'), 'BEEINDIGEN', { versie: 3 })).toMatchObject({
      domeinCode: 'ONGELDIGE_STATUSOVERGANG',
    });
  });

  it('REAGEREN: any party with a role that reacts, in every status', () => {
    for (const status of ['CONCEPT', 'TER_ONDERTEKENING', 'VASTGESTELD', 'BEEINDIGD'] as const)
      expect(
        magPrestatieafspraakActie(
          principal('HUURDERSORGANISATIE', HUURDERS, ['invoeren']),
          pa(status),
          'REAGEREN',
        ).toegestaan,
      ).toBe(true);
  });

  it('VERWIJDEREN: a never offered concept, by its drafter or the gemeente, without a geschil or evaluatie', () => {
    expect(
      magPrestatieafspraakActie(corporatie, pa('CONCEPT'), 'VERWIJDEREN', { versie: 3, vastgelegd: false })
        .toegestaan,
    ).toBe(true);
    expect(magPrestatieafspraakActie(gemeente, pa('CONCEPT'), 'VERWIJDEREN', leeg).toegestaan).toBe(true);
    expect(reden(magPrestatieafspraakActie(huurders, pa('CONCEPT'), 'VERWIJDEREN', leeg))).toMatch(
      /^GEEN_TOEGANG: Alleen de organisatie/,
    );
    expect(
      reden(
        magPrestatieafspraakActie(
          corporatie,
          pa('CONCEPT', { ingediendOp: new Date() }),
          'VERWIJDEREN',
          leeg,
        ),
      ),
    ).toMatch(/^ONGELDIG: Dit concept is al eens ter ondertekening aangeboden/);
    expect(reden(magPrestatieafspraakActie(corporatie, pa('VASTGESTELD'), 'VERWIJDEREN', leeg))).toMatch(
      /^ONGELDIG: Alleen een concept/,
    );
    expect(
      reden(magPrestatieafspraakActie(corporatie, pa('CONCEPT'), 'VERWIJDEREN', { vastgelegd: true })),
    ).toBe('ONGELDIG: Over dit concept is een geschil of evaluatie vastgelegd; het blijft daarom bewaard.');
    expect(
      reden(
        magPrestatieafspraakActie(corporatie, pa('CONCEPT'), 'VERWIJDEREN', { versie: 2, vastgelegd: false }),
      ),
    ).toBe(`CONFLICT: ${PRESTATIEAFSPRAAK_CONFLICT}`);
  });
});

describe('mogelijkePrestatieafspraakActies: the buttons are the allowed actions, in a fixed order', () => {
  it('per status and party', () => {
    expect(mogelijkePrestatieafspraakActies(corporatie, pa('CONCEPT'), leeg)).toEqual([
      'BEWERKEN',
      'INDIENEN',
      'REAGEREN',
      'VERWIJDEREN',
    ]);
    expect(mogelijkePrestatieafspraakActies(huurders, pa('CONCEPT'), leeg)).toEqual([
      'BEWERKEN',
      'INDIENEN',
      'REAGEREN',
    ]);
    expect(
      mogelijkePrestatieafspraakActies(corporatie, pa('CONCEPT'), { ...leeg, vastgelegd: true }),
    ).toEqual(['BEWERKEN', 'INDIENEN', 'REAGEREN']);
    expect(mogelijkePrestatieafspraakActies(gemeente, pa('TER_ONDERTEKENING'), leeg)).toEqual([
      'ONDERTEKENEN',
      'TERUGTREKKEN',
      'REAGEREN',
    ]);
    expect(
      mogelijkePrestatieafspraakActies(gemeente, pa('TER_ONDERTEKENING'), {
        ...leeg,
        ondertekeningen: [getekend(GEMEENTE)],
      }),
    ).toEqual(['TERUGTREKKEN', 'REAGEREN']);
    expect(mogelijkePrestatieafspraakActies(gemeente, pa('VASTGESTELD'), leeg)).toEqual([
      'WIJZIGING_STARTEN',
      'BEEINDIGEN',
      'REAGEREN',
    ]);
    expect(mogelijkePrestatieafspraakActies(huurders, pa('VASTGESTELD'), leeg)).toEqual([
      'ONDERTEKENEN',
      'WIJZIGING_STARTEN',
      'REAGEREN',
    ]);
    expect(mogelijkePrestatieafspraakActies(gemeente, pa('BEEINDIGD'), leeg)).toEqual(['REAGEREN']);
    expect(mogelijkePrestatieafspraakActies(provincie, pa('VASTGESTELD'), leeg)).toEqual([]);
  });
});
