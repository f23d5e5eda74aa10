/**
 * Lookup key for free text typed by people or exported by other systems: case, accents,
 * spaces, hyphens, slashes and underscores do not matter ('Uitstroom MO/BW' and 'uitstroom_mo-bw'
 * are the same key). '+' is kept because '65+' means something.
 */
export function tekstSleutel(tekst: string): string {
  return tekst
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]/g, '');
}
