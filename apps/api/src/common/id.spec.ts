import { randomUUID } from 'node:crypto';
import { isUuid } from './id';

describe('isUuid: the one check for ids from clients', () => {
  it('accepts what Postgres and node generate, in either case', () => {
    const id = randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too short', '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f'],
    ['too long', '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f00'],
    ['no hyphens', '0b1c2d3e4f5061728394a5b6c7d8e9f0'],
    // the rapportage check before this one accepted any 36 characters of hex and hyphens
    ['hyphens in the wrong places', '0b1c2d3e4-f50-6172-8394-a5b6c7d8e9f0'],
    ['36 hyphens', '-'.repeat(36)],
    ['not hex', '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9fg'],
    ['braces', '{0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0}'],
    ['surrounding space', ' 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'],
    ['trailing newline', '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\n'],
    ['SQL', "' OR 1=1 --"],
  ])('refuses %s', (_naam, waarde) => {
    expect(isUuid(waarde)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const w of [null, undefined, 42, {}, ['0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0']]) expect(isUuid(w)).toBe(false);
  });
});
