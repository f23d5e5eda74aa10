import { valideerToewijzingRij, type RijOpties } from './toewijzing-rij';
import { maakGemeenteHerkenner } from './gemeente-naam';

const GEMEENTEN: Record<string, string> = {
  utrecht: 'GM0344',
  amsterdam: 'GM0363',
  "'s-gravenhage": 'GM0518',
  'den haag': 'GM0518',
};
const opties: RijOpties = {
  werkgebied: ['GM0344', 'GM0363'],
  gemeenteOpNaam: (naam) => GEMEENTEN[naam.toLowerCase()],
  vandaag: '2026-06-15',
};

const goed = {
  extern_kenmerk: 'C-2026-001',
  gemeente: 'GM0344',
  datum: '15-03-2026',
  aandachtsgroep: 'statushouder',
  huishoudgrootte: '4',
  segment: '',
  via_urgentie: '',
};

function fouten(rij: Record<string, string>) {
  const r = valideerToewijzingRij(rij, opties);
  if (r.ok) throw new Error('verwacht fouten');
  return r.fouten;
}

function toewijzing(rij: Record<string, string>) {
  const r = valideerToewijzingRij(rij, opties);
  if (!r.ok) throw new Error(JSON.stringify(r.fouten));
  return r.toewijzing;
}

