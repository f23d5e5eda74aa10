import { ORGANISATIE_SOORTEN, type OrganisatieSoort } from '@thuismonitor/domain';
import {
  binnenScope,
  gebiedBinnenScope,
  gemeenteScope,
  heeftPermissie,
  magRijZien,
  magSchrijvenVoorGemeente,
  magTaakstellingStellen,
  POLICY,
  historieGemeenten,
  schrijfGemeenten,
  zietOnderdrukteCellen,
  type Permissie,
  magRegimeZetten,
} from './policy';
import type { Principal } from './principal';
import type { Rol } from './rollen';
import { magEigenRijSchrijven, magProjectBewerken, magProjectZien, projectZicht, rijZicht } from './policy';
import {
  magConceptVerwijderen,
  magCyclusKalenderZien,
  magMijlpaalBijwerken,
  magOverlegZien,
  magPrestatieafspraakBeeindigen,
  magPrestatieafspraakBewerken,
  magPrestatieafspraakStarten,
  magPrestatieafspraakZien,
} from './policy';

function principal(soort: OrganisatieSoort, rollen: Rol[], gemeenten: string[] = [], code = 'X'): Principal {
  return {
    sub: 's',
    gebruikersnaam: 'u',
    naam: 'U',
    organisatieCode: code,
    rollen,
    organisatie: { id: `id-${code}`, code, soort, naam: code, gemeenten },
  };
}

describe('policy table (DESIGN §6) as a matrix', () => {
  const alleRollen: Rol[] = ['lezen', 'invoeren', 'tekenen', 'beheren'];

  it.each(Object.keys(POLICY) as Permissie[])('%s: exactly the listed kinds may use it', (permissie) => {
    for (const soort of ORGANISATIE_SOORTEN) {
      const verwacht = (POLICY[permissie].soorten as readonly string[]).includes(soort);
      expect(heeftPermissie(principal(soort, [...alleRollen, 'platformbeheer']), permissie)).toBe(verwacht);
    }
  });

  it.each(Object.keys(POLICY) as Permissie[])('%s: needs one of its roles', (permissie) => {
    const regel = POLICY[permissie];
    const soort = regel.soorten[0];
    expect(heeftPermissie(principal(soort, []), permissie)).toBe(regel.rollen.length === 0);
    for (const rol of regel.rollen) expect(heeftPermissie(principal(soort, [rol]), permissie)).toBe(true);
  });

  it('only corporaties enter toewijzingen; a corporatie without invoeren cannot', () => {
    expect(heeftPermissie(principal('CORPORATIE', ['invoeren']), 'toewijzing:invoeren')).toBe(true);
    expect(heeftPermissie(principal('CORPORATIE', ['lezen']), 'toewijzing:invoeren')).toBe(false);
    expect(heeftPermissie(principal('GEMEENTE', alleRollen), 'toewijzing:invoeren')).toBe(false);
  });

  it('a regime date is set only by the Rijk with platformbeheer', () => {
    expect(magRegimeZetten(principal('RIJK', ['platformbeheer']))).toBe(true);
    expect(magRegimeZetten(principal('RIJK', ['lezen', 'beheren']))).toBe(false);
    expect(magRegimeZetten(principal('PROVINCIE', ['platformbeheer']))).toBe(false);
  });

  it('reference data is managed only with platformbeheer, not by an ordinary BZK user', () => {
    expect(heeftPermissie(principal('RIJK', alleRollen), 'referentie:beheren')).toBe(false);
    expect(heeftPermissie(principal('RIJK', ['platformbeheer']), 'referentie:beheren')).toBe(true);
  });
});

describe('gemeenteScope: the one scoping function, failing closed', () => {
  it('Rijk sees all, others exactly their gemeenten', () => {
    expect(gemeenteScope(principal('RIJK', ['lezen']))).toEqual({ soort: 'ALLE' });
    expect(gemeenteScope(principal('PROVINCIE', ['lezen'], ['GM0344', 'GM0307']))).toEqual({
      soort: 'GEMEENTEN',
      codes: ['GM0344', 'GM0307'],
    });
  });

  it('an organisation without werkgebied sees nothing (no "all rows" fallback)', () => {
    const scope = gemeenteScope(principal('CORPORATIE', ['lezen'], []));
    expect(scope).toEqual({ soort: 'GEMEENTEN', codes: [] });
    expect(binnenScope(scope, 'GM0344')).toBe(false);
  });
});

