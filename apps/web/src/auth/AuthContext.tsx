import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { WebConfig } from '../config';
import { afmelden, leesSessie, startAanmelden, vergeetSessie, vernieuwSessie, type Sessie } from './oidc';

export type AuthStatus = 'aangemeld' | 'afgemeld' | 'verlopen';

interface AuthWaarde {
  config: WebConfig;
  status: AuthStatus;
  sessie: Sessie | null;
  /** current access token (read at request time) */
  token: () => string | null;
  aanmelden: (terugNaar?: string) => Promise<void>;
  afmelden: () => Promise<void>;
  /** the API answered 401 or the token ran out */
  verlopen: () => void;
  zetSessie: (s: Sessie) => void;
}

const AuthContext = createContext<AuthWaarde | null>(null);

export function useAuth(): AuthWaarde {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth buiten AuthProvider');
  return a;
}

export function AuthProvider({ config, children }: { config: WebConfig; children: ReactNode }) {
  const [sessie, setSessie] = useState<Sessie | null>(() => {
    const s = leesSessie(config);
    return s && s.verlooptOp > Date.now() ? s : null;
  });
  const [status, setStatus] = useState<AuthStatus>(() => {
    const s = leesSessie(config);
    if (!s) return 'afgemeld';
    return s.verlooptOp > Date.now() ? 'aangemeld' : 'verlopen';
  });
  const sessieRef = useRef(sessie);
  sessieRef.current = sessie;

  const verlopen = useCallback(() => {
    if (!sessieRef.current) return;
    sessieRef.current = null;
    vergeetSessie(config);
    setSessie(null);
    setStatus('verlopen');
  }, [config]);

  // Shortly before the token runs out: renew it silently when the provider gave a refresh token
  // (Keycloak), else end the session with the Dutch "sessie verlopen" message.
  useEffect(() => {
    if (!sessie) return;
    const marge = sessie.refreshToken ? 30_000 : 0;
    const ms = sessie.verlooptOp - Date.now() - marge;
    const timer = setTimeout(
      () => {
        if (!sessie.refreshToken) return verlopen();
        void vernieuwSessie(config, sessie).then((nieuw) => {
          if (!nieuw) return verlopen();
          sessieRef.current = nieuw;
          setSessie(nieuw);
        });
      },
      Math.max(0, Math.min(ms, 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [config, sessie, verlopen]);

  const waarde = useMemo<AuthWaarde>(
    () => ({
      config,
      status,
      sessie,
      token: () => sessieRef.current?.accessToken ?? null,
      aanmelden: (terugNaar) =>
        startAanmelden(config, terugNaar ?? `${window.location.pathname}${window.location.search}`),
      afmelden: () => afmelden(config, sessieRef.current),
      verlopen,
      zetSessie: (s) => {
        sessieRef.current = s;
        setSessie(s);
        setStatus('aangemeld');
      },
    }),
    [config, status, sessie, verlopen],
  );
  return <AuthContext.Provider value={waarde}>{children}</AuthContext.Provider>;
}
