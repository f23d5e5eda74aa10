import { ORGANISATIE_SOORTEN } from '@thuismonitor/domain';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { OrganisatieSoort } from '../generated/graphql';
import { organisatieSoortLabel } from '../lib/format';
import { Button, FormField, Select, Textbox } from './nl';

type FilterWaarde = string | boolean;

/**
 * A list page's filter that lives in the URL (so a filtered list can be bookmarked and shared):
 * `gezocht` is what the URL holds now (for the query), `invoer` what the user is typing, `zoek()`
 * puts the typed values in the URL — empty strings and `false` are left out, `true` becomes '1'.
 */
export function useZoekFilter<T extends Record<string, FilterWaarde>>(lees: (params: URLSearchParams) => T) {
  const [params, setParams] = useSearchParams();
  const gezocht = lees(params);
  const [invoer, setInvoer] = useState(gezocht);
  const zet = <K extends keyof T>(sleutel: K, waarde: T[K]) => setInvoer({ ...invoer, [sleutel]: waarde });
  const zoek = () => {
    const p = new URLSearchParams();
    for (const [sleutel, waarde] of Object.entries(invoer)) {
      if (waarde === true) p.set(sleutel, '1');
      else if (typeof waarde === 'string' && waarde) p.set(sleutel, waarde);
    }
    setParams(p);
  };
  return { gezocht, invoer, zet, zoek };
}

/** The search form around a list: a landmark (role=search) named by `label`, ending in „Zoeken”. */
export function ZoekFormulier({
  label,
  onZoek,
  children,
}: {
  label: string;
  onZoek: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="tm-filter"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onZoek();
      }}
    >
      {children}
      <Button type="submit" appearance="secondary-action">
        Zoeken
      </Button>
    </form>
  );
}

/** The free-text field of a search form (name or code). */
export function ZoekVeld({ value, onChange }: { value: string; onChange: (waarde: string) => void }) {
  return (
    <FormField label="Zoek op naam of code">
      {(ids) => <Textbox ids={ids} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}

/** A choice of organisation kind; `leeg` adds a first option with value '' (no kind chosen). */
export function OrganisatieSoortKiezer<T extends OrganisatieSoort | ''>({
  label,
  value,
  onChange,
  leeg,
  verplicht,
}: {
  label: string;
  value: T;
  onChange: (soort: T) => void;
  leeg?: string;
  verplicht?: boolean;
}) {
  return (
    <FormField label={label} verplicht={verplicht}>
      {(ids) => (
        <Select ids={ids} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {leeg !== undefined ? <option value="">{leeg}</option> : null}
          {ORGANISATIE_SOORTEN.map((s) => (
            <option key={s} value={s}>
              {organisatieSoortLabel(s)}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
