import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** One Apollo client per session: bearer token per request; a 401 ends the session (Dutch message). */
export function maakApolloClient(
  apiUrl: string,
  token: () => string | null,
  verlopen: () => void,
): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const t = token();
    return { headers: { ...prev.headers, ...(t ? { authorization: `Bearer ${t}` } : {}) } };
  });
  const fouten = new ErrorLink(({ error }) => {
    if (ServerError.is(error) && error.statusCode === 401) verlopen();
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
      verlopen();
  });
  return new ApolloClient({
    link: ApolloLink.from([fouten, auth, new HttpLink({ uri: `${apiUrl}/graphql` })]),
    cache: new InMemoryCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
      query: { fetchPolicy: 'network-only' },
    },
  });
}
