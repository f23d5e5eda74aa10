import {
  persoonsgegevenReden,
  TOEWIJZING_KOLOMMEN,
  bouwKolomMapping,
  isPersoonsgegevenKolom,
  pasKolomMappingToe,
  toewijzingKolomLabel,
} from './kolom-mapping';

describe('bouwKolomMapping', () => {
  it('maps the canonical headers themselves', () => {
    const m = bouwKolomMapping([...TOEWIJZING_KOLOMMEN]);
    expect(m.bruikbaar).toBe(true);
    expect(Object.values(m.kolommen)).toEqual([...TOEWIJZING_KOLOMMEN]);
    expect(m.meldingen).toEqual([]);
  });

  it('recognises common export headers, ignoring case, spaces and underscores', () => {
    const m = bouwKolomMapping([
      'Contractnummer',
      'GemeenteCode',
      'Toewijzingsdatum',
      'Doelgroep',
      'Aantal personen',
      'URGENT',
      'Huursegment',
    ]);
    expect(m.kolommen).toEqual({
      Contractnummer: 'extern_kenmerk',
      GemeenteCode: 'gemeente',
      Toewijzingsdatum: 'datum',
      Doelgroep: 'aandachtsgroep',
      'Aantal personen': 'huishoudgrootte',
      URGENT: 'via_urgentie',
      Huursegment: 'segment',
    });
    expect(m.bruikbaar).toBe(true);
    expect(
      bouwKolomMapping(['kenmerk', 'gemeente', 'Ingangsdatum', 'doelgroep', 'aantal_personen']).bruikbaar,
    ).toBe(true);
  });

  it('reports missing required columns (aandachtsgroep included) but not optional ones', () => {
    const m = bouwKolomMapping(['kenmerk', 'gemeente', 'datum', 'huishoudgrootte']);
    expect(m.ontbrekend).toEqual(['aandachtsgroep']);
    expect(m.bruikbaar).toBe(false);
    expect(m.meldingen).toContain("De verplichte kolom 'Aandachtsgroep' ontbreekt");
  });

  it('reports unknown columns without refusing the file, and skips empty headers', () => {
    const m = bouwKolomMapping([
      'kenmerk',
      'gemeente',
      'datum',
      'doelgroep',
      'personen',
      'Opmerking',
      '',
      '  ',
    ]);
    expect(m.onbekend).toEqual(['Opmerking']);
    expect(m.bruikbaar).toBe(true);
  });

  it('refuses two headers claiming the same column', () => {
    const m = bouwKolomMapping(['kenmerk', 'contractnummer', 'gemeente', 'datum', 'doelgroep', 'personen']);
    expect(m.dubbel).toEqual([{ kolom: 'extern_kenmerk', headers: ['kenmerk', 'contractnummer'] }]);
    expect(m.bruikbaar).toBe(false);
    expect(m.meldingen[0]).toBe(
      "De kolommen 'kenmerk' en 'contractnummer' zijn allebei gekoppeld aan 'Extern kenmerk'",
    );
  });

  it('lets the corporatie’s own mapping win over synonyms', () => {
    const m = bouwKolomMapping(['Nr', 'Plaats', 'Datum', 'Cat', 'Pers', 'kenmerk'], {
      nr: 'extern_kenmerk',
      PLAATS: 'gemeente',
      cat: 'aandachtsgroep',
      pers: 'Huishoudgrootte',
      kenmerk: 'segment',
    });
    expect(m.kolommen).toEqual({
      Nr: 'extern_kenmerk',
      Plaats: 'gemeente',
      Datum: 'datum',
      Cat: 'aandachtsgroep',
      Pers: 'huishoudgrootte',
      kenmerk: 'segment',
    });
    expect(m.bruikbaar).toBe(true);
  });

  it('rejects an own mapping onto a column that does not exist', () => {
    expect(() => bouwKolomMapping(['x'], { x: 'naam' })).toThrow(
      expect.objectContaining({ code: 'ONGELDIGE_KOLOMMAPPING' }),
    );
  });

  it('refuses the whole file when a column looks like personal data', () => {
    const m = bouwKolomMapping([
      'kenmerk',
      'gemeente',
      'datum',
      'doelgroep',
      'personen',
      'Naam huurder',
      'BSN',
    ]);
    expect(m.persoonsgegevens).toEqual(['Naam huurder', 'BSN']);
    expect(m.bruikbaar).toBe(false);
    expect(m.meldingen[0]).toContain('persoonsgegevens');
    expect(m.kolommen).not.toHaveProperty('BSN');
  });

  it('refuses personal data even when the own mapping points it somewhere', () => {
    const m = bouwKolomMapping(['postcode', 'kenmerk', 'gemeente', 'datum', 'doelgroep', 'personen'], {
      postcode: 'segment',
    });
    expect(m.persoonsgegevens).toEqual(['postcode']);
    expect(m.bruikbaar).toBe(false);
  });

  it('applies the mapping to a row', () => {
    const m = bouwKolomMapping(['Contractnummer', 'Gemeente', 'Datum', 'Doelgroep', 'Personen', 'Opmerking']);
    expect(
      pasKolomMappingToe(m, {
        Contractnummer: 'C-1',
        Gemeente: 'Utrecht',
        Datum: '01-02-2026',
        Doelgroep: '',
        Opmerking: 'x',
      }),
    ).toEqual({
      extern_kenmerk: 'C-1',
      gemeente: 'Utrecht',
      datum: '01-02-2026',
      aandachtsgroep: '',
      huishoudgrootte: '',
    });
  });

  it('labels columns in Dutch', () => {
    expect(toewijzingKolomLabel('via_urgentie')).toBe('Via urgentie');
  });
});

