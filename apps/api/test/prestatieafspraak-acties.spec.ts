import { PRESTATIEAFSPRAAK_ACTIES, type PrestatieafspraakActie } from '@thuismonitor/auth';
import { startTestApp, type GqlAntwoord, type TestApp } from './support/test-app';
import { compleetBod, ok, Q, vaststellen, type Pa } from './prestatieafspraak.helpers';

/**
 * The buttons are the mutations that succeed (issue 15, item 3): mogelijkeActies and every
 * mutation ask the same decision (libs/auth magPrestatieafspraakActie). For a few states and
 * viewers, each action's mutation is tried with valid input; the ones that succeed must be exactly
 * the buttons offered. A mutation that succeeds changes the state, so the next one runs on a fresh
 * prestatieafspraak built to the same state (separate fixtures, nothing shared between tries).
 */
describe('prestatieafspraak: the buttons offered are exactly the mutations that succeed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const mutatie: Record<PrestatieafspraakActie, (als: string, pa: Pa) => Promise<GqlAntwoord>> = {
    BEWERKEN: (als, pa) =>
      t.gql(als, Q.update, { id: pa.id, v: pa.versie, i: { titel: `${pa.titel} (bewerkt)` } }),
    INDIENEN: (als, pa) => t.gql(als, Q.indienen, { id: pa.id, v: pa.versie }),
    ONDERTEKENEN: (als, pa) => t.gql(als, Q.tekenen, { id: pa.id, v: pa.versie }),
    TERUGTREKKEN: (als, pa) =>
      t.gql(als, Q.terugtrekken, { id: pa.id, v: pa.versie, r: 'De aantallen worden nog herzien' }),
    WIJZIGING_STARTEN: (als, pa) => t.gql(als, Q.wijziging, { id: pa.id }),
    BEEINDIGEN: (als, pa) =>
      t.gql(als, Q.beeindigen, { id: pa.id, v: pa.versie, r: 'Vervangen door nieuw beleid' }),
    REAGEREN: (als, pa) => t.gql(als, Q.reactie, { id: pa.id, t: 'Akkoord met de aantallen' }),
    VERWIJDEREN: (als, pa) => t.gql(als, Q.verwijderConcept, { id: pa.id, v: pa.versie }),
  };

  const staten: Record<string, () => Promise<Pa>> = {
    concept: () => compleetBod(t, 'Concept'),
    'concept met een geschil': async () => {
      const pa = await compleetBod(t, 'Concept met een geschil');
      await ok(
        t,
        'huurders.domstad',
        `mutation ($i: NieuwGeschilInput!) { registreerGeschil(invoer: $i) { id } }`,
        {
          i: {
            prestatieafspraakId: pa.id,
            onderwerp: 'INHOUD',
            omschrijving: 'Geen overeenstemming over het concept',
            ingediendOp: '2025-08-15',
          },
        },
      );
      return pa;
    },
    'ter ondertekening, de gemeente tekende': async () => {
      const pa = await compleetBod(t, 'Ter ondertekening');
      const p = await ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
      return ok(t, 'gemeente.utrecht', Q.tekenen, { id: p.id, v: p.versie });
    },
    vastgesteld: async () => vaststellen(t, await compleetBod(t, 'Vastgesteld')),
    'vastgesteld, de huurders tekenden niet': async () => {
      const pa = await compleetBod(t, 'Vastgesteld zonder huurders');
      let p = await ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
      for (const als of ['gemeente.utrecht', 'corporatie.domstad'])
        p = await ok(t, als, Q.tekenen, { id: p.id, v: p.versie });
      return p;
    },
  };

  const kijkers = [
    'corporatie.domstad',
    'corporatie.domstad.invoer',
    'huurders.domstad',
    'gemeente.utrecht',
    'gemeente.utrecht.lezer',
  ];

  it.each(Object.keys(staten))('%s', async (staat) => {
    const verschillen: string[] = [];
    for (const als of kijkers) {
      let pa = await staten[staat]();
      const knoppen: PrestatieafspraakActie[] = (await ok(t, als, Q.een, { id: pa.id })).mogelijkeActies;
      const gelukt: PrestatieafspraakActie[] = [];
      for (const actie of PRESTATIEAFSPRAAK_ACTIES) {
        const r = await mutatie[actie](als, pa);
        if (r.errors?.length) continue;
        gelukt.push(actie);
        pa = await staten[staat]();
      }
      if (gelukt.join() !== knoppen.join())
        verschillen.push(`${als}: knoppen [${knoppen.join(', ')}], gelukt [${gelukt.join(', ')}]`);
    }
    expect(verschillen).toEqual([]);
  });

  it('a viewer who is no party (the provincie) gets no buttons and every mutation is refused', async () => {
    for (const staat of ['ter ondertekening, de gemeente tekende', 'vastgesteld']) {
      const pa = await staten[staat]();
      expect((await ok(t, 'provincie.utrecht', Q.een, { id: pa.id })).mogelijkeActies).toEqual([]);
      for (const actie of PRESTATIEAFSPRAAK_ACTIES)
        expect((await mutatie[actie]('provincie.utrecht', pa)).errors?.length).toBeGreaterThan(0);
    }
  });
});
