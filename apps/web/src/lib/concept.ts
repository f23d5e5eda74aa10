import { useCallback, useEffect, useState } from 'react';

/**
 * Form state that survives a re-login (the OIDC redirect reloads the page) and a validation error:
 * kept in sessionStorage under `key` until `wis()` after a successful save.
 */
export function useConcept<T>(key: string, begin: T): [T, (v: T | ((oud: T) => T)) => void, () => void] {
  const opslag = `thuismonitor.concept.${key}`;
  const [waarde, setWaarde] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(opslag);
      return raw ? ({ ...begin, ...JSON.parse(raw) } as T) : begin;
    } catch {
      return begin;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(opslag, JSON.stringify(waarde));
    } catch {
      /* storage full or blocked: the form still works */
    }
  }, [opslag, waarde]);
  const wis = useCallback(() => {
    sessionStorage.removeItem(opslag);
    setWaarde(begin);
    // `begin` is only the initial value, deliberately not a dependency
  }, [opslag]);
  return [waarde, setWaarde, wis];
}
