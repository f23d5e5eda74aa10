import { useQuery } from '@apollo/client/react';
import { useAuth } from '../auth/AuthContext';
import { useMe } from '../auth/MeContext';
import { FoutMelding, Laden } from '../components/Fout';
import { ExterneLink, Heading, Paragraph, Tabel } from '../components/nl';
import { GebruikersEigenOrganisatieDocument } from '../generated/graphql';
import { formatDatumTijd, ROL_LABELS } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

/**
 * /gebruikers: who signs in for the own organisation and with which roles (issue 13, point 4),
 * for users with the role beheren. Roles are what the last token said; users are invited and
 * removed in Keycloak.
 */
export function EigenGebruikersPagina() {
  usePaginaTitel('Gebruikers van uw organisatie');
  const me = useMe();
  const { config } = useAuth();
  const { data, error, loading } = useQuery(GebruikersEigenOrganisatieDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const rijen = data?.gebruikersEigenOrganisatie ?? [];
  const keycloak = config.issuer.includes('/realms/');
  return (
    <>
      <Heading level={1}>Gebruikers van {me.organisatie.naam}</Heading>
      <Paragraph>
        Wie zich voor uw organisatie aanmeldt, met de rollen uit de laatste aanmelding, en wie de
        platformbeheerder heeft geregistreerd maar zich nog niet heeft aangemeld. Gebruikers uitnodigen,
        rollen wijzigen of verwijderen gebeurt in Keycloak, door de platformbeheerder (BZK) of de
        Keycloak-beheerder van uw organisatie.
        {keycloak ? (
          <>
            {' '}
            Uw eigen account (wachtwoord, tweestapsverificatie) beheert u in het{' '}
            <ExterneLink href={`${config.issuer}/account`}>Keycloak-accountbeheer</ExterneLink>.
          </>
        ) : null}
      </Paragraph>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <Tabel
          caption={`${rijen.length} ${rijen.length === 1 ? 'gebruiker' : 'gebruikers'}`}
          rijen={rijen}
          sleutel={(g) => g.gebruikersnaam}
          kolommen={[
            { kop: 'Gebruikersnaam', cel: (g) => g.gebruikersnaam, rijkop: true },
            { kop: 'Naam', cel: (g) => g.naam },
            { kop: 'Rollen', cel: (g) => g.rollen.map((r) => ROL_LABELS[r] ?? r).join(', ') },
            {
              kop: 'Laatst aangemeld',
              cel: (g) => (g.laatsteAanmelding ? formatDatumTijd(g.laatsteAanmelding) : 'Nog niet'),
            },
          ]}
        />
      ) : null}
    </>
  );
}
