import { useEffect, useId, useRef, useState } from 'react';
import { FormField, Select, Textbox } from './nl';

export interface GebiedOptie {
  /** 'SOORT:CODE' */
  waarde: string;
  label: string;
}

/** Up to this many areas a plain list is quicker than searching. */
const ZOEKEN_VANAF = 20;

/**
 * The area picker: a select for a handful of areas; for a provincie's gemeenten or all of the
 * Netherlands (355 areas) a text field that searches as you type (native datalist: keyboard and
 * screen readers handle it as a combobox). The choice counts once the text equals an area's name.
 */
export function GebiedKiezer({
  opties,
  waarde,
  onKies,
  label = 'Gebied',
  zoeken,
}: {
  opties: readonly GebiedOptie[];
  waarde: string;
  onKies: (waarde: string) => void;
  label?: string;
  /** search field regardless of the current number of options (they may still be loading) */
  zoeken?: boolean;
}) {
  const lijstId = useId();
  const huidig = opties.find((o) => o.waarde === waarde)?.label ?? '';
  const [tekst, setTekst] = useState(huidig);
  const [fout, setFout] = useState<string | null>(null);
  const zoek = (t: string) =>
    t.trim()
      ? opties.find((o) => o.label.toLocaleLowerCase('nl') === t.trim().toLocaleLowerCase('nl'))
      : undefined;
  const vorige = useRef(waarde);
  // follow a choice made elsewhere (URL, reset), or show the label once the options arrive — but
  // never overwrite what the user is typing
  useEffect(() => {
    if (vorige.current !== waarde || !tekst) setTekst(huidig);
    vorige.current = waarde;
  }, [waarde, huidig]);
  // a name typed before the options had arrived counts once they are there
  useEffect(() => {
    const gevonden = zoek(tekst);
    if (gevonden && gevonden.waarde !== waarde) onKies(gevonden.waarde);
  }, [opties]);
  if (!(zoeken ?? opties.length > ZOEKEN_VANAF)) {
    return (
      <FormField label={label}>
        {(ids) => (
          <Select ids={ids} value={waarde} onChange={(e) => onKies(e.target.value)}>
            {waarde && !opties.some((o) => o.waarde === waarde) ? (
              <option value={waarde}>{waarde}</option>
            ) : null}
            {opties.map((o) => (
              <option key={o.waarde} value={o.waarde}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    );
  }
  return (
    <FormField
      label={label}
      description={`Typ een deel van de naam en kies uit de lijst (${opties.length} gebieden).`}
      error={fout}
    >
      {(ids) => (
        <>
          <Textbox
            ids={ids}
            list={lijstId}
            autoComplete="off"
            value={tekst}
            onChange={(e) => {
              setTekst(e.target.value);
              const gevonden = zoek(e.target.value);
              if (gevonden) {
                setFout(null);
                if (gevonden.waarde !== waarde) onKies(gevonden.waarde);
              }
            }}
            onBlur={() => {
              if (tekst.trim() && !zoek(tekst))
                setFout(`Er is geen gebied met de naam ‘${tekst.trim()}’. Kies een naam uit de lijst.`);
              else setFout(null);
            }}
          />
          <datalist id={lijstId}>
            {opties.map((o) => (
              <option key={o.waarde} value={o.label} />
            ))}
          </datalist>
        </>
      )}
    </FormField>
  );
}