describe('valideerToewijzingRij', () => {
  it('accepts a complete row and applies defaults', () => {
    expect(toewijzing(goed)).toEqual({
      externKenmerk: 'C-2026-001',
      gemeenteCode: 'GM0344',
      datum: '2026-03-15',
      aandachtsgroep: 'STATUSHOUDERS',
      huishoudgrootte: 4,
      segment: 'SOCIALE_HUUR',
      viaUrgentie: false,
      urgentieCategorie: null,
    });
  });

  it('reads the optional urgentie category and checks it against the regeling of the gemeente (issue 12, item 4)', () => {
    const regelingen = { urgentieCategorieen: { GM0344: ['MANTELZORG', 'UITSTROOM_DETENTIE'] } };
    const rij = { ...goed, via_urgentie: 'ja', urgentie_categorie: 'uitstroom detentie' };
    const r = valideerToewijzingRij(rij, { ...opties, ...regelingen });
    expect(r.ok && r.toewijzing.urgentieCategorie).toBe('UITSTROOM_DETENTIE');
    const meldingen = (x: Record<string, string>, o = { ...opties, ...regelingen }) => {
      const v = valideerToewijzingRij(x, o);
      return v.ok ? [] : v.fouten.map((f) => `${f.kolom}: ${f.melding}`);
    };
    expect(meldingen({ ...rij, urgentie_categorie: 'MEDISCH' })).toEqual([
      "urgentie_categorie: Urgentiecategorie 'MEDISCH' staat niet in de urgentieregeling van GM0344 (wel: MANTELZORG, UITSTROOM_DETENTIE)",
    ]);
    expect(meldingen({ ...rij, via_urgentie: 'nee' })[0]).toMatch(/alleen bij een toewijzing via urgentie/);
    expect(meldingen(rij, opties)[0]).toMatch(/geen urgentieregeling/);
    expect(meldingen({ ...rij, urgentie_categorie: '!!' })[0]).toMatch(/geen geldige code/);
  });

  it('trims cells and treats a missing optional column like an empty one', () => {
    const { segment, via_urgentie, ...zonder } = goed;
    void segment;
    void via_urgentie;
    expect(toewijzing({ ...zonder, extern_kenmerk: '  C-1 ' }).externKenmerk).toBe('C-1');
  });

  it.each([
    ['15-03-2026', '2026-03-15'],
    ['5-3-2026', '2026-03-05'],
    ['05/03/2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['29-02-2024', '2024-02-29'],
    ['15-06-2026', '2026-06-15'],
    ['01-01-2015', '2015-01-01'],
  ])('reads date %p', (datum, iso) => {
    expect(toewijzing({ ...goed, datum }).datum).toBe(iso);
  });

  it.each([
    ['31-02-2026', "Datum '31-02-2026' bestaat niet"],
    ['29-02-2026', "Datum '29-02-2026' bestaat niet"],
    ['2026-13-01', "Datum '2026-13-01' bestaat niet"],
    ['16-06-2026', "Datum '16-06-2026' ligt in de toekomst"],
    ['31-12-2014', "Datum '31-12-2014' ligt vóór 2015"],
    ['15-03-26', "Datum '15-03-26' heeft geen geldige vorm; gebruik dd-mm-jjjj (bijvoorbeeld 31-12-2026)"],
    [
      '15-03/2026',
      "Datum '15-03/2026' heeft geen geldige vorm; gebruik dd-mm-jjjj (bijvoorbeeld 31-12-2026)",
    ],
    [
      '2026-03-15T00:00:00Z',
      "Datum '2026-03-15T00:00:00Z' heeft geen geldige vorm; gebruik dd-mm-jjjj (bijvoorbeeld 31-12-2026)",
    ],
    ['', 'Datum ontbreekt'],
  ])('refuses date %p', (datum, melding) => {
    expect(fouten({ ...goed, datum })).toEqual([{ kolom: 'datum', melding }]);
  });

  it('resolves gemeente codes in several spellings and by name', () => {
    expect(toewijzing({ ...goed, gemeente: 'gm0363' }).gemeenteCode).toBe('GM0363');
    expect(toewijzing({ ...goed, gemeente: '363' }).gemeenteCode).toBe('GM0363');
    expect(toewijzing({ ...goed, gemeente: 'Utrecht' }).gemeenteCode).toBe('GM0344');
  });

  it('refuses unknown gemeenten and those outside the werkgebied', () => {
    expect(fouten({ ...goed, gemeente: 'Amsterdm' })).toEqual([
      { kolom: 'gemeente', melding: "Gemeente 'Amsterdm' is onbekend" },
    ]);
    expect(fouten({ ...goed, gemeente: 'Den Haag' })).toEqual([
      {
        kolom: 'gemeente',
        melding: "Gemeente 'Den Haag' (GM0518) valt buiten het werkgebied van de corporatie",
      },
    ]);
    expect(fouten({ ...goed, gemeente: 'GM0518' })[0].melding).toBe(
      'Gemeente GM0518 valt buiten het werkgebied van de corporatie',
    );
    expect(fouten({ ...goed, gemeente: 'GM99999' })[0].melding).toBe("Gemeente 'GM99999' is onbekend");
  });

  it('reads aandachtsgroep synonyms and empty as regulier', () => {
    expect(toewijzing({ ...goed, aandachtsgroep: 'Uitstroom MO/BW' }).aandachtsgroep).toBe(
      'UITSTROOM_INSTELLINGEN',
    );
    expect(toewijzing({ ...goed, aandachtsgroep: '' }).aandachtsgroep).toBeNull();
    expect(toewijzing({ ...goed, aandachtsgroep: 'regulier' }).aandachtsgroep).toBeNull();
    expect(fouten({ ...goed, aandachtsgroep: 'jongeren' })[0]).toMatchObject({ kolom: 'aandachtsgroep' });
    expect(fouten({ ...goed, aandachtsgroep: 'jongeren' })[0].melding).toMatch(
      /^Aandachtsgroep 'jongeren' is onbekend/,
    );
  });

  it.each([
    ['', 'Huishoudgrootte ontbreekt'],
    ['0', 'Huishoudgrootte 0 moet tussen 1 en 20 liggen'],
    ['21', 'Huishoudgrootte 21 moet tussen 1 en 20 liggen'],
    ['2,5', "Huishoudgrootte '2,5' is geen geheel aantal personen"],
    ['-1', "Huishoudgrootte '-1' is geen geheel aantal personen"],
    ['twee', "Huishoudgrootte 'twee' is geen geheel aantal personen"],
  ])('refuses huishoudgrootte %p', (huishoudgrootte, melding) => {
    expect(fouten({ ...goed, huishoudgrootte })).toEqual([{ kolom: 'huishoudgrootte', melding }]);
  });

  it('accepts huishoudgrootte at the bounds', () => {
    expect(toewijzing({ ...goed, huishoudgrootte: '1' }).huishoudgrootte).toBe(1);
    expect(toewijzing({ ...goed, huishoudgrootte: '20' }).huishoudgrootte).toBe(20);
  });

  it('reads segment and via_urgentie tolerantly', () => {
    expect(toewijzing({ ...goed, segment: 'Middenhuur' }).segment).toBe('MIDDENHUUR');
    for (const ja of ['ja', 'J', 'true', '1', 'Ja '])
      expect(toewijzing({ ...goed, via_urgentie: ja }).viaUrgentie).toBe(true);
    for (const nee of ['nee', 'N', 'FALSE', '0'])
      expect(toewijzing({ ...goed, via_urgentie: nee }).viaUrgentie).toBe(false);
    expect(fouten({ ...goed, segment: 'koop' })[0].kolom).toBe('segment');
    expect(fouten({ ...goed, via_urgentie: 'misschien' })).toEqual([
      {
        kolom: 'via_urgentie',
        melding: "Via urgentie 'misschien' is geen ja of nee",
        onbekendeWaarde: 'misschien',
      },
    ]);
  });

  it('names the accepted values of an unknown aandachtsgroep or segment (issue 12, item 7)', () => {
    expect(fouten({ ...goed, aandachtsgroep: 'jongeren' })[0]).toEqual({
      kolom: 'aandachtsgroep',
      melding: expect.stringMatching(
        /Thuismonitor kent: STATUSHOUDERS, URGENTEN, UITSTROOM_INSTELLINGEN, DAK_EN_THUISLOZEN, ARBEIDSMIGRANTEN, STUDENTEN, WOONWAGENBEWONERS, OUDEREN, REGULIER$/,
      ),
      onbekendeWaarde: 'jongeren',
    });
    expect(fouten({ ...goed, segment: 'koop' })[0].melding).toBe(
      "Segment 'koop' is onbekend; gebruik sociale huur, middenhuur, vrije sector huur, betaalbare koop of vrije koop (SOCIALE_HUUR, MIDDENHUUR, VRIJE_SECTOR_HUUR, KOOP_BETAALBAAR, KOOP_VRIJ)",
    );
  });

  it('with a gemeente herkenner: an ambiguous or unknown name is refused with its candidates', () => {
    const herkenGemeente = maakGemeenteHerkenner([
      { code: 'GM0893', naam: 'Bergen (L.)', provincie: 'Limburg' },
      { code: 'GM0373', naam: 'Bergen (NH.)', provincie: 'Noord-Holland' },
      { code: 'GM0356', naam: 'Nieuwegein', provincie: 'Utrecht' },
    ]);
    const met = { ...opties, herkenGemeente };
    const r = (gemeente: string) => valideerToewijzingRij({ ...goed, gemeente }, met);
    expect(r('Bergen')).toEqual({
      ok: false,
      fouten: [
        {
          kolom: 'gemeente',
          melding:
            "Gemeente 'Bergen' is niet eenduidig: bedoelt u Bergen (L.) (GM0893, Limburg) of Bergen (NH.) (GM0373, Noord-Holland)? Vul de CBS-code in of koppel de naam aan een gemeente",
          onbekendeWaarde: 'Bergen',
        },
      ],
    });
    expect(
      !r('Nieuwegijn').ok && (r('Nieuwegijn') as { fouten: { melding: string }[] }).fouten[0].melding,
    ).toBe(
      "Gemeente 'Nieuwegijn' is onbekend; bedoelt u Nieuwegein (GM0356, Utrecht)?; gebruik de CBS-code (bijvoorbeeld GM0344) of de CBS-naam van de gemeente",
    );
    // CBS codes are always accepted, with or without the herkenner
    expect(r('GM0344')).toMatchObject({ ok: true });
    expect(r('344')).toMatchObject({ ok: true });
  });

  it('reports every error of a row at once, each with its column', () => {
    const f = fouten({
      extern_kenmerk: '',
      gemeente: 'Atlantis',
      datum: '31-02-2026',
      aandachtsgroep: 'onbekend spul',
      huishoudgrootte: '0',
      segment: 'kasteel',
      via_urgentie: 'soms',
    });
    expect(f.map((x) => x.kolom)).toEqual([
      'extern_kenmerk',
      'gemeente',
      'datum',
      'aandachtsgroep',
      'huishoudgrootte',
      'segment',
      'via_urgentie',
    ]);
    expect(f[0].melding).toBe('Extern kenmerk ontbreekt');
  });

  it('limits the length of the extern kenmerk', () => {
    expect(fouten({ ...goed, extern_kenmerk: 'x'.repeat(101) })[0].melding).toBe(
      'Extern kenmerk is langer dan 100 tekens',
    );
    expect(toewijzing({ ...goed, extern_kenmerk: 'x'.repeat(100) }).externKenmerk).toHaveLength(100);
  });
});
