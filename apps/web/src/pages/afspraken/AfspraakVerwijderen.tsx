import { useMutation } from '@apollo/client/react';
import { Button } from '../../components/nl';
import { VerwijderAfspraakDocument } from '../../generated/graphql';
import { type Pa, type AfspraakT } from './gedeeld';

export function AfspraakVerwijderen({ pa, afspraak }: { pa: Pa; afspraak: AfspraakT }) {
  const [weg, { loading }] = useMutation(VerwijderAfspraakDocument);
  return (
    <Button
      appearance="subtle"
      busy={loading}
      aria-label={`Afspraak verwijderen: ${afspraak.omschrijving}`}
      onClick={() => {
        if (window.confirm('Deze afspraak verwijderen?'))
          void weg({ variables: { id: pa.id, versie: pa.versie, afspraakId: afspraak.id } }).catch(
            () => undefined,
          );
      }}
    >
      Verwijderen
    </Button>
  );
}
