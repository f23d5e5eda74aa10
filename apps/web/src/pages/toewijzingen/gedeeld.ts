import { useMe } from '../../auth/MeContext';

export const PAGINA = 50;

/** Gemeenten the user can filter on: a corporatie's werkgebied, or the gemeente itself. */
export function useEigenGemeenten() {
  const me = useMe();
  const org = me.organisatie;
  if (org.soort === 'GEMEENTE' && org.gemeente) return [org.gemeente];
  return org.werkgebied;
}
