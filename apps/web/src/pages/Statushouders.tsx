import { useQuery } from '@apollo/client/react';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden } from '../components/Fout';
import { Alert, Heading, Link, Paragraph, StatusBadge, Tabel } from '../components/nl';
import { StatushoudersGemeenteDocument, StatushoudersProvincieDocument } from '../generated/graphql';
import { formatDag, formatGetal } from '../lib/format';
import { huidigJaar, voortgangHref } from '../lib/gebied';
import { STATUS_BADGE } from '../lib/labels';
import { usePaginaTitel } from '../lib/pagina';
import { CoaImport, InterventieFormulier } from './StatushoudersToezicht';

function statusBadge(status: string | null | undefined, label: string | null | undefined) {
  if (!status) return '–';
  return <StatusBadge soort={STATUS_BADGE[status] ?? 'neutral'}>{label ?? status}</StatusBadge>;
}

const huidigHalfjaar = () => {
  const d = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', month: 'numeric' }).format(
    new Date(),
  );
  return `${huidigJaar()}-H${Number(d) <= 6 ? 1 : 2}`;
};

/** Statushouders taakstelling per halfjaar, with carry-over; the provincie sees all its gemeenten. */
export function StatushoudersPagina() {
  usePaginaTitel('Statushouders');
  const me = useMe();
  const o = me.organisatie;
  const van = `${huidigJaar() - 1}-H1`;
  const tot = huidigHalfjaar();
  const provincieCode = o.soort === 'PROVINCIE' ? o.provincie?.code : undefined;
  const gemeenteCode = o.soort === 'GEMEENTE' ? o.gemeente?.code : undefined;
  const prov = useQuery(StatushoudersProvincieDocument, {
    variables: { provincieCode: provincieCode ?? '', van, tot },
    skip: !provincieCode,
  });
  const gem = useQuery(StatushoudersGemeenteDocument, {
    variables: { gemeenteCode: gemeenteCode ?? '', van, tot },
    skip: !gemeenteCode,
  });
  const gemeenten = prov.data
    ? prov.data.statushoudersTaakstellingProvincie.gemeenten
    : gem.data
      ? [gem.data.statushoudersTaakstelling]
      : [];
  const halfjaren = gemeenten[0]?.halfjaren.map((h) => h.halfjaar) ?? [];
  const laatste = halfjaren[halfjaren.length - 1];
  // the national policy: half years that start without a taakstelling are shown, not judged
  const zonderTaakstelling = gemeenten[0]?.halfjaren.filter((h) => !h.beoordeeld) ?? [];
  const beoordeeldeHalfjaren =
    gemeenten[0]?.halfjaren.filter((h) => h.beoordeeld).map((h) => h.halfjaar) ?? [];
  const geenTaak = (h: { beoordeeld: boolean } | undefined, waarde: string) =>
    h && !h.beoordeeld ? 'geen taakstelling' : waarde;
  return (
    <>
      <Heading level={1}>Huisvesting statushouders</Heading>
      <Paragraph>
        De taakstelling wordt per halfjaar gesteld in personen. Een achterstand of voorsprong gaat mee naar
        het volgende halfjaar. De provincie toetst op 1 januari en 1 juli.
      </Paragraph>
      <Paragraph>
        Getoetst wordt op de realisatie die het COA per gemeente meldt, zodra het COA voor het halfjaar
        cijfers gaf; anders op de toewijzingen van corporaties. Beide staan naast elkaar, met het verschil.
      </Paragraph>
      {zonderTaakstelling.length ? (
        <Alert type="info">
          Landelijk geldt geen taakstelling voor{' '}
          {zonderTaakstelling.map((h) => h.halfjaar.replace('-H', ' halfjaar ')).join(', ')}: deze halfjaren
          worden niet beoordeeld. {zonderTaakstelling[0].beleidToelichting}
        </Alert>
      ) : null}
      {o.soort === 'RIJK' && magIk(me, 'taakstelling:stellen') ? <CoaImport /> : null}
      <FoutMelding error={prov.error ?? gem.error} />
      {prov.loading || gem.loading ? <Laden /> : null}
      {prov.data ? (
        <Alert type={prov.data.statushoudersTaakstellingProvincie.gemeentenMetAchterstand ? 'warning' : 'ok'}>
          {formatGetal(prov.data.statushoudersTaakstellingProvincie.gemeentenMetAchterstand)} van de{' '}
          {formatGetal(gemeenten.length)} gemeenten hebben een achterstand{' '}
          {gemeenten[0]?.halfjaren[gemeenten[0].halfjaren.length - 1]?.voorlopig
            ? 'in het lopende halfjaar (voorlopig: de taakstelling geldt aan het eind van het halfjaar).'
            : 'aan het eind van het laatste halfjaar.'}
          {prov.data.statushoudersTaakstellingProvincie.toetsHalfjaar
            ? ` Bij de toets van ${prov.data.statushoudersTaakstellingProvincie.toetsHalfjaar.replace('-H', ' halfjaar ')}: ${formatGetal(prov.data.statushoudersTaakstellingProvincie.gemeentenAchterBijToets)} met een achterstand.`
            : ''}
        </Alert>
      ) : null}
      {gemeenten.length && laatste ? (
        <Tabel
          caption={`Stand per gemeente, ${laatste.replace('-H', ' halfjaar ')}`}
          exporteer={`Statushouders ${laatste}`}
          rijen={gemeenten}
          sleutel={(g) => g.gemeente.code}
          kolommen={[
            {
              kop: 'Gemeente',
              cel: (g) => (
                <Link to={voortgangHref({ soort: 'GEMEENTE', code: g.gemeente.code })}>
                  {g.gemeente.naam}
                </Link>
              ),
              rijkop: true,
            },
            ...halfjaren.flatMap((hj, idx) => [
              {
                kop: `${hj.replace('-H', ' H')}: te realiseren`,
                cel: (g: (typeof gemeenten)[number]) =>
                  geenTaak(g.halfjaren[idx], formatGetal(g.halfjaren[idx]?.teRealiseren)),
                numeriek: true,
              },
              {
                kop: `${hj.replace('-H', ' H')}: gehuisvest`,
                cel: (g: (typeof gemeenten)[number]) => formatGetal(g.halfjaren[idx]?.gehuisvest),
                numeriek: true,
              },
            ]),
            {
              kop: 'Toewijzingen corporaties (laatste halfjaar)',
              cel: (g) => formatGetal(g.halfjaren[g.halfjaren.length - 1]?.gehuisvestToewijzingen),
              numeriek: true,
            },
            {
              kop: 'COA (laatste halfjaar)',
              cel: (g) => {
                const h = g.halfjaren[g.halfjaren.length - 1];
                return h?.gehuisvestCoa == null
                  ? 'geen COA-cijfer'
                  : `${formatGetal(h.gehuisvestCoa)} (t/m ${h.coaTotMaand ?? ''})`;
              },
              numeriek: true,
            },
            {
              kop: 'Verschil COA − toewijzingen',
              cel: (g) => formatGetal(g.halfjaren[g.halfjaren.length - 1]?.verschilCoa),
              numeriek: true,
            },
            {
              kop: 'Saldo (+ = achterstand)',
              cel: (g) => {
                const h = g.halfjaren[g.halfjaren.length - 1];
                return geenTaak(h, formatGetal(h?.saldo));
              },
              numeriek: true,
            },
            {
              kop: 'Status',
              cel: (g) => {
                const h = g.halfjaren[g.halfjaren.length - 1];
                return h ? (
                  <>
                    {statusBadge(h.status, h.statusLabel)}
                    {h.voorlopig ? ' (voorlopig)' : ''}
                  </>
                ) : (
                  '–'
                );
              },
            },
            {
              kop: 'Interventieladder',
              cel: (g) =>
                g.interventie
                  ? `${g.interventie.tredeLabel}; ${g.interventie.oordeelLabel}${g.interventie.termijn ? `; termijn ${formatDag(g.interventie.termijn)}` : ''}`
                  : '–',
            },
          ]}
        />
      ) : null}
      {prov.data && magIk(me, 'taakstelling:stellen') ? (
        <InterventieFormulier gemeenten={gemeenten.map((g) => g.gemeente)} halfjaren={beoordeeldeHalfjaren} />
      ) : null}
    </>
  );
}
