import { DomainError, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('keeps code and Dutch message and is a real Error (stack, instanceof)', () => {
    const fout = new DomainError('ONGELDIG_KWARTAAL', "Kwartaal 'x' is ongeldig");
    expect(fout).toBeInstanceOf(Error);
    expect(fout).toBeInstanceOf(DomainError);
    expect(fout.code).toBe('ONGELDIG_KWARTAAL');
    expect(fout.message).toBe("Kwartaal 'x' is ongeldig");
    expect(fout.name).toBe('DomainError');
    expect(fout.stack).toContain('DomainError');
  });

  it('isDomainError tells domain errors from other throwables', () => {
    expect(isDomainError(new DomainError('X', 'y'))).toBe(true);
    expect(isDomainError(new Error('y'))).toBe(false);
    expect(isDomainError({ code: 'X', message: 'y' })).toBe(false);
    expect(isDomainError(undefined)).toBe(false);
  });
});
