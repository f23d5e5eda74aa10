import { AANDACHTSGROEPEN } from './aandachtsgroep';
import { ACTIELIJN_CODES } from './actielijn';
import {
  INDICATOR_CATALOGUS,
  INDICATOR_CATALOGUS_VERSIE,
  KWARTAALCIJFER_INDICATOREN,
  indicatorOpCode,
  indicatorenVoorAandachtsgroep,
  indicatorenVoorActielijn,
  isIndicatorCode,
  magRapporteren,
  type IndicatorCode,
} from './indicator-catalogus';
import { ORGANISATIE_SOORTEN } from './organisatie-soort';
import { BETAALBARE_SEGMENTEN } from './segment';

describe('indicator catalogue', () => {
  it('is versioned', () => {
    expect(INDICATOR_CATALOGUS_VERSIE).toBe('2026.1');
  });

  it('presents the woonzorgvisie as an agreed milestone, not as a legal duty of the gemeenteraad', () => {
    // Issue 12: no law required a woonzorgvisie; under the Wet versterking regie volkshuisvesting
    // (Kamerstukken 36512, MvT §3.1.4) the woonzorg part belongs to the volkshuisvestingsprogramma,
    // adopted by the college. The code stays so that existing afspraken remain readable.
    const w = indicatorOpCode('WOONZORGVISIE_VASTGESTELD');
    expect(`${w.naam} ${w.omschrijving}`).not.toMatch(/verplicht voor elke gemeente|gemeenteraad/i);
    expect(w.omschrijving).toMatch(/Geen wettelijke plicht/);
    expect(w.omschrijving).toMatch(/volkshuisvestingsprogramma/);
  });

  it('has unique codes in CONSTANT_CASE and unique names', () => {
    const codes = INDICATOR_CATALOGUS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(new Set(INDICATOR_CATALOGUS.map((i) => i.naam)).size).toBe(codes.length);
  });

  it('covers every actielijn', () => {
    for (const lijn of ACTIELIJN_CODES) expect(indicatorenVoorActielijn(lijn).length).toBeGreaterThan(0);
  });

  it('covers every aandachtsgroep, each with a toewijzingen indicator in households', () => {
    for (const groep of AANDACHTSGROEPEN) {
      expect(indicatorenVoorAandachtsgroep(groep).length).toBeGreaterThan(0);
      const t = indicatorOpCode(`TOEWIJZINGEN_${groep}`);
      expect(t.bron).toBe('TOEWIJZINGEN');
      expect(t.eenheid).toBe('HUISHOUDENS');
      expect(t.berekening).toEqual({
        aandachtsgroep: groep,
        telling: 'HUISHOUDENS',
        alleenViaUrgentie: false,
      });
    }
  });

  it('counts statushouders for the taakstelling in persons', () => {
    const s = indicatorOpCode('STATUSHOUDERS_GEHUISVEST');
    expect(s.eenheid).toBe('PERSONEN');
    expect(s.berekening).toMatchObject({ aandachtsgroep: 'STATUSHOUDERS', telling: 'PERSONEN' });
  });

  it('defines betaalbaar as sociale huur + middenhuur + betaalbare koop', () => {
    const b = indicatorOpCode('BETAALBARE_WONINGEN_OPGELEVERD');
    expect(b.bron === 'NIEUWBOUW' && [...(b.berekening.segmenten as string[])].sort()).toEqual(
      [...BETAALBARE_SEGMENTEN].sort(),
    );
  });

  it('keeps unit, source and parameters consistent', () => {
    for (const i of INDICATOR_CATALOGUS) {
      expect(i.omschrijving.length).toBeGreaterThan(10);
      expect(i.gerapporteerdDoor.length).toBeGreaterThan(0);
      for (const soort of i.gerapporteerdDoor) expect(ORGANISATIE_SOORTEN).toContain(soort);
      switch (i.bron) {
        case 'TOEWIJZINGEN':
          expect(i.eenheid).toBe(i.berekening.telling);
          expect(i.aggregatie).toBe('SOM');
          if (i.berekening.aandachtsgroep !== 'ALLE')
            expect(i.aandachtsgroep).toBe(i.berekening.aandachtsgroep);
          expect(i.gerapporteerdDoor).toEqual(['CORPORATIE']);
          break;
        case 'NIEUWBOUW':
          expect(i.eenheid).toBe('WONINGEN');
          expect(i.aggregatie).toBe('SOM');
          if (i.berekening.aandachtsgroep) {
            expect(i.berekening.telling).toBe('WONINGEN_VOOR_AANDACHTSGROEPEN');
            expect(i.aandachtsgroep).toBe(i.berekening.aandachtsgroep);
          }
          break;
        case 'KWARTAALCIJFERS':
          if (i.berekening.soort === 'AANDEEL') {
            expect(i.eenheid).toBe('PERCENTAGE');
            expect(i.aggregatie).toBe('AANDEEL');
            for (const deel of [i.berekening.teller, i.berekening.noemer]) {
              expect(KWARTAALCIJFER_INDICATOREN.map((k) => k.code)).toContain(deel);
              expect(indicatorOpCode(deel).aggregatie).toBe('STAND');
            }
          } else {
            expect(i.aggregatie).not.toBe('AANDEEL');
          }
          break;
        case 'MIJLPAAL':
          expect(i.eenheid).toBe('MIJLPAAL');
          expect(i.aggregatie).toBe('STAND');
          break;
      }
    }
  });

  it('lists the reported quarterly figures, each naming who reports it', () => {
    expect(KWARTAALCIJFER_INDICATOREN.map((i) => i.code).sort()).toEqual(
      [
        'HUISUITZETTINGEN',
        'SOCIALE_HUURVOORRAAD',
        'STANDPLAATSEN_WOONWAGENBEWONERS',
        'UITSTROOM_WACHTEND',
        'VROEGSIGNALERING_TRAJECTEN',
        'WONINGVOORRAAD_TOTAAL',
      ].sort(),
    );
    for (const i of KWARTAALCIJFER_INDICATOREN) expect(i.gerapporteerdDoor.length).toBeGreaterThan(0);
  });

  it('lets only the named kinds report a quarterly figure', () => {
    expect(magRapporteren('CORPORATIE', 'HUISUITZETTINGEN')).toBe(true);
    expect(magRapporteren('GEMEENTE', 'HUISUITZETTINGEN')).toBe(false);
    expect(magRapporteren('ZORGAANBIEDER', 'UITSTROOM_WACHTEND')).toBe(true);
    expect(magRapporteren('CORPORATIE', 'UITSTROOM_WACHTEND')).toBe(false);
    expect(magRapporteren('GEMEENTE', 'WONINGVOORRAAD_TOTAAL')).toBe(true);
    expect(magRapporteren('PROVINCIE', 'SOCIALE_HUURVOORRAAD')).toBe(false);
    expect(magRapporteren('RIJK', 'HUISUITZETTINGEN')).toBe(false);
  });

  it('never lets anyone report a computed figure', () => {
    const berekend = INDICATOR_CATALOGUS.filter((i) => !KWARTAALCIJFER_INDICATOREN.includes(i));
    for (const i of berekend)
      for (const soort of ORGANISATIE_SOORTEN) expect(magRapporteren(soort, i.code)).toBe(false);
    expect(berekend.map((i) => i.code)).toContain('AANDEEL_SOCIALE_HUUR');
  });

  it('throws a Dutch DomainError for unknown codes', () => {
    expect(() => indicatorOpCode('BESTAAT_NIET')).toThrow(
      expect.objectContaining({ code: 'ONBEKENDE_INDICATOR' }),
    );
    expect(() => indicatorOpCode('BESTAAT_NIET')).toThrow("Indicator 'BESTAAT_NIET' bestaat niet");
    expect(() => magRapporteren('CORPORATIE', 'huisuitzettingen')).toThrow(
      expect.objectContaining({ code: 'ONBEKENDE_INDICATOR' }),
    );
    expect(isIndicatorCode('HUISUITZETTINGEN')).toBe(true);
    expect(isIndicatorCode('huisuitzettingen')).toBe(false);
  });

  it('derives a literal code type (compile-time check)', () => {
    const code: IndicatorCode = 'TOEWIJZINGEN_OUDEREN';
    expect(indicatorOpCode(code).actielijn).toBe('EVENWICHTIGE_VERDELING');
    expect(indicatorOpCode('TOEWIJZINGEN_UITSTROOM_INSTELLINGEN').naam).toBe('Uitstroom gehuisvest');
  });

  it('has the huisuitzettingen indicator as a sum where lower is better', () => {
    expect(indicatorOpCode('HUISUITZETTINGEN')).toMatchObject({
      actielijn: 'PREVENTIE',
      aggregatie: 'SOM',
      richting: 'LAGER_IS_BETER',
      gerapporteerdDoor: ['CORPORATIE'],
    });
  });
});
