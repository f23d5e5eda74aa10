import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import type { Me } from '../auth/MeContext';
import { Alert, Button, Link } from '../components/nl';
import { organisatieSoortLabel } from '../lib/format';
import { navigatieVoor } from './navigatie';

/** Moves focus to the page's h1 after client-side navigation (not on first load), WCAG 2.4.3. */
function useFocusOpNavigatie() {
  const location = useLocation();
  const eerste = useRef(true);
  useEffect(() => {
    if (eerste.current) {
      eerste.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('#inhoud h1');
    const doel = h1 ?? document.getElementById('inhoud');
    if (doel) {
      if (!doel.hasAttribute('tabindex')) doel.setAttribute('tabindex', '-1');
      doel.focus();
    }
  }, [location.pathname]);
}

export function Kop({ me }: { me?: Me }) {
  const auth = useAuth();
  return (
    <header className="utrecht-page-header tm-kop">
      <div className="utrecht-page-header__content tm-kop__inhoud">
        <a href="/" className="tm-logo" aria-label="Thuismonitor, naar de startpagina">
          <span aria-hidden="true" className="tm-logo__beeld">
            ⌂
          </span>
          <span className="tm-logo__tekst">Thuismonitor</span>
        </a>
        {me ? (
          <div className="tm-gebruiker">
            <span>
              {me.naam}{' '}
              <span className="tm-gebruiker__org">
                · {me.organisatie.naam} ({organisatieSoortLabel(me.organisatie.soort)})
              </span>
            </span>
            <Button appearance="subtle" onClick={() => void auth.afmelden()}>
              Afmelden
            </Button>
          </div>
        ) : null}
      </div>
    </header>
  );
}

export function Voet() {
  return (
    <footer className="utrecht-page-footer tm-voet">
      <div className="utrecht-page-footer__content">
        <ul className="tm-voet__links">
          <li>
            <Link to="/toegankelijkheid">Toegankelijkheid</Link>
          </li>
          <li>Thuismonitor — Een thuis voor iedereen</li>
        </ul>
      </div>
    </footer>
  );
}

export function SkipLink() {
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
      Naar de inhoud
    </a>
  );
}

export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const auth = useAuth();
  useFocusOpNavigatie();
  const items = navigatieVoor(me.organisatie.soort, me.permissies);
  return (
    <div className="tm-pagina">
      <SkipLink />
      <Kop me={me} />
      <nav className="utrecht-nav-bar tm-nav" aria-label="Hoofdmenu">
        <div className="utrecht-nav-bar__content">
          <ul className="utrecht-nav-list" role="list">
            {items.map((n) => (
              <li key={n.pad} className="utrecht-nav-list__item">
                <NavLink
                  to={n.pad}
                  end={n.pad === '/' || items.some((o) => o.pad.startsWith(`${n.pad}/`))}
                  className="utrecht-nav-list__link"
                >
                  {n.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main id="inhoud" className="tm-main" tabIndex={-1}>
        {auth.status === 'verlopen' ? (
          <Alert type="warning">
            <p className="utrecht-paragraph">
              Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan; wat u in formulieren hebt ingevuld,
              blijft bewaard.
            </p>
            <Button appearance="primary-action" onClick={() => void auth.aanmelden()}>
              Opnieuw aanmelden
            </Button>
          </Alert>
        ) : null}
        {children}
      </main>
      <Voet />
    </div>
  );
}

/** Layout for pages outside a session (login, accessibility statement). */
export function PubliekeLayout({ children }: { children: ReactNode }) {
  useFocusOpNavigatie();
  return (
    <div className="tm-pagina">
      <SkipLink />
      <Kop />
      <main id="inhoud" className="tm-main" tabIndex={-1}>
        {children}
      </main>
      <Voet />
    </div>
  );
}
