import { useRef, useState } from 'react';
import { veldFouten } from '../components/Fout';

/** A rule's message at a field, the shape libs/domain's checks answer (titelFouten, afspraakFouten, …). */
export interface Regel {
  veld: string;
  melding: string;
}

/**
 * One form's error wiring (issue 14, item 6), instead of the same lines in every form: the
 * client's check before sending — the domain's own rules from libs/domain, as {veld, melding} —
 * then the server's field errors (`extensions.details`) after sending, one message per field (the
 * client's first), and a counter that `FoutSamenvatting` reads so the error summary takes the
 * focus after every failed submit.
 *
 *   const f = useFormulier(error);
 *   <FoutSamenvatting {...f.samenvatting} />
 *   <form ref={f.formulier} onSubmit={(e) => { e.preventDefault(); void f.verstuur(controle, verzend); }}>
 *   <FormField error={f.fout('titel')}>
 */
export function useFormulier(error: unknown) {
  const formulier = useRef<HTMLFormElement>(null);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [poging, setPoging] = useState(0);
  const server = veldFouten(error);
  const fout = (veld: string): string | null => fouten[veld] ?? server[veld] ?? null;
  /** Runs `controle`; sends only when it found nothing. True when sent without an error. */
  const verstuur = async (
    controle: () => readonly Regel[],
    verzend: () => Promise<unknown>,
  ): Promise<boolean> => {
    const f: Record<string, string> = {};
    for (const r of controle()) f[r.veld] ??= r.melding;
    setFouten(f);
    if (Object.keys(f).length) {
      setPoging((p) => p + 1);
      return false;
    }
    try {
      await verzend();
      return true;
    } catch {
      setPoging((p) => p + 1);
      return false;
    }
  };
  return { formulier, poging, fout, verstuur, samenvatting: { formulier, poging, error } };
}

/** For a form whose every rule is checked by the API: the summary then lists what the server said. */
export const geenControle = (): readonly Regel[] => [];
