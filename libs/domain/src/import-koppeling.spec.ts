import { bouwKolomMapping, pasKolomMappingToe } from './kolom-mapping';
import {
  controleerImportKoppeling,
  geaccepteerdeWaarden,
  kolomWoorden,
  maakWaardeVertaler,
  type ImportKoppeling,
} from './import-koppeling';
import { valideerToewijzingRij } from './toewijzing-rij';

const GEMEENTEN = new Set(['GM0344', 'GM0373', 'GM0893']);
const isGemeente = (c: string) => GEMEENTEN.has(c);

describe('controleerImportKoppeling', () => {
  it('accepts columns and values in the product’s words, normalising the product values', () => {
    const r = controleerImportKoppeling(
      {
        kolommen: [
          { bron: ' Doelgroep ', kolom: 'aandachtsgroep' },
          { bron: 'Plaats', kolom: 'gemeente' },
        ],
        waarden: [
          { veld: 'aandachtsgroep', bron: 'STH', waarde: 'statushouders' },
          { veld: 'aandachtsgroep', bron: 'GEEN', waarde: 'REGULIER' },
          { veld: 'via_urgentie', bron: 'J', waarde: 'ja' },
          { veld: 'segment', bron: 'S1', waarde: 'SOCIALE_HUUR' },
          { veld: 'gemeente', bron: 'Bergen', waarde: 'gm0373' },
        ],
      },
      isGemeente,
    );
    expect(r).toEqual({
      ok: true,
      koppeling: {
        kolommen: [
          { bron: 'Doelgroep', kolom: 'aandachtsgroep' },
          { bron: 'Plaats', kolom: 'gemeente' },
        ],
        waarden: [
          { veld: 'aandachtsgroep', bron: 'STH', waarde: 'STATUSHOUDERS' },
          { veld: 'aandachtsgroep', bron: 'GEEN', waarde: 'REGULIER' },
          { veld: 'via_urgentie', bron: 'J', waarde: 'JA' },
          { veld: 'segment', bron: 'S1', waarde: 'SOCIALE_HUUR' },
          { veld: 'gemeente', bron: 'Bergen', waarde: 'GM0373' },
        ],
      },
    });
  });

  it('refuses a value the product does not know, listing the accepted ones', () => {
    const r = controleerImportKoppeling(
      {
        kolommen: [{ bron: 'Doelgroep', kolom: 'doelgroep' }],
        waarden: [
          { veld: 'aandachtsgroep', bron: 'STH', waarde: 'VLUCHTELINGEN' },
          { veld: 'gemeente', bron: 'Atlantis', waarde: 'GM9999' },
          { veld: 'huishoudgrootte', bron: 'twee', waarde: '2' },
        ],
      },
      isGemeente,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fouten).toEqual([
      {
        veld: 'kolommen.0',
        melding:
          "Kolom 'Doelgroep' is gekoppeld aan 'doelgroep', maar die kolom kent Thuismonitor niet; kies uit extern_kenmerk, gemeente, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, urgentie_categorie",
      },
      {
        veld: 'waarden.0',
        melding:
          "'VLUCHTELINGEN' is geen waarde die Thuismonitor kent voor Aandachtsgroep; kies uit STATUSHOUDERS, URGENTEN, UITSTROOM_INSTELLINGEN, DAK_EN_THUISLOZEN, ARBEIDSMIGRANTEN, STUDENTEN, WOONWAGENBEWONERS, OUDEREN, REGULIER",
      },
      {
        veld: 'waarden.1',
        melding:
          "'GM9999' is geen waarde die Thuismonitor kent voor Gemeente; kies uit een CBS-gemeentecode die bestaat (bijvoorbeeld GM0344)",
      },
      {
        veld: 'waarden.2',
        melding:
          "Voor 'huishoudgrootte' kunnen geen waarden worden gekoppeld; kies uit gemeente, aandachtsgroep, segment, via_urgentie",
      },
    ]);
  });

  it('refuses to map a column that identifies a person, whatever it is mapped to (privacy)', () => {
    for (const bron of ['Klantnummer', 'Relatienr', 'Geboortedatum', 'Naam huurder', 'BSN']) {
      const r = controleerImportKoppeling(
        { kolommen: [{ bron, kolom: 'extern_kenmerk' }], waarden: [] },
        isGemeente,
      );
      expect(r.ok).toBe(false);
      expect(!r.ok && r.fouten[0].melding).toMatch(
        new RegExp(
          `^De kolom '${bron}' lijkt persoonsgegevens te bevatten \\(.+\\) en kan niet worden gekoppeld`,
        ),
      );
    }
  });

  it('refuses doubles (by text key), empty and overlong names', () => {
    const r = controleerImportKoppeling(
      {
        kolommen: [
          { bron: 'Plaats', kolom: 'gemeente' },
          { bron: 'plaats ', kolom: 'gemeente' },
          { bron: '  ', kolom: 'datum' },
        ],
        waarden: [
          { veld: 'via_urgentie', bron: 'J', waarde: 'JA' },
          { veld: 'via_urgentie', bron: 'j', waarde: 'NEE' },
          { veld: 'segment', bron: 'x'.repeat(201), waarde: 'MIDDENHUUR' },
        ],
      },
      isGemeente,
    );
    expect(!r.ok && r.fouten.map((f) => f.melding)).toEqual([
      "De kolom 'plaats' staat twee keer in de koppeling",
      'De naam in uw bestand is leeg',
      "De waarde 'j' voor Via urgentie staat twee keer in de koppeling",
      'De naam is langer dan 200 tekens',
    ]);
  });

  it('lists REGULIER among the aandachtsgroep values', () => {
    expect(geaccepteerdeWaarden('aandachtsgroep').map((w) => w.waarde)).toContain('REGULIER');
    expect(geaccepteerdeWaarden('via_urgentie')).toEqual([
      { waarde: 'JA', label: 'Ja' },
      { waarde: 'NEE', label: 'Nee' },
    ]);
  });
});

