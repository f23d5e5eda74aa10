import { mijlpaalRealisatie, mijlpaalVoortgang } from './mijlpaal-voortgang';

describe('mijlpaalVoortgang', () => {
  it('reached is on schedule, a reported delay is behind', () => {
    expect(mijlpaalVoortgang('GEREED', '2026-07-01', '2026-09-01')).toBe('OP_SCHEMA');
    expect(mijlpaalVoortgang('VERTRAAGD', '2026-07-01', '2026-03-01')).toBe('ACHTER');
  });
  it('not yet reached: on schedule until the agreed date has passed', () => {
    expect(mijlpaalVoortgang('LOOPT', '2026-07-01', '2026-07-01')).toBe('OP_SCHEMA');
    expect(mijlpaalVoortgang('LOOPT', '2026-07-01', '2026-07-02')).toBe('ACHTER');
    expect(mijlpaalVoortgang('NIET_GESTART', '2026-07-01', '2026-01-01')).toBe('OP_SCHEMA');
  });
  it('realisation is 1 only when reached on or before the peildatum', () => {
    expect(mijlpaalRealisatie('GEREED', '2026-05-01', '2026-06-30')).toBe(1);
    expect(mijlpaalRealisatie('GEREED', '2026-08-01', '2026-06-30')).toBe(0);
    expect(mijlpaalRealisatie('LOOPT', null, '2026-06-30')).toBe(0);
  });
});
