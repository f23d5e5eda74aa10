import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FoutMelding, veldFouten } from '../../components/Fout';
import { Alert, Button, FormField, Heading, Select, Textarea } from '../../components/nl';
import { MaakReactieDocument } from '../../generated/graphql';
import { useConcept } from '../../lib/concept';
import type { Pa } from './gedeeld';

export function ReactieGeven({ pa }: { pa: Pa }) {
  const [c, setC, wis] = useConcept(`reactie-${pa.id}`, { tekst: '', afspraakId: '' });
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [plaats, { error, loading }] = useMutation(MaakReactieDocument);
  const server = veldFouten(error);
  return (
    <form
      className="tm-form"
      noValidate
      aria-label="Reageren"
      onSubmit={async (e) => {
        e.preventDefault();
        setMelding(null);
        if (!c.tekst.trim()) {
          setFout('Schrijf uw reactie.');
          return;
        }
        setFout(null);
        try {
          await plaats({
            variables: {
              prestatieafspraakId: pa.id,
              tekst: c.tekst.trim(),
              afspraakId: c.afspraakId || null,
            },
          });
          setMelding('Uw reactie is geplaatst. Alle partijen kunnen haar lezen.');
          wis();
        } catch {
          /* shown */
        }
      }}
    >
      <Heading level={3}>Reageren</Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error} />
      <FormField label="Waarop reageert u?">
        {(ids) => (
          <Select ids={ids} value={c.afspraakId} onChange={(e) => setC({ ...c, afspraakId: e.target.value })}>
            <option value="">Op de prestatieafspraak als geheel</option>
            {pa.afspraken.map((a) => (
              <option key={a.id} value={a.id}>
                {a.omschrijving}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Uw reactie" error={fout ?? server.tekst}>
        {(ids) => (
          <Textarea
            ids={ids}
            rows={4}
            value={c.tekst}
            onChange={(e) => setC({ ...c, tekst: e.target.value })}
          />
        )}
      </FormField>
      <Button type="submit" busy={loading} disabled={loading}>
        Reactie plaatsen
      </Button>
    </form>
  );
}
