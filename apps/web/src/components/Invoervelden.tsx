import type { ReactNode } from 'react';
import { Button, ButtonGroup, FormField, Textarea, Textbox } from './nl';

/**
 * The number and explanation fields and the save button that the figure forms (kwartaalcijfer,
 * taakstelling) share: a labelled FormField each, so errors and descriptions stay tied to the
 * control (aria-describedby).
 */
export function GetalVeld({
  label,
  verplicht,
  description,
  error,
  value,
  onChange,
}: {
  label: string;
  verplicht?: boolean;
  description?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (waarde: string) => void;
}) {
  return (
    <FormField label={label} verplicht={verplicht} description={description} error={error}>
      {(ids) => (
        <Textbox
          ids={ids}
          inputMode="decimal"
          size={10}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/** „Toelichting”: free text, optional. */
export function ToelichtingVeld({
  rows,
  error,
  value,
  onChange,
}: {
  rows: number;
  error?: string | null;
  value: string;
  onChange: (waarde: string) => void;
}) {
  return (
    <FormField label="Toelichting" error={error}>
      {(ids) => <Textarea ids={ids} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}

/** The form's submit button, busy and disabled while the mutation runs. */
export function Verzendknop({ bezig, children }: { bezig: boolean; children: ReactNode }) {
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action" busy={bezig} disabled={bezig}>
        {children}
      </Button>
    </ButtonGroup>
  );
}
