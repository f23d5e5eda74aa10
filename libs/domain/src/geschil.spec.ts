import { geschilRegistratieFouten, geschilStatusFouten } from './geschil';
import type { VolkshuisvestingRegime } from './volkshuisvesting-regime';

// Window 1 July – 29 January: woningmarktbeleid.nl, "Geschillen prestatieafspraken voorleggen aan
// minister" ("mits het geschil wordt ingediend in de periode van 1 juli tot en met 29 januari",
// Besluit toegelaten instellingen volkshuisvesting 2015; Regeling art. 19a–19d). Nakoming under
// the Wet versterking regie (Kamerstukken 36512, MvT §2.2.3), as the regime reference data holds it.
const OUD: VolkshuisvestingRegime = {
  code: 'WONINGWET_2015',
  naam: 'Woningwet (herziening 2015)',
  geldigVan: '2015-07-01',
  geldigTot: '2026-06-30',
  beoogdeInwerkingtreding: null,
  bodDeadline: { maand: 7, dag: 1 },
  geschilVan: { maand: 7, dag: 1 },
  geschilTot: { maand: 1, dag: 29 },
  geschilOnderwerpen: ['INHOUD'],
  bodGrondslag: 'woonvisie',
  programmaVerplicht: false,
  woonzorg: 'WOONZORGVISIE_BELEID',
  bronnen: 'Woningwet art. 44',
};
const NIEUW: VolkshuisvestingRegime = {
  ...OUD,
  code: 'WET_VERSTERKING_REGIE',
  geldigVan: '2026-07-01',
  geldigTot: null,
  geschilOnderwerpen: ['INHOUD', 'NAKOMING'],
  programmaVerplicht: true,
  woonzorg: 'VOLKSHUISVESTINGSPROGRAMMA',
};
const regimes = [OUD, NIEUW];

describe('geschil', () => {
  const basis = {
    vandaag: '2026-11-29',
    omschrijving: 'Geen overeenstemming over de huurverhoging',
    regimes,
  };

  it('about the content: only from 1 July up to and including 29 January', () => {
    for (const d of ['2025-07-01', '2025-11-01', '2026-01-29'])
      expect(geschilRegistratieFouten({ ...basis, onderwerp: 'INHOUD', ingediendOp: d })).toEqual([]);
    for (const d of ['2025-06-30', '2026-01-30', '2026-03-15'])
      expect(
        geschilRegistratieFouten({ ...basis, onderwerp: 'INHOUD', ingediendOp: d }).map((f) => f.veld),
      ).toEqual(['ingediendOp']);
  });

  it('about nakoming only under the new law (in force from its date in the reference data)', () => {
    expect(
      geschilRegistratieFouten({ ...basis, onderwerp: 'NAKOMING', ingediendOp: '2025-08-01' })[0].veld,
    ).toBe('onderwerp');
    expect(geschilRegistratieFouten({ ...basis, onderwerp: 'NAKOMING', ingediendOp: '2026-08-01' })).toEqual(
      [],
    );
  });

  it('refuses a date in the future, a non-date and an empty description', () => {
    expect(
      geschilRegistratieFouten({ ...basis, onderwerp: 'INHOUD', ingediendOp: '2026-12-01' })[0].melding,
    ).toBe('De datum van indiening ligt in de toekomst.');
    expect(
      geschilRegistratieFouten({
        ...basis,
        onderwerp: 'INHOUD',
        ingediendOp: '1-12-2026',
        omschrijving: '',
      }).map((f) => f.veld),
    ).toEqual(['omschrijving', 'ingediendOp']);
    expect(
      geschilRegistratieFouten({ ...basis, onderwerp: 'INHOUD', ingediendOp: '2010-08-01' })[0].veld,
    ).toBe('ingediendOp');
  });

  it('moves INGEDIEND → IN_BEHANDELING → UITSPRAAK (with its outcome), or INGETROKKEN', () => {
    expect(geschilStatusFouten('INGEDIEND', 'IN_BEHANDELING', null)).toEqual([]);
    expect(geschilStatusFouten('IN_BEHANDELING', 'UITSPRAAK', 'Corporatie bouwt 40 woningen')).toEqual([]);
    expect(geschilStatusFouten('IN_BEHANDELING', 'UITSPRAAK', '')[0].veld).toBe('uitkomst');
    expect(geschilStatusFouten('UITSPRAAK', 'INGETROKKEN', null)[0].veld).toBe('status');
  });
});
