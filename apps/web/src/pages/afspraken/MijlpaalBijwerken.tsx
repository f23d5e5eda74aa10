import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FoutMelding } from '../../components/Fout';
import { Alert, Button, FormField, Select, Textarea, Textbox } from '../../components/nl';
import { WijzigMijlpaalStatusDocument, type MijlpaalStatus } from '../../generated/graphql';
import { MIJLPAAL_STATUS_LABELS } from '../../lib/labels';
import type { AfspraakT } from './gedeeld';

export function MijlpaalBijwerken({ afspraak }: { afspraak: AfspraakT }) {
  const [status, setStatus] = useState<string>(afspraak.mijlpaalStatus ?? 'LOOPT');
  const [toelichting, setToelichting] = useState('');
  const [gereedOp, setGereedOp] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [werkBij, { error, loading }] = useMutation(WijzigMijlpaalStatusDocument);
  return (
    <details className="tm-uitleg">
      <summary>Stand van deze mijlpaal bijwerken</summary>
      <form
        className="tm-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setMelding(null);
          if (!toelichting.trim()) {
            setFout('Licht de stand kort toe.');
            return;
          }
          setFout(null);
          try {
            await werkBij({
              variables: {
                afspraakId: afspraak.id,
                status: status as MijlpaalStatus,
                toelichting: toelichting.trim(),
                gereedOp: status === 'GEREED' && gereedOp ? gereedOp : null,
              },
            });
            setMelding('De stand is bijgewerkt.');
            setToelichting('');
          } catch {
            /* shown */
          }
        }}
      >
        {melding ? <Alert type="ok">{melding}</Alert> : null}
        <FoutMelding error={error} />
        <FormField label="Stand">
          {(ids) => (
            <Select ids={ids} value={status} onChange={(e) => setStatus(e.target.value)}>
              {Object.entries(MIJLPAAL_STATUS_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        {status === 'GEREED' ? (
          <FormField label="Gereed op" description="Leeg laten: vandaag.">
            {(ids) => (
              <Textbox ids={ids} type="date" value={gereedOp} onChange={(e) => setGereedOp(e.target.value)} />
            )}
          </FormField>
        ) : null}
        <FormField label="Toelichting" verplicht error={fout}>
          {(ids) => (
            <Textarea
              ids={ids}
              rows={2}
              value={toelichting}
              onChange={(e) => setToelichting(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" busy={loading} disabled={loading}>
          Stand opslaan
        </Button>
      </form>
    </details>
  );
}
