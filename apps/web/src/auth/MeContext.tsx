import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { MeDocument, type MeQuery } from '../generated/graphql';
import { FoutMelding, Laden } from '../components/Fout';
import { Heading } from '../components/nl';
import { AanmeldPagina } from '../pages/Publiek';
import { useAuth } from './AuthContext';

export type Me = MeQuery['me'];

const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe buiten MeProvider');
  return me;
}

export function magIk(me: Me, permissie: string): boolean {
  return me.permissies.includes(permissie);
}

/** Loads `me` once after login: organisation kind and permissions drive the navigation. */
export function MeProvider({ children }: { children: (me: Me) => ReactNode }) {
  const auth = useAuth();
  const { data, error, loading } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  if (!data?.me && auth.status === 'verlopen') return <AanmeldPagina />;
  if (data?.me) return <MeContext.Provider value={data.me}>{children(data.me)}</MeContext.Provider>;
  return (
    <main id="inhoud" className="tm-main" tabIndex={-1}>
      <Heading level={1}>Thuismonitor</Heading>
      {loading ? <Laden tekst="Uw gegevens worden geladen…" /> : null}
      {error ? <FoutMelding error={error} titel="Uw gegevens konden niet worden geladen." /> : null}
    </main>
  );
}
