import { tekstSleutel } from './tekst-sleutel';

describe('tekstSleutel', () => {
  it('ignores case, accents and separators', () => {
    expect(tekstSleutel('Uitstroom MO/BW')).toBe('uitstroommobw');
    expect(tekstSleutel(' uitstroom_mo-bw ')).toBe('uitstroommobw');
    expect(tekstSleutel('Beëindigd')).toBe('beeindigd');
    expect(tekstSleutel('Dak- en thuislozen')).toBe('dakenthuislozen');
  });

  it('keeps digits and the plus sign', () => {
    expect(tekstSleutel('65+')).toBe('65+');
    expect(tekstSleutel('GM0363')).toBe('gm0363');
  });

  it('turns punctuation-only text into the empty key', () => {
    expect(tekstSleutel(' - ')).toBe('');
    expect(tekstSleutel('n.v.t.')).toBe('nvt');
  });
});