describe('after a herindeling: who reads and who writes the old codes', () => {
  // Heerhugowaard (GM0398) and Langedijk (GM0416) became Dijk en Waard (GM1980) on 1 January 2022
  const OUD = ['GM0398', 'GM0416'];
  const na = (soort: OrganisatieSoort, gemeenten: string[], eerder: string[] = [], code = 'X'): Principal => {
    const p = principal(soort, ['lezen', 'invoeren', 'beheren'], gemeenten, code);
    return { ...p, organisatie: { ...p.organisatie, voorgangers: OUD, eerderWerkgebied: eerder } };
  };

  it('the successor gemeente and the provincie read the old gemeenten’s history', () => {
    for (const p of [na('GEMEENTE', ['GM1980'], [], 'GM1980'), na('PROVINCIE', ['GM1980', 'GM0361'])]) {
      expect(historieGemeenten(p)).toEqual(OUD);
      for (const g of OUD) expect(binnenScope(gemeenteScope(p), g)).toBe(true);
    }
  });

  it('a corporatie, zorgaanbieder or huurdersorganisatie reads only the old codes it worked in before', () => {
    for (const soort of ['CORPORATIE', 'ZORGAANBIEDER', 'HUURDERSORGANISATIE'] as const) {
      // worked only in Langedijk: Langedijk's history, not Heerhugowaard's
      const langedijk = na(soort, ['GM1980'], ['GM0416']);
      expect(gemeenteScope(langedijk)).toEqual({ soort: 'GEMEENTEN', codes: ['GM1980', 'GM0416'] });
      expect(binnenScope(gemeenteScope(langedijk), 'GM0398')).toBe(false);
      // new in Dijk en Waard after the date: no history at all
      expect(gemeenteScope(na(soort, ['GM1980']))).toEqual({ soort: 'GEMEENTEN', codes: ['GM1980'] });
      // worked in both: both
      expect(historieGemeenten(na(soort, ['GM1980'], OUD))).toEqual(OUD);
      // worked in Heerhugowaard once but no longer in Dijk en Waard: the resolver names no
      // voorgangers for it, so nothing (an old code alone opens nothing)
      const weg = principal(soort, ['lezen'], ['GM0344']);
      expect(historieGemeenten({ ...weg, organisatie: { ...weg.organisatie, eerderWerkgebied: ['GM0398'] } })).toEqual([]);
    }
  });

  it('nobody writes on an old code, whatever it reads; writes follow the current werkgebied', () => {
    const kinds = [
      na('GEMEENTE', ['GM1980'], [], 'GM1980'),
      na('PROVINCIE', ['GM1980', 'GM0361']),
      na('CORPORATIE', ['GM1980'], OUD),
      na('ZORGAANBIEDER', ['GM1980'], ['GM0416']),
      // even if an old code were still in its werkgebied (a resolver cached from before)
      na('CORPORATIE', ['GM1980', 'GM0398'], OUD),
    ];
    for (const p of kinds) {
      for (const g of OUD) expect(magSchrijvenVoorGemeente(p, g)).toBe(false);
      expect(magSchrijvenVoorGemeente(p, 'GM1980')).toBe(true);
      expect(schrijfGemeenten(p)).not.toContain('GM0398');
    }
    expect(schrijfGemeenten(na('RIJK', []))).toEqual([]);
    expect(historieGemeenten(na('RIJK', []))).toEqual([]);
  });
});