describe('a file in the organisation’s own words, through the koppeling and the row rules', () => {
  const koppeling: ImportKoppeling = {
    kolommen: [
      { bron: 'Contract', kolom: 'extern_kenmerk' },
      { bron: 'Plaats', kolom: 'gemeente' },
      { bron: 'Ingang', kolom: 'datum' },
      { bron: 'Doelgr', kolom: 'aandachtsgroep' },
      { bron: 'Pers', kolom: 'huishoudgrootte' },
      { bron: 'Urg', kolom: 'via_urgentie' },
    ],
    waarden: [
      { veld: 'aandachtsgroep', bron: 'STH', waarde: 'STATUSHOUDERS' },
      { veld: 'aandachtsgroep', bron: '-', waarde: 'REGULIER' },
      { veld: 'via_urgentie', bron: 'J', waarde: 'JA' },
      { veld: 'gemeente', bron: 'Bergen', waarde: 'GM0373' },
    ],
  };
  const headers = ['Contract', 'Plaats', 'Ingang', 'Doelgr', 'Pers', 'Urg'];
  const opties = {
    werkgebied: ['GM0344', 'GM0373'],
    gemeenteOpNaam: () => undefined,
    vandaag: '2026-06-01' as const,
  };

  it('maps, translates and validates; counts what was used; leaves unknown values to the row rules', () => {
    const mapping = bouwKolomMapping(headers, kolomWoorden(koppeling));
    expect(mapping.bruikbaar).toBe(true);
    const v = maakWaardeVertaler(koppeling);
    const lees = (cellen: string[]) => {
      const rij = pasKolomMappingToe(mapping, Object.fromEntries(headers.map((h, i) => [h, cellen[i]])));
      v.vertaal(rij);
      return valideerToewijzingRij(rij, opties);
    };
    expect(lees(['C1', 'bergen', '01-03-2026', 'sth', '3', 'J'])).toEqual({
      ok: true,
      toewijzing: {
        externKenmerk: 'C1',
        gemeenteCode: 'GM0373',
        datum: '2026-03-01',
        aandachtsgroep: 'STATUSHOUDERS',
        huishoudgrootte: 3,
        segment: 'SOCIALE_HUUR',
        viaUrgentie: true,
        urgentieCategorie: null,
      },
    });
    expect(lees(['C2', 'GM0344', '02-03-2026', '-', '1', ''])).toMatchObject({
      ok: true,
      toewijzing: { aandachtsgroep: null, viaUrgentie: false },
    });
    const fout = lees(['C3', 'GM0344', '02-03-2026', 'XYZ', '1', 'misschien']);
    expect(fout.ok).toBe(false);
    expect(!fout.ok && fout.fouten.map((f) => [f.kolom, f.onbekendeWaarde])).toEqual([
      ['aandachtsgroep', 'XYZ'],
      ['via_urgentie', 'misschien'],
    ]);
    expect(v.gebruik()).toEqual([
      { veld: 'aandachtsgroep', bron: 'STH', waarde: 'STATUSHOUDERS', rijen: 1 },
      { veld: 'aandachtsgroep', bron: '-', waarde: 'REGULIER', rijen: 1 },
      { veld: 'via_urgentie', bron: 'J', waarde: 'JA', rijen: 1 },
      { veld: 'gemeente', bron: 'Bergen', waarde: 'GM0373', rijen: 1 },
    ]);
  });

  it('the saved words win over the built-in synonyms', () => {
    const k: ImportKoppeling = {
      kolommen: [],
      waarden: [{ veld: 'aandachtsgroep', bron: 'urgent', waarde: 'REGULIER' }],
    };
    const rij: Record<string, string> = { aandachtsgroep: 'Urgent' };
    maakWaardeVertaler(k).vertaal(rij);
    expect(rij.aandachtsgroep).toBe('REGULIER');
  });
});
