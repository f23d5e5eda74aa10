import type { FormEvent, ReactNode } from 'react';
import { FoutMelding } from './Fout';
import { Alert, Heading } from './nl';

/**
 * A page section that holds one entry form: the heading the section is named by, the
 * confirmation of the last save, the error of the last attempt, then the form (no browser
 * validation: the form's own messages sit at the fields).
 */
export function InvoerSectie({
  kopId,
  kop,
  melding,
  error,
  onSubmit,
  children,
}: {
  kopId: string;
  kop: ReactNode;
  melding: ReactNode;
  error: unknown;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={kopId}>
      <Heading level={2} id={kopId}>
        {kop}
      </Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error} />
      <form className="tm-form" noValidate onSubmit={onSubmit}>
        {children}
      </form>
    </section>
  );
}