describe('row rules', () => {
  const domstad = principal('CORPORATIE', ['lezen'], ['GM0344'], 'L0801');
  const utrecht = principal('GEMEENTE', ['lezen'], ['GM0344'], 'GM0344');
  const provincie = principal('PROVINCIE', ['lezen'], ['GM0344'], 'PV26');

  it('rows: the owner and the gemeente they are in, nobody else', () => {
    const rij = { eigenaarOrganisatieId: 'id-L0801', gemeenteCode: 'GM0344' };
    expect(magRijZien(domstad, rij)).toBe(true);
    expect(magRijZien(utrecht, rij)).toBe(true);
    expect(magRijZien(provincie, rij)).toBe(false);
    expect(magRijZien(principal('CORPORATIE', ['lezen'], ['GM0344'], 'L0802'), rij)).toBe(false);
    expect(magRijZien(principal('GEMEENTE', ['lezen'], ['GM0307'], 'GM0307'), rij)).toBe(false);
  });

  it('suppression applies to everyone except the gemeente itself', () => {
    expect(zietOnderdrukteCellen(utrecht, 'GM0344')).toBe(false);
    expect(zietOnderdrukteCellen(utrecht, 'GM0307')).toBe(true);
    expect(zietOnderdrukteCellen(provincie, 'GM0344')).toBe(true);
    expect(zietOnderdrukteCellen(principal('RIJK', ['lezen']), 'GM0344')).toBe(true);
  });

  it('writes only inside the own werkgebied; Rijk writes no rows', () => {
    expect(magSchrijvenVoorGemeente(domstad, 'GM0344')).toBe(true);
    expect(magSchrijvenVoorGemeente(domstad, 'GM0307')).toBe(false);
    expect(magSchrijvenVoorGemeente(principal('RIJK', ['invoeren']), 'GM0344')).toBe(false);
  });
});

describe('gebiedBinnenScope', () => {
  it('needs every gemeente of the area; an empty area is never in scope', () => {
    const scope = gemeenteScope(principal('PROVINCIE', ['lezen'], ['GM0344', 'GM0307']));
    expect(gebiedBinnenScope(scope, ['GM0344'])).toBe(true);
    expect(gebiedBinnenScope(scope, ['GM0344', 'GM0307'])).toBe(true);
    expect(gebiedBinnenScope(scope, ['GM0344', 'GM0202'])).toBe(false);
    expect(gebiedBinnenScope(scope, [])).toBe(false);
    expect(gebiedBinnenScope({ soort: 'ALLE' }, ['GM0202'])).toBe(true);
    expect(gebiedBinnenScope({ soort: 'ALLE' }, [])).toBe(false);
  });
});

