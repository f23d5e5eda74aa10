import { DomainError } from './domain-error';
import {
  FASE_DATUM,
  naarFase,
  totaalWoningen,
  valideerNieuwbouwproject,
  type NieuwbouwprojectGegevens,
  type NieuwbouwWoningen,
} from './nieuwbouwproject';

const VANDAAG = '2026-06-15';
const WONINGEN: NieuwbouwWoningen = {
  socialeHuur: 40,
  middenhuur: 20,
  vrijeSectorHuur: 0,
  koopBetaalbaar: 10,
  koopVrij: 5,
  aandachtsgroepen: 12,
  perAandachtsgroep: { STATUSHOUDERS: 6, OUDEREN: 4 },
  nultreden: 10,
  flex: 0,
  standplaatsen: 0,
};
const GEEN_DATUMS = { planDatum: null, vergundOp: null, startBouwOp: null, opgeleverdOp: null };

function project(over: Partial<NieuwbouwprojectGegevens> = {}): NieuwbouwprojectGegevens {
  return { naam: 'De Kade', fase: 'PLAN', woningen: WONINGEN, datums: GEEN_DATUMS, ...over };
}

const velden = (p: NieuwbouwprojectGegevens) => valideerNieuwbouwproject(p, VANDAAG).map((f) => f.veld);

describe('valideerNieuwbouwproject', () => {
  it('accepts a consistent project', () => {
    expect(valideerNieuwbouwproject(project(), VANDAAG)).toEqual([]);
    expect(totaalWoningen(WONINGEN)).toBe(75);
  });

  it('requires a name and whole, non-negative counts', () => {
    const p = project({ naam: '  ', woningen: { ...WONINGEN, middenhuur: -1, flex: 2.5 } });
    expect(velden(p)).toEqual(['naam', 'woningen.middenhuur', 'woningen.flex']);
  });

  it('refuses more woningen for aandachtsgroepen, nultreden or flex than the project has', () => {
    const w = { ...WONINGEN, aandachtsgroepen: 76, nultreden: 80, flex: 90, perAandachtsgroep: {} };
    expect(velden(project({ woningen: w }))).toEqual(['woningen.aandachtsgroepen', 'woningen.nultreden', 'woningen.flex']);
  });

  it('refuses a split per aandachtsgroep larger than the aandachtsgroepen total, and unknown groups', () => {
    const teVeel = { ...WONINGEN, perAandachtsgroep: { STATUSHOUDERS: 10, OUDEREN: 4 } };
    expect(valideerNieuwbouwproject(project({ woningen: teVeel }), VANDAAG)[0].melding).toMatch(/\(14\) is groter dan .* \(12\)/);
    const onbekend = { ...WONINGEN, perAandachtsgroep: { MARSBEWONERS: 1 } as never };
    expect(velden(project({ woningen: onbekend }))).toEqual(['woningen.perAandachtsgroep']);
  });

  it('needs at least one woning or standplaats', () => {
    const leeg = { ...WONINGEN, socialeHuur: 0, middenhuur: 0, koopBetaalbaar: 0, koopVrij: 0, aandachtsgroepen: 0, nultreden: 0, perAandachtsgroep: {} };
    expect(velden(project({ woningen: leeg }))).toEqual(['woningen']);
    expect(velden(project({ woningen: { ...leeg, standplaatsen: 8 } }))).toEqual([]);
  });

  it('OPGELEVERD requires the opleverdatum, which may not lie in the future', () => {
    expect(velden(project({ fase: 'OPGELEVERD' }))).toEqual(['datums.opgeleverdOp']);
    const toekomst = project({ fase: 'OPGELEVERD', datums: { ...GEEN_DATUMS, opgeleverdOp: '2026-06-16' } });
    expect(valideerNieuwbouwproject(toekomst, VANDAAG)[0].melding).toBe('De opleverdatum ligt in de toekomst');
    expect(velden(project({ fase: 'OPGELEVERD', datums: { ...GEEN_DATUMS, opgeleverdOp: VANDAAG } }))).toEqual([]);
  });

  it('refuses dates of phases the project has not reached, and dates out of order', () => {
    expect(velden(project({ datums: { ...GEEN_DATUMS, startBouwOp: '2026-01-01' } }))).toEqual(['datums.startBouwOp']);
    const verkeerdom = project({
      fase: 'OPGELEVERD',
      datums: { planDatum: '2024-01-01', vergundOp: '2025-03-01', startBouwOp: '2025-02-01', opgeleverdOp: '2026-05-01' },
    });
    expect(valideerNieuwbouwproject(verkeerdom, VANDAAG)).toEqual([
      { veld: 'datums.startBouwOp', melding: 'De startdatum van de bouw ligt vóór de vergunningsdatum' },
    ]);
    expect(velden(project({ fase: 'VERGUND', datums: { ...GEEN_DATUMS, vergundOp: '2026-02-30' } }))).toEqual(['datums.vergundOp']);
  });

  it('a plan date may lie ahead', () => {
    expect(velden(project({ datums: { ...GEEN_DATUMS, planDatum: '2027-01-01' } }))).toEqual([]);
  });
});

describe('naarFase', () => {
  it('moves forward (skipping allowed) and records the phase date', () => {
    const r = naarFase({ fase: 'PLAN', datums: { ...GEEN_DATUMS, planDatum: '2025-01-01' } }, 'IN_AANBOUW', '2026-02-01');
    expect(r).toEqual({ fase: 'IN_AANBOUW', datums: { ...GEEN_DATUMS, planDatum: '2025-01-01', startBouwOp: '2026-02-01' } });
    expect(FASE_DATUM.OPGELEVERD).toBe('opgeleverdOp');
  });

  it('refuses going back or staying', () => {
    expect(() => naarFase({ fase: 'VERGUND', datums: GEEN_DATUMS }, 'PLAN', '2026-01-01')).toThrow(DomainError);
    expect(() => naarFase({ fase: 'VERGUND', datums: GEEN_DATUMS }, 'VERGUND', '2026-01-01')).toThrow(/al in de fase/);
  });
});
