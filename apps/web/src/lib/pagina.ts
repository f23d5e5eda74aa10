import { useEffect } from 'react';

/** Sets the document title ("<pagina> – Thuismonitor"), WCAG 2.4.2. */
export function usePaginaTitel(titel: string): void {
  useEffect(() => {
    document.title = `${titel} – Thuismonitor`;
  }, [titel]);
}