describe('magTaakstellingStellen: the level that owns the area', () => {
  const rijk = principal('RIJK', ['beheren'], [], 'BZK');
  const utrechtPv = { ...principal('PROVINCIE', ['beheren'], ['GM0344', 'GM0307', 'GM0356'], 'PV26') };
  utrechtPv.organisatie = { ...utrechtPv.organisatie, provincieCode: 'PV26' };
  const gemUtrecht = principal('GEMEENTE', ['beheren'], ['GM0344'], 'GM0344');
  const gem = (code: string, pv = 'PV26') => ({ soort: 'GEMEENTE' as const, code, gemeenten: [code], provincies: [pv] });
  const land = { soort: 'LAND' as const, code: 'NL', gemeenten: ['GM0344', 'GM0202'], provincies: ['PV26', 'PV25'] };
  const pv26 = { soort: 'PROVINCIE' as const, code: 'PV26', gemeenten: ['GM0344', 'GM0307'], provincies: ['PV26'] };
  const regioBinnen = { soort: 'WONINGMARKTREGIO' as const, code: 'WMR09', gemeenten: ['GM0344', 'GM0356'], provincies: ['PV26'] };
  const regioOver = { soort: 'WONINGMARKTREGIO' as const, code: 'WMR10', gemeenten: ['GM0344', 'GM0228'], provincies: ['PV26', 'PV25'] };
  const regioLeeg = { soort: 'WONINGMARKTREGIO' as const, code: 'WMR01', gemeenten: [], provincies: [] };
  const N = 'WONINGEN_OPGELEVERD';
  const S = 'STATUSHOUDERS_GEHUISVEST';

  it('Rijk: land, provincies, border-crossing regio’s, and statushouders per gemeente only', () => {
    expect(magTaakstellingStellen(rijk, land, N)).toBe(true);
    expect(magTaakstellingStellen(rijk, pv26, N)).toBe(true);
    expect(magTaakstellingStellen(rijk, regioOver, N)).toBe(true);
    expect(magTaakstellingStellen(rijk, regioBinnen, N)).toBe(false);
    expect(magTaakstellingStellen(rijk, regioLeeg, N)).toBe(false);
    expect(magTaakstellingStellen(rijk, gem('GM0344'), S)).toBe(true);
    expect(magTaakstellingStellen(rijk, gem('GM0344'), N)).toBe(false);
  });

  it('provincie: its gemeenten and regio’s wholly inside it, not its own total, not statushouders', () => {
    expect(magTaakstellingStellen(utrechtPv, gem('GM0344'), N)).toBe(true);
    expect(magTaakstellingStellen(utrechtPv, gem('GM0202', 'PV25'), N)).toBe(false);
    expect(magTaakstellingStellen(utrechtPv, regioBinnen, N)).toBe(true);
    expect(magTaakstellingStellen(utrechtPv, regioOver, N)).toBe(false);
    expect(magTaakstellingStellen(utrechtPv, regioLeeg, N)).toBe(false);
    expect(magTaakstellingStellen(utrechtPv, pv26, N)).toBe(false);
    expect(magTaakstellingStellen(utrechtPv, land, N)).toBe(false);
    expect(magTaakstellingStellen(utrechtPv, gem('GM0344'), S)).toBe(false);
  });

  it('gemeente: only itself, never statushouders; other kinds never', () => {
    expect(magTaakstellingStellen(gemUtrecht, gem('GM0344'), N)).toBe(true);
    expect(magTaakstellingStellen(gemUtrecht, gem('GM0307'), N)).toBe(false);
    expect(magTaakstellingStellen(gemUtrecht, gem('GM0344'), S)).toBe(false);
    expect(magTaakstellingStellen(gemUtrecht, regioBinnen, N)).toBe(false);
    for (const soort of ['CORPORATIE', 'HUURDERSORGANISATIE', 'ZORGAANBIEDER'] as const) {
      const p = principal(soort, ['beheren'], ['GM0344'], 'L0801');
      expect(magTaakstellingStellen(p, gem('GM0344'), N)).toBe(false);
      expect(magTaakstellingStellen(p, gem('GM0344'), S)).toBe(false);
    }
  });

  it('the stock share of sociale huur: only a provincie sets it (provincial policy, not a national or legal norm; docs/decisions.md "Regionale woondeals")', () => {
    const A = 'AANDEEL_SOCIALE_HUUR';
    expect(magTaakstellingStellen(utrechtPv, gem('GM0344'), A)).toBe(true);
    expect(magTaakstellingStellen(utrechtPv, regioBinnen, A)).toBe(true);
    expect(magTaakstellingStellen(gemUtrecht, gem('GM0344'), A)).toBe(false);
    expect(magTaakstellingStellen(rijk, pv26, A)).toBe(false);
    expect(magTaakstellingStellen(rijk, land, A)).toBe(false);
    expect(magTaakstellingStellen(rijk, regioOver, A)).toBe(false);
  });
});

