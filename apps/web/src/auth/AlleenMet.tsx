import type { ReactNode } from 'react';
import { Alert, Heading, Link, Paragraph } from '../components/nl';
import { magIk, useMe } from './MeContext';

/**
 * A page whose whole purpose is a form (enter a toewijzing, import a file, start a
 * prestatieafspraak): a user without the permission (a read-only account, issue 13) gets a short
 * Dutch explanation instead of a form the API would refuse. The menu already hides these pages;
 * this covers bookmarks and typed addresses.
 */
export function AlleenMet({
  permissie,
  titel,
  terug,
  children,
}: {
  permissie: string;
  titel: string;
  terug: { naar: string; tekst: string };
  children: ReactNode;
}) {
  const me = useMe();
  if (magIk(me, permissie)) return <>{children}</>;
  return (
    <>
      <Heading level={1}>{titel}</Heading>
      <Alert type="info">
        Uw account kan hier alleen lezen. Vraag de beheerder van uw organisatie om de rol die hiervoor nodig
        is.
      </Alert>
      <Paragraph>
        <Link to={terug.naar}>{terug.tekst}</Link>
      </Paragraph>
    </>
  );
}