describe('isPersoonsgegevenKolom', () => {
  it.each([
    'naam',
    'Naam',
    'voornaam',
    'Achternaam',
    'Naam huurder',
    'huurder_naam',
    'klantnaam',
    'BSN',
    'Burgerservicenummer',
    'geboortedatum',
    'Geb.datum',
    'adres',
    'Woonadres',
    'straat',
    'Straatnaam',
    'huisnummer',
    'Huisnr',
    'postcode',
    'telefoon',
    'Telefoonnummer',
    'e-mail',
    'E-mailadres',
    'email',
    'IBAN',
    'Rekeningnummer',
    'tussenvoegsel',
  ])('flags %p', (header) => {
    expect(isPersoonsgegevenKolom(header)).toBe(true);
  });

  it.each([
    'gemeentenaam',
    'Gemeente naam',
    'complexnaam',
    'aantal personen',
    'huishoudgrootte',
    'contractnummer',
    'toewijzingsdatum',
    'doelgroep',
    'segment',
    'urgent',
    '',
  ])('accepts %p', (header) => {
    expect(isPersoonsgegevenKolom(header)).toBe(false);
  });
});

describe('persoonsgegevenReden: columns that make a row traceable to a household (issue 9.5)', () => {
  it.each([
    ['Klantnummer', 'klant-, relatie- of huurdernummer'],
    ['klant_nr', 'klant-, relatie- of huurdernummer'],
    ['Relatienummer', 'klant-, relatie- of huurdernummer'],
    ['relatie-id', 'klant-, relatie- of huurdernummer'],
    ['Huurdernummer', 'klant-, relatie- of huurdernummer'],
    ['Huurder', 'klant-, relatie- of huurdernummer'],
    ['Inschrijfnummer woningzoekende', 'klant-, relatie- of huurdernummer'],
    ['Debiteurnummer', 'klant-, relatie- of huurdernummer'],
    ['Geboortejaar', 'geboortedatum, geboortejaar of leeftijd'],
    ['geboortedatum', 'geboortedatum, geboortejaar of leeftijd'],
    ['Leeftijd hoofdhuurder', 'geboortedatum, geboortejaar of leeftijd'],
    ['Age', 'geboortedatum, geboortejaar of leeftijd'],
    ['Nationaliteit', 'nationaliteit of herkomst'],
    ['Land van herkomst', 'nationaliteit of herkomst'],
    ['Inkomen', 'inkomen'],
    ['Huishoudinkomen', 'inkomen'],
    ['Belastbaar jaarinkomen', 'inkomen'],
    ['Geslacht', 'geslacht'],
    ['M/V', 'geslacht'],
    ['V-nummer', 'burgerservicenummer of ander persoonsnummer'],
    ['BSN', 'burgerservicenummer of ander persoonsnummer'],
    ['Naam huurder', 'naam'],
    ['Postcode', 'adres'],
  ])('refuses %p as %p', (header, reden) => {
    expect(persoonsgegevenReden(header)).toBe(reden);
    expect(isPersoonsgegevenKolom(header)).toBe(true);
  });

  it('keeps every built-in synonym of the canonical columns importable', () => {
    const headers = [
      'extern kenmerk',
      'toewijzingsnummer',
      'contractnummer',
      'huurcontractnummer',
      'verhuringsnummer',
      'mutatienummer',
      'referentie',
      'volgnummer',
      'gemeentenaam',
      'cbs code',
      'ingangsdatum huurcontract',
      'huuringangsdatum',
      'doelgroep',
      'bijzondere doelgroep',
      'aantal personen',
      'gezinsgrootte',
      'huursegment',
      'sector',
      'urgentieverklaring',
      'voorrang',
      'percentage',
      'page',
    ];
    expect(headers.filter(isPersoonsgegevenKolom)).toEqual([]);
  });

  it('names the reason for each refused column in the Dutch message', () => {
    const m = bouwKolomMapping([
      'kenmerk',
      'gemeente',
      'datum',
      'doelgroep',
      'personen',
      'Klantnummer',
      'Inkomen',
      'Nationaliteit',
    ]);
    expect(m.bruikbaar).toBe(false);
    expect(m.persoonsgegevens).toEqual(['Klantnummer', 'Inkomen', 'Nationaliteit']);
    expect(m.meldingen[0]).toBe(
      "Het bestand bevat kolommen die op persoonsgegevens lijken ('Klantnummer': klant-, relatie- of huurdernummer; " +
        "'Inkomen': inkomen; 'Nationaliteit': nationaliteit of herkomst). Thuismonitor neemt geen gegevens op die naar een " +
        'persoon of huishouden herleidbaar zijn: verwijder deze kolommen en lever het bestand opnieuw aan.',
    );
  });
});