describe('row visibility in SQL form and nieuwbouwprojecten', () => {
  const domstad = principal('CORPORATIE', ['lezen'], ['GM0344', 'GM0356'], 'L0801');
  const eemland = principal('CORPORATIE', ['lezen'], ['GM0307'], 'L0802');
  const utrecht = principal('GEMEENTE', ['lezen'], ['GM0344'], 'GM0344');
  const provincie = principal('PROVINCIE', ['lezen'], ['GM0344', 'GM0356', 'GM0307'], 'PV26');
  const rijk = principal('RIJK', ['lezen'], [], 'BZK');
  const zorg = principal('ZORGAANBIEDER', ['lezen'], ['GM0344'], 'ZA');
  const rij = { eigenaarOrganisatieId: 'id-L0801', gemeenteCode: 'GM0344' };

  it('rijZicht selects exactly what magRijZien allows', () => {
    for (const p of [domstad, eemland, utrecht, provincie, rijk, zorg]) {
      const z = rijZicht(p);
      const sqlZegt = rij.eigenaarOrganisatieId === z.eigenaarOrganisatieId || rij.gemeenteCode === z.gemeenteCode;
      expect(sqlZegt).toBe(magRijZien(p, rij));
    }
    expect(rijZicht(provincie).gemeenteCode).toBeNull();
    expect(rijZicht(rijk).gemeenteCode).toBeNull();
  });

  it('projects: owner, the gemeente, provincie and Rijk within scope; not other parties', () => {
    expect(magProjectZien(domstad, rij)).toBe(true);
    expect(magProjectZien(utrecht, rij)).toBe(true);
    expect(magProjectZien(provincie, rij)).toBe(true);
    expect(magProjectZien(rijk, rij)).toBe(true);
    expect(magProjectZien(principal('PROVINCIE', ['lezen'], ['GM0202'], 'PV25'), rij)).toBe(false);
    expect(magProjectZien(eemland, rij)).toBe(false);
    expect(magProjectZien(zorg, rij)).toBe(false);
  });

  it('projectZicht selects exactly what magProjectZien allows', () => {
    const projecten = [rij, { eigenaarOrganisatieId: 'id-L0802', gemeenteCode: 'GM0307' }, { eigenaarOrganisatieId: 'id-GM0344', gemeenteCode: 'GM0202' }];
    for (const p of [domstad, eemland, utrecht, provincie, rijk, zorg]) {
      const z = projectZicht(p);
      for (const project of projecten) {
        const sqlZegt =
          project.eigenaarOrganisatieId === z.eigenaarOrganisatieId ||
          z.gemeenten.soort === 'ALLE' ||
          z.gemeenten.codes.includes(project.gemeenteCode);
        expect(sqlZegt).toBe(magProjectZien(p, project));
      }
    }
  });

  it('projects are edited by their corporatie inside its werkgebied, or by the gemeente they are in', () => {
    expect(magProjectBewerken(domstad, rij)).toBe(true);
    expect(magProjectBewerken(domstad, { ...rij, gemeenteCode: 'GM0307' })).toBe(false);
    expect(magProjectBewerken(eemland, rij)).toBe(false);
    expect(magProjectBewerken(utrecht, rij)).toBe(true);
    expect(magProjectBewerken(utrecht, { ...rij, gemeenteCode: 'GM0356' })).toBe(false);
    expect(magProjectBewerken(provincie, rij)).toBe(false);
    expect(magProjectBewerken(rijk, rij)).toBe(false);
  });

  it('own rows are changed only by their owner, inside its werkgebied', () => {
    expect(magEigenRijSchrijven(domstad, rij)).toBe(true);
    expect(magEigenRijSchrijven(domstad, { ...rij, gemeenteCode: 'GM0307' })).toBe(false);
    expect(magEigenRijSchrijven(utrecht, rij)).toBe(false);
    expect(magEigenRijSchrijven(eemland, rij)).toBe(false);
  });
});

