import { Klok } from './klok';

describe('Klok: the one source of "now" and "today"', () => {
  it('a fixed clock answers the same instant every time, as a fresh object', () => {
    const vast = new Date('2030-04-01T09:30:00Z');
    const klok = new Klok({ klokVast: vast });
    const a = klok.nu();
    a.setUTCFullYear(1999);
    expect(klok.nu().toISOString()).toBe('2030-04-01T09:30:00.000Z');
    expect(klok.vandaag()).toBe('2030-04-01');
  });

  it("today is the Dutch date: 23:30 UTC on 31 December is already New Year's Day in Amsterdam", () => {
    expect(new Klok({ klokVast: new Date('2029-12-31T23:30:00Z') }).vandaag()).toBe('2030-01-01');
    // summer time (UTC+2): 22:30 UTC is 00:30 the next day
    expect(new Klok({ klokVast: new Date('2030-06-30T22:30:00Z') }).vandaag()).toBe('2030-07-01');
    expect(new Klok({ klokVast: new Date('2030-06-30T21:30:00Z') }).vandaag()).toBe('2030-06-30');
  });

  it('without a fixed time it follows the system clock', () => {
    const klok = new Klok({});
    const voor = Date.now();
    const nu = klok.nu().getTime();
    expect(nu).toBeGreaterThanOrEqual(voor);
    expect(nu).toBeLessThanOrEqual(Date.now());
  });

  it('today changes exactly at Dutch midnight, though it is formatted once per second', () => {
    jest.useFakeTimers({ now: new Date('2030-06-30T21:59:59.000Z') });
    try {
      const klok = new Klok({});
      expect(klok.vandaag()).toBe('2030-06-30');
      jest.setSystemTime(new Date('2030-06-30T21:59:59.999Z'));
      expect(klok.vandaag()).toBe('2030-06-30');
      jest.setSystemTime(new Date('2030-06-30T22:00:00.000Z')); // 00:00 in Amsterdam (UTC+2)
      expect(klok.vandaag()).toBe('2030-07-01');
      jest.setSystemTime(new Date('2030-06-30T21:59:59.500Z')); // the system clock set back
      expect(klok.vandaag()).toBe('2030-06-30');
      jest.setSystemTime(new Date('2030-12-31T22:59:59.999Z')); // winter time (UTC+1)
      expect(klok.vandaag()).toBe('2030-12-31');
      jest.setSystemTime(new Date('2030-12-31T23:00:00.000Z'));
      expect(klok.vandaag()).toBe('2031-01-01');
    } finally {
      jest.useRealTimers();
    }
  });
});
