import { useEffect, useRef, useState, type ReactNode } from 'react';
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
    const zetFocus = (doel: HTMLElement) => {
      if (!doel.hasAttribute('tabindex')) doel.setAttribute('tabindex', '-1');
      doel.focus();
    };
    const h1 = document.querySelector<HTMLElement>('#inhoud h1');
    if (h1) {
      zetFocus(h1);
      return;
    }
    // the page's chunk is still loading (code splitting): focus the h1 once it appears
    const inhoud = document.getElementById('inhoud');
    if (!inhoud) return;
    zetFocus(inhoud);
    const waarnemer = new MutationObserver(() => {
      const kop = inhoud.querySelector<HTMLElement>('h1');
      if (kop) {
        waarnemer.disconnect();
        if (document.activeElement === inhoud) zetFocus(kop);
      }
    });
    waarnemer.observe(inhoud, { childList: true, subtree: true });
    const stop = setTimeout(() => waarnemer.disconnect(), 10_000);
    return () => {
      waarnemer.disconnect();
      clearTimeout(stop);
    };
  }, [location.pathname]);
}

/** The Thuismonitor mark: a house whose floor rises like a progress line (also public/favicon.svg). */
function Logo() {
  return (
    <svg
      className="tm-logo__beeld"
      viewBox="0 0 32 32"
      width="36"
      height="36"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="6" fill="#fff" />
      <path
        d="M6 15 16 6l10 9"
        fill="none"
        stroke="#003e65"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M9 13.5V26h14V13.5" fill="none" stroke="#003e65" strokeWidth="2.6" strokeLinejoin="round" />
      <path
        d="m12 21.5 3-3 2.2 2.2 3.8-4.2"
        fill="none"
        stroke="#e17000"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Kop({ me }: { me?: Me }) {
  const auth = useAuth();
  return (
    <header className="utrecht-page-header tm-kop">
      <div className="utrecht-page-header__content tm-kop__inhoud">
        <a href="/" className="tm-logo" aria-label="Thuismonitor, naar de startpagina">
          <Logo />
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
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // a chosen menu item closes the folded menu again
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <div className="tm-pagina">
      <SkipLink />
      <Kop me={me} />
      <nav className="utrecht-nav-bar tm-nav" aria-label="Hoofdmenu">
        <div className="utrecht-nav-bar__content">
          {/* on small screens the menu folds away behind this button (shown by CSS below 48rem) */}
          <button
            type="button"
            className="tm-menuknop"
            aria-expanded={menuOpen}
            aria-controls="tm-hoofdmenu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true" className="tm-menuknop__icoon" />
            Menu
          </button>
          <ul
            id="tm-hoofdmenu"
            className={`utrecht-nav-list${menuOpen ? ' tm-nav__lijst--open' : ''}`}
            role="list"
          >
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
