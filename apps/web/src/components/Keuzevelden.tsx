import { AANDACHTSGROEPEN, ACTIELIJNEN } from '@thuismonitor/domain';
import type { ReactNode } from 'react';
import type { Actielijn } from '../generated/graphql';
import { aandachtsgroepLabel, actielijnLabel } from '../lib/format';
import { FormField, Select } from './nl';

/**
 * The choice fields that several forms ask in the same words (an activity, an afspraak, a
 * taakstelling, a toewijzing): one place for their options and labels. Each is a labelled
 * FormField, so the error and description stay tied to the control (aria-describedby).
 */
interface VeldProps {
  value: string;
  onChange: (waarde: string) => void;
  error?: string | null;
  description?: ReactNode;
  verplicht?: boolean;
}

/** „Actielijn”: the four action lines of the Nationale Woon- en Bouwagenda. */
export function ActielijnVeld({ value, onChange, error, description, verplicht }: VeldProps) {
  return (
    <FormField label="Actielijn" verplicht={verplicht} description={description} error={error}>
      {(ids) => (
        <Select ids={ids} value={value} onChange={(e) => onChange(e.target.value as Actielijn)}>
          {ACTIELIJNEN.map((a) => (
            <option key={a.code} value={a.code}>
              {actielijnLabel(a.code)}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

/** „Aandachtsgroep”, with a first option `leeg` for none. */
export function AandachtsgroepVeld({ leeg, ...p }: VeldProps & { leeg: string }) {
  return (
    <FormField label="Aandachtsgroep" verplicht={p.verplicht} description={p.description} error={p.error}>
      {(ids) => (
        <Select ids={ids} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
          <option value="">{leeg}</option>
          {AANDACHTSGROEPEN.map((g) => (
            <option key={g} value={g}>
              {aandachtsgroepLabel(g)}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

/** A choice among measurable indicators, with a first option `leeg` for none. */
export function IndicatorVeld({
  label,
  leeg,
  indicatoren,
  ...p
}: VeldProps & { label: string; leeg: string; indicatoren: readonly { code: string; naam: string }[] }) {
  return (
    <FormField label={label} verplicht={p.verplicht} description={p.description} error={p.error}>
      {(ids) => (
        <Select ids={ids} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
          <option value="">{leeg}</option>
          {indicatoren.map((i) => (
            <option key={i.code} value={i.code}>
              {i.naam}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

/** A gemeente from a list (the werkgebied, mostly), with a first option `leeg` for none. */
export function GemeenteVeld({
  label = 'Gemeente',
  leeg = 'Kies een gemeente',
  gemeenten,
  required,
  ...p
}: VeldProps & {
  label?: string;
  leeg?: string;
  gemeenten: readonly { code: string; naam: string }[];
  required?: boolean;
}) {
  return (
    <FormField label={label} verplicht={p.verplicht} description={p.description} error={p.error}>
      {(ids) => (
        <Select ids={ids} required={required} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
          <option value="">{leeg}</option>
          {gemeenten.map((g) => (
            <option key={g.code} value={g.code}>
              {g.naam}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