describe('prestatieafspraken: who reads, starts, edits, ends', () => {
  const utrecht = principal('GEMEENTE', ['lezen'], ['GM0344'], 'GM0344');
  const amersfoort = principal('GEMEENTE', ['lezen'], ['GM0307'], 'GM0307');
  const domstad = principal('CORPORATIE', ['lezen'], ['GM0344', 'GM0356'], 'L0801');
  const eemland = principal('CORPORATIE', ['lezen'], ['GM0307'], 'L0802');
  const huurders = principal('HUURDERSORGANISATIE', ['lezen'], ['GM0344'], 'HO');
  const pvUtrecht = principal('PROVINCIE', ['lezen'], ['GM0344', 'GM0307'], 'PV26');
  const pvGelderland = principal('PROVINCIE', ['lezen'], ['GM0202'], 'PV25');
  const rijk = principal('RIJK', ['lezen'], [], 'BZK');
  const pa = { gemeenteCode: 'GM0344', partijIds: ['id-GM0344', 'id-L0801', 'id-HO'] };
  const concept = { ...pa, status: 'CONCEPT' as const };
  const getekend = { ...pa, status: 'VASTGESTELD' as const };

  it('parties read it in every status; provincie and Rijk only after CONCEPT; nobody else', () => {
    for (const p of [utrecht, domstad, huurders]) expect(magPrestatieafspraakZien(p, concept)).toBe(true);
    expect(magPrestatieafspraakZien(pvUtrecht, concept)).toBe(false);
    expect(magPrestatieafspraakZien(rijk, concept)).toBe(false);
    expect(magPrestatieafspraakZien(pvUtrecht, { ...pa, status: 'TER_ONDERTEKENING' })).toBe(true);
    expect(magPrestatieafspraakZien(rijk, getekend)).toBe(true);
    expect(magPrestatieafspraakZien(pvGelderland, getekend)).toBe(false);
    // same gemeente in scope, but not a party: still nothing
    expect(magPrestatieafspraakZien(principal('CORPORATIE', ['lezen'], ['GM0344'], 'L0999'), getekend)).toBe(false);
    expect(magPrestatieafspraakZien(amersfoort, getekend)).toBe(false);
    expect(magPrestatieafspraakZien(eemland, getekend)).toBe(false);
  });

  it('the gemeente starts its own, a corporatie its bod in its werkgebied, nobody else', () => {
    expect(magPrestatieafspraakStarten(utrecht, 'GM0344')).toBe(true);
    expect(magPrestatieafspraakStarten(utrecht, 'GM0307')).toBe(false);
    expect(magPrestatieafspraakStarten(domstad, 'GM0356')).toBe(true);
    expect(magPrestatieafspraakStarten(domstad, 'GM0307')).toBe(false);
    expect(magPrestatieafspraakStarten(huurders, 'GM0344')).toBe(false);
    expect(magPrestatieafspraakStarten(pvUtrecht, 'GM0344')).toBe(false);
    expect(magPrestatieafspraakStarten(rijk, 'GM0344')).toBe(false);
  });

  it('parties edit and see the overleg; only the gemeente ends; the responsible party updates a mijlpaal', () => {
    expect(magPrestatieafspraakBewerken(huurders, pa)).toBe(true);
    expect(magPrestatieafspraakBewerken(eemland, pa)).toBe(false);
    expect(magOverlegZien(domstad, pa)).toBe(true);
    expect(magOverlegZien(pvUtrecht, pa)).toBe(false);
    expect(magPrestatieafspraakBeeindigen(utrecht, getekend)).toBe(true);
    expect(magPrestatieafspraakBeeindigen(domstad, getekend)).toBe(false);
    expect(magPrestatieafspraakBeeindigen(amersfoort, { ...getekend, partijIds: [...pa.partijIds, 'id-GM0307'] })).toBe(false);
    expect(magMijlpaalBijwerken(utrecht, pa, 'id-GM0344')).toBe(true);
    expect(magMijlpaalBijwerken(domstad, pa, 'id-GM0344')).toBe(false);
    expect(magMijlpaalBijwerken(eemland, pa, 'id-L0802')).toBe(false);
  });

  it('a concept never offered for signing is deleted by its drafter or the gemeente, nothing else', () => {
    const doorDomstad = { ...concept, opgesteldDoorId: 'id-L0801', ingediendOp: null };
    expect(magConceptVerwijderen(domstad, doorDomstad)).toBe(true);
    expect(magConceptVerwijderen(utrecht, doorDomstad)).toBe(true);
    // a party that did not draft it, and a non-party
    expect(magConceptVerwijderen(huurders, doorDomstad)).toBe(false);
    expect(magConceptVerwijderen(eemland, doorDomstad)).toBe(false);
    expect(magConceptVerwijderen(amersfoort, doorDomstad)).toBe(false);
    // once offered for signing (withdrawn since) or past CONCEPT: on record, not deletable
    expect(magConceptVerwijderen(domstad, { ...doorDomstad, ingediendOp: new Date() })).toBe(false);
    expect(magConceptVerwijderen(utrecht, { ...doorDomstad, status: 'TER_ONDERTEKENING' })).toBe(false);
  });

  it('the cycle calendar: the gemeente, its provincie, Rijk and parties in the gemeente', () => {
    expect(magCyclusKalenderZien(utrecht, 'GM0344', false)).toBe(true);
    expect(magCyclusKalenderZien(amersfoort, 'GM0344', false)).toBe(false);
    expect(magCyclusKalenderZien(pvUtrecht, 'GM0344', false)).toBe(true);
    expect(magCyclusKalenderZien(pvGelderland, 'GM0344', false)).toBe(false);
    expect(magCyclusKalenderZien(rijk, 'GM0344', false)).toBe(true);
    expect(magCyclusKalenderZien(domstad, 'GM0344', false)).toBe(false);
    expect(magCyclusKalenderZien(domstad, 'GM0344', true)).toBe(true);
  });
});
