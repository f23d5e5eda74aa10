import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { Me } from '../auth/MeContext';
import { FoutMelding } from '../components/Fout';
import { Alert, Button, FormField, Link, Paragraph, Select } from '../components/nl';
import { magIk } from '../auth/MeContext';
import { GemeentenDocument, KiesStandaardGemeenteDocument, MeDocument } from '../generated/graphql';

/**
 * The gemeente this user lands on (issue 13, point 5), for organisations that work in more than
 * one gemeente: a corporatie, zorgaanbieder or huurdersorganisatie picks from its werkgebied, a
 * provincie from its gemeenten. Remembered per user by the API; pages start there
 * (lib/gebied.ts standaardGebied) instead of at the alphabetically first gemeente.
 */
export function StandaardGemeente({ me }: { me: Me }) {
  const org = me.organisatie;
  const provincie = org.soort === 'PROVINCIE' && org.provincie ? org.provincie.code : null;
  const gemeenten = useQuery(GemeentenDocument, {
    variables: { filter: { provincieCode: provincie } },
    skip: !provincie,
  });
  const opties = provincie ? (gemeenten.data?.gemeenten ?? []) : org.werkgebied;
  const [keuze, setKeuze] = useState(me.standaardGemeente?.code ?? '');
  const [klaar, setKlaar] = useState(false);
  const [kies, { error, loading }] = useMutation(KiesStandaardGemeenteDocument, {
    refetchQueries: [MeDocument],
  });
  if (org.soort === 'GEMEENTE' || org.soort === 'RIJK' || (!provincie && org.werkgebied.length < 2))
    return null;
  return (
    <form
      className="tm-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setKlaar(false);
        await kies({ variables: { gemeenteCode: keuze || null } }).then(
          () => setKlaar(true),
          () => undefined,
        );
      }}
    >
      {klaar ? <Alert type="ok">Uw keuze is opgeslagen.</Alert> : null}
      <FoutMelding error={error} />
      <FormField
        label="Standaardgemeente"
        description="De gemeente die u als eerste ziet bij voortgang, taakstellingen en rapportages."
      >
        {(ids) => (
          <Select ids={ids} value={keuze} onChange={(e) => setKeuze(e.target.value)}>
            <option value="">Geen voorkeur</option>
            {opties.map((g) => (
              <option key={g.code} value={g.code}>
                {g.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <Button type="submit" busy={loading} disabled={loading}>
        Keuze opslaan
      </Button>
    </form>
  );
}

/** The account part of the start page added by issue 13: the own users (beheerders) and the standaardgemeente. */
export function EigenAccount({ me }: { me: Me }) {
  return (
    <>
      {magIk(me, 'organisatie:gebruikers') ? (
        <Paragraph>
          <Link to="/gebruikers">Gebruikers van uw organisatie</Link> — wie zich aanmeldt en met welke rollen
        </Paragraph>
      ) : null}
      <StandaardGemeente me={me} />
    </>
  );
}
