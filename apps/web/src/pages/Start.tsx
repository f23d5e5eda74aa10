import { useMe } from '../auth/MeContext';
import { DataList, Heading, Link, Paragraph } from '../components/nl';
import { navigatieVoor } from '../layout/navigatie';
import { organisatieSoortLabel, ROL_LABELS } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

export function StartPagina() {
  const me = useMe();
  usePaginaTitel('Start');
  const org = me.organisatie;
  const taken = navigatieVoor(org.soort, me.permissies).filter((n) => n.pad !== '/');
  return (
    <>
      <Heading level={1}>Welkom, {me.naam}</Heading>
      <Paragraph lead>U werkt in Thuismonitor namens {org.naam}.</Paragraph>
      <section aria-labelledby="kop-organisatie">
        <Heading level={2} id="kop-organisatie">
          Uw organisatie
        </Heading>
        <DataList
          items={[
            { key: 'Organisatie', value: org.naam },
            { key: 'Soort', value: organisatieSoortLabel(org.soort) },
            { key: 'Code', value: org.code },
            ...(org.gemeente ? [{ key: 'Gemeente', value: org.gemeente.naam }] : []),
            ...(org.provincie ? [{ key: 'Provincie', value: org.provincie.naam }] : []),
            ...(org.werkgebied.length
              ? [{ key: 'Werkgebied', value: org.werkgebied.map((g) => g.naam).join(', ') }]
              : []),
          ]}
        />
      </section>
      <section aria-labelledby="kop-gebruiker">
        <Heading level={2} id="kop-gebruiker">
          Uw account
        </Heading>
        <DataList
          items={[
            { key: 'Naam', value: me.naam },
            { key: 'Gebruikersnaam', value: me.gebruikersnaam },
            ...(me.email ? [{ key: 'E-mail', value: me.email }] : []),
            { key: 'Rollen', value: me.rollen.map((r) => ROL_LABELS[r] ?? r).join(', ') || 'geen' },
          ]}
        />
      </section>
      <section aria-labelledby="kop-taken">
        <Heading level={2} id="kop-taken">
          Wat u hier kunt doen
        </Heading>
        <ul className="utrecht-unordered-list tm-taken">
          {taken.map((t) => (
            <li key={t.pad}>
              <Link to={t.pad}>{t.label}</Link> — {t.uitleg}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
