import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FoutMelding } from '../../components/Fout';
import { Alert, Button, FormField, Heading, Select } from '../../components/nl';
import {
  VoegPartijToeDocument,
  PartijKandidatenDocument,
  VerwijderPartijDocument,
} from '../../generated/graphql';
import { organisatieSoortLabel } from '../../lib/format';
import type { Pa } from './gedeeld';

export function PartijenBewerken({ pa }: { pa: Pa }) {
  const kandidaten = useQuery(PartijKandidatenDocument, { variables: { gemeenteCode: pa.gemeente.code } });
  const [keuze, setKeuze] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [voegToe, toe] = useMutation(VoegPartijToeDocument);
  const [haalWeg, weg] = useMutation(VerwijderPartijDocument);
  const huidige = new Set(pa.partijen.map((p) => p.id));
  const opties = (kandidaten.data?.organisaties ?? []).filter(
    (o) => !huidige.has(o.id) && ['CORPORATIE', 'HUURDERSORGANISATIE', 'ZORGAANBIEDER'].includes(o.soort),
  );
  const verwijderbaar = pa.partijen.filter((p) => p.soort !== 'GEMEENTE' && p.id !== pa.opgesteldDoor.id);
  return (
    <div className="tm-raster">
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setMelding(null);
          if (!keuze) {
            setFout('Kies de organisatie die u wilt uitnodigen.');
            return;
          }
          setFout(null);
          const naam = opties.find((o) => o.id === keuze)?.naam;
          try {
            await voegToe({ variables: { id: pa.id, versie: pa.versie, organisatieId: keuze } });
            setMelding(`${naam} is uitgenodigd als partij.`);
            setKeuze('');
          } catch {
            /* shown */
          }
        }}
      >
        <FormField label="Partij uitnodigen" error={fout}>
          {(ids) => (
            <Select ids={ids} value={keuze} onChange={(e) => setKeuze(e.target.value)}>
              <option value="">Kies een organisatie</option>
              {opties.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.naam} ({organisatieSoortLabel(o.soort).toLowerCase()})
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" busy={toe.loading}>
          Uitnodigen
        </Button>
        {melding ? <Alert type="ok">{melding}</Alert> : null}
        <FoutMelding error={toe.error ?? weg.error} />
      </form>
      {verwijderbaar.length ? (
        <div>
          <Heading level={3}>Partij verwijderen</Heading>
          <ul className="utrecht-unordered-list">
            {verwijderbaar.map((p) => (
              <li key={p.id}>
                {p.naam}{' '}
                <Button
                  appearance="subtle"
                  aria-label={`${p.naam} als partij verwijderen`}
                  onClick={() =>
                    void haalWeg({ variables: { id: pa.id, versie: pa.versie, organisatieId: p.id } }).catch(
                      () => undefined,
                    )
                  }
                >
                  Verwijderen
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
